#include "accord/engines/round.hpp"

#include <algorithm>
#include <cstdio>

#include "accord/engines/bargain.hpp"

namespace accord::rounds {
namespace {

StanceKind stance_of(RoundAnswer a) {
  switch (a) {
    case RoundAnswer::accept: return StanceKind::accept;
    case RoundAnswer::reject: return StanceKind::reject;
    case RoundAnswer::conditional: return StanceKind::conditional;
    default: return StanceKind::unknown;
  }
}

// The addressed parties as indices (unknown ids are reported by summarize).
std::vector<PartyIndex> addressed(const Scenario& s, const RoundRecord& r, std::string* unknown) {
  std::vector<PartyIndex> out;
  for (const std::string& id : r.parties) {
    const PartyIndex p = s.find_party(id);
    if (!p.valid()) {
      if (unknown && unknown->empty()) *unknown = id;
      continue;
    }
    out.push_back(p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

Scenario with_answers(const Scenario& s, const RoundRecord& round) {
  Scenario out = s;
  const VersionIndex v = out.find_version(round.version);
  if (!v.valid()) return out;
  Version& ver = out.versions[v];
  ver.stances.resize(out.parties.size());
  for (const PartyIndex p : addressed(out, round, nullptr)) {
    ver.stances[p].resize(ver.points.size());
    const PartyResponses* answers = round.responses_of(out.parties[p].id);
    for (const PointIndex k : ver.points.indices()) {
      const RoundResponse* a = answers ? answers->find(ver.points[k].id) : nullptr;
      Stance st;
      st.kind = a ? stance_of(a->answer) : StanceKind::unknown;
      if (a) st.provenance.note = a->note;
      ver.stances[p][k] = std::move(st);
    }
  }
  return out;
}

Summary summarize(const Scenario& s, const RoundRecord& round, const evaluate::Params& params) {
  Summary out;
  out.version = s.find_version(round.version);
  if (!out.version.valid()) {
    out.outcome =
        Outcome::failure(Status::invalid_input, "no version `" + round.version + "` in the scenario", "version");
    return out;
  }
  std::string unknown;
  out.parties = addressed(s, round, &unknown);
  if (!unknown.empty()) {
    out.outcome = Outcome::failure(Status::invalid_input, "no party `" + unknown + "` in the scenario", "parties");
    return out;
  }
  const Version& ver = s.versions[out.version];
  out.convergence.points = ver.points.size();
  out.convergence.blocked_by.resize(out.parties.size());
  out.convergence.conditional_by.resize(out.parties.size());
  for (std::size_t i = 0; i < out.parties.size(); ++i)
    if (const PartyResponses* r = round.responses_of(s.parties[out.parties[i]].id); r && r->answered())
      ++out.convergence.answered;
  for (const PointIndex k : ver.points.indices()) {
    PointTally t;
    t.point = k;
    for (std::size_t i = 0; i < out.parties.size(); ++i) {
      const PartyIndex p = out.parties[i];
      const PartyResponses* answers = round.responses_of(s.parties[p].id);
      const RoundResponse* a = answers ? answers->find(ver.points[k].id) : nullptr;
      const RoundAnswer answer = a ? a->answer : RoundAnswer::no_answer;
      if (answer == RoundAnswer::accept) {
        t.accept.push_back(p);
      } else if (answer == RoundAnswer::reject) {
        t.reject.push_back(p);
        out.convergence.blocked_by[i].push_back(k);
      } else if (answer == RoundAnswer::conditional) {
        t.conditional.push_back(p);
        out.convergence.conditional_by[i].push_back(k);
      } else {
        t.silent.push_back(p);
      }
      if (a && !a->amendment.empty()) t.amendments.emplace_back(p, a->amendment);
    }
    out.points.push_back(std::move(t));
  }
  // Readiness: the evaluate engine's near-final rule on the text with these answers.
  const evaluate::Result ev = evaluate::run_version(with_answers(s, round), out.version, params);
  out.readiness = ev.readiness;
  if (!ev.outcome.termination.finished()) {
    out.outcome = Outcome::success(ev.outcome.termination);
    return out;
  }
  out.convergence.accepted_by_all = ver.points.size() - out.readiness.open_points.size();
  out.convergence.near_final = out.readiness.near_final;
  out.convergence.shortfall =
      shortfall_sum(s, s.version_package(out.version), bargain::default_bargaining_parties(s));
  out.outcome = Outcome::success();
  return out;
}

// --- the next version ---------------------------------------------------------------------

std::string_view to_string(PointChange c) {
  switch (c) {
    case PointChange::not_set: return "not_set";
    case PointChange::kept: return "kept";
    case PointChange::amended: return "amended";
    case PointChange::dropped: return "dropped";
    case PointChange::added: return "added";
    case PointChange::derived: return "derived";
  }
  return "?";
}

namespace {

std::string point_prefix(const std::string& version) {
  const bool numbered = version.size() > 1 && version[0] == 'v' &&
                        std::all_of(version.begin() + 1, version.end(), [](char c) { return c >= '0' && c <= '9'; });
  return numbered ? "P" + version.substr(1) + "_" : version + "_";
}

std::string point_id(const std::string& prefix, std::size_t number) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02zu", number);
  return prefix + buf;
}

// Applies setting edits to a point's settings; "" on success, else the message.
std::string apply_sets(const Scenario& s, std::vector<PointSetting>& sets, const std::vector<SettingEdit>& edits,
                       const std::string& path, std::string& field) {
  for (const SettingEdit& e : edits) {
    field = path + "." + e.issue;
    const IssueIndex i = s.find_issue(e.issue);
    if (!i.valid()) return "no issue `" + e.issue + "` in the scenario";
    auto it = std::find_if(sets.begin(), sets.end(), [&](const PointSetting& ps) { return ps.issue == i; });
    if (e.remove) {
      if (it != sets.end()) sets.erase(it);
      continue;
    }
    const Issue& issue = s.issues[i];
    Setting setting;
    if (issue.kind == IssueKind::discrete) {
      if (e.value) return "issue `" + e.issue + "` takes an option id, not a number";
      setting.option = issue.find_option(e.option);
      if (!setting.option.valid()) return "no option `" + e.option + "` on issue `" + e.issue + "`";
    } else {
      if (!e.value) return "issue `" + e.issue + "` takes a number";
      if (*e.value < issue.range.min || *e.value > issue.range.max)
        return "value " + std::to_string(*e.value) + " is outside the range of issue `" + e.issue + "`";
      setting.value = *e.value;
    }
    if (it != sets.end()) it->setting = setting;
    else sets.push_back({i, setting});
  }
  field.clear();
  return {};
}

NextVersion fail_with(std::string message, std::string field) {
  NextVersion out;
  out.outcome = Outcome::failure(Status::invalid_input, std::move(message), std::move(field));
  return out;
}

}  // namespace

NextVersion next_version(const Scenario& s, VersionIndex circulated, const Edits& edits) {
  if (!circulated.valid() || circulated.get() >= s.versions.size()) return fail_with("no such version", "version");
  if (edits.id.empty()) return fail_with("the new version needs an id", "id");
  if (s.find_version(edits.id).valid()) return fail_with("version `" + edits.id + "` already exists", "id");
  const Version& old = s.versions[circulated];
  auto find_old = [&](const std::string& id) { return old.find_point(id); };
  std::vector<bool> dropped(old.points.size(), false);
  for (const std::string& id : edits.drop) {
    const PointIndex k = find_old(id);
    if (!k.valid()) return fail_with("no point `" + id + "` in version `" + old.id + "`", "drop");
    dropped[k.get()] = true;
  }
  // Each circulated point, then what is inserted after it (index old.points.size(): at the end).
  std::vector<std::vector<std::size_t>> inserted(old.points.size() + 1);
  for (std::size_t a = 0; a < edits.add.size(); ++a) {
    const NewPoint& np = edits.add[a];
    const std::string path = "add." + std::to_string(a);
    if (np.text.empty()) return fail_with("an added point needs a text", path + ".text");
    std::size_t slot = old.points.size();
    if (!np.after.empty()) {
      const PointIndex k = find_old(np.after);
      if (!k.valid()) return fail_with("no point `" + np.after + "` in version `" + old.id + "`", path + ".after");
      slot = k.get();
    }
    for (const std::string& f : np.from)
      if (!find_old(f).valid()) return fail_with("no point `" + f + "` in version `" + old.id + "`", path + ".from");
    inserted[slot].push_back(a);
  }
  std::vector<const PointAmendment*> amendment(old.points.size(), nullptr);
  for (const PointAmendment& am : edits.amend) {
    const PointIndex k = find_old(am.point);
    if (!k.valid()) return fail_with("no point `" + am.point + "` in version `" + old.id + "`", "amend." + am.point);
    if (dropped[k.get()]) return fail_with("point `" + am.point + "` is both amended and dropped", "amend." + am.point);
    amendment[k.get()] = &am;
  }

  NextVersion out;
  Version& v = out.version;
  v.id = edits.id;
  v.label = edits.label.empty() ? edits.id : edits.label;
  v.date = edits.date;
  const std::string prefix = point_prefix(edits.id);
  const VersionIndex from_version = circulated;
  auto push = [&](Point p) {
    p.number = static_cast<int>(v.points.size() + 1);
    p.id = point_id(prefix, v.points.size() + 1);
    v.points.push_back(std::move(p));
    return v.points.back().id;
  };
  auto add_new = [&](std::size_t a) -> std::string {
    const NewPoint& np = edits.add[a];
    Point p;
    p.text = np.text;
    std::string field;
    const std::string err = apply_sets(s, p.sets, np.sets, "add." + std::to_string(a) + ".sets", field);
    if (!err.empty()) {
      out.outcome = Outcome::failure(Status::invalid_input, err, field);
      return {};
    }
    for (const std::string& f : np.from) p.from.push_back({from_version, find_old(f)});
    const std::string id = push(std::move(p));
    out.entries.push_back({np.from.empty() ? PointChange::added : PointChange::derived,
                           np.from.empty() ? std::string() : np.from.front(), id});
    return id;
  };
  for (const PointIndex k : old.points.indices()) {
    const Point& op = old.points[k];
    if (dropped[k.get()]) {
      // A dropped point an added one derives from is replaced, not gone: that entry says so.
      const bool replaced = std::any_of(edits.add.begin(), edits.add.end(), [&](const NewPoint& np) {
        return std::find(np.from.begin(), np.from.end(), op.id) != np.from.end();
      });
      if (!replaced) out.entries.push_back({PointChange::dropped, op.id, ""});
    } else {
      Point p = op;
      p.from = {{from_version, k}};
      PointChange change = PointChange::kept;
      if (const PointAmendment* am = amendment[k.get()]) {
        if (am->text) p.text = *am->text;
        std::string field;
        const std::string err = apply_sets(s, p.sets, am->sets, "amend." + op.id + ".sets", field);
        if (!err.empty()) return fail_with(err, field);
        if (p.text != op.text || p.sets != op.sets) {
          change = PointChange::amended;
          p.provenance = {};  // the new wording is the mediator's, not the old sources'
          p.field_provenance = {};
        }
      }
      const std::string id = push(std::move(p));
      out.entries.push_back({change, op.id, id});
    }
    for (std::size_t a : inserted[k.get()])
      if (add_new(a).empty()) return out;
  }
  for (std::size_t a : inserted[old.points.size()])
    if (add_new(a).empty()) return out;
  v.stances.assign(s.parties.size(), IndexedVector<PointIndex, Stance>(v.points.size()));
  out.outcome = Outcome::success();
  return out;
}

}  // namespace accord::rounds

// Mediation rounds as JSON (docs/rounds.md "JSON") and text.
#include <nlohmann/json.hpp>

#include <map>

#include "accord/report/outcome.hpp"
#include "accord/report/round.hpp"
#include "accord/report/suggest.hpp"
#include "accord/report/table.hpp"

namespace accord::report {
namespace {

Json party_ids(const Scenario& s, const std::vector<PartyIndex>& ps) {
  Json out = Json::array();
  for (PartyIndex p : ps) out.push_back(s.parties[p].id);
  return out;
}

Json point_ids(const Version& v, const std::vector<PointIndex>& ks) {
  Json out = Json::array();
  for (PointIndex k : ks) out.push_back(v.points[k].id);
  return out;
}

Json acceptable_json(const std::vector<AcceptableSettings>& list) {
  Json out = Json::object();
  for (const AcceptableSettings& a : list) {
    Json values = Json::array();
    for (const std::string& o : a.options) values.push_back(o);
    for (double x : a.values) values.push_back(x);
    out[a.issue] = std::move(values);
  }
  return out;
}

Json response_json(const RoundResponse& a) {
  return {{"stance", std::string(to_string(a.answer))},
          {"note", a.note},
          {"amendment", a.amendment},
          {"acceptable", acceptable_json(a.acceptable)},
          {"set_by", a.set_by},
          {"set_at", a.set_at},
          {"revision", a.revision}};
}

Json unanswered_json() {
  return {{"stance", "no_answer"}, {"note", ""},       {"amendment", ""}, {"acceptable", Json::object()},
          {"set_by", nullptr},     {"set_at", nullptr}, {"revision", nullptr}};
}

// Every point of the circulated version for one party.
Json party_points(const Scenario& s, const RoundRecord& r, const std::string& party) {
  Json points = Json::object();
  const VersionIndex v = s.find_version(r.version);
  const PartyResponses* answers = r.responses_of(party);
  if (v.valid())
    for (const Point& pt : s.versions[v].points) points[pt.id] = unanswered_json();
  if (answers)
    for (const RoundResponse& a : answers->points) points[a.point] = response_json(a);
  return points;
}

void add_head(Json& j, const Scenario& s, const RoundRecord& r) {
  j["schema"] = kRoundSchema;
  j["scenario"] = s.id;
  j["round"] = r.number;
  j["version"] = r.version;
  j["status"] = std::string(to_string(r.status));
  j["parties"] = r.parties;
  Json answered = Json::array(), silent = Json::array();
  for (const PartyResponses& p : r.responses) (p.answered() ? answered : silent).push_back(p.party);
  j["answered"] = std::move(answered);
  j["not_answered"] = std::move(silent);
  j["opened"] = {{"opened_by", r.opened_by}, {"opened_at", r.opened_at}, {"revision", r.opened_revision}};
  j["closed"] = r.status == RoundStatus::closed
                    ? Json{{"closed_by", r.closed_by}, {"closed_at", r.closed_at}, {"revision", r.closed_revision}}
                    : Json(nullptr);
  j["published_version"] = r.published_version.empty() ? Json(nullptr) : Json(r.published_version);
}

Json stored_summary(const RoundRecord& r) {
  if (r.summary_json.empty()) return nullptr;
  Json j = Json::parse(r.summary_json, nullptr, false);
  return j.is_discarded() ? Json(nullptr) : j;
}

std::string names(const Scenario& s, const std::vector<PartyIndex>& ps) {
  std::string out;
  for (PartyIndex p : ps) out += (out.empty() ? "" : ", ") + s.parties[p].id;
  return out.empty() ? "-" : out;
}

// Settings values as a client writes them: option ids, or numbers.
std::optional<BodyError> parse_setting_values(const Json& v, AcceptableSettings& a, const std::string& field) {
  if (!v.is_array()) return BodyError{"expected an array of option ids or numbers", field};
  for (const Json& x : v) {
    if (x.is_string()) a.options.push_back(x.get<std::string>());
    else if (x.is_number()) a.values.push_back(x.get<double>());
    else return BodyError{"expected an option id or a number", field};
  }
  return std::nullopt;
}

std::optional<BodyError> parse_sets(const Json& sets, std::vector<rounds::SettingEdit>& out, const std::string& field) {
  if (!sets.is_object()) return BodyError{"`sets` must be an object {ISSUE: OPTION | NUMBER | null}", field};
  for (const auto& [issue, value] : sets.items()) {
    rounds::SettingEdit e;
    e.issue = issue;
    if (value.is_null()) e.remove = true;
    else if (value.is_string()) e.option = value.get<std::string>();
    else if (value.is_number()) e.value = value.get<double>();
    else return BodyError{"expected an option id, a number or null", field + "." + issue};
    out.push_back(std::move(e));
  }
  return std::nullopt;
}

std::optional<BodyError> unknown_keys(const Json& obj, std::initializer_list<const char*> allowed,
                                      const std::string& field) {
  for (const auto& [key, _] : obj.items()) {
    bool ok = false;
    for (const char* a : allowed) ok = ok || key == a;
    if (ok) continue;
    std::string list;
    for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    return BodyError{"unknown key `" + key + "`; expected " + list, field.empty() ? key : field + "." + key};
  }
  return std::nullopt;
}

std::optional<BodyError> string_field(const Json& obj, const char* key, std::string& out, const std::string& field) {
  const auto it = obj.find(key);
  if (it == obj.end()) return std::nullopt;
  if (!it->is_string()) return BodyError{"`" + std::string(key) + "` must be a string", field};
  out = it->get<std::string>();
  return std::nullopt;
}

std::optional<BodyError> string_list(const Json& obj, const char* key, std::vector<std::string>& out,
                                     const std::string& field) {
  const auto it = obj.find(key);
  if (it == obj.end()) return std::nullopt;
  if (!it->is_array()) return BodyError{"`" + std::string(key) + "` must be an array of point ids", field};
  for (const Json& x : *it) {
    if (!x.is_string()) return BodyError{"expected a point id (string)", field};
    out.push_back(x.get<std::string>());
  }
  return std::nullopt;
}

}  // namespace

Json convergence_json(const Scenario& s, const rounds::Summary& sum) {
  Json j;
  if (!sum.outcome.ok()) return nullptr;
  const Version& v = s.versions[sum.version];
  j["points"] = sum.convergence.points;
  j["accepted_by_all"] = sum.convergence.accepted_by_all;
  j["addressed"] = sum.parties.size();
  j["answered"] = sum.convergence.answered;
  Json blocked = Json::object(), conditional = Json::object();
  for (std::size_t i = 0; i < sum.parties.size(); ++i) {
    blocked[s.parties[sum.parties[i]].id] = point_ids(v, sum.convergence.blocked_by[i]);
    conditional[s.parties[sum.parties[i]].id] = point_ids(v, sum.convergence.conditional_by[i]);
  }
  j["blocked_by"] = std::move(blocked);
  j["conditional_by"] = std::move(conditional);
  j["near_final"] = sum.convergence.near_final;
  const rounds::Convergence::Shortfall& sf = sum.convergence.shortfall;
  j["shortfall"] = {{"sum", sf.sum ? Json(*sf.sum) : Json(nullptr)},
                    {"parties", party_ids(s, sf.counted)},
                    {"red_line_crossed", party_ids(s, sf.red_line_crossed)},
                    {"exact", sf.exact}};
  return j;
}

Json round_json(const Scenario& s, const RoundRecord& r, const rounds::Summary* live) {
  Json j;
  add_head(j, s, r);
  Json responses = Json::object();
  for (const std::string& party : r.parties) responses[party] = party_points(s, r, party);
  j["responses"] = std::move(responses);
  j["convergence"] = live ? convergence_json(s, *live) : Json(nullptr);
  j["summary"] = stored_summary(r);
  return j;
}

Json rounds_json(const Scenario& s, const std::vector<RoundRecord>& list, const std::vector<rounds::Summary>& live) {
  Json j;
  j["schema"] = kRoundSchema;
  j["scenario"] = s.id;
  Json rounds = Json::array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    Json one;
    add_head(one, s, list[i]);
    one.erase("schema");
    one.erase("scenario");
    one["convergence"] = i < live.size() ? convergence_json(s, live[i]) : Json(nullptr);
    rounds.push_back(std::move(one));
  }
  j["rounds"] = std::move(rounds);
  return j;
}

Json responses_json(const Scenario& s, const RoundRecord& r, const std::string& party,
                    const std::vector<RoundResponse>* history) {
  Json j;
  j["schema"] = kRoundSchema;
  j["scenario"] = s.id;
  j["round"] = r.number;
  j["version"] = r.version;
  j["status"] = std::string(to_string(r.status));
  j["parties"] = r.parties;
  j["party"] = party;
  j["responses"] = {{party, party_points(s, r, party)}};
  if (history) {
    Json rows = Json::array();
    for (const RoundResponse& a : *history) {
      Json row = {{"point", a.point}};
      row.update(response_json(a));
      rows.push_back(std::move(row));
    }
    j["history"] = {{party, std::move(rows)}};
  }
  return j;
}

Json round_summary_json(const Scenario& s, const RoundRecord& r, const rounds::Summary& sum, const Json& suggestions) {
  Json j;
  j["schema"] = kRoundSchema;
  j["scenario"] = s.id;
  j["round"] = r.number;
  j["version"] = r.version;
  add_outcome_json(j, sum.outcome);
  if (!sum.outcome.ok()) return j;
  const Version& v = s.versions[sum.version];
  j["parties"] = party_ids(s, sum.parties);
  Json points = Json::array();
  for (const rounds::PointTally& t : sum.points) {
    Json amendments = Json::array();
    for (const auto& [p, text] : t.amendments) amendments.push_back({{"party", s.parties[p].id}, {"text", text}});
    points.push_back({{"point", v.points[t.point].id},
                      {"number", v.points[t.point].number},
                      {"accept", party_ids(s, t.accept)},
                      {"reject", party_ids(s, t.reject)},
                      {"conditional", party_ids(s, t.conditional)},
                      {"silent", party_ids(s, t.silent)},
                      {"amendments", std::move(amendments)}});
  }
  j["points"] = std::move(points);
  const evaluate::Readiness& rd = sum.readiness;
  j["readiness"] = {{"near_final", rd.near_final},
                    {"open_points", point_ids(v, rd.open_points)},
                    {"standing_between", point_ids(v, rd.standing_between)},
                    {"rejected", point_ids(v, rd.rejected)},
                    {"conditional", point_ids(v, rd.conditional)},
                    {"unknown", point_ids(v, rd.unknown)},
                    {"reason", rd.reason}};
  j["convergence"] = convergence_json(s, sum);
  j["suggestions"] = suggestions;
  return j;
}

std::vector<suggest::PartyAnswers> suggest_answers(const Scenario& s, const RoundRecord& r) {
  std::vector<suggest::PartyAnswers> out;
  const VersionIndex v = s.find_version(r.version);
  if (!v.valid()) return out;
  const Version& ver = s.versions[v];
  for (const std::string& id : r.parties) {
    const PartyIndex p = s.find_party(id);
    if (!p.valid()) continue;
    suggest::PartyAnswers pa;
    pa.party = p;
    if (const PartyResponses* answers = r.responses_of(id)) {
      for (const RoundResponse& a : answers->points) {
        const PointIndex k = ver.find_point(a.point);
        if (!k.valid()) continue;
        suggest::PointAnswer pt;
        pt.point = k;
        pt.kind = suggest::parse_point_answer_kind(to_string(a.answer)).value_or(suggest::PointAnswerKind::no_answer);
        pt.note = a.note;
        pt.amendment = a.amendment;
        for (const AcceptableSettings& acc : a.acceptable) {
          const IssueIndex i = s.find_issue(acc.issue);
          if (!i.valid()) continue;
          suggest::AcceptableSettings settings;
          settings.issue = i;
          for (const std::string& o : acc.options)
            if (const OptionIndex opt = s.issues[i].find_option(o); opt.valid())
              settings.settings.push_back({opt, 0.0});
          for (const double x : acc.values) settings.settings.push_back({OptionIndex(), x});
          pt.acceptable.push_back(std::move(settings));
        }
        pa.answers.push_back(std::move(pt));
      }
    }
    out.push_back(std::move(pa));
  }
  return out;
}

Json close_summary_json(const Scenario& s, const RoundRecord& r, const Deadline& deadline) {
  evaluate::Params params;
  params.deadline = deadline;
  const rounds::Summary sum = rounds::summarize(s, r, params);
  if (!sum.outcome.ok()) return round_summary_json(s, r, sum, nullptr);
  suggest::Params sp;
  sp.deadline = deadline;
  const suggest::Result suggested = suggest::run(s, sum.version, suggest_answers(s, r), sp);
  return round_summary_json(s, r, sum, suggest_json(s, suggested));
}

Json published_json(const Scenario& s, const RoundRecord& r, const rounds::NextVersion& next, std::int64_t revision) {
  Json j;
  j["schema"] = kRoundSchema;
  j["scenario"] = s.id;
  j["round"] = r.number;
  j["from"] = r.version;
  j["revision"] = revision;
  add_outcome_json(j, next.outcome);
  if (!next.outcome.ok()) return j;
  const Version& v = next.version;
  Json points = Json::array();
  for (const Point& p : v.points) {
    Json sets = Json::object();
    for (const PointSetting& ps : p.sets) {
      const Issue& issue = s.issues[ps.issue];
      sets[issue.id] = issue.kind == IssueKind::discrete ? Json(issue.options[ps.setting.option].id)
                                                          : Json(ps.setting.value);
    }
    Json from = Json::array();
    for (const PointRef& ref : p.from) from.push_back(s.versions[ref.version].points[ref.point].id);
    points.push_back({{"id", p.id}, {"number", p.number}, {"text", p.text}, {"sets", std::move(sets)},
                      {"from", std::move(from)}});
  }
  j["version"] = {{"id", v.id}, {"label", v.label}, {"date", v.date}, {"points", std::move(points)}};
  Json changes = Json::array();
  std::map<std::string, std::size_t> counts;
  for (const auto c : {rounds::PointChange::kept, rounds::PointChange::amended, rounds::PointChange::dropped,
                       rounds::PointChange::added, rounds::PointChange::derived})
    counts[std::string(rounds::to_string(c))] = 0;
  for (const auto& e : next.entries) {
    ++counts[std::string(rounds::to_string(e.change))];
    changes.push_back({{"change", std::string(rounds::to_string(e.change))},
                       {"from", e.old_point.empty() ? Json(nullptr) : Json(e.old_point)},
                       {"to", e.new_point.empty() ? Json(nullptr) : Json(e.new_point)}});
  }
  Json c = Json::object();
  for (const auto x : {"kept", "amended", "dropped", "added", "derived"}) c[x] = counts[x];
  j["counts"] = std::move(c);
  j["changes"] = std::move(changes);
  return j;
}

// --- text ---------------------------------------------------------------------------------

namespace {

std::string party_list(const Scenario& s, const std::vector<PartyIndex>& ps) {
  std::string out;
  for (const PartyIndex p : ps) out += (out.empty() ? "" : ", ") + s.parties[p].id;
  return out;
}

// docs/rounds.md "Shortfall sum": the number, over whom, and who is left out for a red line.
std::string shortfall_phrase(const Scenario& s, const rounds::Convergence::Shortfall& sf) {
  std::string out;
  if (sf.sum)
    out = "shortfall sum " + std::string(sf.exact ? "" : "at most ") + fixed(*sf.sum) + " (" + party_list(s, sf.counted) +
          "; their modelled preferences and reservations)";
  else if (sf.counted.empty()) out = "no shortfall sum (no bargaining party without a red line crossed)";
  else out = "no shortfall sum (every settlement of the open issues crosses a red line of " + party_list(s, sf.counted) + ")";
  if (!sf.red_line_crossed.empty()) out += ", the text crosses a red line of " + party_list(s, sf.red_line_crossed);
  return out;
}

// The table's cell: the sum, and who it leaves out for a red line the text crosses.
std::string shortfall_cell(const Scenario& s, const rounds::Convergence::Shortfall& sf) {
  std::string out = sf.sum ? (sf.exact ? "" : "<= ") + fixed(*sf.sum) : "-";
  if (!sf.red_line_crossed.empty()) out += " (red line: " + party_list(s, sf.red_line_crossed) + ")";
  return out;
}

std::string convergence_line(const Scenario& s, const rounds::Summary& sum) {
  if (!sum.outcome.ok()) return "convergence: " + sum.outcome.message();
  std::string out = std::to_string(sum.convergence.accepted_by_all) + " of " + std::to_string(sum.convergence.points) +
                    " points accepted by every signatory; " + std::to_string(sum.convergence.answered) + " of " +
                    std::to_string(sum.parties.size()) + " addressed parties answered; " +
                    (sum.convergence.near_final ? "near-final" : "not near-final");
  for (std::size_t i = 0; i < sum.parties.size(); ++i)
    if (!sum.convergence.blocked_by[i].empty())
      out += "; " + s.parties[sum.parties[i]].id + " rejects " + std::to_string(sum.convergence.blocked_by[i].size());
  return out + "; " + shortfall_phrase(s, sum.convergence.shortfall);
}

}  // namespace

std::string round_text(const Scenario& s, const RoundRecord& r, const rounds::Summary* live, Style style) {
  std::string out = wrap("Round " + std::to_string(r.number) + " of " + s.id + ": version " + r.version + ", " +
                         std::string(to_string(r.status)) + (r.published_version.empty() ? "" : ", published as " +
                                                             r.published_version) + ".");
  if (live) out += wrap(convergence_line(s, *live) + ".");
  const VersionIndex v = s.find_version(r.version);
  if (!v.valid()) return out;
  Table t;
  t.header = {"point"};
  for (const std::string& p : r.parties) t.header.push_back(p);
  for (const Point& pt : s.versions[v].points) {
    std::vector<std::string> row = {pt.id};
    for (const std::string& p : r.parties) {
      const PartyResponses* answers = r.responses_of(p);
      const RoundResponse* a = answers ? answers->find(pt.id) : nullptr;
      std::string cell = a ? std::string(to_string(a->answer)) : "-";
      if (a && !a->note.empty()) cell += ": " + a->note;
      row.push_back(cell);
    }
    t.rows.push_back(std::move(row));
  }
  return out + t.render(style, text_width(), 0);
}

std::string rounds_text(const Scenario& s, const std::vector<RoundRecord>& list,
                        const std::vector<rounds::Summary>& live, Style style) {
  if (list.empty()) return wrap("No rounds in " + s.id + " yet (`accord round open`).");
  Table t;
  t.header = {"round", "version", "status", "answered", "accepted by all", "shortfall sum", "near-final", "published"};
  for (std::size_t i = 0; i < list.size(); ++i) {
    const RoundRecord& r = list[i];
    std::size_t answered = 0;
    for (const PartyResponses& p : r.responses) answered += p.answered() ? 1 : 0;
    const bool ok = i < live.size() && live[i].outcome.ok();
    t.rows.push_back({std::to_string(r.number), r.version, std::string(to_string(r.status)),
                      std::to_string(answered) + "/" + std::to_string(r.parties.size()),
                      ok ? std::to_string(live[i].convergence.accepted_by_all) + "/" +
                               std::to_string(live[i].convergence.points)
                         : "-",
                      ok ? shortfall_cell(s, live[i].convergence.shortfall) : "-",
                      ok ? (live[i].convergence.near_final ? "yes" : "no") : "-",
                      r.published_version.empty() ? "-" : r.published_version});
  }
  return t.render(style, text_width(), 0);
}

std::string round_summary_text(const Scenario& s, const RoundRecord& r, const rounds::Summary& sum, Style style) {
  if (!sum.outcome.ok()) return wrap("Round " + std::to_string(r.number) + ": " + sum.outcome.message() + ".");
  std::string out = wrap("Round " + std::to_string(r.number) + " on " + r.version + " closed: " +
                         convergence_line(s, sum) + ". Readiness: " + sum.readiness.reason + ".");
  const Version& v = s.versions[sum.version];
  Table t;
  t.header = {"point", "accept", "reject", "conditional", "silent"};
  for (const rounds::PointTally& p : sum.points)
    t.rows.push_back({v.points[p.point].id, names(s, p.accept), names(s, p.reject), names(s, p.conditional),
                      names(s, p.silent)});
  return out + t.render(style, text_width(), 0);
}

std::string published_text(const Scenario& s, const rounds::NextVersion& next, Style style) {
  (void)s;
  if (!next.outcome.ok()) return wrap("Publish: " + next.outcome.message() + ".");
  std::map<std::string, std::size_t> counts;
  for (const auto& e : next.entries) ++counts[std::string(rounds::to_string(e.change))];
  std::string line = "Published " + next.version.id + " (" + std::to_string(next.version.points.size()) + " points:";
  bool first = true;
  for (const auto& [k, n] : counts) {
    line += (first ? " " : ", ") + std::to_string(n) + " " + k;
    first = false;
  }
  Table t;
  t.header = {"change", "from", "to"};
  for (const auto& e : next.entries)
    t.rows.push_back({std::string(rounds::to_string(e.change)), e.old_point.empty() ? "-" : e.old_point,
                      e.new_point.empty() ? "-" : e.new_point});
  return wrap(line + ").") + t.render(style, text_width(), 0);
}

// --- request bodies -----------------------------------------------------------------------

std::optional<BodyError> parse_responses(const Json& responses, std::vector<RoundResponse>& out) {
  if (!responses.is_object() || responses.empty())
    return BodyError{"`responses` must be a non-empty object {POINT: answer}", "responses"};
  for (const auto& [point, value] : responses.items()) {
    const std::string field = "responses." + point;
    RoundResponse a;
    a.point = point;
    std::string kind;
    if (value.is_string()) {
      kind = value.get<std::string>();
    } else if (value.is_object()) {
      if (auto e = unknown_keys(value, {"stance", "note", "amendment", "acceptable"}, field)) return e;
      if (!value.contains("stance")) return BodyError{"`stance` is required", field + ".stance"};
      if (auto e = string_field(value, "stance", kind, field + ".stance")) return e;
      if (auto e = string_field(value, "note", a.note, field + ".note")) return e;
      if (auto e = string_field(value, "amendment", a.amendment, field + ".amendment")) return e;
      if (const auto acc = value.find("acceptable"); acc != value.end()) {
        if (!acc->is_object())
          return BodyError{"`acceptable` must be an object {ISSUE: [OPTION | NUMBER]}", field + ".acceptable"};
        for (const auto& [issue, values] : acc->items()) {
          AcceptableSettings s;
          s.issue = issue;
          if (auto e = parse_setting_values(values, s, field + ".acceptable." + issue)) return e;
          a.acceptable.push_back(std::move(s));
        }
      }
    } else {
      return BodyError{"an answer is a string or {stance, note, amendment, acceptable}", field};
    }
    const auto k = parse_round_answer(kind);
    if (!k)
      return BodyError{"stance `" + kind + "` is not one of accept, reject, conditional, no_answer",
                       value.is_object() ? field + ".stance" : field};
    a.answer = *k;
    out.push_back(std::move(a));
  }
  return std::nullopt;
}

std::optional<BodyError> parse_edits(const Json& body, rounds::Edits& out) {
  if (!body.is_object()) return BodyError{"expected an object", "body"};
  if (auto e = unknown_keys(body, {"version", "label", "date", "amend", "drop", "add", "adopt", "revision"}, ""))
    return e;
  if (!body.contains("version")) return BodyError{"`version` (the new version's id) is required", "version"};
  if (auto e = string_field(body, "version", out.id, "version")) return e;
  if (auto e = string_field(body, "label", out.label, "label")) return e;
  if (auto e = string_field(body, "date", out.date, "date")) return e;
  if (const auto am = body.find("amend"); am != body.end()) {
    if (!am->is_object()) return BodyError{"`amend` must be an object {POINT: {text, sets}}", "amend"};
    for (const auto& [point, edit] : am->items()) {
      const std::string field = "amend." + point;
      if (!edit.is_object()) return BodyError{"expected {text, sets}", field};
      if (auto e = unknown_keys(edit, {"text", "sets"}, field)) return e;
      rounds::PointAmendment a;
      a.point = point;
      if (edit.contains("text")) {
        std::string text;
        if (auto e = string_field(edit, "text", text, field + ".text")) return e;
        a.text = text;
      }
      if (edit.contains("sets"))
        if (auto e = parse_sets(edit["sets"], a.sets, field + ".sets")) return e;
      out.amend.push_back(std::move(a));
    }
  }
  if (auto e = string_list(body, "drop", out.drop, "drop")) return e;
  if (const auto add = body.find("add"); add != body.end()) {
    if (!add->is_array()) return BodyError{"`add` must be an array of {text, sets, after, from}", "add"};
    for (std::size_t i = 0; i < add->size(); ++i) {
      const Json& p = (*add)[i];
      const std::string field = "add." + std::to_string(i);
      if (!p.is_object()) return BodyError{"expected {text, sets, after, from}", field};
      if (auto e = unknown_keys(p, {"text", "sets", "after", "from"}, field)) return e;
      rounds::NewPoint np;
      if (auto e = string_field(p, "text", np.text, field + ".text")) return e;
      if (auto e = string_field(p, "after", np.after, field + ".after")) return e;
      if (auto e = string_list(p, "from", np.from, field + ".from")) return e;
      if (p.contains("sets"))
        if (auto e = parse_sets(p["sets"], np.sets, field + ".sets")) return e;
      out.add.push_back(std::move(np));
    }
  }
  return std::nullopt;
}

std::optional<BodyError> adopt_suggestions(const Scenario& s, const RoundRecord& r, Json& body) {
  const auto adopt = body.find("adopt");
  if (adopt == body.end()) return std::nullopt;
  if (!adopt->is_array()) return BodyError{"`adopt` must be an array of suggestion indices", "adopt"};
  const Json summary = stored_summary(r);
  const Json* list = nullptr;
  if (summary.is_object() && summary.contains("suggestions") && summary["suggestions"].is_object() &&
      summary["suggestions"].contains("suggestions") && summary["suggestions"]["suggestions"].is_array())
    list = &summary["suggestions"]["suggestions"];
  if (!list) return BodyError{"round " + std::to_string(r.number) + " has no stored suggestions to adopt", "adopt"};
  const VersionIndex v = s.find_version(r.version);
  if (!v.valid()) return BodyError{"the circulated version `" + r.version + "` is missing", "adopt"};
  const Version& ver = s.versions[v];
  const Json hand = body.value("amend", Json::object());
  Json amend = hand.is_object() ? hand : Json::object();
  auto set = [&](const std::string& point, const std::string& issue, const Json& to) {
    if (hand.contains(point) && hand[point].contains("sets") && hand[point]["sets"].contains(issue)) return;
    amend[point]["sets"][issue] = to;
  };
  for (std::size_t k = 0; k < adopt->size(); ++k) {
    const std::string field = "adopt." + std::to_string(k);
    const Json& index = (*adopt)[k];
    if (!index.is_number_integer() || index.get<std::int64_t>() < 0 ||
        static_cast<std::size_t>(index.get<std::int64_t>()) >= list->size())
      return BodyError{"no suggestion " + index.dump() + " (the close summary lists " + std::to_string(list->size()) +
                           ", numbered from 0)",
                       field};
    const Json& sug = (*list)[index.get<std::size_t>()];
    const std::string kind = sug.is_object() ? sug.value("kind", "") : "";
    if (!sug.is_object() || !sug.contains("edits") || !sug["edits"].is_array())
      return BodyError{"a " + kind + " suggestion has no edit to adopt", field};
    for (const Json& e : sug["edits"]) {
      if (!e.is_object() || !e.contains("to") || !e.contains("issue")) continue;
      const std::string issue = e.value("issue", "");
      if (sug.contains("point") && sug["point"].is_string()) {  // a repair: its own point
        set(sug["point"].get<std::string>(), issue, e["to"]);
        continue;
      }
      const IssueIndex i = s.find_issue(issue);
      bool placed = false;
      for (const Point& p : ver.points)
        for (const PointSetting& ps : p.sets)
          if (ps.issue == i) set(p.id, issue, e["to"]), placed = true;
      if (placed || !i.valid()) continue;
      const Issue& is = s.issues[i];  // the text leaves it open: a point of its own
      std::string label = e["to"].is_string() ? e["to"].get<std::string>() : e["to"].dump();
      if (is.kind == IssueKind::discrete)
        if (const OptionIndex o = is.find_option(label); o.valid()) label = is.options[o].label;
      body["add"].push_back({{"text", is.title + ": " + label + " (adopted from the engine's closest package)"},
                             {"sets", {{issue, e["to"]}}}});
    }
  }
  if (!amend.empty()) body["amend"] = std::move(amend);
  body.erase("adopt");
  return std::nullopt;
}

}  // namespace accord::report

// The report's simulated rounds (report/rounds.hpp): computed once in the analysis, rendered
// here as JSON and text (HTML: src/report/html/rounds.cpp).
#include <nlohmann/json.hpp>

#include <algorithm>

#include "accord/model/utility.hpp"
#include "accord/report/rounds.hpp"
#include "accord/report/suggest.hpp"

namespace accord::report {

namespace {

bool same_setting(const Issue& issue, const Setting& a, const Setting& b) {
  return issue.kind == IssueKind::discrete ? a.option == b.option : a.value == b.value;
}

std::string join(const std::vector<std::string>& xs, const std::string& sep = ", ") {
  std::string out;
  for (const std::string& x : xs) out += (out.empty() ? "" : sep) + x;
  return out;
}

// "UA rejects 2 and is conditional on 7; RU …" over the addressed parties.
std::string answers_text(const Scenario& s, const suggest::Result& r) {
  std::vector<std::string> parts;
  for (const PartyIndex p : r.addressed) {
    std::size_t acc = 0, rej = 0, cond = 0, silent = 0;
    for (const suggest::PointTally& t : r.points) {
      auto has = [&](const std::vector<PartyIndex>& v) { return std::find(v.begin(), v.end(), p) != v.end(); };
      acc += has(t.accept), rej += has(t.reject), cond += has(t.conditional), silent += has(t.silent);
    }
    parts.push_back(s.parties[p].id + " " + std::to_string(acc) + " accept, " + std::to_string(rej) + " reject, " +
                    std::to_string(cond) + " conditional, " + std::to_string(silent) + " silent");
  }
  return join(parts, "; ");
}

}  // namespace

std::vector<SimulatedRound> simulate_rounds(const Scenario& s, const std::vector<diff::Result>& evolution,
                                            const std::optional<bargain::Result>& latest,
                                            const evaluate::Params& readiness, const Deadline& deadline) {
  std::vector<SimulatedRound> out;
  const auto parties = bargain::default_bargaining_parties(s);
  for (const VersionIndex v : s.versions.indices()) {
    if (deadline.expired()) break;
    SimulatedRound round;
    round.circulated = v;
    suggest::Params p;
    p.deadline = deadline;
    p.readiness = readiness;
    p.max_repairs = kReportRepairsPerObjection;
    const bool last = v.get() + 1 == s.versions.size();
    // The closest package only where the report bargained at all (its gate), reusing its run
    // for the latest version.
    p.closest = latest.has_value();
    if (last && latest && latest->closest) p.known_closest = latest->closest;
    round.result = suggest::run(s, v, suggest::answers_from_stances(s, v, parties), p);
    if (!last) {
      round.next = VersionIndex(v.get() + 1);
      round.next_package = s.version_package(round.next);
      if (v.get() < evolution.size() && evolution[v.get()].from == v && evolution[v.get()].to == round.next)
        for (const diff::Entry& e : evolution[v.get()].entries)
          if (e.change != diff::Change::kept && e.change != diff::Change::added)
            round.changed.insert(round.changed.end(), e.old_points.begin(), e.old_points.end());
      std::sort(round.changed.begin(), round.changed.end());
    }
    out.push_back(std::move(round));
  }
  return out;
}

std::string rounds_label(const Scenario& s) {
  bool prefs = false, stances = false;
  for (const Preferences& p : s.preferences) {
    prefs = prefs || (p.present && p.provenance.estimate);
    for (const auto& [_, fp] : p.field_provenance) prefs = prefs || fp.estimate;
    for (const IssuePreference& ip : p.issues) {
      prefs = prefs || ip.provenance.estimate;
      for (const auto& [_, fp] : ip.field_provenance) prefs = prefs || fp.estimate;
    }
  }
  for (const Version& v : s.versions)
    for (const auto& row : v.stances)
      for (const Stance& st : row) stances = stances || st.provenance.estimate;
  return std::string("Model output on ") + (prefs ? "estimated preferences" : "the scenario's preferences") +
         ": each version replayed as a round, with the recorded stances" + (stances ? " (some of them estimates)" : "") +
         " as the bargaining parties' answers; what the engine would have suggested, beside what the next version "
         "did. Not a record of what the mediator proposed.";
}

std::string followed_text(const Scenario& s, const SimulatedRound& r, const suggest::Suggestion& sug) {
  if (!r.next_package) return "";
  const Version& next = s.versions[r.next];
  if (sug.kind == suggest::Kind::bracket) {
    std::vector<std::string> changed;
    for (const PointIndex k : sug.points)
      if (std::binary_search(r.changed.begin(), r.changed.end(), k)) changed.push_back(s.versions[r.circulated].points[k].id);
    return next.id + " changed " + std::to_string(changed.size()) + " of the " + std::to_string(sug.points.size()) +
           " points to bracket" + (changed.empty() ? "" : " (" + join(changed) + ")");
  }
  std::vector<std::string> taken, other;
  for (const suggest::Edit& e : sug.edits) {
    const Issue& issue = s.issues[e.issue];
    const auto& x = (*r.next_package)[e.issue];
    if (x && same_setting(issue, *x, e.to)) taken.push_back(issue.id + " " + describe(issue, e.to));
    else other.push_back(x ? issue.id + " " + describe(issue, *x) : issue.id + " left open");
  }
  if (sug.edits.empty()) return "";
  const std::size_t n = sug.edits.size();
  if (other.empty()) return next.id + " made " + (n == 1 ? "this edit" : "these edits") + " (" + join(taken) + ")";
  std::string out = taken.empty() ? next.id + " did not make " + (n == 1 ? "this edit" : "any of these " + std::to_string(n) + " edits")
                                  : next.id + " made " + std::to_string(taken.size()) + " of these " + std::to_string(n) + " edits";
  if (!taken.empty() && taken.size() <= 3) out += " (" + join(taken) + ")";
  if (other.size() <= 3) out += "; instead: " + join(other);
  return out;
}

std::vector<const suggest::Suggestion*> shown_suggestions(const SimulatedRound& r, std::size_t repairs) {
  // Pareto-improving repairs first (they cost no one), then the least costly ones, in point order.
  std::vector<const suggest::Suggestion*> out;
  for (const suggest::Kind kind : {suggest::Kind::pareto_repair, suggest::Kind::least_cost_repair})
    for (const suggest::Suggestion& sug : r.result.suggestions)
      if (sug.kind == kind && out.size() < repairs) out.push_back(&sug);
  for (const suggest::Suggestion& sug : r.result.suggestions)
    if (sug.kind != suggest::Kind::pareto_repair && sug.kind != suggest::Kind::least_cost_repair) out.push_back(&sug);
  return out;
}

Json rounds_json(const Scenario& s, const std::vector<SimulatedRound>& rounds) {
  Json j;
  j["label"] = rounds_label(s);
  j["model_output"] = true;
  Json list = Json::array();
  for (const SimulatedRound& r : rounds) {
    const Version& v = s.versions[r.circulated];
    Json rj;
    rj["circulated"] = v.id;
    rj["next"] = r.next.valid() ? Json(s.versions[r.next].id) : Json(nullptr);
    rj["suggest"] = suggest_json(s, r.result);
    Json changed = Json::array();
    for (const PointIndex k : r.changed) changed.push_back(v.points[k].id);
    rj["changed_points"] = std::move(changed);
    Json followed = Json::array();
    for (const suggest::Suggestion& sug : r.result.suggestions) followed.push_back(followed_text(s, r, sug));
    rj["followed"] = r.next.valid() ? std::move(followed) : Json(nullptr);
    list.push_back(std::move(rj));
  }
  j["rounds"] = std::move(list);
  return j;
}

std::string rounds_text(const Scenario& s, const std::vector<SimulatedRound>& rounds, Style style) {
  std::string out = wrap(rounds_label(s));
  std::size_t n = 0;
  for (const SimulatedRound& r : rounds) {
    const Version& v = s.versions[r.circulated];
    const suggest::Result& res = r.result;
    std::string head = "Round " + std::to_string(++n) + ": " + v.id + " circulated";
    if (!res.outcome.ok()) {
      out += '\n';
      out += wrap(head + " — " + res.outcome.message() + ".");
      continue;
    }
    std::vector<std::string> who;
    for (const PartyIndex p : res.addressed) who.push_back(s.parties[p].id);
    head += " to " + join(who) + ". Answers (recorded stances): " + answers_text(s, res) + ". Readiness: " +
            (res.readiness.near_final ? "NEAR-FINAL" : "not near-final") + " — " + res.readiness.reason + ".";
    out += '\n';  // not "\n" + …: GCC 12 warns falsely (-Wrestrict) on that concatenation
    out += wrap(style == Style::markdown ? "**" + head + "**" : head);
    const auto shown = shown_suggestions(r);
    std::size_t repairs = 0;
    for (const suggest::Suggestion& sug : res.suggestions)
      repairs += sug.kind == suggest::Kind::pareto_repair || sug.kind == suggest::Kind::least_cost_repair;
    const std::size_t hidden = repairs - std::min<std::size_t>(repairs, kShownRepairs);
    std::size_t k = 0, shown_repairs = 0;
    for (const suggest::Suggestion* sug : shown) {
      std::string line = std::to_string(++k) + ". " + sug->sentence;
      if (const std::string f = followed_text(s, r, *sug); !f.empty()) line += " → " + f + ".";
      out += style == Style::markdown ? line + "\n" : wrap(line, text_width(), "   ").substr(3);
      const bool repair = sug->kind == suggest::Kind::pareto_repair || sug->kind == suggest::Kind::least_cost_repair;
      if (repair && ++shown_repairs == kShownRepairs && hidden > 0)
        out += wrap("… and " + std::to_string(hidden) + " more repair" + (hidden == 1 ? "" : "s") +
                        " (`accord report --json`: rounds).",
                    text_width(), "   ");
    }
    if (res.suggestions.empty()) out += wrap("No suggestion.");
    if (r.next.valid()) {
      std::vector<std::string> ids;
      for (const PointIndex p : r.changed) ids.push_back(v.points[p].id);
      out += wrap("What the text did: " + s.versions[r.next].id + " amended, merged, split or dropped " +
                  std::to_string(ids.size()) + " of " + std::to_string(v.points.size()) + " points" +
                  (ids.empty() ? "." : " (" + join(ids) + ")."));
    } else {
      out += wrap("The record ends with " + v.id + ".");
    }
    if (!res.outcome.termination.finished())
      out += wrap("Partial: " + std::string(to_string(res.outcome.termination.stop)) + " — " +
                  res.outcome.termination.detail + ".");
  }
  return out;
}

}  // namespace accord::report

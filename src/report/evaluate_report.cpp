// `accord evaluate` output: JSON (docs/cli.md) and text.
#include <nlohmann/json.hpp>

#include "accord/report/evaluate.hpp"
#include "accord/model/plural.hpp"
#include "accord/report/outcome.hpp"
#include "accord/report/sections.hpp"
#include "accord/report/sources.hpp"

namespace accord::report {

namespace {

std::string party_list(const Scenario& s, const std::vector<PartyIndex>& ps,
                       std::size_t at_most = static_cast<std::size_t>(-1)) {
  std::string out;
  for (std::size_t k = 0; k < ps.size() && k < at_most; ++k) out += (out.empty() ? "" : ",") + s.parties[ps[k]].id;
  if (ps.size() > at_most) out += ",… (" + std::to_string(ps.size()) + ")";
  return out;
}

Json ids(const Scenario& s, const std::vector<PartyIndex>& ps) {
  Json j = Json::array();
  for (PartyIndex p : ps) j.push_back(s.parties[p].id);
  return j;
}

Json reasons(const std::vector<evaluate::Prediction>& ps) {
  Json j = Json::array();
  for (evaluate::Prediction p : ps) j.push_back(std::string(evaluate::to_string(p)));
  return j;
}

char stance_symbol(StanceKind k) {
  switch (k) {
    case StanceKind::accept: return 'A';
    case StanceKind::reject: return 'R';
    case StanceKind::conditional: return 'C';
    case StanceKind::unknown: return '.';
  }
  return '?';
}

Json issue_ids(const Scenario& s, const std::vector<IssueIndex>& is) {
  Json j = Json::array();
  for (IssueIndex i : is) j.push_back(s.issues[i].id);
  return j;
}

Json point_ids(const Version& v, const std::vector<PointIndex>& ks) {
  Json j = Json::array();
  for (PointIndex k : ks) j.push_back(v.points[k].id);
  return j;
}

std::string issue_list(const Scenario& s, const std::vector<IssueIndex>& is) {
  std::string out;
  for (IssueIndex i : is) out += (out.empty() ? "" : ", ") + s.issues[i].id;
  return out;
}

std::string point_list(const Version& v, const std::vector<PointIndex>& ks) {
  std::string out;
  for (PointIndex k : ks) out += (out.empty() ? "" : " ") + v.points[k].id;
  return out;
}

// "RU, B closes": predicted blockers, those closing the text marked.
std::string predicted_list(const Scenario& s, const evaluate::PointResult& pr, std::size_t at_most) {
  std::string out;
  for (std::size_t k = 0; k < pr.predicted_blockers.size() && k < at_most; ++k) {
    out += (out.empty() ? "" : ",") + s.parties[pr.predicted_blockers[k]].id;
    if (k < pr.predicted_reasons.size() && pr.predicted_reasons[k] == evaluate::Prediction::closes_text)
      out += " closes";
  }
  if (pr.predicted_blockers.size() > at_most) out += ",… (" + std::to_string(pr.predicted_blockers.size()) + ")";
  return out;
}

std::string utility_text(const UtilityBounds& u) {
  if (u.max - u.min < 1e-9) return fixed(u.min);
  return fixed(u.min) + "–" + fixed(u.max);
}

// Appends a member known to be new: ordered_json's operator[] searches the object first,
// which makes an object of n members cost n^2 (20,000 parties: minutes).
void append_member(Json& obj, const std::string& key, Json value) {
  if (!obj.is_object()) obj = Json::object();
  static_cast<Json::object_t::Container&>(obj.get_ref<Json::object_t&>()).emplace_back(key, std::move(value));
}

}  // namespace

Json termination_json(const Termination& t) {
  return {{"stop", std::string(to_string(t.stop))}, {"detail", t.detail}};
}

Json package_json(const Scenario& s, const Package& x) {
  Json j = Json::object();
  for (const IssueIndex i : s.issues.indices()) {
    if (!x[i]) {
      j[s.issues[i].id] = nullptr;
    } else if (s.issues[i].kind == IssueKind::numeric) {
      j[s.issues[i].id] = x[i]->value;
    } else {
      j[s.issues[i].id] = s.issues[i].options[x[i]->option].id;
    }
  }
  return j;
}

Json evaluate_json(const Scenario& s, const evaluate::Result& r, const evaluate::Params& params,
                   std::size_t listed_parties) {
  const bool summarised = s.parties.size() > listed_parties;
  Json j;
  j["schema"] = kEvaluateSchema;
  j["scenario"] = s.id;
  add_outcome_json(j, r.outcome);
  if (!r.outcome.ok()) return j;
  j["version"] = r.version.valid() ? Json(s.versions[r.version].id) : Json(nullptr);
  j["package"] = package_json(s, r.package);
  Json open = Json::array();
  for (IssueIndex i : r.open_issues) open.push_back(s.issues[i].id);
  j["open_issues"] = std::move(open);
  Json parties = Json::array();
  for (const auto& pr : r.parties) {
    Json pj;
    pj["party"] = s.parties[pr.party].id;
    pj["utility"] = {{"min", pr.utility.min}, {"max", pr.utility.max}};
    pj["reservation"] = pr.reservation;
    pj["ideal"] = pr.ideal;
    pj["verdict"] = std::string(evaluate::to_string(pr.verdict));
    pj["red_lines_crossed"] = issue_ids(s, pr.red_lines_crossed);
    pj["deciding_issues"] = issue_ids(s, pr.deciding_issues);
    pj["exact"] = pr.exact;
    if (summarised) {
      parties.push_back(std::move(pj));
      continue;
    }
    Json issues = Json::array();
    for (const auto& ir : pr.issues) {
      issues.push_back({{"issue", s.issues[ir.issue].id},
                        {"settled", ir.settled},
                        {"contribution", ir.contribution},
                        {"min", ir.min},
                        {"max", ir.max},
                        {"red_line", ir.red_line}});
    }
    pj["issues"] = std::move(issues);
    for (const auto& [key, st] : {std::pair{"best", &pr.best}, std::pair{"worst", &pr.worst}})
      pj[key] = {{"package", package_json(s, st->package)},
                 {"utility", st->utility},
                 {"red_lines_crossed", issue_ids(s, st->red_lines_crossed)},
                 {"acceptable", st->acceptable}};
    parties.push_back(std::move(pj));
  }
  j["parties"] = std::move(parties);
  if (summarised)
    j["summarised"] = std::to_string(s.parties.size()) + " parties > " + std::to_string(listed_parties) +
                      ": parties carry no per-issue rows and points give stance counts";
  if (!r.version.valid()) return j;
  const Version& v = s.versions[r.version];
  Json points = Json::array();
  for (const auto& pr : r.points) {
    const Point& pt = v.points[pr.point];
    Json stances = Json::object();
    // The parties whose stance here is marked estimate: true (inferred, not reported); a count
    // when the parties are summarised.
    Json estimated = summarised ? Json(0) : Json::array();
    for (const PartyIndex p : s.parties.indices()) {
      if (!v.stances[p][pr.point].provenance.estimate) continue;
      if (summarised) estimated = estimated.get<std::size_t>() + 1;
      else estimated.push_back(s.parties[p].id);
    }
    if (summarised) {
      std::size_t counts[4] = {0, 0, 0, 0};
      for (const PartyIndex p : s.parties.indices()) ++counts[static_cast<int>(v.stances[p][pr.point].kind)];
      for (StanceKind k : {StanceKind::accept, StanceKind::reject, StanceKind::conditional, StanceKind::unknown})
        stances[std::string(to_string(k))] = counts[static_cast<int>(k)];
    } else {
      for (const PartyIndex p : s.parties.indices())
        append_member(stances, s.parties[p].id, std::string(to_string(v.stances[p][pr.point].kind)));
    }
    points.push_back({{"point", pt.id},
                      {"number", pt.number},
                      {summarised ? "stance_counts" : "stances", std::move(stances)},
                      {summarised ? "estimated_stance_count" : "estimated_stances", std::move(estimated)},
                      {"stated", std::string(evaluate::to_string(pr.stated))},
                      {"stated_blockers", ids(s, pr.stated_blockers)},
                      {"conditional", ids(s, pr.stated_conditional)},
                      {"predicted", std::string(evaluate::to_string(pr.predicted))},
                      {"predicted_blockers", ids(s, pr.predicted_blockers)},
                      {"predicted_reasons", reasons(pr.predicted_reasons)},
                      {"salience", pr.max_salience}});
  }
  j["points"] = std::move(points);
  j["readiness"] = {{"near_final", r.readiness.near_final},
                    {"reason", r.readiness.reason},
                    {"open_points", point_ids(v, r.readiness.open_points)},
                    {"standing_between", point_ids(v, r.readiness.standing_between)},
                    {"rejected", point_ids(v, r.readiness.rejected)},
                    {"conditional", point_ids(v, r.readiness.conditional)},
                    {"unknown", point_ids(v, r.readiness.unknown)},
                    {"max_open_points", params.max_open_points},
                    {"max_open_salience", params.max_open_salience}};
  return j;
}

namespace {

std::string parties_text(const Scenario& s, const evaluate::Result& r, Style style) {
  Table t;
  t.header = {"party", "utility", "reservation", "ideal", "verdict", "red lines crossed"};
  t.right_align = {false, true, true, true, false, false};
  for (const auto& pr : r.parties) {
    std::string crossed;
    for (IssueIndex i : pr.red_lines_crossed) crossed += (crossed.empty() ? "" : ", ") + s.issues[i].id;
    t.rows.push_back({s.parties[pr.party].id, utility_text(pr.utility), fixed(pr.reservation),
                      fixed(pr.ideal), std::string(evaluate::to_string(pr.verdict)),
                      crossed.empty() ? "-" : crossed});
  }
  std::string out = t.render(style, text_width(), 5);
  if (!r.open_issues.empty())
    out += wrap("Open issues (utility shown as the range over every way they could settle): " +
                issue_list(s, r.open_issues));
  return out;
}

// The open issues' settings in a settlement: "foreign_troops T_MNF, guarantee_duration 50 y".
std::string open_settings(const Scenario& s, const evaluate::Result& r, const Package& x) {
  std::string out;
  for (IssueIndex i : r.open_issues)
    if (x[i]) out += (out.empty() ? "" : ", ") + s.issues[i].id + " " + describe(s.issues[i], *x[i]);
  return out;
}

std::string settlement_text(const Scenario& s, const evaluate::Result& r, const evaluate::Settlement& st) {
  std::string out = "U " + fixed(st.utility);
  if (const std::string set = open_settings(s, r, st.package); !set.empty()) out += " with " + set;
  if (!st.red_lines_crossed.empty()) out += "; it crosses the party's red lines on " + issue_list(s, st.red_lines_crossed);
  return out;
}

}  // namespace

std::string verdict_sentence(const Scenario& s, const evaluate::Result& r, const evaluate::PartyResult& pr) {
  const std::string who = s.parties[pr.party].id;
  const std::string res = fixed(pr.reservation);
  std::string line;
  switch (pr.verdict) {
    case evaluate::Verdict::acceptable:
      line = who + " acceptable: every settlement of the open issues crosses none of its red lines and reaches "
                   "its reservation " + res + " (worst " + settlement_text(s, r, pr.worst) + ").";
      break;
    case evaluate::Verdict::unacceptable:
      if (!pr.red_lines_crossed.empty())
        line = who + " unacceptable: the text crosses its red lines on " + issue_list(s, pr.red_lines_crossed) +
               ", whatever the open issues settle.";
      else if (!pr.best.red_lines_crossed.empty())
        line = who + " unacceptable: every option of " + issue_list(s, pr.best.red_lines_crossed) +
               " is one of its red lines.";
      else
        line = who + " unacceptable: even its best settlement (" + settlement_text(s, r, pr.best) +
               ") is below its reservation " + res + ".";
      break;
    case evaluate::Verdict::open:
      line = who + " open (reservation " + res + "): its best settlement is acceptable (" +
             settlement_text(s, r, pr.best) + "); its worst is not (" + settlement_text(s, r, pr.worst) +
             "). Decided by " + issue_list(s, pr.deciding_issues) + ".";
      break;
    case evaluate::Verdict::not_set: break;
  }
  if (!pr.exact) line += " (Not exact: non-additive preferences over too many joint settlements; bounds only.)";
  return line;
}

namespace {

std::string verdicts_text(const Scenario& s, const evaluate::Result& r) {
  constexpr std::size_t kListed = 40;
  std::string out = wrap("Verdicts over every settlement of the open issues: acceptable = all of them cross none of "
                         "the party's red lines and reach its reservation, unacceptable = none does, open = some do.");
  for (std::size_t k = 0; k < r.parties.size() && k < kListed; ++k) out += wrap(verdict_sentence(s, r, r.parties[k]));
  if (r.parties.size() > kListed)
    out += wrap("… and " + std::to_string(r.parties.size() - kListed) + " more parties (accord evaluate --json).");
  return out;
}

}  // namespace

std::string evaluate_text(const Scenario& s, const evaluate::Result& r, Style style) {
  if (!r.outcome.ok()) return wrap("Evaluation: " + r.outcome.message() + ".");
  std::string out = parties_text(s, r, style) + verdicts_text(s, r);
  if (!r.version.valid()) return out;
  const Version& v = s.versions[r.version];
  return wrap("Version " + v.id + " — " + v.label) + "\n" + out + "\n" + stance_matrix_text(s, r, style) +
         readiness_text(s, r);
}

std::string stance_matrix_text(const Scenario& s, const evaluate::Result& r, Style style,
                               std::size_t listed_parties, const SourceNotes* notes) {
  if (!r.version.valid()) return {};
  const Version& v = s.versions[r.version];
  const bool counts = s.parties.size() > listed_parties;
  Table t;
  t.header = {"#", "point"};
  if (counts) t.header.insert(t.header.end(), {"A", "R", "C", "."});
  else
    for (const auto& p : s.parties) t.header.push_back(p.id);
  t.header.insert(t.header.end(), {"stated", "blocked by", "predicted"});
  t.right_align = {true};
  for (const auto& pr : r.points) {
    const Point& pt = v.points[pr.point];
    std::string point = pt.id;
    if (notes != nullptr) {  // the row's sources before the text, which may be cut
      const Citation c = notes->point(v, pr.point);
      point += estimate_mark(c.estimate);
      if (!c.notes.empty()) (point += ' ') += note_marks(c.notes);  // not " " + …: GCC 12 -Wrestrict
    }
    std::vector<std::string> row = {std::to_string(pt.number), point + " " + pt.text};
    if (counts) {
      std::size_t n[4] = {0, 0, 0, 0};
      for (const PartyIndex p : s.parties.indices()) ++n[static_cast<int>(v.stances[p][pr.point].kind)];
      for (StanceKind k : {StanceKind::accept, StanceKind::reject, StanceKind::conditional, StanceKind::unknown})
        row.push_back(std::to_string(n[static_cast<int>(k)]));
    } else {
      for (const PartyIndex p : s.parties.indices()) {
        const Stance& st = v.stances[p][pr.point];
        std::string cell(1, stance_symbol(st.kind));
        cell += estimate_mark(st.provenance.estimate);  // GCC 12: no a + b here (-Wrestrict)
        row.push_back(std::move(cell));
      }
    }
    row.emplace_back(evaluate::to_string(pr.stated));
    row.push_back(pr.stated_blockers.empty() ? "-" : party_list(s, pr.stated_blockers, 5));
    std::string predicted(evaluate::to_string(pr.predicted));
    if (!pr.predicted_blockers.empty()) predicted += " (" + predicted_list(s, pr, 5) + ")";
    row.push_back(predicted);
    t.rows.push_back(std::move(row));
  }
  return t.render(style, text_width(), 1) +
         (counts ? wrap(std::to_string(s.parties.size()) + " parties: the A, R, C and . columns count them.") : "") +
         wrap("Stances: A accept, R reject, C conditional, . unknown; " + std::string(kEstimateMark) +
              " marks a stance inferred, not reported (estimate: true): " + std::to_string(estimated_stances(v)) +
              " of " + v.id + "'s stances. Predicted from preferences: a party rejects "
              "a point that crosses one of its red lines, or (marked \"closes\") without which some settlement of "
              "the text's open issues would be acceptable to it while none is with it; it accepts otherwise.");
}

std::string blockers_sentence(const Version& v, const evaluate::Readiness& rd) {
  std::string out = counted(rd.standing_between.size(), "point") +
                    (rd.standing_between.size() == 1 ? " stands" : " stand") + " between it and near-final";
  std::string parts;
  auto add = [&](const std::vector<PointIndex>& ks, const std::string& what) {
    if (ks.empty()) return;
    parts += (parts.empty() ? ": " : ", ") + std::to_string(ks.size()) + " " + what + " (" + point_list(v, ks) + ")";
  };
  add(rd.rejected, "rejected");
  add(rd.conditional, "conditional");
  add(rd.unknown, "with no recorded stance from some signatory");
  return out + parts;
}

std::string readiness_text(const Scenario& s, const evaluate::Result& r) {
  if (!r.version.valid()) return {};
  const Version& v = s.versions[r.version];
  std::string out = wrap("Readiness of " + v.id + ": " +
                         (r.readiness.near_final ? "NEAR-FINAL" : "not near-final") + " — " +
                         r.readiness.reason);
  if (!r.readiness.standing_between.empty()) out += wrap(blockers_sentence(v, r.readiness) + ".");
  return out;
}

}  // namespace accord::report

// `accord evaluate` output: JSON (docs/cli.md) and text.
#include <nlohmann/json.hpp>

#include "accord/report/evaluate.hpp"
#include "accord/report/outcome.hpp"
#include "accord/report/sections.hpp"

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

char stance_symbol(StanceKind k) {
  switch (k) {
    case StanceKind::accept: return 'A';
    case StanceKind::reject: return 'R';
    case StanceKind::conditional: return 'C';
    case StanceKind::unknown: return '.';
  }
  return '?';
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
    Json crossed = Json::array();
    for (IssueIndex i : pr.red_lines_crossed) crossed.push_back(s.issues[i].id);
    pj["red_lines_crossed"] = std::move(crossed);
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
                      {"stated", std::string(evaluate::to_string(pr.stated))},
                      {"stated_blockers", ids(s, pr.stated_blockers)},
                      {"conditional", ids(s, pr.stated_conditional)},
                      {"predicted", std::string(evaluate::to_string(pr.predicted))},
                      {"predicted_blockers", ids(s, pr.predicted_blockers)},
                      {"salience", pr.max_salience}});
  }
  j["points"] = std::move(points);
  Json open_points = Json::array(), between = Json::array();
  for (PointIndex k : r.readiness.open_points) open_points.push_back(v.points[k].id);
  for (PointIndex k : r.readiness.standing_between) between.push_back(v.points[k].id);
  j["readiness"] = {{"near_final", r.readiness.near_final},
                    {"reason", r.readiness.reason},
                    {"open_points", std::move(open_points)},
                    {"standing_between", std::move(between)},
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
  std::string out = t.render(style, 100, 5);
  if (!r.open_issues.empty()) {
    std::string open;
    for (IssueIndex i : r.open_issues) open += (open.empty() ? "" : ", ") + s.issues[i].id;
    out += wrap("Open issues (utility shown as a range): " + open);
  }
  return out;
}

}  // namespace

std::string evaluate_text(const Scenario& s, const evaluate::Result& r, Style style) {
  if (!r.outcome.ok()) return wrap("Evaluation: " + r.outcome.message() + ".");
  std::string out = parties_text(s, r, style);
  if (!r.version.valid()) return out;
  const Version& v = s.versions[r.version];
  return "Version " + v.id + " — " + v.label + "\n\n" + out + "\n" + stance_matrix_text(s, r, style) +
         readiness_text(s, r);
}

std::string stance_matrix_text(const Scenario& s, const evaluate::Result& r, Style style,
                               std::size_t listed_parties) {
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
    std::vector<std::string> row = {std::to_string(pt.number), pt.id + " " + pt.text};
    if (counts) {
      std::size_t n[4] = {0, 0, 0, 0};
      for (const PartyIndex p : s.parties.indices()) ++n[static_cast<int>(v.stances[p][pr.point].kind)];
      for (StanceKind k : {StanceKind::accept, StanceKind::reject, StanceKind::conditional, StanceKind::unknown})
        row.push_back(std::to_string(n[static_cast<int>(k)]));
    } else {
      for (const PartyIndex p : s.parties.indices())
        row.emplace_back(1, stance_symbol(v.stances[p][pr.point].kind));
    }
    row.emplace_back(evaluate::to_string(pr.stated));
    row.push_back(pr.stated_blockers.empty() ? "-" : party_list(s, pr.stated_blockers, 5));
    std::string predicted(evaluate::to_string(pr.predicted));
    if (!pr.predicted_blockers.empty()) predicted += " (" + party_list(s, pr.predicted_blockers, 5) + ")";
    row.push_back(predicted);
    t.rows.push_back(std::move(row));
  }
  return t.render(style, 100, 1) +
         (counts ? wrap(std::to_string(s.parties.size()) + " parties: the A, R, C and . columns count them.") : "") +
         wrap("Stances: A accept, R reject, C conditional, . unknown. Predicted: from preferences "
              "(red line, or below the party's reservation level on the point's issues).");
}

std::string readiness_text(const Scenario& s, const evaluate::Result& r) {
  if (!r.version.valid()) return {};
  const Version& v = s.versions[r.version];
  std::string out = wrap("Readiness of " + v.id + ": " +
                         (r.readiness.near_final ? "NEAR-FINAL" : "not near-final") + " — " +
                         r.readiness.reason);
  if (!r.readiness.standing_between.empty()) {
    std::string between = "Standing between the text and near-final:";
    for (PointIndex k : r.readiness.standing_between) between += " " + v.points[k].id;
    out += wrap(between);
  }
  return out;
}

}  // namespace accord::report

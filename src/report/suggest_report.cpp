// A closed round's analysis as JSON (docs/rounds-suggestions.md) and text.
#include <nlohmann/json.hpp>

#include "accord/report/outcome.hpp"
#include "accord/report/suggest.hpp"

namespace accord::report {

namespace {

Json ids(const Scenario& s, const std::vector<PartyIndex>& ps) {
  Json out = Json::array();
  for (const PartyIndex p : ps) out.push_back(s.parties[p].id);
  return out;
}

Json point_ids(const Version& v, const std::vector<PointIndex>& ks) {
  Json out = Json::array();
  for (const PointIndex k : ks) out.push_back(v.points[k].id);
  return out;
}

std::string party_list(const Scenario& s, const std::vector<PartyIndex>& ps) {
  std::string out;
  for (const PartyIndex p : ps) out += (out.empty() ? "" : " ") + s.parties[p].id;
  return out.empty() ? "-" : out;
}

}  // namespace

Json suggest_setting_json(const Issue& issue, const Setting& x) {
  return issue.kind == IssueKind::numeric ? Json(x.value) : Json(issue.options[x.option].id);
}

Json suggestion_json(const Scenario& s, const suggest::Result& r, const suggest::Suggestion& sug) {
  using suggest::Kind;
  const Version& v = s.versions[r.version];
  Json j;
  j["kind"] = std::string(suggest::to_string(sug.kind));
  const bool repair = sug.kind == Kind::pareto_repair || sug.kind == Kind::least_cost_repair;
  if (repair) {
    j["point"] = v.points[sug.point].id;
    j["party"] = s.parties[sug.party].id;
    j["basis"] = std::string(suggest::to_string(sug.basis));
  }
  if (sug.kind != Kind::bracket) {
    Json edits = Json::array();
    for (const suggest::Edit& e : sug.edits) {
      const Issue& issue = s.issues[e.issue];
      edits.push_back({{"issue", issue.id},
                       {"from", e.from ? suggest_setting_json(issue, *e.from) : Json(nullptr)},
                       {"to", suggest_setting_json(issue, e.to)}});
    }
    j["edits"] = std::move(edits);
    Json effects = Json::object();
    for (const suggest::PartyEffect& e : sug.effects) {
      Json crossed = Json::array();
      for (const IssueIndex i : e.red_lines_crossed) crossed.push_back(s.issues[i].id);
      effects[s.parties[e.party].id] = {{"delta", e.delta}, {"red_lines_crossed", std::move(crossed)}};
    }
    j["effects"] = std::move(effects);
    j["nash"] = sug.nash;
    j["sum"] = sug.sum;
  }
  if (sug.kind == Kind::least_cost_repair) j["largest_loss"] = sug.largest_loss;
  if (sug.kind == Kind::pareto_repair) j["found"] = sug.found;
  if (sug.kind == Kind::bracket || sug.kind == Kind::closest_package) j["points"] = point_ids(v, sug.points);
  j["rests_on"] = sug.rests_on;
  j["sentence"] = sug.sentence;
  return j;
}

Json suggest_json(const Scenario& s, const suggest::Result& r) {
  Json j;
  j["schema"] = kSuggestSchema;
  j["scenario"] = s.id;
  add_outcome_json(j, r.outcome);
  if (r.outcome.status != Status::ok) return j;
  const Version& v = s.versions[r.version];
  j["version"] = v.id;
  j["parties"] = ids(s, r.parties);
  j["addressed"] = ids(s, r.addressed);
  Json u = Json::object();
  for (std::size_t q = 0; q < r.parties.size() && q < r.utilities.size(); ++q)
    u[s.parties[r.parties[q]].id] = r.utilities[q];
  j["utilities"] = std::move(u);
  Json points = Json::array();
  for (const suggest::PointTally& t : r.points) {
    points.push_back({{"point", v.points[t.point].id},
                      {"accept", ids(s, t.accept)},
                      {"reject", ids(s, t.reject)},
                      {"conditional", ids(s, t.conditional)},
                      {"silent", ids(s, t.silent)},
                      {"consensus", std::string(evaluate::to_string(t.consensus))},
                      {"salience", t.max_salience},
                      {"amendments", t.amendments}});
  }
  j["points"] = std::move(points);
  j["readiness"] = {{"near_final", r.readiness.near_final},
                    {"reason", r.readiness.reason},
                    {"open_points", point_ids(v, r.readiness.open_points)},
                    {"standing_between", point_ids(v, r.readiness.standing_between)}};
  Json sugs = Json::array();
  for (const suggest::Suggestion& sug : r.suggestions) sugs.push_back(suggestion_json(s, r, sug));
  j["suggestions"] = std::move(sugs);
  j["closest_zone_exists"] = r.closest ? Json(r.closest_zone_exists) : Json(nullptr);
  return j;
}

std::string suggest_text(const Scenario& s, const suggest::Result& r, Style style) {
  if (r.outcome.status != Status::ok) return wrap("Round: " + r.outcome.message() + ".");
  const Version& v = s.versions[r.version];
  std::string out;
  Table t;
  t.header = {"point", "accept", "reject", "conditional", "silent", "consensus"};
  for (const suggest::PointTally& p : r.points)
    t.rows.push_back({v.points[p.point].id, party_list(s, p.accept), party_list(s, p.reject),
                      party_list(s, p.conditional), party_list(s, p.silent),
                      std::string(evaluate::to_string(p.consensus))});
  out += t.render(style);
  out += wrap(std::string("Readiness: ") + (r.readiness.near_final ? "NEAR-FINAL" : "not near-final") + " — " +
              r.readiness.reason + ".");
  if (r.suggestions.empty()) out += wrap("No suggestion.");
  std::size_t n = 0;
  for (const suggest::Suggestion& sug : r.suggestions) {
    const std::string lead = std::to_string(++n) + ". ";
    out += style == Style::markdown ? lead + sug.sentence + "\n" : wrap(lead + sug.sentence, text_width(), "   ").substr(3);
  }
  if (!r.outcome.termination.finished())
    out += wrap("Partial: " + std::string(to_string(r.outcome.termination.stop)) + " — " +
                r.outcome.termination.detail + ".");
  return out;
}

}  // namespace accord::report

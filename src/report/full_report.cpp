// `accord report`: the whole analysis of a scenario in one document.
#include <nlohmann/json.hpp>

#include "accord/report/forecast.hpp"
#include "accord/report/bargain.hpp"
#include "accord/report/sections.hpp"

namespace accord::report {

namespace {

std::size_t count_estimates(const Scenario& s) {
  std::size_t n = 0;
  auto fields = [&n](const FieldProvenance& fp) {
    for (const auto& [_, p] : fp) n += p.estimate ? 1 : 0;
  };
  for (const auto& p : s.parties) n += p.provenance.estimate, fields(p.field_provenance);
  for (const auto& i : s.issues) n += i.provenance.estimate, fields(i.field_provenance);
  for (const auto& pr : s.preferences) {
    n += pr.provenance.estimate;
    fields(pr.field_provenance);
    for (const auto& ip : pr.issues) n += ip.provenance.estimate, fields(ip.field_provenance);
  }
  for (const auto& v : s.versions) {
    n += v.provenance.estimate;
    for (const auto& pt : v.points) n += pt.provenance.estimate, fields(pt.field_provenance);
    for (const auto& row : v.stances)
      for (const auto& st : row) n += st.provenance.estimate;
  }
  return n;
}

std::string heading(const std::string& title, Style style) {
  if (style == Style::markdown) return "\n## " + title + "\n\n";
  return "\n" + title + "\n" + std::string(display_width(title), '=') + "\n";
}

std::vector<diff::Result> evolution(const Scenario& s) {
  std::vector<diff::Result> out;
  for (std::size_t v = 1; v < s.versions.size(); ++v)
    out.push_back(diff::run(s, VersionIndex(v - 1), VersionIndex(v)));
  if (s.versions.size() > 2)
    out.push_back(diff::run(s, VersionIndex(std::size_t{0}), VersionIndex(s.versions.size() - 1)));
  return out;
}

std::string verdict_mark(evaluate::Verdict v) {
  switch (v) {
    case evaluate::Verdict::acceptable: return "yes";
    case evaluate::Verdict::unacceptable: return "NO";
    case evaluate::Verdict::open: return "open";
  }
  return "?";
}

}  // namespace

Json full_report_json(const Scenario& s, const ReportOptions& options) {
  Json j;
  j["scenario"] = {{"id", s.id}, {"title", s.title}, {"description", s.description},
                   {"date", s.date}, {"estimates", count_estimates(s)}};
  Json parties = Json::array();
  for (const auto& p : s.parties)
    parties.push_back({{"id", p.id}, {"name", p.name}, {"role", std::string(to_string(p.role))},
                       {"capability", p.capability}, {"has_preferences", s.preferences[&p - s.parties.data()].present}});
  j["parties"] = std::move(parties);
  Json versions = Json::array();
  for (const auto& v : s.versions)
    versions.push_back({{"id", v.id}, {"label", v.label}, {"date", v.date}, {"points", v.points.size()}});
  j["versions"] = std::move(versions);
  Json diffs = Json::array();
  for (const auto& d : evolution(s)) diffs.push_back(diff_json(s, d));
  j["evolution"] = std::move(diffs);
  Json evals = Json::array();
  for (std::size_t v = 0; v < s.versions.size(); ++v)
    evals.push_back(evaluate_json(s, evaluate::run_version(s, VersionIndex(v), options.evaluate), options.evaluate));
  j["evaluations"] = std::move(evals);
  j["bargain"] = bargain_json(s, bargain::run(s), 0);  // frontier sizes, no point lists
  j["forecast"] = forecast_headline_json(s);  // forecast engine (docs/forecast.md)
  return j;
}

std::string full_report_text(const Scenario& s, const ReportOptions& options, Style style) {
  std::string out;
  const std::string title = "Accord report: " + s.title;
  out += style == Style::markdown ? "# " + title + "\n\n" : title + "\n" + std::string(display_width(title), '#') + "\n";
  std::string intro = "Scenario `" + s.id + "`" + (s.date.empty() ? "" : ", " + s.date) + ". ";
  if (!s.description.empty()) intro += s.description;
  out += wrap(intro);
  const std::size_t estimates = count_estimates(s);
  if (estimates > 0)
    out += wrap(std::to_string(estimates) +
                " values in this scenario are marked as estimates (estimate: true); treat results "
                "as scenario analysis, not fact.");

  out += heading("Parties", style);
  Table parties;
  parties.header = {"id", "name", "role", "capability", "preferences"};
  parties.right_align = {false, false, false, true, false};
  for (std::size_t p = 0; p < s.parties.size(); ++p) {
    const Party& party = s.parties[p];
    const auto it = party.field_provenance.find("capability");
    const bool est = it != party.field_provenance.end() && it->second.estimate;
    parties.rows.push_back({party.id, party.name, std::string(to_string(party.role)),
                            fixed(party.capability, 0) + (est ? "~" : ""),
                            s.preferences[p].present ? "yes" : "no"});
  }
  out += parties.render(style, 100, 1);

  out += heading("Bargaining: zone of agreement and fair packages (accord bargain)", style);
  out += bargain_headline(s, bargain::run(s), style);
  out += forecast_headline_text(s, style);  // forecast engine (docs/forecast.md)

  if (s.versions.empty()) return out;
  out += heading("Framework versions", style);
  Table versions;
  versions.header = {"version", "date", "points", "label"};
  versions.right_align = {false, false, true, false};
  for (const auto& v : s.versions)
    versions.rows.push_back({v.id, v.date, std::to_string(v.points.size()), v.label});
  out += versions.render(style, 100, 3);

  out += heading("How the text evolved", style);
  for (const auto& d : evolution(s)) out += diff_text(s, d, style) + "\n";

  std::vector<evaluate::Result> evals;
  for (std::size_t v = 0; v < s.versions.size(); ++v)
    evals.push_back(evaluate::run_version(s, VersionIndex(v), options.evaluate));

  out += heading("Each party's utility of each version (against its reservation)", style);
  Table util;
  util.header = {"party", "reservation"};
  for (const auto& v : s.versions) util.header.push_back(v.id);
  util.right_align.assign(util.header.size(), true);
  util.right_align[0] = false;
  for (std::size_t k = 0; k < evals.front().parties.size(); ++k) {
    const PartyIndex p = evals.front().parties[k].party;
    std::vector<std::string> row = {s.parties[p.get()].id, fixed(evals.front().parties[k].reservation)};
    for (const auto& e : evals) {
      const auto& pr = e.parties[k];
      std::string cell = fixed(pr.utility.min, 2);
      if (pr.utility.max - pr.utility.min > 1e-9) cell += "–" + fixed(pr.utility.max, 2);
      cell += " " + verdict_mark(pr.verdict);
      if (!pr.red_lines_crossed.empty()) cell += " (" + std::to_string(pr.red_lines_crossed.size()) + " RL)";
      row.push_back(cell);
    }
    util.rows.push_back(std::move(row));
  }
  out += util.render(style, 100);
  out += wrap("yes = acceptable, NO = unacceptable (red line crossed or below reservation), open = "
              "depends on issues the version leaves open (shown as a range); (n RL) = n red lines "
              "crossed.");

  for (std::size_t v = 0; v < s.versions.size(); ++v) {
    const Version& ver = s.versions[v];
    out += heading("Stances on " + ver.id + " (" + std::to_string(ver.points.size()) + " points)", style);
    out += stance_matrix_text(s, evals[v], style);
    out += readiness_text(s, evals[v]);
  }
  return out;
}

}  // namespace accord::report

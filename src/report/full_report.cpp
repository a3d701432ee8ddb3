// `accord report`: the whole analysis of a scenario as text, Markdown or JSON, rendered from
// one ScenarioAnalysis (report/analysis.hpp); the HTML is html_report.cpp.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "accord/model/outcome.hpp"
#include "accord/report/analysis.hpp"
#include "accord/report/bargain.hpp"
#include "accord/report/forecast.hpp"
#include "accord/report/gmcr.hpp"

namespace accord::report {

namespace {

std::string heading(const std::string& title, Style style) {
  if (style == Style::markdown) return "\n## " + title + "\n\n";
  return "\n" + title + "\n" + std::string(display_width(title), '=') + "\n";
}

std::string not_computed(const std::string& what, const Termination& t) {
  return wrap(what + " not computed (" + std::string(to_string(t.stop)) + ": " + t.detail + ").");
}

std::string verdict_mark(evaluate::Verdict v) {
  switch (v) {
    case evaluate::Verdict::acceptable: return "yes";
    case evaluate::Verdict::unacceptable: return "NO";
    case evaluate::Verdict::open: return "open";
    case evaluate::Verdict::not_set: break;
  }
  return "?";
}

std::string ids(const Scenario& s, const std::vector<PartyIndex>& ps) {
  constexpr std::size_t kNamed = 20;  // a summary line, not a roll call
  std::string out;
  for (std::size_t k = 0; k < ps.size() && k < kNamed; ++k) out += (out.empty() ? "" : ", ") + s.parties[ps[k]].id;
  if (ps.size() > kNamed) out += " and " + std::to_string(ps.size() - kNamed) + " more";
  return out;
}

// "NAME is an equilibrium under …; N other equilibria are reachable …" from the typed result.
std::string stability_line(const gmcr::RunResult& run) {
  if (!run.ok() || !run.analysis->status_quo) return "";
  const gmcr::Analysis& g = *run.analysis;
  const gmcr::StateIndex sq = *g.status_quo;
  std::string under;
  for (const gmcr::Concept k : g.concepts) {
    const auto& set = g.equilibria[k];
    if (set && set->test(sq)) under += (under.empty() ? "" : ", ") + std::string(gmcr::to_string(k));
  }
  const auto reachable = std::count_if(g.status_quo_paths.begin(), g.status_quo_paths.end(),
                                       [sq](const auto& r) { return r.by_improvements && r.target != sq; });
  return "Stability: the status quo " + g.pattern(sq) + " is " +
         (under.empty() ? "not an equilibrium" : "an equilibrium under " + under) + "; " +
         std::to_string(reachable) + " other equilibria are reachable from it by unilateral improvements.";
}

}  // namespace

std::vector<std::string> summary_lines(const Scenario& s, const ScenarioAnalysis& a) {
  std::vector<std::string> out;
  if (!s.versions.empty() && !a.evaluations.empty()) {
    const evaluate::Result& e = a.evaluations.back();
    std::vector<PartyIndex> yes, no, open;
    std::string crossed;
    std::size_t crossing = 0;
    for (const auto& pr : e.parties) {
      (pr.verdict == evaluate::Verdict::acceptable ? yes
       : pr.verdict == evaluate::Verdict::unacceptable ? no : open).push_back(pr.party);
      if (!pr.red_lines_crossed.empty()) {
        std::string issues;
        for (IssueIndex i : pr.red_lines_crossed) issues += (issues.empty() ? "" : ", ") + s.issues[i].id;
        if (++crossing <= 20) crossed += (crossed.empty() ? "" : "; ") + s.parties[pr.party].id + ": " + issues;
      }
    }
    const std::string vid = s.versions.back().id;
    std::string line = "Latest text " + vid + ": acceptable to " + (yes.empty() ? "none" : ids(s, yes)) +
                       "; unacceptable to " + (no.empty() ? "none" : ids(s, no));
    if (!open.empty()) line += "; depends on its open issues for " + ids(s, open);
    line += ".";
    if (!crossed.empty())
      line += " Red lines crossed — " + crossed +
              (crossing > 20 ? "; and " + std::to_string(crossing - 20) + " more parties" : "") + ".";
    out.push_back(line);
    std::string ready = "Readiness of " + vid + ": " + (e.readiness.near_final ? "near-final" : "not near-final");
    if (!e.readiness.standing_between.empty())
      ready += "; " + std::to_string(e.readiness.standing_between.size()) + " points stand between it and near-final";
    out.push_back(ready + ".");
  }
  if (a.bargain && a.bargain->outcome.ok()) {
    const bargain::Result& b = *a.bargain;
    if (b.finding == bargain::Finding::zone_exists) {
      std::string z = "A zone of agreement exists among " + ids(s, b.parties) + ".";
      if (b.solutions.nash) z += " See the Nash and Kalai–Smorodinsky packages below.";
      if (b.closest && b.closest->zone_exists)
        z += " The closest acceptable change to the latest text changes " +
             std::to_string(b.closest->changed_issues) + " of its settled issues.";
      out.push_back(z);
    } else if (b.finding == bargain::Finding::no_zone) {
      std::string z = "No package is acceptable to all of " + ids(s, b.parties) + ".";
      if (!b.blocked_issues.empty()) {
        std::string issues;
        for (IssueIndex i : b.blocked_issues) issues += (issues.empty() ? "" : ", ") + s.issues[i].id;
        z += " On " + issues + " every option crosses some party's red line, so no deal exists unless a "
             "red line there moves.";
      }
      if (b.closest && !b.closest->shortfall.empty()) {
        double worst = 0.0;
        for (double x : b.closest->shortfall) worst = std::max(worst, x);
        z += worst <= kUtilityEps ? " Apart from those red lines, a package exists that gives every party at "
                                    "least its reservation"
                                  : " The smallest largest shortfall below reservation is " + fixed(worst);
        if (!s.versions.empty())
          z += "; the closest such package changes " + std::to_string(b.closest->changed_issues) + " of the issues " +
               s.versions.back().id + " settles (below)";
        z += ".";
      }
      out.push_back(z);
    }
  }
  if (a.stability)
    if (std::string line = stability_line(*a.stability); !line.empty()) out.push_back(std::move(line));
  return out;
}

namespace {

// Bargaining among more parties than the report lists: the finding and the packages, without a
// column per party (the full tables are `accord bargain`'s).
std::string bargain_many_parties(const Scenario& s, const bargain::Result& b) {
  if (!b.outcome.ok()) return wrap("Bargaining: " + b.outcome.message() + ".");
  std::string out = wrap(std::to_string(b.parties.size()) + " bargaining parties; " + b.zone.decimal + " of " +
                         b.space.decimal + " packages are acceptable to all of them (" +
                         std::string(bargain::to_string(b.finding)) + ").");
  auto package = [&s](const Package& x) {
    std::string t;
    for (const IssueIndex i : x.indices()) {
      if (!s.issues.contains(i)) break;
      if (!x[i]) continue;
      const Issue& issue = s.issues[i];
      t += (t.empty() ? "" : ", ") + issue.id + "=" +
           (issue.kind == IssueKind::discrete ? issue.options[x[i]->option].id : fixed(x[i]->value, 2));
    }
    return t;
  };
  const std::pair<const char*, const std::optional<bargain::Solution>*> rows[] = {
      {"Nash", &b.solutions.nash},
      {"Kalai–Smorodinsky", &b.solutions.kalai_smorodinsky},
      {"egalitarian", &b.solutions.egalitarian},
      {"utilitarian", &b.solutions.utilitarian}};
  for (const auto& [name, sol] : rows)
    if (*sol) out += wrap(std::string(name) + ": " + package((*sol)->package), 100, "  ");
  return out + wrap("Per-party utilities: `accord bargain " + s.id + " --json`.");
}

// The stability section, rendered from the analysis's one gmcr run.
std::string stability_text(const Scenario& s, const ScenarioAnalysis& a, Style style) {
  return a.stability ? gmcr_headline_text(s, *a.stability, style) : std::string();
}
Json stability_json(const Scenario& s, const ScenarioAnalysis& a) {
  return a.stability ? gmcr_headline_json(s, *a.stability) : Json(nullptr);
}

// The forecast section, rendered from the analysis's SMP run.
std::string forecast_text(const Scenario& s, const ScenarioAnalysis& a, Style style) {
  return forecast_headline_text(s, *a.forecast, style);
}

std::string engine_sections(const Scenario& s, const ScenarioAnalysis& a, Style style) {
  const std::string draft = s.versions.empty() ? "" : " (draft: " + s.versions.back().id + ")";
  std::string out = heading("Bargaining: zone of agreement, fair packages, closest deal" + draft, style);
  const Termination b_end = a.section("bargain");
  if (!a.bargain) {
    out += not_computed("Bargaining", b_end);
  } else {
    if (!b_end.finished()) out += wrap("Partial (" + std::string(to_string(b_end.stop)) + "): " + b_end.detail + ".");
    out += a.bargain->parties.size() > a.options.limits.listed_parties ? bargain_many_parties(s, *a.bargain)
                                                                        : bargain_text(s, *a.bargain, style);
  }
  if (s.conflict) {
    const std::string title = "Stability of outcomes (Graph Model for Conflict Resolution)";
    if (!a.stability) out += heading(title, style) + not_computed("Stability analysis", a.section("stability"));
    else if (const std::string g = stability_text(s, a, style); !g.empty()) out += heading(title, style) + g;
  }
  if (a.forecast) out += forecast_text(s, a, style);
  else out += heading("Forecast", style) + not_computed("The forecast", a.section("forecast"));
  return out;
}

// "Partial sections: …" at the end of a text report (empty when every section finished).
std::string partial_note(const SectionTerminations& sections) {
  std::string out;
  for (const auto& st : sections)
    if (!st.termination.finished())
      out += "- " + st.section + ": " + std::string(to_string(st.termination.stop)) + " — " + st.termination.detail + "\n";
  return out.empty() ? out : "\nPartial or skipped sections:\n" + out;
}

}  // namespace

Json full_report_json(const Scenario& s, const ScenarioAnalysis& a, SectionTerminations* sections) {
  SectionTerminations ends = a.sections;
  Json j;
  j["schema"] = kReportSchema;
  j["scenario"] = {{"id", s.id}, {"title", s.title}, {"description", s.description},
                   {"date", s.date}, {"estimates", a.estimates}};
  Json parties = Json::array();
  for (const PartyIndex k : s.parties.indices()) {
    const Party& p = s.parties[k];
    parties.push_back({{"id", p.id}, {"name", p.name}, {"role", std::string(to_string(p.role))},
                       {"capability", p.capability}, {"has_preferences", s.preferences[k].present}});
  }
  j["parties"] = std::move(parties);
  Json versions = Json::array();
  for (const auto& v : s.versions)
    versions.push_back({{"id", v.id}, {"label", v.label}, {"date", v.date}, {"points", v.points.size()}});
  j["versions"] = std::move(versions);
  Json diffs = Json::array();
  for (const auto& d : a.evolution) diffs.push_back(diff_json(s, d));
  j["evolution"] = std::move(diffs);
  Json evals = Json::array();
  for (const auto& e : a.evaluations)
    evals.push_back(evaluate_json(s, e, a.options.evaluate, a.options.limits.listed_parties));
  j["evaluations"] = std::move(evals);
  j["bargain"] = a.bargain ? bargain_json(s, *a.bargain, 0) : Json{{"skipped", true}};  // sizes, no point lists
  j["bargain"]["termination"] = termination_json(a.section("bargain"));
  if (!s.conflict) {
    j["gmcr"] = nullptr;
  } else {
    j["gmcr"] = a.stability ? stability_json(s, a) : Json{{"skipped", true}};
    j["gmcr"]["termination"] = termination_json(a.section("stability"));
  }
  j["forecast"] = a.forecast ? forecast_headline_json(s, *a.forecast) : Json{{"skipped", true}};
  j["forecast"]["termination"] = termination_json(a.section("forecast"));
  Json summary = Json::object();
  for (const auto& st : ends) summary[st.section] = termination_json(st.termination);
  j["sections"] = std::move(summary);
  if (sections != nullptr) *sections = std::move(ends);
  return j;
}

std::string full_report_text(const Scenario& s, const ScenarioAnalysis& a, Style style, SectionTerminations* sections) {
  const std::size_t listed = a.options.limits.listed_parties;
  const auto& evals = a.evaluations;
  SectionTerminations ends = a.sections;
  std::string out;
  const std::string title = "Accord report: " + s.title;
  out += style == Style::markdown ? "# " + title + "\n\n" : title + "\n" + std::string(display_width(title), '#') + "\n";
  std::string intro = "Scenario `" + s.id + "`" + (s.date.empty() ? "" : ", " + s.date) + ". ";
  if (!s.description.empty()) intro += s.description;
  out += wrap(intro);
  if (a.estimates > 0)
    out += wrap(std::to_string(a.estimates) +
                " values in this scenario are marked as estimates (estimate: true); treat results "
                "as scenario analysis, not fact.");
  out += heading("Summary", style);
  for (const std::string& line : summary_lines(s, a)) {
    std::string w = wrap(line, 100, "  ");  // indented continuation lines
    out += w.replace(0, 2, "- ");
  }

  out += heading("Parties", style);
  Table parties;
  parties.header = {"id", "name", "role", "capability", "preferences"};
  parties.right_align = {false, false, false, true, false};
  for (const PartyIndex p : s.parties.indices()) {
    if (p.get() >= listed) break;
    const Party& party = s.parties[p];
    const auto it = party.field_provenance.find("capability");
    const bool est = it != party.field_provenance.end() && it->second.estimate;
    parties.rows.push_back({party.id, party.name, std::string(to_string(party.role)),
                            fixed(party.capability, 0) + (est ? "~" : ""),
                            s.preferences[p].present ? "yes" : "no"});
  }
  out += parties.render(style, 100, 1);
  if (s.parties.size() > listed)
    out += wrap("… and " + std::to_string(s.parties.size() - listed) + " more parties (the report lists " +
                std::to_string(listed) + "; `accord report --json` gives them all).");
  auto finish = [&](std::string text) {
    text += engine_sections(s, a, style);
    if (sections != nullptr) *sections = ends;
    return text + partial_note(ends);
  };
  if (s.versions.empty()) return finish(std::move(out));
  out += heading("Framework versions", style);
  Table versions;
  versions.header = {"version", "date", "points", "label"};
  versions.right_align = {false, false, true, false};
  for (const auto& v : s.versions)
    versions.rows.push_back({v.id, v.date, std::to_string(v.points.size()), v.label});
  out += versions.render(style, 100, 3);

  out += heading("How the text evolved", style);
  for (const auto& d : a.evolution) out += diff_text(s, d, style) + "\n";

  out += heading("Each party's utility of each version (against its reservation)", style);
  Table util;
  util.header = {"party", "reservation"};
  for (const auto& v : s.versions) util.header.push_back(v.id);
  util.right_align.assign(util.header.size(), true);
  util.right_align[0] = false;
  std::size_t rows = evals.front().parties.size();
  for (const auto& e : evals) rows = std::min(rows, e.parties.size());  // a partial run has fewer
  for (std::size_t k = 0; k < rows && k < listed; ++k) {
    const PartyIndex p = evals.front().parties[k].party;
    std::vector<std::string> row = {s.parties[p].id, fixed(evals.front().parties[k].reservation)};
    for (const auto& e : evals) {
      const auto& pr = e.parties[k];
      std::string cell = fixed(pr.utility.min, 2);
      if (pr.utility.max - pr.utility.min > 1e-9) cell += "–" + fixed(pr.utility.max, 2);
      cell += ' ';  // not " " + …: GCC 12 warns falsely (-Wrestrict) on that concatenation
      cell += verdict_mark(pr.verdict);
      if (!pr.red_lines_crossed.empty()) cell += " (" + std::to_string(pr.red_lines_crossed.size()) + " RL)";
      row.push_back(cell);
    }
    util.rows.push_back(std::move(row));
  }
  out += util.render(style, 100);
  if (rows > listed) out += wrap("… and " + std::to_string(rows - listed) + " more parties.");
  out += wrap("yes = acceptable, NO = unacceptable (red line crossed or below reservation), open = "
              "depends on issues the version leaves open (shown as a range); (n RL) = n red lines "
              "crossed.");

  for (std::size_t v = 0; v < s.versions.size(); ++v) {
    const Version& ver = s.versions[VersionIndex(v)];
    out += heading("Stances on " + ver.id + " (" + std::to_string(ver.points.size()) + " points)", style);
    out += stance_matrix_text(s, evals[v], style);
    out += readiness_text(s, evals[v]);
  }
  return finish(std::move(out));
}

}  // namespace accord::report

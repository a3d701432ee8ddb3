// `accord report`: the whole analysis of a scenario as text, Markdown or JSON, rendered from
// one ScenarioAnalysis (report/analysis.hpp); the HTML is html_report.cpp.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "accord/model/outcome.hpp"
#include "accord/model/plural.hpp"
#include "accord/report/analysis.hpp"
#include "accord/report/bargain.hpp"
#include "accord/report/forecast.hpp"
#include "accord/report/gmcr.hpp"
#include "accord/report/sources.hpp"

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

std::string issue_ids(const Scenario& s, const std::vector<IssueIndex>& is) {
  std::string out;
  for (IssueIndex i : is) out += (out.empty() ? "" : ", ") + s.issues[i].id;
  return out;
}

// Whether p's red lines on issue i are an estimate: their own provenance when the scenario gives
// one ("red_lines"), else that of p's whole preference on the issue.
bool red_lines_estimated(const Scenario& s, PartyIndex p, IssueIndex i) {
  const IssuePreference& ip = s.preferences[p].issues[i];
  const auto it = ip.field_provenance.find("red_lines");
  return it != ip.field_provenance.end() ? it->second.estimate : ip.provenance.estimate;
}

// "a, b (estimate), c" or "a, b (all estimates)".
std::string red_line_ids(const Scenario& s, PartyIndex p, const std::vector<IssueIndex>& is) {
  std::size_t estimated = 0;
  for (IssueIndex i : is) estimated += red_lines_estimated(s, p, i) ? 1 : 0;
  if (estimated == is.size()) return issue_ids(s, is) + (is.size() == 1 ? " (an estimate)" : " (all estimates)");
  std::string out;
  for (IssueIndex i : is)
    out += (out.empty() ? "" : ", ") + s.issues[i].id + (red_lines_estimated(s, p, i) ? " (estimate)" : "");
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

std::vector<SummaryLine> summary_items(const Scenario& s, const ScenarioAnalysis& a) {
  std::vector<SummaryLine> out;
  const Version* latest = s.versions.empty() ? nullptr : &s.versions.back();
  if (!s.versions.empty() && !a.evaluations.empty()) {
    const evaluate::Result& e = a.evaluations.back();
    std::vector<PartyIndex> yes, no, open, estimated;
    std::string crossed, deciding;
    std::size_t crossing = 0, undecided = 0;
    for (const auto& pr : e.parties) {
      (pr.verdict == evaluate::Verdict::acceptable ? yes
       : pr.verdict == evaluate::Verdict::unacceptable ? no : open).push_back(pr.party);
      const Preferences& prefs = s.preferences[pr.party];
      if (reservation_is_estimate(prefs)) estimated.push_back(pr.party);
      const std::string who = s.parties[pr.party].id;
      if (!pr.red_lines_crossed.empty() && ++crossing <= 20)
        crossed += (crossed.empty() ? "" : "; ") + who + ": " + red_line_ids(s, pr.party, pr.red_lines_crossed);
      if (pr.verdict == evaluate::Verdict::open && ++undecided <= 20)
        deciding += (deciding.empty() ? "" : "; ") + who + ": " + issue_ids(s, pr.deciding_issues);
    }
    const std::string vid = s.versions.back().id;
    const std::size_t n_open = e.open_issues.size();
    std::string line = "Latest text " + vid + ", over every settlement of " +
                       (n_open == 0 ? std::string("its issues (it settles all of them)")
                                    : "the " + std::to_string(n_open) + " issues it leaves open") +
                       ": acceptable to " + (yes.empty() ? "none" : ids(s, yes)) + "; unacceptable to " +
                       (no.empty() ? "none" : ids(s, no));
    if (!open.empty()) line += "; open (acceptable in some settlements, not in others) for " + ids(s, open);
    line += ".";
    if (!crossed.empty())
      line += " Red lines the text crosses — " + crossed +
              (crossing > 20 ? "; and " + std::to_string(crossing - 20) + " more parties" : "") + ".";
    if (!deciding.empty())
      line += " Open issues that decide the open verdicts (a red-line option there, or enough to pull the party "
              "below its reservation) — " + deciding +
              (undecided > 20 ? "; and " + std::to_string(undecided - 20) + " more parties" : "") + ".";
    if (!estimated.empty())
      line += " Reservations that are estimates: " + ids(s, estimated) + ".";
    std::vector<PartyIndex> evaluated;
    for (const auto& pr : e.parties) evaluated.push_back(pr.party);
    out.push_back({"verdicts", line, text_and_preferences_basis(s, a.sources, latest, evaluated)});
    std::string ready = "Readiness of " + vid + ": " + (e.readiness.near_final ? "near-final" : "not near-final");
    if (!e.readiness.standing_between.empty())
      ready += "; " + blockers_sentence(s.versions.back(), e.readiness);
    out.push_back({"readiness", ready + ".", readiness_basis(a.sources, *latest)});
  }
  if (a.bargain)
    if (std::string line = bargain_summary(s, *a.bargain, s.versions.empty() ? "" : s.versions.back().id);
        !line.empty()) {
      std::vector<PartyIndex> with = a.bargain->parties;  // the stakeholders' red lines are named too
      with.insert(with.end(), a.bargain->stakeholders.begin(), a.bargain->stakeholders.end());
      out.push_back({"bargain", std::move(line), text_and_preferences_basis(s, a.sources, latest, with)});
    }
  if (a.stability)
    if (std::string line = stability_line(*a.stability); !line.empty())
      out.push_back({"stability", std::move(line), stability_basis(s, a.sources)});
  if (a.forecast)
    if (std::string line = forecast_summary_line(*a.forecast, a.forecast_eum ? &*a.forecast_eum : nullptr);
        !line.empty())
      out.push_back({"forecast", std::move(line), forecast_basis(s, a.sources)});
  for (SummaryLine& line : robustness_lines(s, a)) out.push_back(std::move(line));  // "holds unless …"
  return out;
}

std::vector<std::string> summary_lines(const Scenario& s, const ScenarioAnalysis& a) {
  std::vector<std::string> out;
  for (const SummaryLine& line : summary_items(s, a)) out.push_back(cited_text(line));
  return out;
}

namespace {

// Bargaining among more parties than the report lists: the finding and the packages, without a
// column per party (the full tables are `accord bargain`'s).
std::string bargain_many_parties(const Scenario& s, const bargain::Result& b, const std::string& scenario) {
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
    if (*sol) out += wrap(std::string(name) + ": " + package((*sol)->package), text_width(), "  ");
  return out + bargain_stakeholders_text(s, b) + wrap("Per-party utilities: `accord bargain " + scenario + " --json`.");
}

// The stability section, rendered from the analysis's one gmcr run.
std::string stability_text(const Scenario& s, const ScenarioAnalysis& a, Style style) {
  return a.stability ? gmcr_headline_text(s, *a.stability, style, suggested_scenario(s, a.options)) : std::string();
}
Json stability_json(const Scenario& s, const ScenarioAnalysis& a) {
  return a.stability ? gmcr_headline_json(s, *a.stability) : Json(nullptr);
}

// The forecast section, rendered from the analysis's SMP run (and EUM run, when it has one).
std::string forecast_text(const Scenario& s, const ScenarioAnalysis& a, Style style) {
  return forecast_headline_text(s, *a.forecast, style, a.forecast_eum ? &*a.forecast_eum : nullptr,
                                suggested_scenario(s, a.options));
}

std::string engine_sections(const Scenario& s, const ScenarioAnalysis& a, Style style) {
  const std::string draft = s.versions.empty() ? "" : " (draft: " + s.versions.back().id + ")";
  std::string out = heading("Bargaining: zone of agreement, fair packages, closest deal" + draft, style);
  const Termination b_end = a.section("bargain");
  if (!a.bargain) {
    out += not_computed("Bargaining", b_end);
  } else {
    if (!b_end.finished()) out += wrap("Partial (" + std::string(to_string(b_end.stop)) + "): " + b_end.detail + ".");
    out += a.bargain->parties.size() > a.options.limits.listed_parties ? bargain_many_parties(s, *a.bargain, suggested_scenario(s, a.options))
                                                                        : bargain_text(s, *a.bargain, style);
  }
  if (s.conflict) {
    const std::string title = "Stability of outcomes (Graph Model for Conflict Resolution)";
    if (!a.stability) out += heading(title, style) + not_computed("Stability analysis", a.section("stability"));
    else if (const std::string g = stability_text(s, a, style); !g.empty()) out += heading(title, style) + g;
    for (const std::string& line : ceasefire_lines(s, a)) out += wrap(line);
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
    j["ceasefire"] = ceasefire_json(s, a);
  }
  j["forecast"] = a.forecast ? forecast_headline_json(s, *a.forecast) : Json{{"skipped", true}};
  j["forecast"]["termination"] = termination_json(a.section("forecast"));
  j["forecast_eum"] = a.forecast_eum ? forecast_headline_json(s, *a.forecast_eum) : Json(nullptr);
  j["robustness"] = robustness_report_json(s, a);
  j["rounds"] = rounds_json(s, a.rounds);
  j["rounds"]["termination"] = termination_json(a.section("rounds"));
  j["negotiations"] = negotiations_json(a.negotiations);
  j["negotiations"]["termination"] = termination_json(a.section("negotiations"));
  Json summary = Json::object();
  for (const auto& st : ends) summary[st.section] = termination_json(st.termination);
  j["sections"] = std::move(summary);
  j["summary"] = summary_json(summary_items(s, a));
  add_sources_json(j, s, a);
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
  if (const Citation c = a.sources.scenario(s); !c.notes.empty()) intro += " Sources: " + note_marks(c.notes) + ".";
  out += wrap(intro);
  out += "\n" + wrap(legend_text(a));
  out += heading("Summary", style);
  for (const std::string& line : summary_lines(s, a)) {
    std::string w = wrap(line, text_width(), "  ");  // indented continuation lines
    out += w.replace(0, 2, "- ");
  }

  out += heading("Parties", style);
  Table parties;
  parties.header = {"id", "name", "role", "capability", "preferences", "sources"};
  parties.right_align = {false, false, false, true, false, false};
  for (const PartyIndex p : s.parties.indices()) {
    if (p.get() >= listed) break;
    const Party& party = s.parties[p];
    const Citation c = a.sources.party(party);
    parties.rows.push_back({party.id, party.name, std::string(to_string(party.role)),
                            fixed(party.capability, 0) + estimate_mark(c.estimate),
                            s.preferences[p].present ? "yes" : "no", c.notes.empty() ? "-" : note_marks(c.notes)});
  }
  out += parties.render(style, text_width(), 1);
  if (s.parties.size() > listed)
    out += wrap("… and " + std::to_string(s.parties.size() - listed) + " more parties (the report lists " +
                std::to_string(listed) + "; `accord report --json` gives them all).");
  auto finish = [&](std::string text) {
    text += engine_sections(s, a, style);
    text += robustness_report_text(s, a, style);
    if (sections != nullptr) *sections = ends;
    return text + partial_note(ends) + source_notes_text(a.sources, style);
  };
  if (const std::string inputs = preference_inputs_text(s, a.sources, style, listed); !inputs.empty())
    out += heading("What the preferences rest on", style) + inputs;
  if (s.versions.empty()) return finish(std::move(out));
  out += heading("Framework versions", style);
  Table versions;
  versions.header = {"version", "date", "points", "label", "sources"};
  versions.right_align = {false, false, true, false, false};
  for (const auto& v : s.versions) {
    const Citation c = a.sources.version(v);
    versions.rows.push_back({v.id + estimate_mark(c.estimate), v.date, std::to_string(v.points.size()), v.label,
                             c.notes.empty() ? "-" : note_marks(c.notes)});
  }
  out += versions.render(style, text_width(), 3);

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
    std::vector<std::string> row = {s.parties[p].id, fixed(evals.front().parties[k].reservation) +
                                    estimate_mark(preference_inputs(s.preferences[p]).reservation_estimated)};
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
  out += util.render(style, text_width());
  if (rows > listed) out += wrap("… and " + std::to_string(rows - listed) + " more parties.");
  out += wrap("Over every settlement of the issues a version leaves open (utility shown as a range): yes = "
              "acceptable (every settlement crosses none of the party's red lines and reaches its reservation), "
              "NO = unacceptable (none does), open = some do; (n RL) = n red lines the version's own settings "
              "cross.");
  {  // the latest text's verdicts with their best and worst settlements
    const evaluate::Result& last = evals.back();
    out += wrap("Verdicts on the latest text " + s.versions.back().id + ", with each party's best and worst settlement:");
    constexpr std::size_t kSentences = 20;  // a paragraph per party; the rest is `accord evaluate`'s
    for (std::size_t k = 0; k < last.parties.size() && k < kSentences; ++k)
      out += wrap((style == Style::markdown ? "- " : "") + verdict_sentence(s, last, last.parties[k]));
    if (last.parties.size() > kSentences)
      out += wrap("… and " + std::to_string(last.parties.size() - kSentences) + " more parties (accord evaluate " +
                  s.id + " --version " + s.versions.back().id + ").");
  }

  for (std::size_t v = 0; v < s.versions.size(); ++v) {
    const Version& ver = s.versions[VersionIndex(v)];
    out += heading("Stances on " + ver.id + " (" + counted(ver.points.size(), "point") + ")", style);
    out += stance_matrix_text(s, evals[v], style, 40, &a.sources);
    out += readiness_text(s, evals[v]);
  }
  out += heading("Simulated rounds (model output)", style);
  if (const Termination t = a.section("rounds"); a.rounds.empty() && !t.finished()) out += not_computed("Simulated rounds", t);
  else out += rounds_text(s, a.rounds, style);
  out += heading("Simulated negotiations (model output)", style);
  if (const Termination t = a.section("negotiations"); a.negotiations.runs.empty() && !t.finished())
    out += not_computed("Simulated negotiations", t);
  else out += negotiations_text(s, a.negotiations, style);
  return finish(std::move(out));
}

}  // namespace accord::report

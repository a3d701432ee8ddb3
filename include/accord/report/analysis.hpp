#pragma once
// The analysis of a whole scenario for `accord report`, computed once and rendered by every
// format (text, Markdown, JSON, HTML): the renderers read this value and run no engine.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/engines/bargain.hpp"
#include "accord/engines/diff.hpp"
#include "accord/engines/evaluate.hpp"
#include "accord/engines/forecast_analysis.hpp"
#include "accord/engines/gmcr.hpp"
#include "accord/engines/robustness.hpp"
#include "accord/report/rounds.hpp"
#include "accord/report/sections.hpp"
#include "accord/report/sources.hpp"

namespace accord::report {

struct ScenarioAnalysis {
  ReportOptions options;  // what it was computed with (limits, readiness K and S, deadline)
  std::size_t estimates = 0;  // count_estimates(scenario): the one count every format prints
  SourceNotes sources;        // the numbered sources every format cites (report/sources.hpp)
  // How the text evolved: each version against the next, then the first against the last
  // when there are more than two versions.
  std::vector<diff::Result> evolution;
  std::vector<evaluate::Result> evaluations;  // one per version, in version order
  // Bargaining among the default bargaining parties with the latest version as the draft;
  // nullopt when its gate stopped it (sections says why).
  std::optional<bargain::Result> bargain;
  // The scenario's `conflict:` section; nullopt without one or when its gate stopped it.
  std::optional<gmcr::RunResult> stability;
  // Where each issue lands: KTAB's SMP (with options.forecast_runs Monte Carlo runs) and, when
  // options.forecast_eum, the EUM; nullopt when the forecast gate stopped it. A scenario with
  // nothing to forecast has an analysis that is not ok (its outcome says why).
  std::optional<forecast::Analysis> forecast;
  std::optional<forecast::Analysis> forecast_eum;
  // Which estimated inputs flip the summary's findings (verdicts on the latest text, zone,
  // closest deal, status quo): each finding's smallest flip (robustness::Params::smallest_only)
  // within kReportRobustnessRuns engine runs per engine; nullopt when its gate stopped it. The
  // forecast's robustness is `accord robustness --finding forecast`'s (docs/robustness.md).
  std::optional<robustness::Result> robustness;
  // Simulated rounds: each version replayed as a mediation round from the recorded stances,
  // with the engine's suggestions (report/rounds.hpp); model output on estimated preferences.
  std::vector<SimulatedRound> rounds;
  // How each section ended, in report order: evolution, evaluations, bargain, stability (only
  // with a conflict), forecast, robustness, rounds.
  SectionTerminations sections;

  // The termination recorded for `section` (finished when there is none).
  [[nodiscard]] Termination section(std::string_view name) const;
};

// Runs every engine the report shows, each at most once, under its gate and a share of the
// time left: evolution 20 %, evaluations 20 %, bargaining 50 %, stability 50 %, forecast 80 %
// (then the EUM, when asked, 50 % of what is left), robustness 50 %, rounds 50 %.
[[nodiscard]] ScenarioAnalysis analyse(const Scenario& s, const ReportOptions& options = {});

// The answers a mediator asks for first, one sentence each (latest text, readiness, zone of
// agreement, stability, forecast), read from the analysis: the text and the HTML say the same.
[[nodiscard]] std::vector<std::string> summary_lines(const Scenario& s, const ScenarioAnalysis& a);

// The report's robustness run: engine runs per engine at most (a count, so every run of the
// report says the same).
inline constexpr std::size_t kReportRobustnessRuns = 3000;
// One line per summary finding: "Robustness — …: holds unless …" (docs/robustness.md); appended
// to summary_lines. Empty without a robustness run.
[[nodiscard]] std::vector<std::string> robustness_lines(const Scenario& s, const ScenarioAnalysis& a);
// The report's robustness section: JSON (robustness_json without the full flip lists) and text.
[[nodiscard]] Json robustness_report_json(const Scenario& s, const ScenarioAnalysis& a);
[[nodiscard]] std::string robustness_report_text(const Scenario& s, const ScenarioAnalysis& a, Style style);

// Every `estimate: true` mark in a scenario (docs/format.md "Provenance on any value"): on the
// scenario, on every entity (parties, issues, options, preferences and their issue blocks,
// versions, points, stances, events, the conflict's options, decision makers, statements,
// infeasible rules and exclusive groups, forecast overrides) and on every field value.
[[nodiscard]] std::size_t count_estimates(const Scenario& s);

// Sets (or adds) the termination of `section`.
void set_section(SectionTerminations& sections, std::string_view section, const Termination& t);

}  // namespace accord::report

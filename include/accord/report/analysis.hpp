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
#include "accord/engines/gmcr_inverse.hpp"
#include "accord/engines/robustness.hpp"
#include "accord/report/negotiations.hpp"
#include "accord/report/rounds.hpp"
#include "accord/report/sections.hpp"
#include "accord/report/sources.hpp"

namespace accord::report {

// The mediator's question on the conflict (docs/gmcr.md "In the report"): which states are a
// ceasefire, and the smallest change that makes one stable (Nash, every decision maker) and
// reachable from the status quo by unilateral improvements.
struct CeasefireAnalysis {
  std::string condition;                        // over the conflict's options (kCeasefireCondition)
  std::vector<StateCode> states;                // the feasible states satisfying it, ascending
  gmcr::inverse::Result stable;                 // preferences; Nash; every decision maker
  gmcr::inverse::Result reachable_preferences;  // the same, also reachable
  gmcr::inverse::Result reachable_moves;        // option changes; Nash; reachable
};
// A ceasefire in the Geneva model: Ukraine accepts and Russia signs; the ceasefire takes effect
// once all sign (point 28), and signing excludes continuing the offensive. Used when it parses
// over the conflict's options (the built-in scenario and copies of it).
inline constexpr std::string_view kCeasefireCondition = "ua_accept & ru_sign";

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
  // The ceasefire question; nullopt without a stability result or a ceasefire condition.
  std::optional<CeasefireAnalysis> ceasefire;
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
  // Simulated negotiations: SAO between the bargaining parties over the latest version's open
  // issues for a few strategy profiles (report/negotiations.hpp); model output.
  SimulatedNegotiations negotiations;
  // How each section ended, in report order: evolution, evaluations, bargain, stability (only
  // with a conflict), forecast, robustness, rounds, negotiations.
  SectionTerminations sections;

  // The termination recorded for `section` (finished when there is none).
  [[nodiscard]] Termination section(std::string_view name) const;
};

// Runs every engine the report shows, each at most once, under its gate and a share of the
// time left: evolution 20 %, evaluations 20 %, bargaining 50 %, stability 50 %, forecast 80 %
// (then the EUM, when asked, 50 % of what is left), robustness 50 %, rounds 50 %, negotiations 50 %.
[[nodiscard]] ScenarioAnalysis analyse(const Scenario& s, const ReportOptions& options = {});

// The answers a mediator asks for first, one sentence each (latest text, readiness, zone of
// agreement, stability, forecast), read from the analysis: the text and the HTML say the same.
// Each with the notes of what it rests on (SummaryLine, report/sources.hpp); summary_lines are
// their cited texts.
[[nodiscard]] std::vector<SummaryLine> summary_items(const Scenario& s, const ScenarioAnalysis& a);
[[nodiscard]] std::vector<std::string> summary_lines(const Scenario& s, const ScenarioAnalysis& a);

// The ceasefire question on `s`'s conflict within `deadline`; nullopt when the conflict has no
// option ids for kCeasefireCondition or no status quo.
[[nodiscard]] std::optional<CeasefireAnalysis> ceasefire_analysis(const Scenario& s, const Deadline& deadline);
// The stability section's answer, one plain sentence each, labelled as model output on
// estimated preferences: the ceasefire states; the smallest preference change that makes one
// stable; what makes one reachable (or why nothing of these kinds can). Empty without it.
[[nodiscard]] std::vector<std::string> ceasefire_lines(const Scenario& s, const ScenarioAnalysis& a);
[[nodiscard]] Json ceasefire_json(const Scenario& s, const ScenarioAnalysis& a);

// The report's robustness run: engine runs per engine at most (a count, so every run of the
// report says the same).
inline constexpr std::size_t kReportRobustnessRuns = 4000;  // the forecast needs about 3,700 on geneva-2025
// One line per summary finding: "Robustness of …: holds unless …" (docs/robustness.md), citing
// what its finding rests on; appended to summary_items. Empty without a robustness run.
[[nodiscard]] std::vector<SummaryLine> robustness_lines(const Scenario& s, const ScenarioAnalysis& a);
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

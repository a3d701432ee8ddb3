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
  // How each section ended, in report order: evolution, evaluations, bargain, stability (only
  // with a conflict), forecast.
  SectionTerminations sections;

  // The termination recorded for `section` (finished when there is none).
  [[nodiscard]] Termination section(std::string_view name) const;
};

// Runs every engine the report shows, each at most once, under its gate and a share of the
// time left: evolution 20 %, evaluations 20 %, bargaining 50 %, stability 50 %, forecast 80 %
// (then the EUM, when asked, 50 % of what is left).
[[nodiscard]] ScenarioAnalysis analyse(const Scenario& s, const ReportOptions& options = {});

// The answers a mediator asks for first, one sentence each (latest text, readiness, zone of
// agreement, stability), read from the analysis: the text and the HTML say the same.
[[nodiscard]] std::vector<std::string> summary_lines(const Scenario& s, const ScenarioAnalysis& a);

// Every `estimate: true` mark in a scenario (docs/format.md "Provenance on any value"): on the
// scenario, on every entity (parties, issues, options, preferences and their issue blocks,
// versions, points, stances, events, the conflict's options, decision makers, statements,
// infeasible rules and exclusive groups, forecast overrides) and on every field value.
[[nodiscard]] std::size_t count_estimates(const Scenario& s);

// Sets (or adds) the termination of `section`.
void set_section(SectionTerminations& sections, std::string_view section, const Termination& t);

}  // namespace accord::report

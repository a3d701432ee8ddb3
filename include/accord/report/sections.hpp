#pragma once
// Engine results rendered for people (text, Markdown) and scripts (JSON, stable shapes
// documented in docs/cli.md).
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "accord/engines/diff.hpp"
#include "accord/engines/evaluate.hpp"
#include "accord/model/budget.hpp"
#include "accord/report/diff.hpp"
#include "accord/report/evaluate.hpp"
#include "accord/report/table.hpp"

namespace accord::report {

using Json = nlohmann::ordered_json;

// evaluate_json, evaluate_text, package_json: accord/report/evaluate.hpp; diff_json, diff_text:
// accord/report/diff.hpp.

// How each section of a report ended: finished, cut by the time budget, or summarised or
// skipped because the scenario is larger than a stated limit (docs/cli.md "Budgets").
struct SectionTermination {
  std::string section;  // "evolution", "evaluations", "bargain", "stability", "forecast"
  Termination termination;
};
using SectionTerminations = std::vector<SectionTermination>;
[[nodiscard]] Json termination_json(const Termination& t);

// Sizes above which `accord report` summarises or skips a section (and says so).
struct ReportLimits {
  std::size_t listed_parties = 200;   // per-party rows and stance columns; above: counts only
  std::size_t bargain_parties = 2000;  // bargaining is skipped above this many bargaining parties
  std::size_t forecast_actors = 300;  // the forecast section is skipped above this many actors
  std::size_t gmcr_options = 16;      // the stability section is skipped above this many options
};

// Whether a report (text, JSON or HTML) runs an engine's section: done, or why not (the
// scenario is above the report's stated size, or no time is left). One rule for every format.
[[nodiscard]] Termination bargain_gate(const Scenario& s, const ReportLimits& limits, const Deadline& deadline);
[[nodiscard]] Termination gmcr_gate(const Scenario& s, const ReportLimits& limits, const Deadline& deadline);
[[nodiscard]] Termination forecast_gate(const Scenario& s, const ReportLimits& limits, const Deadline& deadline);

struct ReportOptions {
  evaluate::Params evaluate;
  ReportLimits limits;
  Deadline deadline;  // the whole report; each engine gets a share of what is left
  // `--max-nodes`: the bargaining section's count and search node budgets and the forecast's
  // turns (0: the engines' defaults).
  std::uint64_t max_nodes = 0;
  // The forecast section, the same in every format: KTAB's SMP with the band of its Monte Carlo
  // runs over perturbed inputs (docs/forecast.md#monte-carlo), and the EUM beside it.
  std::size_t forecast_runs = 1000;
  std::uint64_t forecast_seed = 1;
  bool forecast_eum = true;
  // The SCENARIO argument as the user gave it (a built-in name or a file path): the follow-up
  // commands the report suggests name it, so they run as printed. Empty: the scenario's id.
  std::string scenario_arg;
};
// The scenario word of a suggested command: `scenario_arg` (quoted for a shell when needed) or
// the scenario's id.
[[nodiscard]] std::string suggested_scenario(const Scenario& s, const ReportOptions& o);
// A share of the time left, for one engine, so one slow engine cannot starve the rest.
[[nodiscard]] Deadline deadline_share(const Deadline& d, double fraction);

// `accord report --json` (shape in docs/cli.md): bump when a key is removed or changes type.
inline constexpr int kReportSchema = 1;

// The report of an analysis computed once (report/analysis.hpp). The renderers run no engine
// of their own except the forecast, until it has a typed result. `sections` (when given)
// receives how every section ended.
struct ScenarioAnalysis;
[[nodiscard]] Json full_report_json(const Scenario& s, const ScenarioAnalysis& a,
                                    SectionTerminations* sections = nullptr);
[[nodiscard]] std::string full_report_text(const Scenario& s, const ScenarioAnalysis& a, Style style,
                                           SectionTerminations* sections = nullptr);

}  // namespace accord::report

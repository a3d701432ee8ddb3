#pragma once
// The self-contained HTML report (`accord report SCENARIO --html FILE`): one file with inline
// CSS, inline SVG charts and a few lines of inline script; it loads nothing from the network.
// Sections: framework evolution, stance matrix and readiness, utilities, bargaining, forecast,
// stability, timeline (docs/dashboard.md "HTML report").
#include <cstddef>
#include <cstdint>
#include <string>

#include "accord/engines/evaluate.hpp"
#include "accord/report/sections.hpp"

namespace accord::report {

struct HtmlOptions {
  evaluate::Params evaluate;
  std::size_t monte_carlo_runs = 100;  // forecast band (0: no band)
  std::uint64_t seed = 1;
  std::size_t max_projected_points = 1500;  // n-party frontier points drawn per pair chart
  std::size_t max_state_rows = 128;         // stability table rows (equilibria always shown)
  ReportLimits limits;  // above these sizes sections are summarised or skipped, and say so
  Deadline deadline;    // the whole document; each engine gets a share of what is left
};

// The whole document. Deterministic: the same scenario and options give the same bytes.
// `sections` (when given) receives how every section ended.
[[nodiscard]] std::string html_report(const Scenario& s, const HtmlOptions& options = {},
                                      SectionTerminations* sections = nullptr);

}  // namespace accord::report

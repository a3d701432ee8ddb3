#pragma once
// The self-contained HTML report (`accord report SCENARIO --html [-o FILE]`): one file with inline
// CSS, inline SVG charts and a few lines of inline script; it loads nothing from the network.
// Sections: framework evolution, stance matrix and readiness, utilities, bargaining, forecast,
// stability, timeline (docs/dashboard.md "HTML report").
#include <cstddef>
#include <cstdint>
#include <string>

#include "accord/report/sections.hpp"

namespace accord::report {

// How the HTML draws; what it shows is the ScenarioAnalysis, the same as every other format's
// (its ReportOptions set the limits, the time budget and the forecast's Monte Carlo runs).
struct HtmlOptions {
  std::size_t max_projected_points = 1500;  // n-party frontier points drawn per pair chart
  std::size_t max_state_rows = 128;         // stability table rows (equilibria always shown)
};

// The whole document, rendered from an analysis computed once (report/analysis.hpp).
// Deterministic: the same scenario and options give the same bytes. `sections` (when given)
// receives how every section ended.
[[nodiscard]] std::string html_report(const Scenario& s, const ScenarioAnalysis& a, const HtmlOptions& options = {},
                                      SectionTerminations* sections = nullptr);

}  // namespace accord::report

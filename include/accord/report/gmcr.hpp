#pragma once
// The headline stability analysis of a scenario's `conflict:` section for `accord report`
// (docs/gmcr.md): equilibria per concept and what the status quo leads to.
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "accord/model/budget.hpp"
#include "accord/model/scenario.hpp"
#include "accord/report/table.hpp"

namespace accord::report {

// Null when the scenario has no conflict section.
// `deadline` bounds the analysis: what it stops is reported as not computed, with the
// termination (docs/gmcr.md "Budgets").
[[nodiscard]] nlohmann::ordered_json gmcr_headline_json(const Scenario& s, const Deadline& deadline = {});
// Empty when the scenario has no conflict section.
[[nodiscard]] std::string gmcr_headline_text(const Scenario& s, Style style, const Deadline& deadline = {});

}  // namespace accord::report

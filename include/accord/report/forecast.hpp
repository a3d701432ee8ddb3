#pragma once
// The headline forecast of a scenario for `accord report` (docs/forecast.md): where each
// issue lands under KTAB's SMP, next to the capability x salience weighted mean and median.
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "accord/model/budget.hpp"
#include "accord/model/scenario.hpp"
#include "accord/report/table.hpp"

namespace accord::report {

// `deadline` bounds the SMP run: a stopped run is reported with its termination (partial).
// A scenario with more actors than the SMP handles gets {"error": ...} (text: a note).
[[nodiscard]] nlohmann::ordered_json forecast_headline_json(const Scenario& s, const Deadline& deadline = {});
// Empty when the scenario has fewer than two actors with a salience (nothing to forecast).
[[nodiscard]] std::string forecast_headline_text(const Scenario& s, Style style,
                                                 const Deadline& deadline = {});

}  // namespace accord::report

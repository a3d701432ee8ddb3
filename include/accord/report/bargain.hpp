#pragma once
// Bargaining results (accord::bargain) as JSON (shape in docs/bargain.md) and text.
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "accord/engines/bargain.hpp"
#include "accord/report/table.hpp"

namespace accord::report {

// `max_points`: frontier points listed in the JSON (the size is always given).
[[nodiscard]] nlohmann::ordered_json bargain_json(const Scenario& s, const bargain::Result& r,
                                                  std::size_t max_points = 1000);
// The full text report of `accord bargain`.
[[nodiscard]] std::string bargain_text(const Scenario& s, const bargain::Result& r, Style style);
// A few lines for `accord report`: zone, frontier size, the four solutions.
// How a bargaining run ended, for a report section: the engine's termination, or why it
// could not run (an error or a space too large to decide).
[[nodiscard]] Termination bargain_termination(const bargain::Result& r);
[[nodiscard]] std::string bargain_headline(const Scenario& s, const bargain::Result& r, Style style);

}  // namespace accord::report

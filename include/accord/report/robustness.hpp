#pragma once
// Robustness results (accord::robustness) as JSON (shape in docs/robustness.md "JSON") and as
// text or Markdown: the one serialiser and renderer `accord robustness` and `accord report` call.
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "accord/engines/robustness.hpp"
#include "accord/report/table.hpp"

namespace accord::report {

using Json = nlohmann::ordered_json;

// Bump when the shape of robustness_json changes incompatibly.
inline constexpr int kRobustnessSchema = 1;

// `flips`: every flip of each finding (the full table); false: the smallest one only.
[[nodiscard]] Json robustness_json(const Scenario& s, const robustness::Result& r, bool flips = true);
// The whole text of `accord robustness`: per finding its value, "holds unless …" and the table.
[[nodiscard]] std::string robustness_text(const Scenario& s, const robustness::Result& r, Style style,
                                          std::size_t max_rows = 20);
// "RU's reservation (estimate)", "UA's red line foreign_troops=T_NONE (estimate)", …
[[nodiscard]] std::string input_label(const Scenario& s, const robustness::Input& in);
// "holds unless RU's reservation (estimate) moves from 0.750 to 0.747; then …", or what was
// checked when nothing flips it.
[[nodiscard]] std::string holds_unless(const Scenario& s, const robustness::FindingResult& f);

}  // namespace accord::report

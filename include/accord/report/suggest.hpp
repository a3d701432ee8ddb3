#pragma once
// A closed round's tally, readiness and suggestions (accord::suggest) as JSON (shape in
// docs/rounds-suggestions.md "JSON") and text: the one serialiser and renderer the CLI, the
// server's round close and `accord report` call. Suggestions reveal the mediator's preference
// models: the whole document is mediator-only (src/report/views/suggest_view.cpp).
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "accord/engines/suggest.hpp"
#include "accord/report/table.hpp"

namespace accord::report {

using Json = nlohmann::ordered_json;

// Bump when the shape of suggest_json changes incompatibly.
inline constexpr int kSuggestSchema = 1;

// One issue setting as JSON: the option id, or the number.
[[nodiscard]] Json suggest_setting_json(const Issue& issue, const Setting& x);
// One suggestion: {"kind", "point", "party", "basis", "edits", "effects", "nash", "sum",
// "largest_loss", "found", "points", "rests_on", "sentence"} (keys that do not apply are left out).
[[nodiscard]] Json suggestion_json(const Scenario& s, const suggest::Result& r, const suggest::Suggestion& sug);
[[nodiscard]] Json suggest_json(const Scenario& s, const suggest::Result& r);
// The tally table, the readiness line and one numbered sentence per suggestion.
[[nodiscard]] std::string suggest_text(const Scenario& s, const suggest::Result& r, Style style);

}  // namespace accord::report

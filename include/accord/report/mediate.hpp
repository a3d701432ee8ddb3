#pragma once
// Mediated single-text runs (accord::mediate) as JSON (shape in docs/mediate-and-tournament.md)
// and text: the one serialiser and renderer the CLI calls.
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "accord/engines/mediate.hpp"
#include "accord/report/table.hpp"

namespace accord::report {

// Bump when the shape of mediate_json changes incompatibly.
inline constexpr int kMediateSchema = 1;

[[nodiscard]] nlohmann::ordered_json mediate_json(const Scenario& s, const mediate::Result& r);
[[nodiscard]] std::string mediate_text(const Scenario& s, const mediate::Result& r, Style style);

}  // namespace accord::report

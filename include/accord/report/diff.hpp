#pragma once
// Version diffs (accord::diff) as JSON (shape in docs/cli.md "diff --json") and text: the one
// serialiser and renderer the CLI, `accord report` and the server call.
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "accord/engines/diff.hpp"
#include "accord/report/table.hpp"

namespace accord::report {

using Json = nlohmann::ordered_json;

// Bump when the shape of diff_json changes incompatibly.
inline constexpr int kDiffSchema = 1;

[[nodiscard]] Json diff_json(const Scenario& s, const diff::Result& r);
[[nodiscard]] std::string diff_text(const Scenario& s, const diff::Result& r, Style style);

}  // namespace accord::report

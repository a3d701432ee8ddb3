#pragma once
// Version diffs (accord::diff) as JSON (shape in docs/cli.md "diff --json") and text: the one
// serialiser and renderer the CLI, `accord report` and the server call.
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "accord/engines/diff.hpp"
#include "accord/engines/redline.hpp"
#include "accord/report/table.hpp"

namespace accord::report {

using Json = nlohmann::ordered_json;

// Bump when the shape of diff_json changes incompatibly.
inline constexpr int kDiffSchema = 1;

// With `redline`, the document gains "redline" (redline_json): adding a key, schema unchanged.
[[nodiscard]] Json diff_json(const Scenario& s, const diff::Result& r, const redline::Result* redline = nullptr);
[[nodiscard]] std::string diff_text(const Scenario& s, const diff::Result& r, Style style);

// The word-level redline of amended points (docs/cli.md "diff --redline"):
//   JSON {"status", "termination", "points": [{"from", "to", "inserted", "deleted", "exact",
//         "pieces": [{"op": "equal" | "delete" | "insert", "text"}]}]}
//   text  "P19_05 → P20_04: Armed Forces [-capped-]{+remain+} at …" ([-deleted-]{+inserted+})
//   Markdown ~~deleted~~ **inserted**; HTML <del>deleted</del> <ins>inserted</ins> (escaped).
[[nodiscard]] Json redline_json(const Scenario& s, const redline::Result& r);
[[nodiscard]] std::string redline_markup(const redline::WordDiff& d, Style style);
[[nodiscard]] std::string redline_html_markup(const redline::WordDiff& d);
[[nodiscard]] std::string redline_text(const Scenario& s, const redline::Result& r, Style style);
// A self-contained HTML page: the diff's table and the redline of every amended point.
[[nodiscard]] std::string diff_html(const Scenario& s, const diff::Result& d, const redline::Result& r);

}  // namespace accord::report

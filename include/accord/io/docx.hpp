#pragma once
// A framework version as a Word document (.docx, WordprocessingML written by hand, zipped with
// libzip). Against an earlier version, amended points carry Word tracked changes (w:ins/w:del,
// author "Accord") from a word-level diff, added points are tracked insertions and dropped
// points tracked deletions (docs/cli.md "export docx").
#include <optional>
#include <string>
#include <string_view>

#include "accord/model/scenario.hpp"

namespace accord::io {

// The tracked changes' author and, when the version has no YYYY-MM-DD date, their date; the
// date is fixed (never the clock) so the same input gives the same bytes.
inline constexpr std::string_view kDocxAuthor = "Accord";
inline constexpr std::string_view kDocxFallbackDate = "2000-01-01T00:00:00Z";

// The version `v`'s points come `from` (the version most of their `from:` links name), or an
// invalid index when they name none.
[[nodiscard]] VersionIndex previous_version(const Scenario& s, VersionIndex v);

// The .docx bytes. `against` invalid: the plain text, no tracked changes. Points of `v` whose
// `from:` names points of `against` are diffed against their text (several: joined); points
// with none are insertions; points of `against` no point comes from are deletions, placed after
// the point that follows their predecessor.
[[nodiscard]] std::string write_version_docx(const Scenario& s, VersionIndex v, VersionIndex against);

// One entry of a zip archive held in memory (tests read word/document.xml back with it), or
// nullopt when the archive or the entry cannot be read.
[[nodiscard]] std::optional<std::string> read_zip_entry(std::string_view zip, const std::string& name);

}  // namespace accord::io

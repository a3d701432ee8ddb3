#pragma once
// A framework version's points and stances as CSV (docs/cli.md "export csv"), and back.
// RFC 4180: comma separated, CRLF line ends on output, fields quoted when they contain a
// comma, a double quote or a line break (quotes doubled); quoted fields may span lines.
#include <cstddef>
#include <string>
#include <string_view>

#include "accord/model/outcome.hpp"
#include "accord/model/scenario.hpp"

namespace accord::io {

// Refused above this size, with a diagnostic naming the limit.
inline constexpr std::size_t kMaxPointsCsvBytes = 16u << 20;  // 16 MiB

// The header of the long form (one row per party × point).
inline constexpr std::string_view kPointsCsvHeader =
    "version,point,number,text,party,stance,note,estimate,sources";

// One row per party × point of version `v`, parties in scenario order within each point.
// Sources are joined with "; ".
[[nodiscard]] std::string write_points_csv(const Scenario& s, VersionIndex v);

// Reads stances into `s` from either form:
// - long: the columns of kPointsCsvHeader (`number` and `text` are not read back; `note`,
//   `estimate`, `sources` optional);
// - wide: `version,point` plus one column per party id holding its stance (empty: unchanged).
// `version` may be omitted when `default_version` is given. Errors name file:line:column, the
// column and what was expected, with "did you mean" for unknown versions, points, parties and
// stances. On error `s` is left unchanged.
struct PointsCsvImport {
  Outcome outcome;
  std::size_t stances = 0;  // stances written
  [[nodiscard]] bool ok() const { return outcome.ok(); }
};
[[nodiscard]] PointsCsvImport read_points_csv(std::string_view text, const std::string& file,
                                              Scenario& s, std::string_view default_version = {});

}  // namespace accord::io

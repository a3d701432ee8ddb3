#pragma once
// Minimal CSV/TSV line splitting that remembers where each field starts, for diagnostics.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/model/diagnostic.hpp"
#include "accord/model/outcome.hpp"

namespace accord::io::csv {

struct Field {
  std::string text;  // trimmed of spaces and surrounding double quotes
  int column = 1;    // 1-based column of the first non-space character
};

struct Line {
  int number = 0;  // 1-based
  std::vector<Field> fields;
  bool blank() const;
};

// Splits text into lines (LF or CRLF) and fields. Quoted fields may contain the separator.
[[nodiscard]] std::vector<Line> split(std::string_view text, char sep);

// A finite decimal number, or nullopt.
[[nodiscard]] std::optional<double> to_number(const std::string& s);

// Keeps the first `keep` diagnostics and replaces the rest by one that counts them.
void cap_diagnostics(Diagnostics& d, std::size_t keep);

// Sets the status from the diagnostics a reader collected: invalid_input when there is an
// error, else ok (finished).
void settle(Outcome& o);

// Builds a diagnostic at a field (or at the end of the line when `f` is null).
[[nodiscard]] Diagnostic at(const std::string& file, const Line& line, const Field* f,
                            const std::string& path, const std::string& entity,
                            const std::string& message, const std::string& hint = {});

}  // namespace accord::io::csv

#pragma once
// Checks on raw input before parsing: size, emptiness, UTF-8.
#include <optional>
#include <string>
#include <string_view>

#include "accord/model/diagnostic.hpp"
#include "io/reader.hpp"

namespace accord::io {

// 1-based line and column of byte offset `pos` (columns count bytes).
std::pair<int, int> line_column_at(std::string_view text, std::size_t pos);
// Reports empty input and invalid UTF-8 (with the position of the first bad byte).
bool check_text(std::string_view text, Reader& r);
// Reads a whole file, refusing files larger than `limit`; the error names the file.
std::optional<Diagnostic> read_file_limited(const std::string& path, std::size_t limit,
                                            std::string& out);

}  // namespace accord::io

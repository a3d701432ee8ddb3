#include "io/text_checks.hpp"

#include <fstream>
#include <system_error>
#include <filesystem>

namespace accord::io {

std::pair<int, int> line_column_at(std::string_view text, std::size_t pos) {
  int line = 1;
  int col = 1;
  for (std::size_t k = 0; k < pos && k < text.size(); ++k) {
    if (text[k] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {line, col};
}

namespace {

// Length of the valid UTF-8 sequence starting at text[k], or 0.
std::size_t utf8_sequence(std::string_view text, std::size_t k) {
  const auto b = static_cast<unsigned char>(text[k]);
  std::size_t n = 0;
  unsigned min = 0;
  if (b < 0x80) return 1;
  if ((b & 0xE0) == 0xC0) n = 2, min = 0x80;
  else if ((b & 0xF0) == 0xE0) n = 3, min = 0x800;
  else if ((b & 0xF8) == 0xF0) n = 4, min = 0x10000;
  else return 0;
  if (k + n > text.size()) return 0;
  unsigned cp = b & (0xFF >> (n + 1));
  for (std::size_t j = 1; j < n; ++j) {
    const auto c = static_cast<unsigned char>(text[k + j]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

}  // namespace

bool check_text(std::string_view text, Reader& r) {
  const YAML::Node none;
  bool blank = true;
  for (char c : text) blank = blank && (c == ' ' || c == '\n' || c == '\r' || c == '\t');
  if (blank) {
    Diagnostic d;
    d.file = r.file();
    d.message = "the file is empty; expected a scenario (docs/format.md)";
    r.push(std::move(d));
    return false;
  }
  for (std::size_t k = 0; k < text.size();) {
    const std::size_t n = utf8_sequence(text, k);
    if (n == 0 || text[k] == '\0') {
      const auto [line, col] = line_column_at(text, k);
      Diagnostic d;
      d.file = r.file();
      d.line = line;
      d.column = col;
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[k]));
      d.message = text[k] == '\0' ? std::string("NUL byte in text; expected UTF-8 text")
                                  : std::string("invalid UTF-8 byte ") + hex + "; expected UTF-8 text";
      d.hint = "re-save the file as UTF-8";
      r.push(std::move(d));
      return false;
    }
    k += n;
  }
  return true;
}

std::optional<Diagnostic> read_file_limited(const std::string& path, std::size_t limit,
                                            std::string& out) {
  Diagnostic d;
  d.file = path;
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    d.message = "cannot open: no such file (nor a built-in scenario of that name)";
    d.hint = "`accord scenarios` lists the built-in scenarios";
    return d;
  }
  if (std::filesystem::is_directory(status)) {
    d.message = "is a directory; expected a scenario file";
    return d;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    d.message = "cannot open for reading";
    return d;
  }
  out.clear();
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    out.append(buf, static_cast<std::size_t>(in.gcount()));
    if (out.size() > limit) {
      d.message = "file too large: more than " + std::to_string(limit >> 20) +
                  " MiB; scenario files are limited to " + std::to_string(limit >> 20) + " MiB";
      return d;
    }
  }
  return std::nullopt;
}

}  // namespace accord::io

#pragma once
// A plain table rendered as aligned text (≤ a given width) or as Markdown.
#include <string>
#include <vector>

namespace accord::report {

enum class Style { text, markdown };

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> right_align;  // per column; default left

  // Text: columns padded to their widest cell; when a row would exceed `width`, the column
  // `shrink` is cut first (cells end in "…"), then the widest columns, so rows fit.
  // Markdown (GFM) ends with a blank line, so the line after the table never joins it.
  [[nodiscard]] std::string render(Style style, std::size_t width = 100, int shrink = -1) const;
};

// Display width of UTF-8 text (code points; good enough for Latin text and symbols).
[[nodiscard]] std::size_t display_width(const std::string& s);
// Cuts text to at most `width` display columns, ending in "…" when cut.
[[nodiscard]] std::string cut(const std::string& s, std::size_t width);
// Wraps prose at word boundaries to lines of at most `width` columns; each line ends in "\n".
[[nodiscard]] std::string wrap(const std::string& text, std::size_t width = 100,
                               const std::string& indent = "");
// Fixed-point number with `digits` decimals.
[[nodiscard]] std::string fixed(double x, int digits = 3);

}  // namespace accord::report

#pragma once
// A plain table rendered as aligned text (fitted to a width) or as Markdown, and the width that
// every text renderer fits its output to.
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace accord::report {

enum class Style { text, markdown };

// No width limit (`accord --wide`): tables keep every cell whole on one line, prose is not wrapped.
inline constexpr std::size_t kUnlimitedWidth = std::numeric_limits<std::size_t>::max();

// The width text output is fitted to, process-wide: 100 unless set. The CLI sets it once at
// start-up (terminal width, COLUMNS, --width N, --wide); the server and Python keep 100.
[[nodiscard]] std::size_t text_width();
void set_text_width(std::size_t width);

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> right_align;  // per column; default left

  // Text: columns padded to their widest cell, one line per row while the table fits `width`.
  // When it does not: headers of numeric columns that share a long prefix (KillerRobot_util1…5)
  // are abbreviated (KR_util1…) with a legend line under the table; then text columns narrow
  // down to their widest word, the column `shrink` first, then the widest, and headers of
  // numeric columns wrap at spaces. A numeric column (every cell a number or a range) never
  // narrows. A narrowed cell wraps onto more lines at spaces; a prose cell (mostly lowercase
  // words, e.g. a point's text) is instead cut, ending in "…", never inside a word holding a
  // digit. If that is not enough, text columns (`shrink` first, never the first column) leave
  // the table and follow each row as indented "header: text" lines; only then are words split
  // (after , = / _ –, never inside a number). A table whose numbers alone do not fit stays wider.
  // Markdown (GFM) ignores the width and ends with a blank line, so the line after the table
  // never joins it.
  [[nodiscard]] std::string render(Style style, std::size_t width = text_width(), int shrink = -1) const;
};

// Display width of UTF-8 text (code points; good enough for Latin text and symbols).
[[nodiscard]] std::size_t display_width(const std::string& s);
// Cuts text to at most `width` display columns, ending in "…" when cut.
[[nodiscard]] std::string cut(const std::string& s, std::size_t width);
// Wraps prose at word boundaries to lines of at most `width` columns (a longer word stays whole
// on its own line); each line ends in "\n".
[[nodiscard]] std::string wrap(const std::string& text, std::size_t width = text_width(),
                               const std::string& indent = "");
// Fixed-point number with `digits` decimals.
[[nodiscard]] std::string fixed(double x, int digits = 3);

// Short unique names for ids sharing a long prefix, for headers that do not fit:
// {KillerRobot_util1, KillerRobot_util2} -> {KR_util1, KR_util2}; text before the last space of
// the shared prefix is kept ("U KillerRobot_util1" -> "U KR_util1"). Empty when the ids share
// no prefix of at least 4 characters or the names would not be shorter.
[[nodiscard]] std::vector<std::string> abbreviate(const std::vector<std::string>& ids);

}  // namespace accord::report

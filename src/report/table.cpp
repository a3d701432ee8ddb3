#include "accord/report/table.hpp"

#include <algorithm>
#include <cstdio>

namespace accord::report {

std::size_t display_width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::string cut(const std::string& s, std::size_t width) {
  if (display_width(s) <= width) return s;
  if (width == 0) return {};
  std::string out;
  std::size_t n = 0;
  for (std::size_t k = 0; k < s.size(); ++k) {
    const auto c = static_cast<unsigned char>(s[k]);
    if ((c & 0xC0) != 0x80) {
      if (n + 1 == width) break;
      ++n;
    }
    out += s[k];
  }
  return out + "…";
}

std::string wrap(const std::string& text, std::size_t width, const std::string& indent) {
  std::string out, line = indent;
  std::size_t line_w = display_width(indent);
  const std::size_t indent_w = line_w;
  std::string word;
  auto flush_word = [&] {
    if (word.empty()) return;
    const std::size_t ww = display_width(word);
    if (line_w > indent_w && line_w + 1 + ww > width) {
      out += line + "\n";
      line = indent;
      line_w = indent_w;
    }
    if (line_w > indent_w) {
      line += ' ';
      ++line_w;
    }
    line += word;
    line_w += ww;
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t') flush_word();
    else word += c;
  }
  flush_word();
  if (line_w > indent_w) out += line + "\n";
  return out;
}

std::string fixed(double x, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
}

namespace {

std::string pad(const std::string& s, std::size_t width, bool right) {
  const std::size_t w = display_width(s);
  if (w >= width) return s;
  return right ? std::string(width - w, ' ') + s : s + std::string(width - w, ' ');
}

std::string md_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

}  // namespace

std::string Table::render(Style style, std::size_t width, int shrink) const {
  const std::size_t cols = header.size();
  auto right = [&](std::size_t c) { return c < right_align.size() && right_align[c]; };
  std::string out;
  if (style == Style::markdown) {
    out += "|";
    for (const auto& h : header) out += " " + md_escape(h) + " |";
    out += "\n|";
    for (std::size_t c = 0; c < cols; ++c) out += right(c) ? "---:|" : "---|";
    out += "\n";
    for (const auto& row : rows) {
      out += "|";
      for (std::size_t c = 0; c < cols; ++c) out += " " + md_escape(c < row.size() ? row[c] : "") + " |";
      out += "\n";
    }
    // A GFM table runs until a blank line: without one, a legend written under it is a row.
    return out + "\n";
  }
  std::vector<std::size_t> w(cols, 0);
  for (std::size_t c = 0; c < cols; ++c) w[c] = display_width(header[c]);
  for (const auto& row : rows)
    for (std::size_t c = 0; c < cols && c < row.size(); ++c) w[c] = std::max(w[c], display_width(row[c]));
  std::size_t total = cols == 0 ? 0 : 2 * (cols - 1);
  for (std::size_t c = 0; c < cols; ++c) total += w[c];
  if (total > width && shrink >= 0 && static_cast<std::size_t>(shrink) < cols) {
    const auto s = static_cast<std::size_t>(shrink);
    const std::size_t cut_by = std::min(total - width, w[s] > 8 ? w[s] - 8 : 0);
    w[s] -= cut_by;
    total -= cut_by;
  }
  while (total > width) {  // still too wide: narrow the widest column, one step at a time
    const auto widest = static_cast<std::size_t>(std::max_element(w.begin(), w.end()) - w.begin());
    if (w[widest] <= 6) break;
    --w[widest];
    --total;
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string l;
    for (std::size_t c = 0; c < cols; ++c) {
      const std::string cell = cut(c < cells.size() ? cells[c] : "", w[c]);
      l += pad(cell, c + 1 == cols && !right(c) ? 0 : w[c], right(c));
      if (c + 1 < cols) l += "  ";
    }
    while (!l.empty() && l.back() == ' ') l.pop_back();
    return l + "\n";
  };
  out += line(header);
  std::string rule;
  for (std::size_t c = 0; c < cols; ++c) rule += std::string(w[c], '-') + (c + 1 < cols ? "  " : "");
  out += rule + "\n";
  for (const auto& row : rows) out += line(row);
  return out;
}

}  // namespace accord::report

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
    return out;
  }
  std::vector<std::size_t> w(cols, 0);
  for (std::size_t c = 0; c < cols; ++c) w[c] = display_width(header[c]);
  for (const auto& row : rows)
    for (std::size_t c = 0; c < cols && c < row.size(); ++c) w[c] = std::max(w[c], display_width(row[c]));
  if (shrink >= 0 && static_cast<std::size_t>(shrink) < cols) {
    std::size_t total = 0;
    for (std::size_t c = 0; c < cols; ++c) total += w[c] + 2;
    const auto s = static_cast<std::size_t>(shrink);
    if (total > width) w[s] = std::max<std::size_t>(8, w[s] > total - width ? w[s] - (total - width) : 8);
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

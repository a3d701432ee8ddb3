#include "accord/report/table.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <map>
#include <sstream>

namespace accord::report {

namespace {
std::atomic<std::size_t> g_text_width{100};
}  // namespace

std::size_t text_width() { return g_text_width.load(std::memory_order_relaxed); }
void set_text_width(std::size_t width) { g_text_width.store(width, std::memory_order_relaxed); }

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

bool is_alnum(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// UTF-8 code points of s, one string each.
std::vector<std::string> code_points(const std::string& s) {
  std::vector<std::string> out;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 || out.empty()) out.emplace_back();
    out.back() += c;
  }
  return out;
}

// A number, a signed number, a percentage or a range of numbers: 0.669–0.974, +0.023, 100.0%.
bool is_number(const std::string& s) {
  bool digit = false;
  for (const std::string& cp : code_points(s)) {
    const auto c = static_cast<unsigned char>(cp[0]);
    if (is_digit(c)) digit = true;
    else if (cp.size() == 1 && std::string(".,+-%/~*").find(cp[0]) != std::string::npos) continue;
    else if (cp != "–" && cp != "−") return false;
  }
  return digit;
}

bool is_blank_cell(const std::string& s) { return s.empty() || s == "-" || s == "—" || s == "n/a"; }

// Mostly words and few numbers, like a point's text ("P28_06 [1, 2] Ukrainian Armed Forces
// limited to 600,000"): such a cell is cut rather than wrapped over many lines (the full text is
// elsewhere; `--wide` shows it). A word has a lowercase letter and only letters, ' and -; a
// citation "[1, 2]" is left out. A list of ids or figures ("RU +0.023, US +0.041", "dam=LOW,
// flow=40") is never prose: it wraps, whole.
bool is_prose(const std::string& text) {
  std::string s;
  int depth = 0;
  for (char c : text) {
    depth += c == '[' ? 1 : 0;
    if (depth == 0) s += c;
    depth -= c == ']' && depth > 0 ? 1 : 0;
  }
  std::size_t words = 0, alpha = 0, numbers = 0;
  std::istringstream in(s);
  for (std::string w; in >> w;) {
    ++words;
    while (!w.empty() && std::string(",.;:!?)\"").find(w.back()) != std::string::npos) w.pop_back();
    if (!w.empty() && (w.front() == '(' || w.front() == '"')) w.erase(0, 1);
    numbers += is_number(w) ? 1 : 0;
    const bool letters = !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'' || c == '-';
    });
    const bool lower = std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    alpha += letters && lower ? 1 : 0;
  }
  return words >= 4 && 2 * alpha >= words && 4 * numbers <= words;
}

// Pieces a cell may break between: each ends after a space or after , ; = / _ – — (never between
// two digits: 1,000 and 0.6–0.9 stay whole).
std::vector<std::string> pieces(const std::string& s) {
  const std::vector<std::string> cps = code_points(s);
  auto digit_at = [&](std::size_t k) { return k < cps.size() && is_digit(static_cast<unsigned char>(cps[k][0])); };
  std::vector<std::string> out(1);
  for (std::size_t k = 0; k < cps.size(); ++k) {
    const std::string& cp = cps[k];
    out.back() += cp;
    const bool inside_number = cp == "," || cp == "/" || cp == "–";  // 1,000 13/20 0.6–0.9
    const bool breaks = inside_number || cp == " " || cp == ";" || cp == "=" || cp == "_" || cp == "—";
    if (breaks && !(inside_number && k > 0 && digit_at(k - 1) && digit_at(k + 1))) out.emplace_back();
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

std::string trim_right(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

// The widest number in a cell: a piece that must stay whole.
std::size_t widest_number(const std::string& s) {
  std::size_t w = 0;
  for (const std::string& p : pieces(s)) {
    const std::string t = trim_right(p);
    if (is_number(t)) w = std::max(w, display_width(t));
  }
  return w;
}

// The words of a cell, each with the space after it.
std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out(1);
  for (char c : s) {
    out.back() += c;
    if (c == ' ') out.emplace_back();
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

std::size_t widest_word(const std::string& s) {
  std::size_t w = 0;
  for (const std::string& p : words(s)) w = std::max(w, display_width(trim_right(p)));
  return w;
}

// Lines of at most `width` columns, broken at spaces; a longer word breaks after , = / – and
// then anywhere (never inside a number).
std::vector<std::string> wrap_cell(const std::string& s, std::size_t width) {
  std::vector<std::string> lines(1);
  auto add = [&](const std::string& p) {  // p fits a line of its own, or must stay whole
    if (!lines.back().empty() && display_width(trim_right(lines.back() + p)) > width) lines.push_back({});
    lines.back() += p;
  };
  for (const std::string& word : words(s)) {
    if (display_width(trim_right(word)) <= width) {
      add(word);
      continue;
    }
    for (const std::string& p : pieces(word)) {
      if (display_width(trim_right(p)) <= width || is_number(trim_right(p))) {
        add(p);
        continue;
      }
      for (const std::string& cp : code_points(p)) {
        if (display_width(lines.back()) >= width) lines.push_back({});
        lines.back() += cp;
      }
    }
  }
  for (auto& l : lines) l = trim_right(l);
  return lines;
}

// A prose cell cut to `width` ending in "…", at a word start when the cut would split a word
// holding a digit (a number is dropped whole, never cut).
std::string cut_prose(const std::string& s, std::size_t width) {
  std::string out = cut(s, width);
  if (out.size() < 3) return out;
  const std::string kept = out.substr(0, out.size() - 3);  // without "…"
  if (kept.empty() || kept.back() == ' ' || s[kept.size()] == ' ') return out;
  const std::size_t start = kept.rfind(' ') == std::string::npos ? 0 : kept.rfind(' ') + 1;
  std::size_t end = s.find(' ', start);
  if (end == std::string::npos) end = s.size();
  if (s.substr(start, end - start).find_first_of("0123456789") == std::string::npos) return out;
  return start == 0 ? out : s.substr(0, start) + "…";
}

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

std::string acronym(const std::string& s) {
  std::string out;
  unsigned char prev = ' ';
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (is_alnum(c) && !is_alnum(prev)))
      out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    prev = c;
  }
  return out.empty() && !s.empty() ? s.substr(0, 1) : out;
}

std::string markdown(const Table& t) {
  auto right = [&](std::size_t c) { return c < t.right_align.size() && t.right_align[c]; };
  std::string out = "|";
  for (const auto& h : t.header) out += " " + md_escape(h) + " |";
  out += "\n|";
  for (std::size_t c = 0; c < t.header.size(); ++c) out += right(c) ? "---:|" : "---|";
  out += "\n";
  for (const auto& row : t.rows) {
    out += "|";
    for (std::size_t c = 0; c < t.header.size(); ++c) out += " " + md_escape(c < row.size() ? row[c] : "") + " |";
    out += "\n";
  }
  // A GFM table runs until a blank line: without one, a legend written under it is a row.
  return out + "\n";
}

}  // namespace

std::vector<std::string> abbreviate(const std::vector<std::string>& ids) {
  if (ids.size() < 2) return {};
  std::size_t lcp = ids[0].size();
  for (const auto& id : ids) {
    std::size_t k = 0;
    while (k < lcp && k < id.size() && id[k] == ids[0][k]) ++k;
    lcp = k;
  }
  const std::string shared = ids[0].substr(0, lcp);
  // Kept as written: up to the last space ("U " of "U KillerRobot_util1").
  const std::size_t space = shared.rfind(' ');
  const std::size_t from = space == std::string::npos ? 0 : space + 1;
  // Abbreviated: up to the last separator, which stays ("KillerRobot_" -> "KR_").
  std::size_t to = shared.size();
  while (to > from && is_alnum(static_cast<unsigned char>(shared[to - 1]))) --to;
  const bool has_sep = to > from;
  if (!has_sep) to = shared.size();
  while (to > from && (static_cast<unsigned char>(shared[to - 1]) & 0x80) != 0) --to;  // whole code points
  const std::string part = shared.substr(from, to - from);
  if (display_width(part) < 4) return {};
  const std::string sep = has_sep ? std::string(1, part.back()) : "_";
  const std::string short_part = acronym(has_sep ? part.substr(0, part.size() - 1) : part) + sep;
  std::vector<std::string> out;
  for (const auto& id : ids) {
    std::string a = id.substr(0, from) + short_part + id.substr(to);
    if (display_width(a) >= display_width(id)) return {};
    out.push_back(std::move(a));
  }
  return out;
}

std::string Table::render(Style style, std::size_t width, int shrink) const {
  if (style == Style::markdown) return markdown(*this);
  const std::size_t cols = header.size();
  auto right = [&](std::size_t c) { return c < right_align.size() && right_align[c]; };
  auto cell = [](const std::vector<std::string>& row, std::size_t c) -> const std::string& {
    static const std::string empty;
    return c < row.size() ? row[c] : empty;
  };
  std::vector<std::string> head = header;
  std::vector<std::size_t> body(cols, 0), w(cols, 0);
  std::vector<bool> numeric(cols, false);
  for (std::size_t c = 0; c < cols; ++c) {
    bool any = false, all = true;
    for (const auto& row : rows) {
      const std::string& x = cell(row, c);
      body[c] = std::max(body[c], display_width(x));
      if (is_blank_cell(x)) continue;
      any = true;
      all = all && is_number(x);
    }
    numeric[c] = any && all;
  }
  auto natural = [&] {
    std::size_t total = cols == 0 ? 0 : 2 * (cols - 1);
    for (std::size_t c = 0; c < cols; ++c) {
      w[c] = std::max(body[c], display_width(head[c]));
      total += w[c];
    }
    return total;
  };
  std::size_t total = natural();
  std::vector<std::string> legend;  // "KR_util1 = KillerRobot_util1"
  std::vector<bool> detached(cols, false);  // shown under each row instead of in a column
  if (total > width) {
    // Headers wider than their numbers and sharing a prefix (party ids): short names, a legend.
    std::map<std::string, std::vector<std::size_t>> groups;
    for (std::size_t c = 0; c < cols; ++c)
      if (numeric[c] && display_width(head[c]) > body[c] && head[c].size() >= 4) groups[head[c].substr(0, 4)].push_back(c);
    for (const auto& [key, members] : groups) {
      std::vector<std::string> ids;
      for (const std::size_t c : members) ids.push_back(head[c]);
      const std::vector<std::string> short_ids = abbreviate(ids);
      for (std::size_t k = 0; k < short_ids.size(); ++k) {
        // The legend names the ids only: "KR_util1 = KillerRobot_util1", not "U KR_util1 = U …".
        std::size_t same = 0;
        while (same < short_ids[k].size() && short_ids[k][same] == ids[k][same]) ++same;
        const std::size_t kept = short_ids[k].substr(0, same).rfind(' ');
        const std::size_t from = kept == std::string::npos ? 0 : kept + 1;
        legend.push_back(short_ids[k].substr(from) + " = " + ids[k].substr(from));
        head[members[k]] = short_ids[k];
      }
    }
    total = natural();
  }
  if (total > width) {
    // Text columns narrow to `soft` first (no word broken: prose keeps its first word), then
    // numeric headers wrap, then text columns narrow to `hard` (long words split, never a number).
    const std::size_t first = shrink >= 0 && static_cast<std::size_t>(shrink) < cols ? static_cast<std::size_t>(shrink) : cols;
    std::vector<std::size_t> soft(cols, 0), hard(cols, 0);
    for (std::size_t c = 0; c < cols; ++c) {
      if (numeric[c]) {
        hard[c] = soft[c] = std::max(body[c], widest_word(head[c]));
        continue;
      }
      std::size_t numbers = widest_number(head[c]), words = widest_word(head[c]);
      for (const auto& row : rows) {
        const std::string& x = cell(row, c);
        numbers = std::max(numbers, widest_number(x));
        if (display_width(x) <= 8) words = std::max(words, display_width(x));
        else if (is_prose(x)) words = std::max(words, display_width(x.substr(0, x.find(' '))) + 2);
        else words = std::max(words, widest_word(x));
      }
      // The column named to shrink first gives way furthest, so the others keep their words.
      hard[c] = std::max(std::min<std::size_t>(w[c], c == first ? 6 : 8), numbers);
      soft[c] = std::clamp(words, hard[c], w[c]);
    }
    auto narrow = [&](std::size_t c, std::size_t by, const std::vector<std::size_t>& min) {
      by = std::min({by, w[c] > min[c] ? w[c] - min[c] : 0, total - width});
      w[c] -= by;
      total -= by;
    };
    // Fits the columns still in the table; `split_words` allows the hard phase.
    auto fit = [&](bool split_words) {
      total = 0;
      std::size_t live = 0;
      for (std::size_t c = 0; c < cols; ++c) {
        if (detached[c]) continue;
        w[c] = std::max(body[c], display_width(head[c]));
        total += w[c];
        ++live;
      }
      total += live == 0 ? 0 : 2 * (live - 1);
      for (const auto& [numbers, min] : {std::pair{false, &soft}, std::pair{true, &soft}, std::pair{false, &hard}}) {
        if (min == &hard && !split_words) break;
        if (first < cols && !detached[first] && numeric[first] == numbers && total > width) narrow(first, total - width, *min);
        while (total > width) {
          std::size_t widest = cols;
          for (std::size_t c = 0; c < cols; ++c)
            if (!detached[c] && numeric[c] == numbers && w[c] > (*min)[c] && (widest == cols || w[c] > w[widest])) widest = c;
          if (widest == cols) break;
          narrow(widest, 1, *min);
        }
      }
    };
    fit(false);
    // Rather than split words, a text column leaves the table: its cells follow each row as
    // "header: text" lines (the column named to shrink first, then the widest; never the first).
    while (total > width) {
      std::size_t leave = first < cols && first > 0 && !numeric[first] && !detached[first] ? first : cols;
      if (leave == cols)
        for (std::size_t c = 1; c < cols; ++c)
          if (!numeric[c] && !detached[c] && (leave == cols || w[c] > w[leave])) leave = c;
      if (leave == cols) break;
      detached[leave] = true;
      fit(false);
    }
    if (total > width) fit(true);
  }
  std::size_t last = cols;  // the last column still in the table
  for (std::size_t c = 0; c < cols; ++c)
    if (!detached[c]) last = c;
  auto line = [&](const std::vector<std::string>& cells, bool is_header) {
    std::vector<std::vector<std::string>> parts(cols);
    std::size_t height = 1;
    for (std::size_t c = 0; c < cols; ++c) {
      if (detached[c]) continue;
      const std::string& x = cell(cells, c);
      if (display_width(x) <= w[c]) parts[c] = {x};
      else if (!is_header && is_prose(x)) parts[c] = {cut_prose(x, w[c])};
      else parts[c] = wrap_cell(x, w[c]);
      height = std::max(height, parts[c].size());
    }
    std::string out;
    for (std::size_t k = 0; k < height; ++k) {
      std::string l;
      for (std::size_t c = 0; c < cols; ++c) {
        if (detached[c]) continue;
        const std::string x = k < parts[c].size() ? parts[c][k] : "";
        l += pad(x, c == last && !right(c) ? 0 : w[c], right(c));
        if (c != last) l += "  ";
      }
      out += trim_right(l) + "\n";
    }
    if (is_header) return out;
    for (std::size_t c = 0; c < cols; ++c) {
      if (!detached[c] || is_blank_cell(cell(cells, c))) continue;
      for (const std::string& l : wrap_cell(head[c] + ": " + cell(cells, c), width > 24 ? width - 4 : 20))
        out += "    " + l + "\n";
    }
    return out;
  };
  std::string out = line(head, true);
  std::string rule;
  for (std::size_t c = 0; c < cols; ++c)
    if (!detached[c]) rule += std::string(w[c], '-') + (c != last ? "  " : "");
  out += rule + "\n";
  for (const auto& row : rows) out += line(row, false);
  if (legend.empty()) return out;
  // Entries joined by commas, wrapped between entries: an entry never breaks.
  std::string l;
  for (const std::string& entry : legend) {
    if (!l.empty() && display_width(l) + 2 + display_width(entry) > width) {
      out += l + ",\n";
      l.clear();
    }
    l += (l.empty() ? "" : ", ") + entry;
  }
  return out + l + ".\n";
}

}  // namespace accord::report

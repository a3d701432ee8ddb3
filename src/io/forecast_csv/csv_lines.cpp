#include "io/forecast_csv/csv_lines.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace accord::io::csv {

bool Line::blank() const {
  for (const Field& f : fields)
    if (!f.text.empty()) return false;
  return true;
}

namespace {

Field make_field(std::string_view raw, int start_col) {
  std::size_t b = 0, e = raw.size();
  while (b < e && (raw[b] == ' ' || raw[b] == '\t' || raw[b] == '\r')) ++b;
  while (e > b && (raw[e - 1] == ' ' || raw[e - 1] == '\t' || raw[e - 1] == '\r')) --e;
  Field f;
  f.column = start_col + static_cast<int>(b);
  std::string_view t = raw.substr(b, e - b);
  if (t.size() >= 2 && t.front() == '"' && t.back() == '"') {
    t = t.substr(1, t.size() - 2);
    std::string out;
    for (std::size_t i = 0; i < t.size(); ++i) {
      out += t[i];
      if (t[i] == '"' && i + 1 < t.size() && t[i + 1] == '"') ++i;  // "" -> "
    }
    f.text = out;
  } else {
    f.text = std::string(t);
  }
  return f;
}

}  // namespace

std::vector<Line> split(std::string_view text, char sep) {
  std::vector<Line> lines;
  std::size_t pos = 0;
  int number = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // UTF-8 byte order mark
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = text.substr(pos, end - pos);
    ++number;
    Line line;
    line.number = number;
    bool quoted = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= raw.size(); ++i) {
      if (i < raw.size() && raw[i] == '"') quoted = !quoted;
      if (i == raw.size() || (raw[i] == sep && !quoted)) {
        line.fields.push_back(make_field(raw.substr(start, i - start), static_cast<int>(start) + 1));
        start = i + 1;
      }
    }
    if (!(end == text.size() && raw.empty())) lines.push_back(std::move(line));
    if (end == text.size()) break;
    pos = end + 1;
  }
  return lines;
}

std::optional<double> to_number(const std::string& s) {
  if (s.empty()) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || errno == ERANGE || !std::isfinite(v)) return std::nullopt;
  return v;
}

Diagnostic at(const std::string& file, const Line& line, const Field* f, const std::string& path,
              const std::string& entity, const std::string& message, const std::string& hint) {
  Diagnostic d;
  d.severity = Severity::error;
  d.file = file;
  d.line = line.number;
  d.column = f != nullptr ? f->column : 1;
  if (f == nullptr && !line.fields.empty()) {
    const Field& last = line.fields.back();
    d.column = last.column + static_cast<int>(last.text.size());
  }
  d.path = path;
  d.entity = entity;
  d.message = message;
  d.hint = hint;
  return d;
}

void settle(Outcome& o) {
  o.status = has_errors(o.diagnostics) ? Status::invalid_input : Status::ok;
  if (o.ok()) o.termination = Termination::done();
}

void cap_diagnostics(Diagnostics& d, std::size_t keep) {
  if (d.size() <= keep) return;
  const std::size_t more = d.size() - keep;
  Diagnostic last = d[keep];
  d.resize(keep);
  last.message = "… and " + std::to_string(more) + " more like these (first at this line)";
  last.hint.clear();
  d.push_back(std::move(last));
}

}  // namespace accord::io::csv

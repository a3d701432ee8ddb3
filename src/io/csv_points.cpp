// CSV export/import of a version's stances (include/accord/io/csv_points.hpp).
#include "accord/io/csv_points.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <tuple>
#include <vector>

#include "io/forecast_csv/csv_lines.hpp"

namespace accord::io {
namespace {

// --- writing -----------------------------------------------------------------------------------

std::string quote(std::string_view f) {
  if (f.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(f);
  std::string out = "\"";
  for (char c : f) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string join_sources(const std::vector<std::string>& sources) {
  std::string out;
  for (const std::string& src : sources) out += (out.empty() ? "" : "; ") + src;
  return out;
}

// --- reading: an RFC 4180 tokenizer that keeps each field's line and column ---------------------

struct Cell {
  std::string text;
  int line = 1, column = 1;
  bool quoted = false;
};
struct Record {
  int line = 1;
  std::vector<Cell> cells;
  [[nodiscard]] bool blank() const { return cells.size() == 1 && cells[0].text.empty() && !cells[0].quoted; }
};

std::string trim(std::string_view t) {
  std::size_t b = 0, e = t.size();
  while (b < e && (t[b] == ' ' || t[b] == '\t')) ++b;
  while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\t')) --e;
  return std::string(t.substr(b, e - b));
}

class Tokenizer {
 public:
  Tokenizer(std::string_view text, const std::string& file, Diagnostics& diags)
      : t_(text), file_(file), diags_(diags) {
    if (t_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // UTF-8 byte order mark
  }

  // The next record, or nullopt at the end (or after a fatal quoting error).
  std::optional<Record> next() {
    if (pos_ >= t_.size() || failed_) return std::nullopt;
    Record r;
    r.line = line_;
    for (;;) {
      Cell c = field();
      if (failed_) return std::nullopt;
      r.cells.push_back(std::move(c));
      if (pos_ >= t_.size()) break;
      const char ch = t_[pos_];
      if (ch == ',') {
        advance();
        continue;
      }
      // ch is '\r' or '\n': end of record
      if (ch == '\r') advance();
      if (pos_ < t_.size() && t_[pos_] == '\n') advance();
      break;
    }
    return r;
  }

 private:
  void advance() {
    if (t_[pos_] == '\n') {
      ++line_;
      col_ = 1;
    } else {
      ++col_;
    }
    ++pos_;
  }

  Cell field() {
    Cell c;
    // Spaces before an opening quote are tolerated (spreadsheets write `a, "b"`).
    std::size_t look = pos_;
    while (look < t_.size() && (t_[look] == ' ' || t_[look] == '\t')) ++look;
    if (look < t_.size() && t_[look] == '"') {
      while (pos_ < look) advance();
      c.line = line_;
      c.column = col_;
      c.quoted = true;
      advance();
      for (;;) {
        if (pos_ >= t_.size()) {
          fail(c.line, c.column, "unterminated quoted field; expected a closing `\"`");
          return c;
        }
        if (t_[pos_] == '"') {
          if (pos_ + 1 < t_.size() && t_[pos_ + 1] == '"') {
            c.text += '"';
            advance();
            advance();
            continue;
          }
          advance();
          break;
        }
        c.text += t_[pos_];
        advance();
      }
      while (pos_ < t_.size() && (t_[pos_] == ' ' || t_[pos_] == '\t')) advance();
      if (pos_ < t_.size() && t_[pos_] != ',' && t_[pos_] != '\r' && t_[pos_] != '\n')
        fail(line_, col_, "unexpected text after a closing quote; expected `,` or the end of the line");
      return c;
    }
    c.line = line_;
    c.column = col_;
    const std::size_t start = pos_;
    while (pos_ < t_.size() && t_[pos_] != ',' && t_[pos_] != '\n' && t_[pos_] != '\r') {
      if (t_[pos_] == '"') {
        fail(line_, col_, "a double quote inside an unquoted field; quote the whole field and double the quote (RFC 4180)");
        return c;
      }
      advance();
    }
    c.text = trim(t_.substr(start, pos_ - start));
    return c;
  }

  void fail(int line, int column, std::string message) {
    Diagnostic d;
    d.file = file_;
    d.line = line;
    d.column = column;
    d.message = std::move(message);
    diags_.push_back(std::move(d));
    failed_ = true;
  }

  std::string_view t_;
  const std::string& file_;
  Diagnostics& diags_;
  std::size_t pos_ = 0;
  int line_ = 1, col_ = 1;
  bool failed_ = false;
};

// --- reading: rows to stances ------------------------------------------------------------------

const std::vector<std::string>& stance_names() {
  static const std::vector<std::string> names{"accept", "reject", "conditional", "unknown"};
  return names;
}
const std::vector<std::string>& long_columns() {
  static const std::vector<std::string> cols{"version", "point", "number", "text", "party",
                                             "stance", "note", "estimate", "sources"};
  return cols;
}

template <typename Items>
std::vector<std::string> ids_of(const Items& items) {
  std::vector<std::string> ids;
  for (const auto& item : items) ids.push_back(item.id);
  return ids;
}

std::vector<std::string> split_sources(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    std::string one = trim(std::string_view(text).substr(start, end - start));
    if (!one.empty()) out.push_back(std::move(one));
    start = end + 1;
  }
  return out;
}

class Importer {
 public:
  Importer(const std::string& file, Scenario& s, std::string_view default_version)
      : file_(file), s_(s), default_version_(default_version) {}

  void run(std::string_view text) {
    Tokenizer tok(text, file_, raw_);
    std::optional<Record> header;
    while ((header = tok.next()) && header->blank()) {}
    if (!header) {
      if (raw_.empty()) error(1, 1, "", "the file is empty; expected a header line (" + std::string(kPointsCsvHeader) + ")");
      return;
    }
    if (!read_header(*header)) return;
    while (auto rec = tok.next()) {
      if (rec->blank()) continue;
      if (long_form_) read_long(*rec); else read_wide(*rec);
    }
  }

  Diagnostics diagnostics() {
    limiter_.finish(out_);
    Diagnostics all = std::move(raw_);
    all.insert(all.end(), out_.begin(), out_.end());
    return all;
  }
  std::size_t written() const { return pending_.size(); }
  bool failed() const { return has_errors(raw_) || has_errors(out_); }
  void apply() {
    for (const auto& [key, st] : pending_) {
      const auto& [v, party, point] = key;
      Version& ver = s_.versions[VersionIndex{v}];
      // Stance tables are parties × points; size them when a scenario built in memory has none.
      if (ver.stances.size() < s_.parties.size()) ver.stances.resize(s_.parties.size());
      auto& row = ver.stances[PartyIndex{party}];
      if (row.size() < ver.points.size()) row.resize(ver.points.size());
      row[PointIndex{point}] = st.stance;
    }
  }

 private:
  struct Pending {
    Stance stance;
    int line = 0;
  };

  void error(int line, int column, const std::string& path, const std::string& message,
             const std::string& hint = {}, const std::string& entity = {}) {
    Diagnostic d;
    d.file = file_;
    d.line = line;
    d.column = column;
    d.path = path;
    d.entity = entity;
    d.message = message;
    d.hint = hint;
    limiter_.add(out_, std::move(d));
  }
  void error_at(const Cell& c, const std::string& column, const std::string& message,
                const std::string& hint = {}, const std::string& entity = {}) {
    error(c.line, c.column, "column " + column, message, hint, entity);
  }
  std::string did_you_mean(const std::string& found, const std::vector<std::string>& ids) {
    const std::string near = closest_match(found, ids, budget_);
    return near.empty() ? std::string() : "did you mean `" + near + "`?";
  }

  bool read_header(const Record& h) {
    std::map<std::string, int> seen;
    for (std::size_t i = 0; i < h.cells.size(); ++i) {
      const Cell& c = h.cells[i];
      if (c.text.empty()) {
        error_at(c, std::to_string(i + 1), "empty column name; expected a name such as `point` or a party id");
        continue;
      }
      if (!seen.emplace(c.text, static_cast<int>(i)).second) {
        error_at(c, c.text, "duplicate column `" + c.text + "`");
        continue;
      }
    }
    col_ = seen;
    long_form_ = seen.count("party") > 0 || seen.count("stance") > 0;
    if (!seen.count("point"))
      error(h.line, 1, "header", "no `point` column; expected a header such as `" + std::string(kPointsCsvHeader) + "`");
    if (!seen.count("version") && default_version_.empty())
      error(h.line, 1, "header", "no `version` column; expected one (or pass --version)");
    if (long_form_) {
      for (const char* need : {"party", "stance"})
        if (!seen.count(need)) error(h.line, 1, "header", std::string("no `") + need + "` column; the long form needs `party` and `stance`");
      for (std::size_t i = 0; i < h.cells.size(); ++i) {
        const std::string& name = h.cells[i].text;
        bool known = false;
        for (const std::string& k : long_columns()) known = known || k == name;
        if (!known && !name.empty())
          error_at(h.cells[i], name, "unknown column `" + name + "`; expected one of " + std::string(kPointsCsvHeader),
                   did_you_mean(name, long_columns()));
      }
    } else {
      const std::vector<std::string> parties = ids_of(s_.parties);
      for (std::size_t i = 0; i < h.cells.size(); ++i) {
        const std::string& name = h.cells[i].text;
        if (name.empty() || name == "version" || name == "point" || name == "number" || name == "text") continue;
        const PartyIndex p = s_.find_party(name);
        if (!p.valid())
          error_at(h.cells[i], name, "unknown party `" + name + "`; expected a party id (one column per party) or version, point, number, text",
                   did_you_mean(name, parties));
        else
          party_columns_.emplace_back(static_cast<int>(i), p);
      }
    }
    return !failed();
  }

  const Cell* cell(const Record& r, const std::string& column) const {
    auto it = col_.find(column);
    if (it == col_.end() || it->second >= static_cast<int>(r.cells.size())) return nullptr;
    return &r.cells[it->second];
  }

  bool check_width(const Record& r) {
    if (r.cells.size() == col_.size()) return true;
    const Cell& last = r.cells.back();
    error(last.line, last.column, "row", "found " + std::to_string(r.cells.size()) + " fields; expected " +
          std::to_string(col_.size()) + " (as in the header)");
    return false;
  }

  // The version and point of a row, or nullopt (after reporting).
  std::optional<std::pair<VersionIndex, PointIndex>> locate(const Record& r) {
    VersionIndex v;
    if (const Cell* c = cell(r, "version"); c != nullptr && !c->text.empty()) {
      v = s_.find_version(c->text);
      if (!v.valid()) {
        error_at(*c, "version", "unknown version `" + c->text + "`; expected a version id of the scenario",
                 did_you_mean(c->text, ids_of(s_.versions)));
        return std::nullopt;
      }
    } else {
      v = s_.find_version(default_version_);
      if (!v.valid()) {
        error(r.line, 1, "column version", "no version; expected a version id (or pass --version)");
        return std::nullopt;
      }
    }
    const Version& ver = s_.versions[v];
    const Cell* pc = cell(r, "point");
    if (pc == nullptr || pc->text.empty()) {
      error(r.line, 1, "column point", "empty point; expected a point id of version " + ver.id);
      return std::nullopt;
    }
    const PointIndex pt = ver.find_point(pc->text);
    if (!pt.valid()) {
      error_at(*pc, "point", "unknown point `" + pc->text + "` in version " + ver.id + "; expected a point id",
               did_you_mean(pc->text, ids_of(ver.points)));
      return std::nullopt;
    }
    return std::make_pair(v, pt);
  }

  std::optional<StanceKind> stance_of(const Cell& c, const std::string& column) {
    const auto k = parse_stance_kind(c.text);
    if (!k) error_at(c, column, "unknown stance `" + c.text + "`; expected accept, reject, conditional or unknown",
                     did_you_mean(c.text, stance_names()));
    return k;
  }

  void put(const Record& r, const Cell& at, VersionIndex v, PartyIndex p, PointIndex pt, Stance st) {
    const auto key = std::make_tuple(v.value, p.value, pt.value);
    if (auto it = pending_.find(key); it != pending_.end()) {
      error_at(at, "party", "a second row for party " + s_.parties[p].id + " on point " +
               s_.versions[v].points[pt].id + "; the first is at line " + std::to_string(it->second.line));
      return;
    }
    pending_.emplace(key, Pending{std::move(st), r.line});
  }

  void read_long(const Record& r) {
    if (!check_width(r)) return;
    const auto where = locate(r);
    const Cell* pc = cell(r, "party");
    PartyIndex p = pc != nullptr ? s_.find_party(pc->text) : PartyIndex{};
    if (pc != nullptr && !p.valid())
      error_at(*pc, "party", "unknown party `" + pc->text + "`; expected a party id", did_you_mean(pc->text, ids_of(s_.parties)));
    const Cell* sc = cell(r, "stance");
    const auto kind = sc != nullptr ? stance_of(*sc, "stance") : std::nullopt;
    Stance st;
    if (kind) st.kind = *kind;
    if (const Cell* n = cell(r, "note")) st.provenance.note = n->text;
    if (const Cell* e = cell(r, "estimate"); e != nullptr && !e->text.empty()) {
      if (e->text == "true" || e->text == "yes" || e->text == "1") st.provenance.estimate = true;
      else if (e->text == "false" || e->text == "no" || e->text == "0") st.provenance.estimate = false;
      else error_at(*e, "estimate", "expected true or false, found `" + e->text + "`");
    }
    if (const Cell* src = cell(r, "sources")) st.provenance.sources = split_sources(src->text);
    if (!where || !p.valid() || !kind) return;
    put(r, *pc, where->first, p, where->second, std::move(st));
  }

  void read_wide(const Record& r) {
    if (!check_width(r)) return;
    const auto where = locate(r);
    for (const auto& [i, p] : party_columns_) {
      const Cell& c = r.cells[i];
      if (c.text.empty()) continue;
      const auto kind = stance_of(c, s_.parties[p].id);
      if (!where || !kind) continue;
      // Keep the stance's note and sources: the wide form carries only the kind.
      const auto& table = s_.versions[where->first].stances;
      Stance st = table.contains(p) && table[p].contains(where->second) ? table[p][where->second] : Stance{};
      st.kind = *kind;
      put(r, c, where->first, p, where->second, std::move(st));
    }
  }

  const std::string& file_;
  Scenario& s_;
  std::string default_version_;
  Diagnostics raw_, out_;
  DiagnosticLimiter limiter_;
  SuggestBudget budget_;
  std::map<std::string, int> col_;
  bool long_form_ = false;
  std::vector<std::pair<int, PartyIndex>> party_columns_;
  std::map<std::tuple<std::int32_t, std::int32_t, std::int32_t>, Pending> pending_;
};

}  // namespace

std::string write_points_csv(const Scenario& s, VersionIndex v) {
  std::string out = std::string(kPointsCsvHeader) + "\r\n";
  const Version& ver = s.versions[v];
  for (const PointIndex pt : ver.points.indices()) {
    const Point& point = ver.points[pt];
    for (const PartyIndex p : s.parties.indices()) {
      const bool has = ver.stances.contains(p) && ver.stances[p].contains(pt);
      const Stance st = has ? ver.stances[p][pt] : Stance{};
      out += quote(ver.id) + ',' + quote(point.id) + ',' + std::to_string(point.number) + ',' +
             quote(point.text) + ',' + quote(s.parties[p].id) + ',' + std::string(to_string(st.kind)) + ',' +
             quote(st.provenance.note) + ',' + (st.provenance.estimate ? "true" : "false") + ',' +
             quote(join_sources(st.provenance.sources)) + "\r\n";
    }
  }
  return out;
}

PointsCsvImport read_points_csv(std::string_view text, const std::string& file, Scenario& s,
                                std::string_view default_version) {
  PointsCsvImport result;
  if (text.size() > kMaxPointsCsvBytes) {
    result.outcome = Outcome::failure(Status::invalid_input, file + ": " + std::to_string(text.size()) +
                                      " bytes; the limit is " + std::to_string(kMaxPointsCsvBytes));
    return result;
  }
  Importer imp(file, s, default_version);
  imp.run(text);
  result.outcome.diagnostics = imp.diagnostics();
  csv::settle(result.outcome);
  if (!result.ok()) return result;
  imp.apply();
  result.stances = imp.written();
  return result;
}

}  // namespace accord::io

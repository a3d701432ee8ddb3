// .docx export (include/accord/io/docx.hpp): amended points as Word tracked changes from the
// shared word-level redline (accord/engines/redline.hpp, the one `accord diff --redline` uses).
#include "accord/io/docx.hpp"

#include <zip.h>

#include "accord/engines/redline.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <vector>

namespace accord::io {
namespace {

// --- word diff -----------------------------------------------------------------------------

enum class Op { same, del, ins };
struct Piece {
  Op op;
  std::string text;  // words joined by single spaces, with the space before them when needed
};

// The shared word-level redline (accord/engines/redline.hpp), as runs for WordprocessingML: a
// run carries the space before it unless it starts its text (the old text is same + del runs,
// the new one same + ins).
std::vector<Piece> runs(const redline::WordDiff& d) {
  std::vector<Piece> out;
  bool old_started = false, new_started = false;
  for (const redline::Piece& p : d.pieces) {
    const Op op = p.op == redline::Op::remove ? Op::del : p.op == redline::Op::insert ? Op::ins : Op::same;
    const bool space = op == Op::del ? old_started : op == Op::ins ? new_started : old_started || new_started;
    old_started = old_started || op != Op::ins;
    new_started = new_started || op != Op::del;
    out.push_back({op, (space ? " " : "") + p.text});
  }
  return out;
}

// --- WordprocessingML ------------------------------------------------------------------------

std::string xml_escape(std::string_view t) {
  std::string out;
  for (char c : t) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        // XML 1.0 refuses most control characters; a tab or line break becomes a space.
        if (static_cast<unsigned char>(c) < 0x20) out += ' ';
        else out += c;
    }
  }
  return out;
}

class Body {
 public:
  explicit Body(std::string date) : date_(std::move(date)) {}

  void title(std::string_view text) { para("Title", run(text)); }
  void heading(std::string_view text) { para("Heading1", run(text)); }
  void plain(std::string_view label, std::string_view text) { para({}, run(label) + run(text)); }
  void amended(std::string_view label, const std::vector<Piece>& pieces) {
    std::string runs = run(label);
    for (const Piece& p : pieces) {
      if (p.op == Op::same) runs += run(p.text);
      else if (p.op == Op::ins) runs += "<w:ins " + change() + ">" + run(p.text) + "</w:ins>";
      else runs += "<w:del " + change() + ">" + del_run(p.text) + "</w:del>";
    }
    para({}, runs);
  }
  // A whole paragraph inserted or deleted, its paragraph mark too.
  void inserted(std::string_view label, std::string_view text) {
    para({}, "<w:ins " + change() + ">" + run(std::string(label) + std::string(text)) + "</w:ins>",
         "<w:rPr><w:ins " + change() + "/></w:rPr>");
  }
  void deleted(std::string_view label, std::string_view text) {
    para({}, "<w:del " + change() + ">" + del_run(std::string(label) + std::string(text)) + "</w:del>",
         "<w:rPr><w:del " + change() + "/></w:rPr>");
  }
  [[nodiscard]] std::string document() const {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
           xml_ + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>\n";
  }

 private:
  static std::string run(std::string_view t) {
    return "<w:r><w:t xml:space=\"preserve\">" + xml_escape(t) + "</w:t></w:r>";
  }
  static std::string del_run(std::string_view t) {
    return "<w:r><w:delText xml:space=\"preserve\">" + xml_escape(t) + "</w:delText></w:r>";
  }
  std::string change() {
    return "w:id=\"" + std::to_string(++id_) + "\" w:author=\"" + std::string(kDocxAuthor) + "\" w:date=\"" + date_ + "\"";
  }
  void para(std::string_view style, const std::string& runs, const std::string& mark = {}) {
    // Always a pPr with a style: Word writes one, and docx2txt ends a paragraph only after one.
    xml_ += "<w:p><w:pPr><w:pStyle w:val=\"" + std::string(style.empty() ? "Normal" : style) + "\"/>" + mark +
            "</w:pPr>" + runs + "</w:p>";
  }

  std::string date_;
  std::string xml_;
  int id_ = 0;
};

constexpr const char* kContentTypes =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "</Types>\n";
constexpr const char* kRootRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
    "</Relationships>\n";
constexpr const char* kDocumentRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "</Relationships>\n";
constexpr const char* kStyles =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
    "<w:pPr><w:spacing w:after=\"120\"/></w:pPr><w:rPr><w:sz w:val=\"22\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:spacing w:after=\"240\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"36\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr></w:style>"
    "</w:styles>\n";

// --- the zip container -----------------------------------------------------------------------

struct ZipSourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};

// Entries in order, deflated, all stamped 1980-01-01 00:00 (DOS time 0x0000, date 0x0021), so
// the archive does not depend on the clock or the time zone.
std::string zip_entries(const std::vector<std::pair<std::string, std::string>>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, ZipSourceFree> buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) throw std::runtime_error("docx: cannot create a zip buffer");
  zip_source_keep(buffer.get());  // zip_close would free it otherwise; its bytes are read after
  zip_t* za = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (za == nullptr) {
    zip_source_free(buffer.get());  // undo the keep
    throw std::runtime_error("docx: cannot open a zip in memory");
  }
  for (const auto& [name, content] : entries) {
    zip_source_t* src = zip_source_buffer(za, content.data(), content.size(), 0);
    const zip_int64_t idx = src == nullptr ? -1 : zip_file_add(za, name.c_str(), src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      if (src != nullptr) zip_source_free(src);
      zip_discard(za);
      throw std::runtime_error("docx: cannot add " + name);
    }
    zip_file_set_dostime(za, static_cast<zip_uint64_t>(idx), 0x0000, 0x0021, 0);
    zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, 9);
  }
  if (zip_close(za) != 0) {
    zip_discard(za);
    throw std::runtime_error("docx: cannot write the zip");
  }
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(buffer.get(), &st) != 0 || zip_source_open(buffer.get()) != 0)
    throw std::runtime_error("docx: cannot read the zip back");
  std::string out(static_cast<std::size_t>(st.size), '\0');
  const zip_int64_t got = zip_source_read(buffer.get(), out.data(), out.size());
  zip_source_close(buffer.get());
  if (got != static_cast<zip_int64_t>(out.size())) throw std::runtime_error("docx: short read of the zip");
  return out;
}

bool is_day(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
  return true;
}

std::string label(const Point& p) {
  return (p.number > 0 ? std::to_string(p.number) + ". " : "") + "[" + p.id + "] ";
}

}  // namespace

VersionIndex previous_version(const Scenario& s, VersionIndex v) {
  std::map<std::int32_t, int> votes;
  for (const Point& p : s.versions[v].points)
    for (const PointRef& r : p.from)
      if (r.version != v) ++votes[r.version.value];
  VersionIndex best;
  int most = 0;
  for (const auto& [ver, n] : votes)
    if (n > most) {
      most = n;
      best = VersionIndex{ver};
    }
  return best;
}

std::string write_version_docx(const Scenario& s, VersionIndex v, VersionIndex against) {
  const Version& ver = s.versions[v];
  Body body(is_day(ver.date) ? ver.date + "T00:00:00Z" : std::string(kDocxFallbackDate));
  body.title(s.title.empty() ? s.id : s.title);
  std::string head = ver.label.empty() ? ver.id : ver.id + ": " + ver.label;
  if (!ver.date.empty()) head += " (" + ver.date + ")";
  if (against.valid()) head += ", changes against " + s.versions[against].id;
  body.heading(head);

  if (!s.versions.contains(against)) {
    for (const Point& p : ver.points) body.plain(label(p), p.text);
  } else {
    const Version& old = s.versions[against];
    // Which old points some new point comes from; a dropped one follows the new point that
    // took its predecessor (or leads the list).
    std::vector<bool> used(old.points.size(), false);
    for (const Point& p : ver.points)
      for (const PointRef& r : p.from)
        if (r.version == against && old.points.contains(r.point)) used[r.point.get()] = true;
    std::map<std::int32_t, std::vector<PointIndex>> dropped_after;  // new point value (-1: first)
    std::vector<std::int32_t> taker(old.points.size(), -1);
    for (const PointIndex np : ver.points.indices())
      for (const PointRef& r : ver.points[np].from)
        if (r.version == against && old.points.contains(r.point) && taker[r.point.get()] < 0)
          taker[r.point.get()] = np.value;
    std::int32_t last = -1;
    for (const PointIndex op : old.points.indices()) {
      if (used[op.get()]) last = std::max(last, taker[op.get()]);
      else dropped_after[last].push_back(op);
    }
    auto emit_dropped = [&](std::int32_t after) {
      if (auto it = dropped_after.find(after); it != dropped_after.end())
        for (const PointIndex op : it->second) body.deleted(label(old.points[op]), old.points[op].text);
    };
    // A point split into several (each part from it alone among PREV's points, as the diff
    // engine reads a split): one redline::split_diff, so each
    // deleted word shows in one part instead of in every part.
    std::map<std::int32_t, std::vector<PointIndex>> parts_of;  // old point value -> parts from it alone (in PREV)
    for (const PointIndex np : ver.points.indices()) {
      std::vector<PointIndex> sources;
      for (const PointRef& r : ver.points[np].from)
        if (r.version == against && old.points.contains(r.point)) sources.push_back(r.point);
      if (sources.size() == 1) parts_of[sources[0].value].push_back(np);
    }
    std::map<std::int32_t, redline::WordDiff> split_part;  // new point value -> its share
    for (const auto& [op, parts] : parts_of) {
      if (parts.size() < 2) continue;
      std::vector<std::string_view> texts;
      for (const PointIndex np : parts) texts.push_back(ver.points[np].text);
      std::vector<redline::WordDiff> diffs = redline::split_diff(old.points[PointIndex{op}].text, texts);
      for (std::size_t k = 0; k < parts.size(); ++k) split_part[parts[k].value] = std::move(diffs[k]);
    }
    emit_dropped(-1);
    for (const PointIndex np : ver.points.indices()) {
      const Point& p = ver.points[np];
      std::string before;
      bool from_old = false;
      for (const PointRef& r : p.from)
        if (r.version == against && old.points.contains(r.point)) {
          before += (from_old ? " " : "") + old.points[r.point].text;
          from_old = true;
        }
      if (!from_old) body.inserted(label(p), p.text);
      else if (before == p.text) body.plain(label(p), p.text);
      else if (auto it = split_part.find(np.value); it != split_part.end()) body.amended(label(p), runs(it->second));
      else body.amended(label(p), runs(redline::word_diff(before, p.text)));
      emit_dropped(np.value);
    }
  }
  return zip_entries({{"[Content_Types].xml", kContentTypes},
                      {"_rels/.rels", kRootRels},
                      {"word/_rels/document.xml.rels", kDocumentRels},
                      {"word/document.xml", body.document()},
                      {"word/styles.xml", kStyles}});
}

std::optional<std::string> read_zip_entry(std::string_view zip, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(zip.data(), zip.size(), 0, &error);
  if (src == nullptr) return std::nullopt;
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (za == nullptr) {
    zip_source_free(src);
    return std::nullopt;
  }
  std::optional<std::string> out;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(za, name.c_str(), 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && st.size < (64u << 20)) {
    if (zip_file_t* f = zip_fopen(za, name.c_str(), 0)) {
      std::string text(static_cast<std::size_t>(st.size), '\0');
      if (zip_fread(f, text.data(), text.size()) == static_cast<zip_int64_t>(text.size())) out = std::move(text);
      zip_fclose(f);
    }
  }
  zip_discard(za);  // read-only; frees the source too
  return out;
}

}  // namespace accord::io

#include "json_writer.hpp"

#include <ostream>
#include <string>

namespace accord::report::detail {

using Json = nlohmann::ordered_json;

// --- TreeWriter: the open containers are pointers into the tree; only the innermost one grows,
// so the pointers to its ancestors stay valid.

Json& TreeWriter::place(std::string_view key, Json v) {
  if (open_.empty()) {
    root_ = std::move(v);
    return root_;
  }
  Json& top = *open_.back();
  if (top.is_array()) {
    top.push_back(std::move(v));
    return top.back();
  }
  Json& slot = top[std::string(key)];
  slot = std::move(v);
  return slot;
}

void TreeWriter::begin_object(std::string_view key) { open_.push_back(&place(key, Json::object())); }
void TreeWriter::begin_array(std::string_view key) { open_.push_back(&place(key, Json::array())); }
void TreeWriter::end() { open_.pop_back(); }
void TreeWriter::value(std::string_view key, const Json& v) { place(key, v); }
void TreeWriter::text(std::string_view key, std::string_view s) { place(key, Json(std::string(s))); }

// --- StreamWriter: the layout of nlohmann's dump(2) ("{}" / "[]" when empty, two spaces per level).

namespace {

constexpr std::size_t kFlushAt = std::size_t{1} << 20;

// Text that dump() writes between quotes unchanged (state patterns, ids): no escaping needed.
bool plain(std::string_view s) {
  for (const char ch : s) {
    const auto u = static_cast<unsigned char>(ch);
    if (u < 0x20 || u >= 0x7f || ch == '"' || ch == '\\') return false;
  }
  return true;
}

}  // namespace

void StreamWriter::flush() {
  os_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  buf_.clear();
}

void StreamWriter::maybe_flush() {
  if (buf_.size() >= kFlushAt) flush();
}

void StreamWriter::indent() { buf_.append(open_.size() * 2, ' '); }

void StreamWriter::prefix(std::string_view key) {
  if (open_.empty()) return;
  Frame& f = open_.back();
  buf_ += f.empty ? "\n" : ",\n";
  f.empty = false;
  indent();
  if (f.array) return;
  if (plain(key)) {
    buf_ += '"';
    buf_ += key;
    buf_ += "\": ";
  } else {
    buf_ += Json(std::string(key)).dump() + ": ";
  }
}

void StreamWriter::begin_object(std::string_view key) {
  prefix(key);
  buf_ += '{';
  open_.push_back({false, true});
}

void StreamWriter::begin_array(std::string_view key) {
  prefix(key);
  buf_ += '[';
  open_.push_back({true, true});
}

void StreamWriter::end() {
  const Frame f = open_.back();
  open_.pop_back();
  if (!f.empty) {
    buf_ += '\n';
    indent();
  }
  buf_ += f.array ? ']' : '}';
  maybe_flush();
}

void StreamWriter::text(std::string_view key, std::string_view s) {
  if (!plain(s)) return value(key, Json(std::string(s)));
  prefix(key);
  buf_ += '"';
  buf_ += s;
  buf_ += '"';
  maybe_flush();
}

void StreamWriter::value(std::string_view key, const Json& v) {
  prefix(key);
  if (v.is_primitive()) {  // one line: no re-indenting needed
    buf_ += v.dump();
    maybe_flush();
    return;
  }
  const std::string text = v.dump(2);
  std::size_t at = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', at)) {
    buf_.append(text, at, nl + 1 - at);
    indent();
    at = nl + 1;
  }
  buf_.append(text, at, std::string::npos);
  maybe_flush();
}

}  // namespace accord::report::detail

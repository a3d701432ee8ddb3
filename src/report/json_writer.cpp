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

// --- StreamWriter: the layout of nlohmann's dump(2) ("{}" / "[]" when empty, two spaces per level).

void StreamWriter::prefix(std::string_view key) {
  if (open_.empty()) return;
  Frame& f = open_.back();
  os_ << (f.empty ? "\n" : ",\n");
  f.empty = false;
  os_ << std::string(open_.size() * 2, ' ');
  if (!f.array) os_ << Json(std::string(key)).dump() << ": ";
}

void StreamWriter::begin_object(std::string_view key) {
  prefix(key);
  os_ << '{';
  open_.push_back({false, true});
}

void StreamWriter::begin_array(std::string_view key) {
  prefix(key);
  os_ << '[';
  open_.push_back({true, true});
}

void StreamWriter::end() {
  const Frame f = open_.back();
  open_.pop_back();
  if (!f.empty) os_ << '\n' << std::string(open_.size() * 2, ' ');
  os_ << (f.array ? ']' : '}');
}

void StreamWriter::value(std::string_view key, const Json& v) {
  prefix(key);
  if (v.is_primitive()) {  // one line: no re-indenting needed
    os_ << v.dump();
    return;
  }
  const std::string text = v.dump(2);
  const std::string indent(open_.size() * 2, ' ');
  std::size_t at = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', at)) {
    os_.write(text.data() + at, static_cast<std::streamsize>(nl + 1 - at));
    os_ << indent;
    at = nl + 1;
  }
  os_.write(text.data() + at, static_cast<std::streamsize>(text.size() - at));
}

}  // namespace accord::report::detail

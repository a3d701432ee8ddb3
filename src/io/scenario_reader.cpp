// Reads a scenario file (YAML or JSON) into the model, reporting every problem with
// file:line:column, field path and entity (docs/format.md).
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "accord/io/scenario_io.hpp"
#include "accord/model/validate.hpp"
#include "io/reader.hpp"
#include "io/scenario_sections.hpp"
#include "io/sections.hpp"
#include "io/text_checks.hpp"

namespace accord::io {

namespace {

const std::vector<std::string> kTopKeys = {"format",  "id",          "title",    "description",
                                           "date",    "source",      "sources",  "estimate",
                                           "note",    "parties",     "issues",   "preferences",
                                           "framework", "timeline",  "conflict", "forecast",
                                           "export"};

bool looks_like_json(std::string_view text, const std::string& name) {
  if (name.size() >= 5 && name.compare(name.size() - 5, 5, ".json") == 0) return true;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    return c == '{' || c == '[';
  }
  return false;
}

// Syntax only: nlohmann's SAX parser gives precise positions without building a DOM.
struct SyntaxOnly : nlohmann::json_sax<nlohmann::json> {
  bool failed = false;
  std::size_t byte = 0;
  std::string what;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    if (const auto* pe = dynamic_cast<const nlohmann::json::parse_error*>(&e)) {
      failed = true;
      byte = pe->byte;
      what = pe->what();
    }
    return false;
  }
};

// nlohmann gives precise JSON syntax errors; yaml-cpp then builds the tree with positions.
bool check_json_syntax(std::string_view text, Reader& r) {
  SyntaxOnly sax;
  if (nlohmann::json::sax_parse(text.begin(), text.end(), &sax) || !sax.failed)
    return true;  // e.g. a number too large for a double: the field reader reports it with its position
  const auto [line, col] = line_column_at(text, sax.byte == 0 ? 0 : sax.byte - 1);
  Diagnostic d;
  d.file = r.file();
  d.line = line;
  d.column = col;
  std::string what = sax.what;
  if (auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
  d.message = "invalid JSON: " + what;
  r.push(std::move(d));
  return false;
}

// Counts nodes as a reader would meet them, aliases expanded (a shared node counts every time
// it is reached), stopping past `limit`. Iterative, so deep nesting cannot overflow the stack;
// a node is counted when it is pushed, so the stack never holds more than `limit` nodes even
// when an alias refers to a map that contains it. Returns the first node past the limit
// (undefined when the tree is within it).
YAML::Node node_past_limit(const YAML::Node& root, std::size_t limit, std::size_t& counted) {
  counted = 1;
  if (counted > limit) return root;
  std::vector<YAML::Node> stack{root};
  YAML::Node past(YAML::NodeType::Undefined);
  auto visit = [&](const YAML::Node& child) {
    if (++counted > limit) {
      past = child;
      return false;
    }
    stack.push_back(child);
    return true;
  };
  while (!stack.empty()) {
    const YAML::Node n = stack.back();
    stack.pop_back();
    if (n.IsSequence()) {
      for (auto it = n.begin(); it != n.end(); ++it)
        if (!visit(*it)) return past;
    } else if (n.IsMap()) {
      for (auto it = n.begin(); it != n.end(); ++it)
        if (!visit(it->first) || !visit(it->second)) return past;
    }
  }
  return past;
}

void place_model_diagnostics(Reader& r, Diagnostics model_diags) {
  for (auto& d : model_diags) {
    d.file = r.file();
    std::tie(d.line, d.column) = r.position_of(d.path);
    r.push(std::move(d));
  }
}

// The YAML parser reads its input through this buffer in 64 KiB pieces, so the deadline is
// polled between pieces: a 16 MiB file cannot hold the parser for longer than the budget plus
// the parse of one piece (yaml-cpp offers no other way to stop it).
class DeadlineBuffer : public std::streambuf {
 public:
  struct Expired {};
  DeadlineBuffer(std::string_view text, const Deadline& deadline) : text_(text), deadline_(deadline) {}

 protected:
  int_type underflow() override {
    if (gptr() != nullptr && gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (next_ >= text_.size()) return traits_type::eof();
    // Never on the first piece: yaml-cpp's stream reads it in its constructor, and an exception
    // there leaks the stream's buffer. An expired deadline is then caught after parsing.
    if (next_ > 0 && deadline_.expired()) throw Expired{};
    const std::size_t n = std::min(kPiece, text_.size() - next_);
    char* begin = const_cast<char*>(text_.data() + next_);  // get area only: never written
    setg(begin, begin, begin + n);
    next_ += n;
    return traits_type::to_int_type(*gptr());
  }

 private:
  static constexpr std::size_t kPiece = 64u << 10;
  std::string_view text_;
  const Deadline& deadline_;
  std::size_t next_ = 0;
};

}  // namespace

namespace {

// The result of a load from what the reader found: ok with the scenario when there is no error
// (finished), else invalid_input with the limit that stopped it, if one did.
LoadResult finish(Reader& r, std::optional<Scenario> s = std::nullopt) {
  LoadResult result;
  result.outcome.diagnostics = r.take_diagnostics();
  if (s && !has_errors(result.outcome.diagnostics)) {
    result.scenario = std::move(s);
    result.outcome.status = Status::ok;
    result.outcome.termination = Termination::done();
    return result;
  }
  result.outcome.status = Status::invalid_input;
  result.outcome.termination = r.stopped;
  return result;
}

LoadResult load_unguarded(std::string_view text, const std::string& name, const LoadOptions& options) {
  Reader r(name);
  r.deadline = options.deadline;
  r.max_table_bytes = options.max_table_bytes == 0 ? kMaxScenarioTableBytes : options.max_table_bytes;
  if (!check_text(text, r)) {
    return finish(r);
  }
  const bool json = looks_like_json(text, name);
  if (json && !check_json_syntax(text, r)) {
    return finish(r);
  }
  YAML::Node root;
  try {
    DeadlineBuffer buffer(text, options.deadline);
    std::istream in(&buffer);
    in.exceptions(std::ios::badbit);  // rethrows Expired from the buffer
    root = YAML::Load(in);
  } catch (const DeadlineBuffer::Expired&) {
    r.stopped = {Stop::time_limit, "reading stopped while parsing"};
    r.push({Severity::error, name, 0, 0, "", "",
            "reading stopped while parsing: the time budget ran out (time_limit); nothing was loaded",
            "raise it with --max-seconds"});
    return finish(r);
  } catch (const YAML::Exception& e) {
    Diagnostic d;
    d.file = name;
    d.line = e.mark.line >= 0 ? e.mark.line + 1 : 0;
    d.column = e.mark.column >= 0 ? e.mark.column + 1 : 0;
    d.message = std::string(json ? "invalid JSON: " : "invalid YAML: ") + e.msg;
    r.push(std::move(d));
    return finish(r);
  }
  if (options.deadline.expired()) {
    r.stopped = {Stop::time_limit, "reading stopped after parsing"};
    r.error(root, "", "", "reading stopped after parsing: the time budget ran out (time_limit); nothing was loaded",
            "raise it with --max-seconds");
    return finish(r);
  }
  const std::size_t max_nodes = options.max_nodes == 0 ? kMaxScenarioNodes : options.max_nodes;
  std::size_t counted = 0;
  if (const YAML::Node past = node_past_limit(root, max_nodes, counted); past.IsDefined()) {
    r.stopped = {Stop::size_limit, "more than " + std::to_string(max_nodes) + " YAML nodes after expanding aliases"};
    r.error(past, "", "",
            "too many YAML nodes (size_limit): more than " + std::to_string(max_nodes) +
                " after expanding aliases (*name); the limit is " + std::to_string(max_nodes),
            "aliases that repeat a large mapping multiply its size; write the data out, or raise "
            "the limit with --max-input-nodes");
    return finish(r);
  }
  if (!root.IsMap() || !root["format"].IsDefined()) {
    bool any_key = false;
    if (root.IsMap())
      for (const char* k : {"parties", "issues", "framework"}) any_key = any_key || root[k].IsDefined();
    if (!any_key) {
      r.error(root, "", "",
              "this is not an Accord scenario: expected a mapping with `format: 1`, `parties` "
              "and `issues`, found " + Reader::describe(root),
              "see docs/format.md for the schema");
      return finish(r);
    }
  }
  Scenario s;
  read_scenario_root(r, root, s, kTopKeys);
  if (!r.failed()) {
    if (root["conflict"].IsDefined()) s.conflict = read_conflict(r, root["conflict"], s);
    if (root["forecast"].IsDefined()) s.forecast = read_forecast(r, root["forecast"], s);
  }
  if (!r.failed()) place_model_diagnostics(r, validate(s));
  return finish(r, std::move(s));
}

}  // namespace

LoadResult load_scenario_text(std::string_view text, const std::string& name, const LoadOptions& options) {
  // Readers report problems as diagnostics; an exception here is a bug in Accord, but the
  // user still gets a message naming the file instead of a crash. The fuzzer flags it.
  try {
    return load_unguarded(text, name, options);
  } catch (const std::exception& e) {
    LoadResult result;
    result.outcome = Outcome::failure(Status::internal, std::string(kInternalReadError) + e.what());
    result.outcome.diagnostics[0].file = name;
    return result;
  }
}

LoadResult load_scenario_file(const std::string& path, const LoadOptions& options) {
  std::string text;
  if (auto err = read_file_limited(path, kMaxScenarioBytes, text)) {
    LoadResult result;
    result.outcome.status = Status::invalid_input;
    result.outcome.diagnostics.push_back(*err);
    // Past the limit the text holds what was read so far: more than the limit.
    if (text.size() > kMaxScenarioBytes)
      result.outcome.termination = {Stop::size_limit, "the file is larger than " +
                                                          std::to_string(kMaxScenarioBytes >> 20) + " MiB"};
    return result;
  }
  return load_scenario_text(text, path, options);
}

}  // namespace accord::io

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
                                           "framework", "timeline",  "conflict", "forecast"};

bool looks_like_json(std::string_view text, const std::string& name) {
  if (name.size() >= 5 && name.compare(name.size() - 5, 5, ".json") == 0) return true;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    return c == '{' || c == '[';
  }
  return false;
}

// nlohmann gives precise JSON syntax errors; yaml-cpp then builds the tree with positions.
bool check_json_syntax(std::string_view text, Reader& r) {
  try {
    const auto parsed = nlohmann::json::parse(text.begin(), text.end());
    (void)parsed;
    return true;
  } catch (const nlohmann::json::out_of_range&) {
    return true;  // e.g. a number too large for a double: the field reader reports it with its position
  } catch (const nlohmann::json::parse_error& e) {
    const auto [line, col] = line_column_at(text, e.byte == 0 ? 0 : e.byte - 1);
    Diagnostic d;
    d.file = r.file();
    d.line = line;
    d.column = col;
    std::string what = e.what();
    if (auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
    d.message = "invalid JSON: " + what;
    r.diagnostics().push_back(std::move(d));
    return false;
  }
}

void place_model_diagnostics(Reader& r, Diagnostics model_diags) {
  for (auto& d : model_diags) {
    d.file = r.file();
    std::tie(d.line, d.column) = r.position_of(d.path);
    r.diagnostics().push_back(std::move(d));
  }
}

}  // namespace

namespace {

LoadResult load_unguarded(std::string_view text, const std::string& name) {
  Reader r(name);
  LoadResult result;
  const YAML::Node none;
  if (!check_text(text, r)) {
    result.diagnostics = std::move(r.diagnostics());
    return result;
  }
  const bool json = looks_like_json(text, name);
  if (json && !check_json_syntax(text, r)) {
    result.diagnostics = std::move(r.diagnostics());
    return result;
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    Diagnostic d;
    d.file = name;
    d.line = e.mark.line >= 0 ? e.mark.line + 1 : 0;
    d.column = e.mark.column >= 0 ? e.mark.column + 1 : 0;
    d.message = std::string(json ? "invalid JSON: " : "invalid YAML: ") + e.msg;
    result.diagnostics.push_back(std::move(d));
    return result;
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
      result.diagnostics = std::move(r.diagnostics());
      return result;
    }
  }
  Scenario s;
  read_scenario_root(r, root, s, kTopKeys);
  if (!r.failed()) {
    if (root["conflict"].IsDefined()) s.conflict = read_conflict(r, root["conflict"], s);
    if (root["forecast"].IsDefined()) s.forecast = read_forecast(r, root["forecast"], s);
  }
  if (!r.failed()) place_model_diagnostics(r, validate(s));
  result.diagnostics = std::move(r.diagnostics());
  if (!has_errors(result.diagnostics)) result.scenario = std::move(s);
  return result;
}

}  // namespace

LoadResult load_scenario_text(std::string_view text, const std::string& name) {
  // Readers report problems as diagnostics; an exception here is a bug in Accord, but the
  // user still gets a message naming the file instead of a crash. The fuzzer flags it.
  try {
    return load_unguarded(text, name);
  } catch (const std::exception& e) {
    LoadResult result;
    Diagnostic d;
    d.file = name;
    d.message = std::string(kInternalReadError) + e.what();
    result.diagnostics.push_back(std::move(d));
    return result;
  }
}

LoadResult load_scenario_file(const std::string& path) {
  LoadResult result;
  std::string text;
  if (auto err = read_file_limited(path, kMaxScenarioBytes, text)) {
    result.diagnostics.push_back(*err);
    return result;
  }
  return load_scenario_text(text, path);
}

}  // namespace accord::io

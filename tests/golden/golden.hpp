#pragma once
// Golden files: the JSON a command or route produces today, compared with the document
// committed in tests/golden/expected/NAME.json. Shapes change only deliberately: regenerate
// with ACCORD_UPDATE_GOLDEN=1 and commit the golden diff with the change that caused it.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "test_util.hpp"

namespace accord::test::golden {

using Json = nlohmann::ordered_json;

inline std::string expected_path(const std::string& name) {
  return source_path("tests/golden/expected/" + name + ".json");
}

inline bool updating() {
  const char* v = std::getenv("ACCORD_UPDATE_GOLDEN");
  return v != nullptr && std::string(v) == "1";
}

// Values that differ from run to run (clock times, who ran the command) become "<volatile>".
inline void mask_volatile(Json& j) {
  if (j.is_array()) {
    for (auto& e : j) mask_volatile(e);
    return;
  }
  if (!j.is_object()) return;
  for (auto& [key, value] : j.items()) {
    if (key == "created_at" || key == "set_at" || key == "set_by" || key == "created_by" || key == "updated_at" ||
        key == "added_at" || key == "added_by" || key == "opened_at" || key == "closed_at") {
      value = "<volatile>";
      continue;
    }
    mask_volatile(value);
  }
}

// The shape of a document without its values: numbers become 0, strings "" and booleans
// false; keys, order, array lengths and the "schema" numbers stay. Documents computed from the third-party data sets
// in ../shared/data are pinned this way, so no copy of that data enters the repository (their
// values are checked by the engines' own tests, which read the data from ../shared).
inline Json skeleton(const Json& j) {
  if (j.is_object()) {
    Json out = Json::object();
    for (const auto& [k, v] : j.items()) out[k] = k == "schema" ? v : skeleton(v);
    return out;
  }
  if (j.is_array()) {
    Json out = Json::array();
    for (const auto& v : j) out.push_back(skeleton(v));
    return out;
  }
  if (j.is_number()) return 0;
  if (j.is_string()) return "";
  if (j.is_boolean()) return false;
  return j;
}

// Differences as "path: expected vs actual" lines (numbers equal within 1e-9 relative, so a
// sanitizer build's last-bit differences do not count). Key order counts: it is part of a shape.
inline void compare(const Json& want, const Json& got, const std::string& path, std::vector<std::string>& out) {
  if (out.size() >= 40) return;
  auto brief = [](const Json& v) {
    std::string s = v.dump();
    return s.size() > 80 ? s.substr(0, 77) + "..." : s;
  };
  if (want.is_number() && got.is_number()) {
    const double a = want.get<double>(), b = got.get<double>();
    if (std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)})) return;
    out.push_back(path + ": " + brief(want) + " vs " + brief(got));
    return;
  }
  if (want.type() != got.type()) {
    out.push_back(path + ": " + brief(want) + " vs " + brief(got));
    return;
  }
  if (want.is_object()) {
    std::vector<std::string> wk, gk;
    for (const auto& [k, v] : want.items()) wk.push_back(k);
    for (const auto& [k, v] : got.items()) gk.push_back(k);
    if (wk != gk) {
      Json a = wk, b = gk;
      out.push_back(path + " keys: " + a.dump() + " vs " + b.dump());
    }
    for (const auto& [k, v] : want.items())
      if (got.contains(k)) compare(v, got.at(k), path + "/" + k, out);
    return;
  }
  if (want.is_array()) {
    if (want.size() != got.size())
      out.push_back(path + ": " + std::to_string(want.size()) + " elements vs " + std::to_string(got.size()));
    for (std::size_t i = 0; i < std::min(want.size(), got.size()); ++i)
      compare(want[i], got[i], path + "/" + std::to_string(i), out);
    return;
  }
  if (want != got) out.push_back(path + ": " + brief(want) + " vs " + brief(got));
}

// Compares `actual` with the golden document NAME (or writes it when updating).
inline void expect_golden(const std::string& name, Json actual) {
  mask_volatile(actual);
  const std::string path = expected_path(name);
  if (updating()) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << actual.dump(1) << "\n";
    return;
  }
  const std::string text = read_text(path);
  ASSERT_FALSE(text.empty()) << "no golden file " << path << " (run with ACCORD_UPDATE_GOLDEN=1)";
  const Json want = Json::parse(text);
  std::vector<std::string> diffs;
  compare(want, actual, "", diffs);
  std::string report;
  for (const auto& d : diffs) report += "  " + d + "\n";
  EXPECT_TRUE(diffs.empty()) << name << " differs from " << path << " (expected vs actual; "
                             << "regenerate with ACCORD_UPDATE_GOLDEN=1 if the change is deliberate):\n"
                             << report;
}

}  // namespace accord::test::golden

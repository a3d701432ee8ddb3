#pragma once
// Readers of the core scenario sections (one .cpp each), called by scenario_reader.cpp.
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "accord/model/scenario.hpp"
#include "io/reader.hpp"

namespace accord::io {

void read_scenario_root(Reader& r, const YAML::Node& root, Scenario& s,
                        const std::vector<std::string>& top_keys);
void read_parties(Reader& r, const YAML::Node& node, Scenario& s);
void read_issues(Reader& r, const YAML::Node& node, Scenario& s);
void read_preferences(Reader& r, const YAML::Node& node, Scenario& s);
void read_framework(Reader& r, const YAML::Node& node, Scenario& s);
void read_timeline(Reader& r, const YAML::Node& node, Scenario& s);

// Reads one setting (option id or number) of `issue` from node n.
std::optional<Setting> read_setting(Reader& r, const YAML::Node& n, const Issue& issue,
                                    const std::string& path, const std::string& entity);
// "did you mean" over the ids of a list of entities.
template <class T>
std::string suggest(const std::string& found, const std::vector<T>& items) {
  std::vector<std::string> ids;
  for (const auto& x : items) ids.push_back(x.id);
  const std::string near = closest_match(found, ids);
  return near.empty() ? std::string() : "did you mean `" + near + "`?";
}

}  // namespace accord::io

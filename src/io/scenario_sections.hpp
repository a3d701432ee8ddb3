#pragma once
// Readers of the core scenario sections (one .cpp each), called by scenario_reader.cpp.
#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <unordered_map>
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

// Index of ids to positions, for lookups that would otherwise scan (thousands of parties).
template <class T>
std::unordered_map<std::string_view, std::size_t> id_index(const std::vector<T>& items) {
  std::unordered_map<std::string_view, std::size_t> out;
  out.reserve(items.size());
  for (std::size_t k = 0; k < items.size(); ++k) out.emplace(items[k].id, k);
  return out;
}
template <class Index, class T>
std::unordered_map<std::string_view, std::size_t> id_index(const IndexedVector<Index, T>& items) {
  return id_index(items.vector());
}

// Reads one setting (option id or number) of `issue` from node n.
std::optional<Setting> read_setting(Reader& r, const YAML::Node& n, const Issue& issue,
                                    const std::string& path, const std::string& entity);
// "did you mean" over the ids of a list of entities (within the load's suggestion budget).
template <class Items>  // a std::vector or an IndexedVector of entities with an `id`
std::string suggest(Reader& r, const std::string& found, const Items& items) {
  if (r.suggest_budget().exhausted()) return {};
  std::vector<std::string> ids;
  ids.reserve(items.size());
  for (const auto& x : items) ids.push_back(x.id);
  return r.did_you_mean(found, ids);
}

}  // namespace accord::io

#pragma once
// The document of `accord history --json` (shape: docs/server.md "Command line"), next to the
// records it lists.
#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

#include "accord/store/records.hpp"

namespace accord::store {

// Version of the JSON shape below; bumped when it changes incompatibly.
inline constexpr int kHistorySchema = 1;

// {schema, scenario, stances: [...], events: [...]}; a list left out (nullptr) has no key.
[[nodiscard]] nlohmann::ordered_json history_json(const std::string& scenario,
                                                  const std::vector<StanceRecord>* stances,
                                                  const std::vector<EventRecord>* events);

}  // namespace accord::store

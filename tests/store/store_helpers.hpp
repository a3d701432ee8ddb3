#pragma once
// Builders for store inputs (so tests set only the fields they mean, warning-free).
#include <optional>
#include <string>

#include "accord/store/store.hpp"

namespace accord::test {

inline store::StanceInput st(std::string party, std::string point, StanceKind kind) {
  store::StanceInput in;
  in.party = std::move(party);
  in.point = std::move(point);
  in.kind = kind;
  return in;
}

inline store::HistoryFilter hf(std::optional<std::string> version, std::optional<std::string> party,
                               std::optional<std::string> point, std::size_t limit = 1000) {
  store::HistoryFilter f;
  f.version = std::move(version);
  f.party = std::move(party);
  f.point = std::move(point);
  f.limit = limit;
  return f;
}

inline store::OpenOptions create_opts(std::optional<int> schema = std::nullopt) {
  store::OpenOptions o;
  o.create = true;
  o.schema_version = schema;
  return o;
}

}  // namespace accord::test

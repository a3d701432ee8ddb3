#pragma once
// The `forecast:` section: per-actor, per-dimension overrides of positions and saliences
// for the forecast engine. Owned by the forecast engine (docs/forecast.md).
#include <string>

#include "accord/model/provenance.hpp"

namespace accord {

struct ForecastSettings {
  std::string note;  // placeholder until the forecast engine defines the section
  Provenance provenance;
  bool operator==(const ForecastSettings&) const = default;
};

}  // namespace accord

#pragma once
// The `conflict:` section: a Graph Model for Conflict Resolution (GMCR) model.
// Owned by the stability engine (see docs/gmcr.md); kept free of engine logic.
#include <string>
#include <vector>

#include "accord/model/provenance.hpp"

namespace accord {

struct Conflict {
  std::string note;  // placeholder until the stability engine defines the model
  Provenance provenance;
  bool operator==(const Conflict&) const = default;
};

}  // namespace accord

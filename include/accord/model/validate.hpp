#pragma once
// Semantic checks of a resolved scenario (values in [0,1], weights, grids, ...).
// Readers attach file positions to these by field path.
#include "accord/model/diagnostic.hpp"
#include "accord/model/scenario.hpp"

namespace accord {

[[nodiscard]] Diagnostics validate(const Scenario& s);

}  // namespace accord

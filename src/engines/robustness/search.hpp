#pragma once
// The robustness engine's search over one engine's findings (search.cpp).
#include <functional>
#include <optional>
#include <vector>

#include "internal.hpp"

namespace accord::robustness {

// The findings one engine run gives, and how to rerun it on a moved scenario.
struct Group {
  std::vector<FindingResult*> findings;
  std::function<std::optional<Values>(const Scenario&)> eval;
  // Whether `in` can move finding `f` at all (inputs it cannot are not swept for it).
  std::function<bool(const FindingResult& f, const Input& in)> moves;
  // Thresholds the engine's own numbers give for `in` (checked before they are reported).
  std::function<std::vector<double>(const Input&)> candidates;
};

// Moves every input of `all` that can move one of g's findings (docs/robustness.md "Method") in
// `work` (a copy of `base`, restored after each run); fills the findings' flips and terminations
// and counts the runs in `r`.
void run_group(const Params& params, Group& g, const std::vector<Input>& all, Scenario& work, const Scenario& base,
               const Deadline& deadline, Result& r);

}  // namespace accord::robustness

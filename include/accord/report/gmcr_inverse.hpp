#pragma once
// The inverse stability result (gmcr::inverse::Result) for people and scripts: one JSON
// serialiser and one text renderer, used by `accord gmcr --inverse` and `accord report`.
// Shape: docs/gmcr.md "Inverse analysis".
#include <nlohmann/json_fwd.hpp>

#include <string>

#include "accord/engines/gmcr_inverse.hpp"
#include "accord/model/conflict.hpp"

namespace accord::report {

// Version of the JSON shape; bumped when it changes incompatibly.
inline constexpr int kGmcrInverseSchema = 1;

// One change in plain words, naming estimated statements: "UA drops `!ua_accept` (an estimate)".
[[nodiscard]] std::string gmcr_change_text(const Conflict& c, const gmcr::inverse::Change& change);
// The answer in one sentence: the first minimal solution, none within the limit, never
// reachable (status_quo_locked), or how far the budget let the search get.
[[nodiscard]] std::string gmcr_inverse_sentence(const Conflict& c, const gmcr::inverse::Result& r);

// `scenario`: the "scenario" key (none when empty).
[[nodiscard]] nlohmann::ordered_json gmcr_inverse_json(const Conflict& c, const gmcr::inverse::Result& r,
                                                       const std::string& scenario = {});
// What `accord gmcr --inverse` prints.
[[nodiscard]] std::string gmcr_inverse_text(const Conflict& c, const gmcr::inverse::Result& r);

}  // namespace accord::report

#pragma once
// Private to accord_server: what the analyses (analyses_<engine>.cpp) share: reading the
// request's params (version, time budget) and their errors.
#include <string>
#include <vector>

#include "accord/model/budget.hpp"
#include "accord/model/scenario.hpp"
#include "context.hpp"

namespace accord::server {

[[nodiscard]] HttpError bad_param(const std::string& message, const std::string& field);
// params.version: a version id, or (when absent) the latest version if `default_latest`,
// else an invalid index.
[[nodiscard]] VersionIndex version_param(const Scenario& s, const Json& params, bool default_latest);
// The time budget of one analysis: params.max_seconds (0 < x <= 600), default 60 s (the CLI's
// default); the engines stop there and say so in their result.
[[nodiscard]] Deadline deadline_param(const Json& params);

// params.parties (bargain): an array of party ids with preferences, or "all" (every party with
// preferences); absent or null: empty (the engine's default bargaining parties).
[[nodiscard]] std::vector<PartyIndex> parties_param(const Scenario& s, const Json& params);

// One per engine (analyses_<engine>.cpp): run it on a scenario with the request's params.
[[nodiscard]] Json run_evaluate(const Scenario& s, const Json& params);
[[nodiscard]] Json run_bargain(const Scenario& s, const Json& params);
[[nodiscard]] Json run_gmcr(const Scenario& s, const Json& params);
[[nodiscard]] Json run_forecast(const Scenario& s, const Json& params);
[[nodiscard]] Json run_robustness(const Scenario& s, const Json& params);

}  // namespace accord::server

// POST /api/scenarios/{id}/analyses/bargain: `accord bargain --json` (report::bargain_json), with
// the closest package to params.version (when given) and the two-party frontier of params.pair
// (default: the first two bargaining parties), among params.parties (ids, or "all": every party
// with preferences; default the engine's). The n-party frontiers list params.max_points points
// (default 0: their sizes only).
#include <nlohmann/json.hpp>

#include "accord/engines/bargain.hpp"
#include "accord/report/bargain.hpp"
#include "analysis_params.hpp"

namespace accord::server {
namespace {

// params.pair: two bargaining party ids; absent: the first two bargaining parties (none when
// there are fewer than two).
std::optional<std::array<PartyIndex, 2>> pair_param(const Scenario& s, const Json& params,
                                                    const std::vector<PartyIndex>& bargaining) {
  const auto it = params.find("pair");
  if (it == params.end() || it->is_null()) {
    const auto parties = bargaining.empty() ? bargain::default_bargaining_parties(s) : bargaining;
    if (parties.size() < 2) return std::nullopt;
    return std::array<PartyIndex, 2>{parties[0], parties[1]};
  }
  if (!it->is_array() || it->size() != 2 || !(*it)[0].is_string() || !(*it)[1].is_string())
    throw bad_param("`pair` must be two party ids, e.g. [\"UA\", \"RU\"]", "pair");
  std::array<PartyIndex, 2> out;
  for (std::size_t j = 0; j < 2; ++j) {
    const std::string id = (*it)[j].get<std::string>();
    out[j] = s.find_party(id);
    if (!out[j].valid()) throw bad_param("no party `" + id + "`", "pair");
  }
  return out;
}

std::size_t max_points_param(const Json& params) {
  const auto it = params.find("max_points");
  if (it == params.end() || it->is_null()) return 0;  // sizes only: the dashboard draws the pair
  if (!it->is_number_unsigned()) throw bad_param("`max_points` must be a non-negative integer", "max_points");
  return it->get<std::size_t>();
}

}  // namespace

Json run_bargain(const Scenario& s, const Json& params) {
  bargain::Params p;
  p.deadline = deadline_param(params);
  p.draft_version = version_param(s, params, false);
  if (p.draft_version.valid()) p.draft = s.version_package(p.draft_version);
  p.parties = parties_param(s, params);
  p.pair = pair_param(s, params, p.parties);
  const bargain::Result r = bargain::run(s, p);
  if (!r.outcome.ok()) throw bad_param(r.outcome.message(), "params");
  return report::bargain_json(s, r, max_points_param(params));
}

}  // namespace accord::server

#pragma once
// The built-in agents (rules: docs/negotiation.md "Agents").
#include <memory>
#include <string>

#include "accord/engines/agent.hpp"

namespace accord::negotiate::detail {

[[nodiscard]] std::unique_ptr<Agent> make_time_dependent(const AgentContext& ctx, double e);
[[nodiscard]] std::unique_ptr<Agent> make_micro(const AgentContext& ctx);
[[nodiscard]] std::unique_ptr<Agent> make_tit_for_tat(const AgentContext& ctx);
[[nodiscard]] std::unique_ptr<Agent> make_frequency(const AgentContext& ctx, std::string& error);
[[nodiscard]] std::unique_ptr<Agent> make_random(const AgentContext& ctx, std::uint64_t seed);

// AC_next: accept x iff it crosses none of k's red lines, U(x) >= U(mine) and U(x) >= r.
[[nodiscard]] inline bool accepts_next(const Domain& d, std::size_t k, PackageId x, PackageId mine) {
  const double u = d.utility(k, x);
  return u >= d.utility(k, mine) - kNegotiationEps && u >= d.stats(k).reservation - kNegotiationEps &&
         !d.crosses_red_line(k, x);
}

// The offer for a target: the smallest U >= target (ties: smallest id), else a Pmax package.
[[nodiscard]] inline PackageId offer_for(const Domain& d, std::size_t k, double target) {
  const std::optional<PackageId> x = d.lowest_at_least(k, target);
  return x ? *x : d.stats(k).best;
}

}  // namespace accord::negotiate::detail

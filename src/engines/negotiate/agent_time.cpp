// Time-dependent agents (Faratin et al. 1998) and relative tit-for-tat (Faratin's imitative
// tactic), both offering the smallest utility at or above a target and accepting by AC_next.
#include <algorithm>

#include "agents.hpp"

namespace accord::negotiate::detail {

namespace {

class TimeDependent final : public Agent {
 public:
  TimeDependent(const AgentContext& ctx, double e) : d_(*ctx.domain), self_(ctx.self), e_(e) {}

  Action act(const Turn& turn) override {
    if (!d_.stats(self_).has_packages) return Action::end();
    const double target = time_dependent_target(d_.stats(self_), e_, turn.t);
    if (!cached_ || target != last_target_) {  // the hardliner's target never moves
      last_offer_ = offer_for(d_, self_, target);
      last_target_ = target;
      cached_ = true;
    }
    const PackageId mine = last_offer_;
    if (turn.standing && accepts_next(d_, self_, *turn.standing, mine)) return Action::accept();
    return Action::offer(mine);
  }

 private:
  const Domain& d_;
  std::size_t self_;
  double e_;
  bool cached_ = false;
  double last_target_ = 0.0;
  PackageId last_offer_ = 0;
};

// Target T starts at Pmax. Before each later action: for every other party q that made a new
// offer since this agent's last action and has an earlier offer, rho_q = U(earlier) / U(new)
// (1 when either is <= eps); otherwise rho_q = 1. T = clamp(T · max_q rho_q, Pmin, Pmax).
class TitForTat final : public Agent {
 public:
  explicit TitForTat(const AgentContext& ctx)
      : d_(*ctx.domain), self_(ctx.self), n_(ctx.domain->party_count()), prev_(n_, -1.0), last_(n_, -1.0),
        fresh_(n_, false), target_(ctx.domain->stats(ctx.self).pmax) {}

  Action act(const Turn& turn) override {
    const PartyStats& st = d_.stats(self_);
    if (!st.has_packages) return Action::end();
    if (acted_) {
      double rho = 1.0;
      bool any = false;
      for (std::size_t q = 0; q < n_; ++q) {
        if (q == self_) continue;
        double r = 1.0;
        if (fresh_[q] && prev_[q] > kNegotiationEps && last_[q] > kNegotiationEps) r = prev_[q] / last_[q];
        rho = any ? std::max(rho, r) : r;
        any = true;
      }
      target_ = std::max(st.pmin, std::min(st.pmax, target_ * rho));
    }
    acted_ = true;
    std::fill(fresh_.begin(), fresh_.end(), false);
    const PackageId mine = offer_for(d_, self_, target_);
    if (turn.standing && accepts_next(d_, self_, *turn.standing, mine)) return Action::accept();
    return Action::offer(mine);
  }

  void observe(std::size_t party, const Turn&, const Action& a) override {
    if (a.kind != ActionKind::offer) return;
    prev_[party] = last_[party];
    last_[party] = d_.utility(self_, a.package);
    fresh_[party] = true;
  }

 private:
  const Domain& d_;
  std::size_t self_, n_;
  std::vector<double> prev_, last_;  // own utility of each party's two latest offers (-1: none)
  std::vector<bool> fresh_;
  double target_;
  bool acted_ = false;
};

}  // namespace

std::unique_ptr<Agent> make_time_dependent(const AgentContext& ctx, double e) {
  return std::make_unique<TimeDependent>(ctx, e);
}

std::unique_ptr<Agent> make_tit_for_tat(const AgentContext& ctx) { return std::make_unique<TitForTat>(ctx); }

}  // namespace accord::negotiate::detail

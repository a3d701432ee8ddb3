// Boulware target with a frequency opponent model, in the style of ANAC's HardHeaded and
// Agent K (docs/negotiation.md "freq").
#include <algorithm>

#include "agents.hpp"

namespace accord::negotiate::detail {

namespace {

constexpr double kExponent = 0.2;      // Boulware concession of the target
constexpr double kBand = 0.05;         // candidates: target <= U <= target + band
constexpr std::size_t kMaxCandidates = 5000;
constexpr double kLearn = 0.1;         // weight added to an issue an opponent kept unchanged

class Frequency final : public Agent {
 public:
  explicit Frequency(const AgentContext& ctx) : d_(*ctx.domain), self_(ctx.self), n_(ctx.domain->party_count()) {
    const std::size_t m = d_.issues().size();
    for (std::size_t j = 0; j < m; ++j) offset_.push_back(values_), values_ += d_.value_count(j);
    counts_.assign(n_, std::vector<double>(values_, 0.0));
    weights_.assign(n_, std::vector<double>(m, m == 0 ? 0.0 : 1.0 / static_cast<double>(m)));
    last_.assign(n_, std::nullopt);
  }

  Action act(const Turn& turn) override {
    const PartyStats& st = d_.stats(self_);
    if (!st.has_packages) return Action::end();
    const PackageId mine = choose(time_dependent_target(st, kExponent, turn.t));
    if (turn.standing && accepts_next(d_, self_, *turn.standing, mine)) return Action::accept();
    return Action::offer(mine);
  }

  void observe(std::size_t party, const Turn&, const Action& a) override {
    if (a.kind != ActionKind::offer) return;
    const std::vector<std::uint32_t> x = d_.options(a.package);
    for (std::size_t j = 0; j < x.size(); ++j) counts_[party][offset_[j] + x[j]] += 1.0;
    if (last_[party]) {
      std::vector<double>& w = weights_[party];
      double sum = 0.0;
      for (std::size_t j = 0; j < x.size(); ++j) {
        if ((*last_[party])[j] == x[j]) w[j] += kLearn;
        sum += w[j];
      }
      for (double& wj : w) wj /= sum;
    }
    last_[party] = x;
  }

 private:
  // Σ over the other parties of Û_q(x) = Σ_j w_qj (c_qj(x_j) + 1) / (max_v c_qj(v) + 1).
  double estimate(const std::vector<std::uint32_t>& x) const {
    double total = 0.0;
    for (std::size_t q = 0; q < n_; ++q) {
      if (q == self_) continue;
      for (std::size_t j = 0; j < x.size(); ++j) {
        const auto first = counts_[q].begin() + static_cast<std::ptrdiff_t>(offset_[j]);
        const double top = *std::max_element(first, first + static_cast<std::ptrdiff_t>(d_.value_count(j)));
        total += weights_[q][j] * (counts_[q][offset_[j] + x[j]] + 1.0) / (top + 1.0);
      }
    }
    return total;
  }

  PackageId choose(double target) const {
    const std::vector<PackageId>& asc = d_.ascending(self_);
    const double lo = target - kNegotiationEps, hi = target + kBand + kNegotiationEps;
    auto it = std::partition_point(asc.begin(), asc.end(), [&](PackageId x) { return d_.utility(self_, x) < lo; });
    if (it == asc.end()) return d_.stats(self_).best;
    PackageId best = *it;
    double best_est = 0.0;
    // The first candidate counts even above the band (it is the time-dependent offer).
    for (std::size_t seen = 0; it != asc.end() && seen < kMaxCandidates; ++it, ++seen) {
      if (seen > 0 && d_.utility(self_, *it) > hi) break;
      const double e = estimate(d_.options(*it));
      if (seen == 0 || e > best_est + kNegotiationEps) {
        best = *it;
        best_est = e;
      } else if (e >= best_est - kNegotiationEps && *it < best) {
        best = *it;  // a tie: the smaller id
      }
    }
    return best;
  }

  const Domain& d_;
  std::size_t self_, n_;
  std::vector<std::size_t> offset_;
  std::size_t values_ = 0;
  std::vector<std::vector<double>> counts_, weights_;
  std::vector<std::optional<std::vector<std::uint32_t>>> last_;
};

}  // namespace

std::unique_ptr<Agent> make_frequency(const AgentContext& ctx, std::string& error) {
  if (!ctx.domain->sorted()) {
    error = "freq needs a domain small enough to sort (at most max_sorted packages)";
    return nullptr;
  }
  return std::make_unique<Frequency>(ctx);
}

}  // namespace accord::negotiate::detail

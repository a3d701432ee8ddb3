// The random agent (docs/negotiation.md "random"): deterministic given its seed.
#include "agents.hpp"

namespace accord::negotiate::detail {

namespace {

constexpr int kTries = 1000;
__extension__ typedef unsigned __int128 u128;

class Random final : public Agent {
 public:
  Random(const AgentContext& ctx, std::uint64_t seed) : d_(*ctx.domain), self_(ctx.self), state_(seed) {
    const std::size_t m = d_.issues().size();
    allowed_.resize(m);
    for (std::size_t j = 0; j < m; ++j)
      for (std::size_t v = 0; v < d_.value_count(j); ++v)
        if (d_.allowed(self_, j, v)) allowed_[j].push_back(static_cast<std::uint32_t>(v));
  }

  Action act(const Turn& turn) override {
    const PartyStats& st = d_.stats(self_);
    if (!st.has_packages) return Action::end();
    const double r = st.reservation - kNegotiationEps;
    if (turn.standing && !d_.crosses_red_line(self_, *turn.standing) && d_.utility(self_, *turn.standing) >= r &&
        (next() >> 63) == 1)
      return Action::accept();
    std::vector<std::uint32_t> x(allowed_.size());
    for (int attempt = 0; attempt < kTries; ++attempt) {
      for (std::size_t j = 0; j < x.size(); ++j) x[j] = allowed_[j][below(allowed_[j].size())];
      const PackageId id = d_.id(x);
      if (d_.utility(self_, id) >= r) return Action::offer(id);
    }
    return Action::offer(st.best);
  }

 private:
  std::uint64_t next() {  // splitmix64: the same sequence on every platform
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) {
    return static_cast<std::size_t>((static_cast<u128>(next()) * n) >> 64);
  }

  const Domain& d_;
  std::size_t self_;
  std::uint64_t state_;
  std::vector<std::vector<std::uint32_t>> allowed_;
};

}  // namespace

std::unique_ptr<Agent> make_random(const AgentContext& ctx, std::uint64_t seed) {
  return std::make_unique<Random>(ctx, seed);
}

}  // namespace accord::negotiate::detail

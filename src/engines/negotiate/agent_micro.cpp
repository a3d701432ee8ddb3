// MiCRO (de Jonge 2022), deterministic variant (docs/negotiation.md "micro").
#include <algorithm>
#include <set>

#include "agents.hpp"

namespace accord::negotiate::detail {

namespace {

class Micro final : public Agent {
 public:
  explicit Micro(const AgentContext& ctx)
      : d_(*ctx.domain), self_(ctx.self), received_(ctx.domain->party_count()) {}

  Action act(const Turn& turn) override {
    const std::optional<PackageId> next = next_package();
    if (!next) return Action::end();
    if (turn.standing) {
      const PackageId x = *turn.standing;
      const double u = d_.utility(self_, x);
      if (u >= d_.utility(self_, *next) - kNegotiationEps && u >= d_.stats(self_).reservation - kNegotiationEps &&
          !d_.crosses_red_line(self_, x))
        return Action::accept();
    }
    if (proposed_.insert(*next).second) ++m_;
    return Action::offer(*next);
  }

  void observe(std::size_t party, const Turn&, const Action& a) override {
    if (a.kind == ActionKind::offer) received_[party].insert(a.package);
  }

 private:
  // list[m] when m = 0, or when k >= m and the list has more; else list[m - 1].
  std::optional<PackageId> next_package() {
    std::size_t k = SIZE_MAX;
    for (std::size_t q = 0; q < received_.size(); ++q)
      if (q != self_) k = std::min(k, received_[q].size());
    if (m_ == 0 || k >= m_) {
      if (const std::optional<PackageId> x = entry(m_)) return x;
    }
    if (m_ == 0) return std::nullopt;
    return entry(m_ - 1);
  }

  // list[i]: the i-th of its packages with U >= r in Domain::descending order, found lazily.
  std::optional<PackageId> entry(std::size_t i) {
    const std::vector<PackageId>& desc = d_.descending(self_);
    const double r = d_.stats(self_).reservation - kNegotiationEps;
    while (list_.size() <= i && cursor_ < desc.size()) {
      const PackageId x = desc[cursor_++];
      if (d_.utility(self_, x) >= r) list_.push_back(x);
    }
    if (i < list_.size()) return list_[i];
    return std::nullopt;
  }

  const Domain& d_;
  std::size_t self_;
  std::vector<std::set<PackageId>> received_;  // distinct packages each party proposed
  std::set<PackageId> proposed_;
  std::size_t m_ = 0;
  std::vector<PackageId> list_;
  std::size_t cursor_ = 0;
};

}  // namespace

std::unique_ptr<Agent> make_micro(const AgentContext& ctx) {
  // The list needs every package in order: sorted domains only.
  if (!ctx.domain->sorted()) return nullptr;
  return std::make_unique<Micro>(ctx);
}

}  // namespace accord::negotiate::detail

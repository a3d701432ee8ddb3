// Branch and bound for optimal packages (docs/bargain.md, "Search").
#include "engines/bargain/search.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

#include "accord/model/utility.hpp"
#include "engines/bargain/lp_bound.hpp"

namespace accord::bargain::detail {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// The LP relaxation is solved at nodes with at least this many issues left; below, the cheap
// per-party bounds decide (a handful of leaves costs less than an LP).
constexpr std::size_t kLpMinFree = 3;

bool same_setting(const Issue& issue, const Setting& a, const Setting& b) {
  return issue.kind == IssueKind::discrete ? a.option == b.option : a.value == b.value;
}

enum class Kind { free, costly, forced };

class Searcher {
 public:
  Searcher(const Problem& p, const Spec& spec, std::uint64_t max_nodes, const Deadline& deadline)
      : p_(p), spec_(spec), max_nodes_(max_nodes), deadline_(deadline), ticker_(deadline, 64), k_(p.k),
        n_(p.issues.size()) {
    classify();
    order_issues();
    rpos_ = p.rect_slack(true);
    build_party_tables();
    std::vector<double> a(k_, 1.0);
    if (spec_.goal == Goal::nash) {
      const std::size_t bf =
          spec_.budget < forced_suf_[0] ? 0 : std::min(spec_.budget - forced_suf_[0], n_);
      for (std::size_t q = 0; q < k_; ++q)
        a[q] = 1.0 / std::max(1e-6, sufbase_[q] + topgain_[bf * k_ + q] + rpos_[q] - spec_.d[q]);
    } else if (spec_.goal == Goal::kalai_smorodinsky) {
      for (std::size_t q = 0; q < k_; ++q) a[q] = spec_.scale[q];
    } else if (spec_.goal == Goal::party) {
      std::fill(a.begin(), a.end(), 0.0);
      a[spec_.party] = 1.0;
    }
    order_values(a);
    build_linear(a);
    S_.assign((n_ + 1) * k_, 0.0);
    choice_.assign(n_, 0);
    open_bound_.assign(n_ + 1, kInf);
    if (LpBound::usable(p_, spec_) && n_ >= kLpMinFree) lp_ = std::make_unique<LpBound>(p_, spec_);
  }

  SearchResult run() {
    bool infeasible = false;
    for (const IssueSpace& sp : p_.issues) infeasible = infeasible || sp.size() == 0;
    if (!infeasible) dfs(0, spec_.budget);
    SearchResult out;
    out.complete = !stopped_;
    out.stop = stop_;
    out.nodes = nodes_;
    out.bound = stopped_ ? std::max(best_, stop_bound_) : best_;
    for (Candidate& c : tied_)
      if (objective(spec_, c.u.data(), k_) >= best_ - kUtilityEps) out.tied.push_back(std::move(c));
    return out;
  }

 private:
  void classify() {
    kind_.assign(n_, Kind::free);
    draft_value_.assign(n_, 0);
    if (!spec_.draft) return;
    for (std::size_t i = 0; i < n_; ++i) {
      const IssueIndex ii(i);
      if (!spec_.draft->contains(ii) || !(*spec_.draft)[ii]) continue;
      kind_[i] = Kind::forced;
      const IssueSpace& sp = p_.issues[i];
      for (std::size_t v = 0; v < sp.size(); ++v) {
        if (same_setting(p_.s->issues[ii], sp.settings[v], *(*spec_.draft)[ii])) {
          kind_[i] = Kind::costly;
          draft_value_[i] = static_cast<std::uint32_t>(v);
          break;
        }
      }
    }
  }

  std::uint32_t cost(std::size_t i, std::uint32_t v) const {
    if (kind_[i] == Kind::free) return 0;
    if (kind_[i] == Kind::forced) return 1;
    return v == draft_value_[i] ? 0 : 1;
  }

  void order_issues() {
    std::vector<double> spread(n_, 0.0);
    for (std::size_t i = 0; i < n_; ++i)
      for (std::size_t q = 0; q < k_; ++q) {
        double lo = kInf, hi = -kInf;
        for (std::size_t v = 0; v < p_.issues[i].size(); ++v) {
          lo = std::min(lo, p_.contrib(i, v)[q]);
          hi = std::max(hi, p_.contrib(i, v)[q]);
        }
        if (p_.issues[i].size() > 0) spread[i] += hi - lo;
      }
    order_.resize(n_);
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    std::stable_sort(order_.begin(), order_.end(),
                     [&](std::size_t a, std::size_t b) { return spread[a] > spread[b]; });
  }

  void order_values(const std::vector<double>& a) {
    values_.assign(n_, {});
    for (std::size_t t = 0; t < n_; ++t) {
      const std::size_t i = order_[t];
      auto& vs = values_[t];
      vs.resize(p_.issues[i].size());
      std::iota(vs.begin(), vs.end(), 0u);
      auto score = [&](std::uint32_t v) {
        double s = 0.0;
        for (std::size_t q = 0; q < k_; ++q) s += a[q] * p_.contrib(i, v)[q];
        return s;
      };
      std::stable_sort(vs.begin(), vs.end(), [&](std::uint32_t x, std::uint32_t y) {
        const std::uint32_t cx = cost(i, x), cy = cost(i, y);
        if (cx != cy) return cx < cy;
        return score(x) > score(y);
      });
    }
  }

  // Per-depth base (what the remaining issues give without spending budget) and the sums of
  // the b largest gains a change could add, for one linear functional of the contributions.
  void tables_for(const std::vector<double>& weights, std::vector<double>& base,
                  std::vector<double>& top) const {
    base.assign(n_ + 1, 0.0);
    top.assign((n_ + 1) * (n_ + 1), 0.0);
    std::vector<double> gains;
    for (std::size_t t = n_; t-- > 0;) {
      const std::size_t i = order_[t];
      const IssueSpace& sp = p_.issues[i];
      double best = -kInf;
      for (std::size_t v = 0; v < sp.size(); ++v) {
        double s = 0.0;
        for (std::size_t q = 0; q < k_; ++q) s += weights[q] * p_.contrib(i, v)[q];
        best = std::max(best, s);
      }
      if (sp.size() == 0) best = 0.0;
      double b = best;
      if (kind_[i] == Kind::costly) {
        double d = 0.0;
        for (std::size_t q = 0; q < k_; ++q) d += weights[q] * p_.contrib(i, draft_value_[i])[q];
        b = d;
        gains.push_back(best - d);
      }
      base[t] = base[t + 1] + b;
      std::vector<double> g = gains;
      std::sort(g.begin(), g.end(), std::greater<>());
      double acc = 0.0;
      for (std::size_t j = 0; j <= n_; ++j) {
        if (j > 0 && j <= g.size()) acc += g[j - 1];
        top[t * (n_ + 1) + j] = acc;
      }
    }
  }

  void build_party_tables() {
    sufbase_.assign((n_ + 1) * k_, 0.0);
    topgain_.assign((n_ + 1) * (n_ + 1) * k_, 0.0);
    forced_suf_.assign(n_ + 1, 0);
    for (std::size_t t = n_; t-- > 0;)
      forced_suf_[t] = forced_suf_[t + 1] + (kind_[order_[t]] == Kind::forced ? 1 : 0);
    std::vector<double> w(k_, 0.0), base, top;
    for (std::size_t q = 0; q < k_; ++q) {
      std::fill(w.begin(), w.end(), 0.0);
      w[q] = 1.0;
      tables_for(w, base, top);
      for (std::size_t t = 0; t <= n_; ++t) {
        sufbase_[t * k_ + q] = base[t];
        for (std::size_t b = 0; b <= n_; ++b)
          topgain_[(t * (n_ + 1) + b) * k_ + q] = top[t * (n_ + 1) + b];
      }
    }
  }

  void build_linear(const std::vector<double>& a) {
    a_ = a;
    tables_for(a_, lin_base_, lin_top_);
    a_rect_ = 0.0;
    for (std::size_t q = 0; q < k_; ++q) a_rect_ += a_[q] * rpos_[q];
  }

  // Upper bound of the objective below the node; -inf when the zone cannot be reached.
  double bound(std::size_t t, const double* S, std::size_t b) const {
    if (b < forced_suf_[t]) return -kInf;
    const std::size_t bf = std::min(b - forced_suf_[t], n_);
    double ub[64];
    std::vector<double> ub_big;
    double* UB = ub;
    if (k_ > 64) {
      ub_big.resize(k_);
      UB = ub_big.data();
    }
    for (std::size_t q = 0; q < k_; ++q) {
      UB[q] = S[q] + sufbase_[t * k_ + q] + topgain_[(t * (n_ + 1) + bf) * k_ + q] + rpos_[q];
      if (spec_.zone && UB[q] < p_.r[q] - kUtilityEps - kBoundSlack) return -kInf;
    }
    double lin = lin_base_[t] + lin_top_[t * (n_ + 1) + bf] + a_rect_;
    double ad = 0.0, asum = 0.0, aprod = 1.0;
    for (std::size_t q = 0; q < k_; ++q) {
      lin += a_[q] * S[q];
      ad += a_[q] * spec_.d[q];
      asum += a_[q];
      aprod *= a_[q];
    }
    switch (spec_.goal) {
      case Goal::party: return UB[spec_.party];
      case Goal::utilitarian: return lin;
      case Goal::nash: {
        double prod = 1.0;
        for (std::size_t q = 0; q < k_; ++q) prod *= std::max(0.0, UB[q] - spec_.d[q]);
        if (aprod > 0) {
          const double mean = std::max(0.0, (lin - ad + kUtilityEps * asum) / static_cast<double>(k_));
          prod = std::min(prod, std::pow(mean, static_cast<double>(k_)) / aprod * (1 + 1e-9));
        }
        return prod;
      }
      case Goal::egalitarian: {
        double m = kInf;
        for (std::size_t q = 0; q < k_; ++q) m = std::min(m, UB[q] - spec_.d[q]);
        return std::min(m, (lin - ad) / asum);
      }
      case Goal::kalai_smorodinsky: {
        double m = 1.0;
        std::size_t count = 0;
        for (std::size_t q = 0; q < k_; ++q)
          if (spec_.scale[q] > 0) {
            m = std::min(m, spec_.scale[q] * (UB[q] - spec_.d[q]));
            ++count;
          }
        if (count > 0) m = std::min(m, (lin - ad) / static_cast<double>(count));
        return m;
      }
    }
    return kInf;
  }

  void leaf() {
    std::vector<double> u(k_);
    p_.utilities(choice_.data(), u.data());
    if (spec_.zone)
      for (std::size_t q = 0; q < k_; ++q)
        if (u[q] < p_.r[q] - kUtilityEps) return;
    const double obj = objective(spec_, u.data(), k_);
    if (obj < best_ - kUtilityEps) return;
    if (obj > best_) {
      best_ = obj;
      std::erase_if(tied_, [&](const Candidate& c) {
        return objective(spec_, c.u.data(), k_) < best_ - kUtilityEps;
      });
      if (spec_.goal == Goal::nash && obj > 0) {
        std::vector<double> a(k_);
        for (std::size_t q = 0; q < k_; ++q) a[q] = 1.0 / std::max(1e-6, u[q] - spec_.d[q]);
        build_linear(a);
        if (lp_) lp_->add_tangents(u.data());
      }
    }
    tied_.push_back(Candidate{std::move(u), choice_});
  }

  void halt(Stop why, std::size_t t) {
    stopped_ = true;
    stop_ = why;
    // Unexplored: the rest of every ancestor's subtree, each within its bound.
    stop_bound_ = -kInf;
    for (std::size_t s = 0; s < t; ++s) stop_bound_ = std::max(stop_bound_, open_bound_[s]);
    if (t == 0) stop_bound_ = kInf;
  }

  [[nodiscard]] double threshold() const { return best_ - kUtilityEps - kBoundSlack; }

  void dfs(std::size_t t, std::size_t b) {
    if (stopped_) return;
    if (++nodes_ > max_nodes_) return halt(Stop::node_limit, t);
    if (ticker_.expired()) return halt(Stop::time_limit, t);
    if (t == n_) {
      leaf();
      return;
    }
    const double* S = &S_[t * k_];
    double ub = bound(t, S, b);
    if (ub == -kInf || ub < threshold()) return;
    const bool use_lp = lp_ && n_ - t >= kLpMinFree;
    if (use_lp) {
      if (deadline_.expired()) return halt(Stop::time_limit, t);  // an LP costs more than a clock read
      ub = std::min(ub, lp_->bound(deadline_));
      if (ub < threshold()) return;
    }
    open_bound_[t] = ub;
    const std::size_t i = order_[t];
    double* next = &S_[(t + 1) * k_];
    std::vector<std::uint32_t> local;
    const std::vector<std::uint32_t>* vals = &values_[t];
    std::vector<double> child;  // children's bounds from this node's multipliers
    std::vector<std::pair<std::size_t, std::uint32_t>> bans;
    if (use_lp) {  // the LP's favourite values first: good incumbents early
      child.assign(p_.issues[i].size(), kInf);
      for (const std::uint32_t v : values_[t]) child[v] = lp_->child_bound(i, v);
      // Reduced-cost fixing: values of deeper issues that cannot reach the incumbent.
      for (std::size_t d = t + 1; d < n_; ++d) {
        const std::size_t j = order_[d];
        for (const std::uint32_t v : values_[d])
          if (!lp_->banned(j, v) && lp_->child_bound(j, v) < threshold()) {
            lp_->ban(j, v);
            bans.emplace_back(j, v);
          }
      }
      local = values_[t];
      std::stable_sort(local.begin(), local.end(), [&](std::uint32_t x, std::uint32_t y) {
        return lp_->x(i, x) > lp_->x(i, y);  // a strict weak order (no NaN from Clp here)
      });
      vals = &local;
    }
    const bool fix_lp = lp_ && n_ - (t + 1) >= kLpMinFree;
    for (const std::uint32_t v : *vals) {
      const std::uint32_t c = cost(i, v);
      if (c > b) continue;
      if (use_lp && child[v] < threshold()) continue;
      if (lp_ && lp_->banned(i, v)) continue;
      const double* cv = p_.contrib(i, v);
      for (std::size_t q = 0; q < k_; ++q) next[q] = S[q] + cv[q];
      choice_[i] = v;
      if (fix_lp) lp_->fix(i, v);
      dfs(t + 1, b - c);
      if (fix_lp) lp_->unfix(i);
      if (stopped_) break;
    }
    for (const auto& [j, v] : bans) lp_->unban(j, v);
  }

  const Problem& p_;
  const Spec& spec_;
  std::uint64_t max_nodes_, nodes_ = 0;
  const Deadline& deadline_;
  DeadlineTicker ticker_;
  bool stopped_ = false;
  Stop stop_ = Stop::finished;
  double stop_bound_ = kInf;
  std::vector<double> open_bound_;  // bound of the node on the current path at each depth
  std::unique_ptr<LpBound> lp_;
  std::size_t k_, n_;
  std::vector<Kind> kind_;
  std::vector<std::uint32_t> draft_value_;
  std::vector<std::size_t> order_;
  std::vector<std::vector<std::uint32_t>> values_;
  std::vector<double> rpos_, sufbase_, topgain_;
  std::vector<std::size_t> forced_suf_;
  std::vector<double> a_, lin_base_, lin_top_;
  double a_rect_ = 0.0;
  std::vector<double> S_;
  std::vector<std::uint32_t> choice_;
  double best_ = -kInf;
  std::vector<Candidate> tied_;
};

}  // namespace

SearchResult search(const Problem& p, const Spec& spec, std::uint64_t max_nodes,
                    const Deadline& deadline) {
  Searcher s(p, spec, max_nodes, deadline);
  return s.run();
}

}  // namespace accord::bargain::detail

// Branch and bound for optimal packages (docs/bargain.md, "Search").
#include "engines/bargain/search.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "accord/model/utility.hpp"

namespace accord::bargain::detail {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool same_setting(const Issue& issue, const Setting& a, const Setting& b) {
  return issue.kind == IssueKind::discrete ? a.option == b.option : a.value == b.value;
}

enum class Kind { free, costly, forced };

class Searcher {
 public:
  Searcher(const Problem& p, const Spec& spec, std::uint64_t max_nodes)
      : p_(p), spec_(spec), max_nodes_(max_nodes), k_(p.k), n_(p.issues.size()) {
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
  }

  SearchResult run() {
    bool infeasible = false;
    for (const IssueSpace& sp : p_.issues) infeasible = infeasible || sp.size() == 0;
    if (!infeasible) dfs(0, spec_.budget);
    SearchResult out;
    out.complete = !stopped_;
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
      if (i >= spec_.draft->size() || !(*spec_.draft)[i]) continue;
      kind_[i] = Kind::forced;
      const IssueSpace& sp = p_.issues[i];
      for (std::size_t v = 0; v < sp.size(); ++v) {
        if (same_setting(p_.s->issues[i], sp.settings[v], *(*spec_.draft)[i])) {
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
      }
    }
    tied_.push_back(Candidate{std::move(u), choice_});
  }

  void dfs(std::size_t t, std::size_t b) {
    if (stopped_) return;
    if (++nodes_ > max_nodes_) {
      stopped_ = true;
      return;
    }
    if (t == n_) {
      leaf();
      return;
    }
    const double* S = &S_[t * k_];
    const double ub = bound(t, S, b);
    if (ub == -kInf || ub < best_ - kUtilityEps - kBoundSlack) return;
    const std::size_t i = order_[t];
    double* next = &S_[(t + 1) * k_];
    for (const std::uint32_t v : values_[t]) {
      const std::uint32_t c = cost(i, v);
      if (c > b) continue;
      const double* cv = p_.contrib(i, v);
      for (std::size_t q = 0; q < k_; ++q) next[q] = S[q] + cv[q];
      choice_[i] = v;
      dfs(t + 1, b - c);
      if (stopped_) return;
    }
  }

  const Problem& p_;
  const Spec& spec_;
  std::uint64_t max_nodes_, nodes_ = 0;
  bool stopped_ = false;
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

SearchResult search(const Problem& p, const Spec& spec, std::uint64_t max_nodes) {
  Searcher s(p, spec, max_nodes);
  return s.run();
}

}  // namespace accord::bargain::detail

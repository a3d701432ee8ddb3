// The negotiation space: per-party contribution tables, utilities bit-identical to
// accord::utility, and (small domains) every party's packages sorted by utility.
#include <algorithm>
#include <cmath>
#include <deque>
#include <numeric>

#include "accord/engines/bargain.hpp"
#include "accord/engines/negotiate.hpp"
#include "accord/model/utility.hpp"

namespace accord::negotiate {

namespace {

__extension__ typedef unsigned __int128 u128;
constexpr std::uint64_t kMaxSpace = std::uint64_t{1} << 62;
// Search domains keep both halves of the space in memory: at most this many entries each.
constexpr std::uint64_t kMaxHalf = std::uint64_t{1} << 25;

DomainBuild invalid(std::string message, std::string path = {}) {
  return {Outcome::failure(Status::invalid_input, std::move(message), std::move(path)), nullptr};
}

DomainBuild out_of_time(std::uint64_t size) {
  DomainBuild b = invalid("building the negotiation space (" + std::to_string(size) +
                          " packages) did not finish before the deadline; raise --max-seconds or negotiate over fewer "
                          "issues (--version)");
  b.outcome.termination = {Stop::time_limit, "the space was not built"};
  return b;
}

}  // namespace

struct DomainBuilder {
  static void sort_party(Domain& d, std::size_t k);
  static void build_halves(Domain& d, std::size_t k);
  static void compute_stats(Domain& d, std::size_t k);
};

double Domain::compute_utility(std::size_t k, const std::uint32_t* choice) const {
  if (!additive_[k]) {
    Package x = fixed_;
    for (std::size_t j = 0; j < issues_.size(); ++j)
      x[issues_[j]] = grid_setting(scenario_->issues[issues_[j]], choice[j]);
    return accord::utility(*scenario_, parties_[k], x);
  }
  // Same order and same skipped terms as accord::utility: bit-identical doubles.
  double u = 0.0;
  const std::vector<double>& c = contrib_[k];
  for (const Term& t : terms_[k]) u += t.j < 0 ? t.fixed : c[offset_[t.j] + choice[t.j]];
  return u;
}

std::vector<std::uint32_t> Domain::options(PackageId x) const {
  std::vector<std::uint32_t> out(issues_.size());
  for (std::size_t j = 0; j < issues_.size(); ++j) {
    out[j] = static_cast<std::uint32_t>(x / place_[j]);
    x %= place_[j];
  }
  return out;
}

PackageId Domain::id(const std::vector<std::uint32_t>& options) const {
  PackageId x = 0;
  for (std::size_t j = 0; j < issues_.size(); ++j) x += place_[j] * options[j];
  return x;
}

double Domain::utility(std::size_t k, PackageId x) const {
  if (sorted_) return table_[k][x];
  std::uint32_t choice[64];
  if (issues_.size() > 64) return compute_utility(k, options(x).data());
  for (std::size_t j = 0; j < issues_.size(); ++j) {
    choice[j] = static_cast<std::uint32_t>(x / place_[j]);
    x %= place_[j];
  }
  return compute_utility(k, choice);
}

bool Domain::crosses_red_line(std::size_t k, PackageId x) const {
  for (std::size_t j = 0; j < issues_.size(); ++j) {
    if (!allowed_[k][offset_[j] + x / place_[j]]) return true;
    x %= place_[j];
  }
  return false;
}

Package Domain::package(PackageId x) const {
  Package p = fixed_;
  const std::vector<std::uint32_t> o = options(x);
  for (std::size_t j = 0; j < issues_.size(); ++j) p[issues_[j]] = grid_setting(scenario_->issues[issues_[j]], o[j]);
  return p;
}

std::string Domain::option_text(PackageId x, std::size_t j) const {
  const Issue& issue = scenario_->issues[issues_[j]];
  const std::uint32_t v = static_cast<std::uint32_t>((x / place_[j]) % sizes_[j]);
  const Setting s = grid_setting(issue, v);
  if (issue.kind == IssueKind::discrete) return issue.options[s.option].id;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", s.value);
  return buf;
}

std::optional<PackageId> Domain::lowest_at_least(std::size_t k, double target) const {
  if (!sorted_) return search_lowest(k, target);
  const std::vector<PackageId>& asc = ascending_[k];
  const std::vector<double>& u = table_[k];
  const double lo = target - kNegotiationEps;
  const auto it = std::partition_point(asc.begin(), asc.end(), [&](PackageId x) { return u[x] < lo; });
  if (it == asc.end()) return std::nullopt;
  return tie_best_[k][static_cast<std::size_t>(it - asc.begin())];
}

// Sorted: ascending (U, id) order of k's packages; tie_best_ by a sliding-window minimum
// (window [i, last with U <= U[i] + eps], both ends monotone); descending_ with chained ties.
void DomainBuilder::sort_party(Domain& d, std::size_t k) {
  const std::vector<double>& u = d.table_[k];
  std::vector<PackageId>& asc = d.ascending_[k];
  for (PackageId x = 0; x < d.size_; ++x)
    if (!d.crosses_red_line(k, x)) asc.push_back(x);
  std::sort(asc.begin(), asc.end(), [&](PackageId a, PackageId b) { return u[a] != u[b] ? u[a] < u[b] : a < b; });
  const std::size_t n = asc.size();
  std::vector<PackageId>& best = d.tie_best_[k];
  best.resize(n);
  std::deque<PackageId> window;  // increasing ids; front is the window's minimum
  std::size_t end = 0;
  for (std::size_t i = 0; i < n; ++i) {
    while (end < n && u[asc[end]] <= u[asc[i]] + kNegotiationEps) {
      while (!window.empty() && window.back() > asc[end]) window.pop_back();
      window.push_back(asc[end++]);
    }
    best[i] = window.front();
    if (window.front() == asc[i]) window.pop_front();
  }
  // Descending: groups of chained ties (consecutive U within eps), highest group first.
  std::vector<PackageId>& desc = d.descending_[k];
  desc.reserve(n);
  std::size_t hi = n;
  while (hi > 0) {
    std::size_t lo = hi - 1;
    while (lo > 0 && u[asc[lo]] - u[asc[lo - 1]] <= kNegotiationEps) --lo;
    const std::size_t first = desc.size();
    desc.insert(desc.end(), asc.begin() + static_cast<std::ptrdiff_t>(lo), asc.begin() + static_cast<std::ptrdiff_t>(hi));
    std::sort(desc.begin() + static_cast<std::ptrdiff_t>(first), desc.end());
    hi = lo;
  }
}

void DomainBuilder::build_halves(Domain& d, std::size_t k) {
  const std::size_t m = d.issues_.size();
  double fixed_sum = 0.0;
  for (const Domain::Term& t : d.terms_[k])
    if (t.j < 0) fixed_sum += t.fixed;
  auto half = [&](std::size_t from, std::size_t to, double base) {
    Domain::Half h;
    h.sum.push_back(base);
    h.id.push_back(0);
    for (std::size_t j = from; j < to; ++j) {
      Domain::Half next;
      for (std::size_t a = 0; a < h.sum.size(); ++a)
        for (std::size_t v = 0; v < d.sizes_[j]; ++v) {
          if (!d.allowed(k, j, v)) continue;
          next.sum.push_back(h.sum[a] + d.contrib_[k][d.offset_[j] + v]);
          next.id.push_back(h.id[a] + d.place_[j] * v);
        }
      h = std::move(next);
    }
    std::vector<std::size_t> order(h.sum.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return h.sum[a] < h.sum[b]; });
    Domain::Half out;
    out.sum.reserve(order.size());
    out.id.reserve(order.size());
    for (const std::size_t a : order) {
      out.sum.push_back(h.sum[a]);
      out.id.push_back(h.id[a]);
    }
    return out;
  };
  d.head_[k] = half(0, d.split_, fixed_sum);
  d.tail_[k] = half(d.split_, m, 0.0);
}

void DomainBuilder::compute_stats(Domain& d, std::size_t k) {
  PartyStats& st = d.stats_[k];
  st.reservation = d.scenario_->preferences[d.parties_[k]].reservation;
  const std::size_t m = d.issues_.size();
  std::vector<std::uint32_t> hi(m), lo(m);
  st.has_packages = true;
  for (std::size_t j = 0; j < m; ++j) {
    bool any = false;
    for (std::size_t v = 0; v < d.sizes_[j]; ++v) {
      if (!d.allowed(k, j, v)) continue;
      const double c = d.contrib_[k][d.offset_[j] + v];
      if (!any || c > d.contrib_[k][d.offset_[j] + hi[j]]) hi[j] = static_cast<std::uint32_t>(v);
      if (!any || c < d.contrib_[k][d.offset_[j] + lo[j]]) lo[j] = static_cast<std::uint32_t>(v);
      any = true;
    }
    if (!any) st.has_packages = false;
  }
  if (!st.has_packages) {
    st.pmax = st.umin = st.pmin = st.reservation;
    return;
  }
  if (d.additive_[k]) {
    // Rounding is monotone, so the per-issue best (worst) values give the largest (smallest)
    // sum in the canonical order too.
    st.pmax = d.compute_utility(k, hi.data());
    st.umin = d.compute_utility(k, lo.data());
  } else {
    const std::vector<PackageId>& asc = d.ascending_[k];
    st.umin = d.table_[k][asc.front()];
    st.pmax = d.table_[k][asc.back()];
  }
  st.pmin = std::max(st.reservation, st.umin);
  st.best = *d.lowest_at_least(k, st.pmax);
}

DomainBuild Domain::build(const Scenario& s, const DomainParams& params) {
  auto d = std::make_shared<Domain>();
  d->scenario_ = std::make_shared<const Scenario>(s);
  d->parties_ = params.parties.empty() ? bargain::default_bargaining_parties(s) : params.parties;
  if (d->parties_.size() < 2)
    return invalid("negotiation needs at least two parties with preferences (found " +
                       std::to_string(d->parties_.size()) + ")", "parties");
  for (const PartyIndex p : d->parties_) {
    if (!p.valid() || p.get() >= s.parties.size())
      return invalid("party index out of range", "parties");
    if (p.get() >= s.preferences.size() || !s.preferences[p].present)
      return invalid("party `" + s.parties[p].id + "` has no preferences; every negotiating party needs them",
                     "parties");
  }
  for (std::size_t a = 0; a < d->parties_.size(); ++a)
    for (std::size_t b = a + 1; b < d->parties_.size(); ++b)
      if (d->parties_[a] == d->parties_[b])
        return invalid("party `" + s.parties[d->parties_[a]].id + "` is listed twice", "parties");
  d->fixed_ = Package(s.issues.size());
  if (params.version.valid()) {
    if (params.version.get() >= s.versions.size()) return invalid("version index out of range", "version");
    d->fixed_ = s.version_package(params.version);
    d->version_ = params.version;
  }
  u128 space = 1;
  for (const IssueIndex i : s.issues.indices()) {
    if (d->fixed_[i]) continue;
    const std::size_t n = s.issues[i].value_count();
    if (n == 0) return invalid("issue `" + s.issues[i].id + "` has no values", "issues." + s.issues[i].id);
    d->issues_.push_back(i);
    d->sizes_.push_back(n);
    space *= n;
    if (space > kMaxSpace)
      return invalid("the negotiation space has more than 2^62 packages; negotiate over fewer issues "
                     "(--version fixes the issues a version settles)", "issues");
  }
  d->size_ = static_cast<std::uint64_t>(space);
  const std::size_t m = d->issues_.size();
  d->offset_.assign(m + 1, 0);
  for (std::size_t j = 0; j < m; ++j) d->offset_[j + 1] = d->offset_[j] + d->sizes_[j];
  d->place_.assign(m, 1);
  for (std::size_t j = m; j-- > 1;) d->place_[j - 1] = d->place_[j] * d->sizes_[j];
  std::vector<int> position(s.issues.size(), -1);
  for (std::size_t j = 0; j < m; ++j) position[d->issues_[j].get()] = static_cast<int>(j);

  const std::size_t n = d->parties_.size();
  Diagnostics warnings;
  d->terms_.resize(n);
  d->contrib_.resize(n);
  d->allowed_.resize(n);
  d->additive_.resize(n);
  d->stats_.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    const PartyIndex p = d->parties_[k];
    const Preferences& prefs = s.preferences[p];
    d->additive_[k] = prefs.is_additive();
    d->contrib_[k].assign(d->offset_[m], 0.0);
    d->allowed_[k].assign(d->offset_[m], 1);
    for (const IssueIndex i : s.issues.indices()) {
      const IssuePreference& ip = prefs.issues[i];
      const int j = position[i.get()];
      if (j < 0) {
        // A settled issue is not negotiated: its red lines bind no offer (said as a warning).
        if (ip.crosses_red_line(s.issues[i], *d->fixed_[i]))
          warnings.push_back({Severity::warning, {}, 0, 0, "preferences." + s.parties[p].id + ".issues." + s.issues[i].id,
                              "party " + s.parties[p].id,
                              "the version settles `" + s.issues[i].id + "` at " + describe(s.issues[i], *d->fixed_[i]) +
                                  ", which crosses this party's red line; the negotiation runs over the open issues only",
                              {}, 0});
        if (ip.weight != 0.0) d->terms_[k].push_back({-1, issue_contribution(s, p, i, *d->fixed_[i])});
        continue;
      }
      for (std::size_t v = 0; v < d->sizes_[j]; ++v) {
        const Setting x = grid_setting(s.issues[i], v);
        if (ip.weight != 0.0) d->contrib_[k][d->offset_[j] + v] = issue_contribution(s, p, i, x);
        d->allowed_[k][d->offset_[j] + v] = ip.crosses_red_line(s.issues[i], x) ? 0 : 1;
      }
      if (ip.weight != 0.0) d->terms_[k].push_back({j, 0.0});
    }
  }

  d->sorted_ = d->size_ <= params.max_sorted && !params.force_search;
  const bool all_additive = std::all_of(d->additive_.begin(), d->additive_.end(), [](bool a) { return a; });
  if (!d->sorted_ && !all_additive)
    return invalid("non-additive preferences (hyperrectangles) need the utilities of every package, and the "
                   "space has " + std::to_string(d->size_) + " packages (more than max_sorted = " +
                   std::to_string(params.max_sorted) + ")", "parties");
  d->ascending_.resize(n);
  d->descending_.resize(n);
  d->tie_best_.resize(n);
  d->head_.resize(n);
  d->tail_.resize(n);
  DeadlineTicker ticker(params.deadline, 1u << 14);
  if (d->sorted_) {
    d->table_.assign(n, std::vector<double>(d->size_));
    std::vector<std::uint32_t> choice(m, 0);
    for (PackageId x = 0; x < d->size_; ++x) {
      if (ticker.expired()) return out_of_time(d->size_);
      for (std::size_t k = 0; k < n; ++k) d->table_[k][x] = d->compute_utility(k, choice.data());
      for (std::size_t j = m; j-- > 0;) {  // odometer, last issue fastest (id order)
        if (++choice[j] < d->sizes_[j]) break;
        choice[j] = 0;
      }
    }
    for (std::size_t k = 0; k < n; ++k) {
      if (params.deadline.expired()) return out_of_time(d->size_);
      DomainBuilder::sort_party(*d, k);
    }
  } else {
    // Split so that both halves are about sqrt(size) entries.
    const double half = std::sqrt(static_cast<double>(d->size_));
    double prod = 1.0;
    d->split_ = 0;
    while (d->split_ < m && prod * static_cast<double>(d->sizes_[d->split_]) <= half * 1.0000001) prod *= static_cast<double>(d->sizes_[d->split_++]);
    const double rest = static_cast<double>(d->size_) / prod;
    if (prod > static_cast<double>(kMaxHalf) || rest > static_cast<double>(kMaxHalf))
      return invalid("the negotiation space (" + std::to_string(d->size_) + " packages) is too large to search: "
                     "offers need both halves of it in memory (at most 2^25 entries each)", "issues");
    for (std::size_t k = 0; k < n; ++k) {
      if (params.deadline.expired()) return out_of_time(d->size_);
      DomainBuilder::build_halves(*d, k);
    }
  }
  for (std::size_t k = 0; k < n; ++k) DomainBuilder::compute_stats(*d, k);
  Outcome ok = Outcome::success();
  ok.diagnostics = std::move(warnings);
  return {std::move(ok), std::move(d)};
}

}  // namespace accord::negotiate

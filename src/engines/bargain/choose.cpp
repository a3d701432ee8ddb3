// Objectives and the deterministic tie-break rule (docs/bargain.md, "Ties").
#include <algorithm>
#include <limits>

#include "accord/model/utility.hpp"
#include "engines/bargain/search.hpp"

namespace accord::bargain::detail {

namespace {

double sum(const double* u, std::size_t k) {
  double s = 0.0;
  for (std::size_t p = 0; p < k; ++p) s += u[p];
  return s;
}

// Keys to maximise, most important first.
std::vector<double> keys(const Spec& spec, const double* u, std::size_t k) {
  std::vector<double> out;
  switch (spec.goal) {
    case Goal::egalitarian: {
      for (std::size_t p = 0; p < k; ++p) out.push_back(u[p] - spec.d[p]);
      std::sort(out.begin(), out.end());  // leximin
      break;
    }
    case Goal::utilitarian: {
      out.push_back(sum(u, k));
      double m = std::numeric_limits<double>::infinity();
      for (std::size_t p = 0; p < k; ++p) m = std::min(m, u[p] - spec.d[p]);
      out.push_back(m);
      return out;
    }
    default:
      out.push_back(objective(spec, u, k));
      break;
  }
  out.push_back(sum(u, k));
  return out;
}

}  // namespace

double objective(const Spec& spec, const double* u, std::size_t k) {
  switch (spec.goal) {
    case Goal::nash: {
      double prod = 1.0;
      for (std::size_t p = 0; p < k; ++p) prod *= std::max(0.0, u[p] - spec.d[p]);
      return prod;
    }
    case Goal::kalai_smorodinsky: {
      double m = 1.0;
      for (std::size_t p = 0; p < k; ++p)
        if (spec.scale[p] > 0) m = std::min(m, spec.scale[p] * (u[p] - spec.d[p]));
      return m;
    }
    case Goal::egalitarian: {
      double m = std::numeric_limits<double>::infinity();
      for (std::size_t p = 0; p < k; ++p) m = std::min(m, u[p] - spec.d[p]);
      return m;
    }
    case Goal::utilitarian: return sum(u, k);
    case Goal::party: return u[spec.party];
  }
  return 0.0;
}

std::optional<std::size_t> choose(const Spec& spec, const std::vector<Candidate>& c,
                                  std::size_t k) {
  if (c.empty()) return std::nullopt;
  std::vector<std::vector<double>> key(c.size());
  for (std::size_t j = 0; j < c.size(); ++j) key[j] = keys(spec, c[j].u.data(), k);
  std::vector<std::size_t> alive(c.size());
  for (std::size_t j = 0; j < c.size(); ++j) alive[j] = j;
  for (std::size_t level = 0; level < key[0].size(); ++level) {
    double best = -std::numeric_limits<double>::infinity();
    for (const std::size_t j : alive) best = std::max(best, key[j][level]);
    std::vector<std::size_t> next;
    for (const std::size_t j : alive)
      if (key[j][level] >= best - kUtilityEps) next.push_back(j);
    alive = std::move(next);
  }
  std::size_t win = alive[0];
  for (const std::size_t j : alive) {
    const auto& a = c[j];
    const auto& b = c[win];
    if (std::lexicographical_compare(b.u.begin(), b.u.end(), a.u.begin(), a.u.end()) ||
        (a.u == b.u && a.choice < b.choice))
      win = j;
  }
  return win;
}

}  // namespace accord::bargain::detail

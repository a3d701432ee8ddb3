#pragma once
// Whole-cube passes over one player's subcube, generic in the value type, with the option
// directions given explicitly (swap `fwd` and `back` to follow moves backwards).
//
// - subcube_reduce: f[c] = op over c and every code one move reaches from c (feasibility
//   ignored: callers put a neutral value at infeasible codes). Cost 2^n x |mask|.
// - threshold_min: out[c] = min(out[c], min{ v[y] : y a feasible move from c with key[y]
//   strictly above (or below) key[c] }). Within each subcube the states are sorted by key and
//   swept once; a move may change the directed options only one way, so the values seen so
//   far are kept per pattern of the directed options and a query looks up its own pattern
//   (insertion updates every sub-pattern). Cost per subcube: sort + 3^|directed| x 2^|free|
//   at worst; with no directed option, 2^|mask| log 2^|mask|.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

#include "engines/gmcr/graph.hpp"

namespace accord::gmcr::detail {

template <class T, class Op>
void subcube_reduce(std::size_t n, StateCode mask, StateCode fwd, StateCode back, T* f, Op op) {
  const std::size_t cube = std::size_t{1} << n;
  for (std::size_t b = 0; b < n; ++b) {
    const StateCode bit = StateCode{1} << b;
    if (!(mask & bit)) continue;
    const bool to_yes = !(back & bit);  // from N the option may become Y
    const bool to_no = !(fwd & bit);    // from Y the option may become N
    for (std::size_t base = 0; base < cube; base += 2 * bit) {
      T* lo = f + base;
      T* hi = lo + bit;
      for (std::size_t k = 0; k < bit; ++k) {
        const T m = op(lo[k], hi[k]);
        if (to_yes) lo[k] = m;
        if (to_no) hi[k] = m;
      }
    }
  }
}

// Calls f(code) for every code of the cube whose bits outside `mask` equal those of `rest`
// (`rest` has no bit in `mask`), in increasing order.
template <class F>
void for_each_in_subcube(StateCode mask, StateCode rest, F&& f) {
  StateCode s = 0;
  do {
    f(rest | s);
    s = (s - mask) & mask;  // next subset of mask in increasing order
  } while (s != 0);
}

// Returns false when the deadline expired (out is then partly updated and must be dropped).
// `above`: y must have key[y] > key[c]; else key[y] < key[c]. v and out may be the same array.
template <class T>
bool threshold_min(const Graph& g, StateCode mask, StateCode fwd, StateCode back,
                   const std::vector<Rank>& key, bool above, const std::vector<T>& v,
                   std::vector<T>& out, T none, DeadlineTicker& ticker, bool* changed = nullptr) {
  const StateCode full = static_cast<StateCode>(g.cube - 1);
  const StateCode directed = mask & (fwd | back);
  std::vector<int> dbits;  // positions of the directed options of `mask`
  for (std::size_t b = 0; b < g.n; ++b)
    if ((directed >> b) & 1u) dbits.push_back(static_cast<int>(b));
  // pattern(y): the directed options, back ones flipped, so that c -> y is allowed on them
  // iff pattern(y) is a superset of pattern(c).
  const auto pattern = [&](StateCode y) {
    const StateCode z = y ^ back;
    std::uint32_t p = 0;
    for (std::size_t k = 0; k < dbits.size(); ++k) p |= ((z >> dbits[k]) & 1u) << k;
    return p;
  };
  std::vector<T> best(std::size_t{1} << dbits.size(), none);
  struct Item {
    Rank key;
    StateCode code;
    std::uint32_t pat;
  };
  std::vector<Item> items;
  std::vector<T> found;
  const StateCode others = full & ~mask;
  StateCode rest = 0;
  do {
    if (ticker.expired()) return false;
    items.clear();
    bool any = false;  // a subcube without a value to pass on changes nothing
    for_each_in_subcube(mask, rest, [&](StateCode c) {
      if (!g.feasible[c]) return;
      items.push_back({key[c], c, pattern(c)});
      any = any || v[c] < none;
    });
    if (!any) {
      rest = (rest - others) & others;
      continue;
    }
    if (above)
      std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.key > b.key; });
    else
      std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.key < b.key; });
    std::fill(best.begin(), best.end(), none);
    for (std::size_t i = 0; i < items.size();) {
      std::size_t j = i;
      while (j < items.size() && items[j].key == items[i].key) ++j;
      // Query the whole tie block first: states of equal key never improve on each other.
      found.resize(j - i);
      for (std::size_t k = i; k < j; ++k) found[k - i] = best[items[k].pat];
      for (std::size_t k = i; k < j; ++k) {
        const StateCode c = items[k].code;
        if (found[k - i] < out[c]) {
          out[c] = found[k - i];
          if (changed) *changed = true;
        }
      }
      for (std::size_t k = i; k < j; ++k) {
        const T x = v[items[k].code];
        if (!(x < none)) continue;
        const std::uint32_t p = items[k].pat;
        for (std::uint32_t s = p;; s = (s - 1) & p) {  // every sub-pattern of p
          if (x < best[s]) best[s] = x;
          if (s == 0) break;
        }
      }
      i = j;
    }
    rest = (rest - others) & others;
  } while (rest != 0);
  return true;
}

}  // namespace accord::gmcr::detail

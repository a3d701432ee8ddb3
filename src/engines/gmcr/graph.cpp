// Building the state graph: feasible states, directions, dense preference ranks.
#include "engines/gmcr/graph.hpp"
#include "engines/gmcr/transforms.hpp"

#include <algorithm>
#include <bit>

namespace accord::gmcr::detail {

Graph build_graph(const Conflict& c, const Deadline& budget) {
  Graph g;
  // Below 2^20 states the build takes well under 0.1 s: it always finishes, so a tight budget
  // still leaves a graph for the engine to report its partial result on.
  const Deadline never;
  const Deadline& deadline = c.options.size() >= 20 ? budget : never;
  DeadlineTicker ticker(deadline, 1u << 16);
  g.n = c.options.size();
  g.cube = std::size_t{1} << g.n;
  for (const ConflictOptionIndex o : c.options.indices()) {
    const StateCode bit = StateCode{1} << o.get();
    if (c.options[o].direction == Direction::forward) g.fwd |= bit;
    if (c.options[o].direction == Direction::backward) g.back |= bit;
  }
  std::vector<CodeTest> rules;
  for (const InfeasibleRule& r : c.infeasible) rules.push_back(code_test(r.when));
  std::vector<StateCode> groups;
  for (const ExclusiveGroup& e : c.exclusive) {
    StateCode m = 0;
    for (ConflictOptionIndex o : e.options) m |= StateCode{1} << o.get();
    groups.push_back(m);
  }
  g.feasible.assign(g.cube, 1);
  g.index.assign(g.cube, 0);
  for (StateCode s = 0; s < g.cube; ++s) {
    if (ticker.expired()) {
      g.complete = false;
      return g;
    }
    bool ok = true;
    for (const CodeTest& t : rules) ok = ok && !t.holds(s);
    for (StateCode m : groups) ok = ok && (std::popcount(s & m) <= 1);
    g.feasible[s] = ok ? 1 : 0;
    if (ok) {
      g.index[s] = static_cast<StateIndex>(g.codes.size());
      g.codes.push_back(s);
    }
  }
  for (const DecisionMaker& dm : c.decision_makers) {
    StateCode m = 0;
    for (ConflictOptionIndex o : dm.options) m |= StateCode{1} << o.get();
    g.dm_mask.push_back(m);
  }
  for (const DecisionMakerIndex d : c.decision_makers.indices()) {
    g.rank.push_back(compute_ranks(c, g, d, deadline));
    if (g.rank.back().empty()) {
      g.complete = false;
      return g;
    }
  }
  return g;
}

namespace {

// Scores of a prioritisation: bit (k-1-j) is set when statement j holds, so comparing
// scores as integers is comparing the sums of weights 2^(k-1-j).
// Empty when `deadline` passed.
std::vector<std::uint64_t> scores(const DecisionMaker& dm, const Graph& g, const Deadline& deadline) {
  DeadlineTicker ticker(deadline, 1u << 14);
  const std::size_t k = dm.statements.size();
  std::vector<std::vector<CodeTest>> tests;
  for (const PreferenceStatement& st : dm.statements) {
    std::vector<CodeTest> any;
    for (const Conjunction& conj : st.condition.any) any.push_back(code_test(conj));
    tests.push_back(std::move(any));
  }
  std::vector<std::uint64_t> out(g.cube, 0);
  for (StateCode s : g.codes) {
    if (ticker.expired()) return {};
    std::uint64_t score = 0;
    for (std::size_t j = 0; j < k; ++j) {
      bool h = false;
      for (const CodeTest& t : tests[j]) h = h || t.holds(s);
      if (h) score |= std::uint64_t{1} << (k - 1 - j);
    }
    out[s] = score;
  }
  return out;
}

}  // namespace

std::vector<Rank> compute_ranks(const Conflict& c, const Graph& g, DecisionMakerIndex dm_index,
                                const Deadline& deadline) {
  const DecisionMaker& dm = c.decision_makers[dm_index];
  std::vector<Rank> rank(g.cube, 0);
  if (dm.preference_kind == PreferenceKind::ranking) {
    const Rank tiers = static_cast<Rank>(dm.ranking.size());
    for (std::size_t t = 0; t < dm.ranking.size(); ++t)
      for (StateCode s : dm.ranking[t]) rank[s] = tiers - 1 - static_cast<Rank>(t);
    return rank;
  }
  const std::vector<std::uint64_t> score = scores(dm, g, deadline);
  if (score.empty()) return {};
  if (dm.statements.size() <= 24) {
    // Scores are below 2^k: mark those present and number them in increasing order.
    std::vector<Rank> dense(std::size_t{1} << dm.statements.size(), -1);
    for (StateCode s : g.codes) dense[score[s]] = 0;
    Rank next = 0;
    for (Rank& d : dense)
      if (d == 0) d = next++;
    for (StateCode s : g.codes) rank[s] = dense[score[s]];
    return rank;
  }
  std::vector<std::uint64_t> distinct;
  distinct.reserve(g.codes.size());
  for (StateCode s : g.codes) distinct.push_back(score[s]);
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  for (StateCode s : g.codes)
    rank[s] = static_cast<Rank>(std::lower_bound(distinct.begin(), distinct.end(), score[s]) -
                                distinct.begin());
  return rank;
}

void subcube_min(const Graph& g, StateCode mask, std::vector<Rank>& f) {
  subcube_reduce(g.n, mask, g.fwd, g.back, f.data(), [](Rank a, Rank b) { return std::min(a, b); });
}

void subcube_max(const Graph& g, StateCode mask, std::vector<Rank>& f) {
  subcube_reduce(g.n, mask, g.fwd, g.back, f.data(), [](Rank a, Rank b) { return std::max(a, b); });
}

void neutralise(const Graph& g, std::vector<Rank>& f, Rank value) {
  if (g.codes.size() == g.cube) return;
  for (std::size_t s = 0; s < g.cube; ++s)
    if (!g.feasible[s]) f[s] = value;
}

}  // namespace accord::gmcr::detail

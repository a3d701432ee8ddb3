#pragma once
// Internal representation of a conflict's state graph. Arrays are indexed by state code
// over the whole cube (2^n entries, n <= 24), so a move is a bit operation and moves are
// never stored: a player's moves from code c flip any non-empty subset of free_bits(c).
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "accord/engines/gmcr.hpp"
#include "accord/model/indexed_vector.hpp"

namespace accord::gmcr::detail {

using Rank = std::int32_t;  // dense preference rank, higher is better
inline constexpr Rank kRankMax = std::numeric_limits<Rank>::max();
inline constexpr Rank kRankMin = std::numeric_limits<Rank>::min();

// A decision maker, or a coalition moving as one.
struct Player {
  std::string name;
  std::vector<DecisionMakerIndex> members;
  StateCode mask = 0;        // options it controls
};

struct Graph {
  std::size_t n = 0;                   // options
  std::size_t cube = 0;                // 2^n
  StateCode fwd = 0;                   // options that may only go N→Y
  StateCode back = 0;                  // options that may only go Y→N
  std::vector<std::uint8_t> feasible;  // per code
  std::vector<StateCode> codes;        // feasible codes, ascending
  std::vector<StateIndex> index;       // per code: position in `codes` (infeasible: 0)
  IndexedVector<DecisionMakerIndex, std::vector<Rank>> rank;  // per code (infeasible codes: 0)
  IndexedVector<DecisionMakerIndex, StateCode> dm_mask;
  bool complete = true;  // false: the deadline passed while building; use nothing above

  // Options a player with `mask` may change from `c` (respecting directions).
  [[nodiscard]] StateCode free_bits(StateCode mask, StateCode c) const {
    return mask & ~(fwd & c) & ~(back & ~c);
  }
  // Options whose change by `mask`'s owner could have led into `c`.
  [[nodiscard]] StateCode reverse_free_bits(StateCode mask, StateCode c) const {
    return mask & ~(fwd & ~c) & ~(back & c);
  }
  // Every member strictly prefers `to` over `from`.
  [[nodiscard]] bool improves(const Player& p, StateCode from, StateCode to) const {
    for (const DecisionMakerIndex m : p.members)
      if (rank[m][to] <= rank[m][from]) return false;
    return true;
  }
};

// Calls f(target) for every legal move of `mask`'s owner from `c` (feasible targets only).
template <class F>
void for_each_move(const Graph& g, StateCode mask, StateCode c, F&& f) {
  const StateCode free = g.free_bits(mask, c);
  for (StateCode sub = free; sub != 0; sub = (sub - 1) & free) {
    const StateCode t = c ^ sub;
    if (g.feasible[t]) f(t);
  }
}

// Builds the graph; the conflict must have passed validate_conflict. On 2^24 states this takes
// seconds, so from 2^20 states on it polls `deadline` and returns early with complete = false
// when it passes.
[[nodiscard]] Graph build_graph(const Conflict& c, const Deadline& deadline = {});
// Dense ranks of one decision maker over the feasible states; empty when `deadline` passed.
[[nodiscard]] std::vector<Rank> compute_ranks(const Conflict& c, const Graph& g, DecisionMakerIndex dm,
                                              const Deadline& deadline = {});

// --- subcube transforms (in place over the cube) -------------------------------------
// After the call, f[c] = min (max) of f over c and every code a move of `mask`'s owner
// reaches from c, ignoring feasibility: callers put a neutral value at infeasible codes.
void subcube_min(const Graph& g, StateCode mask, std::vector<Rank>& f);
void subcube_max(const Graph& g, StateCode mask, std::vector<Rank>& f);
// Sets infeasible codes to `value`.
void neutralise(const Graph& g, std::vector<Rank>& f, Rank value);

// --- minimum over what a set of players can reach ----------------------------------
// out[c] = min of val over c and every state reachable from c by sequences of moves of the
// players (any order). With improving_only, every step must improve the mover.
// The legal-sequence rule (no player twice in a row) does not change this set apart from c
// itself (see docs/gmcr.md), which callers account for.
// Each returns false when the deadline expired first (out is then unusable).
[[nodiscard]] bool min_reach(const Graph& g, const std::vector<Rank>& val,
                             const std::vector<const Player*>& players, bool improving_only,
                             std::vector<Rank>& out, DeadlineTicker& ticker);
// The same by reverse search in increasing order of val (cost: the edges, once).
[[nodiscard]] bool min_reach_labels(const Graph& g, const std::vector<Rank>& val,
                                    const std::vector<const Player*>& players, bool improving_only,
                                    std::vector<Rank>& out, DeadlineTicker& ticker);

// gmcr-py's rule: out[c] = min of val over c and every state ONE move of one of the players
// reaches from c (with improving_only, a move that improves its mover).
[[nodiscard]] bool min_one_move(const Graph& g, const std::vector<Rank>& val,
                                const std::vector<const Player*>& players, bool improving_only,
                                std::vector<Rank>& out, DeadlineTicker& ticker);

// Simultaneous sanctions (simultaneous.cpp): the states s from which every unilateral
// improvement s1 of the single decision maker `me` is deterred, where s1 is deterred when
// - some opponent k has a unilateral improvement s -> s2 such that the joint state
//   s1 (+) s2 (me's options as in s1, k's as in s2) is feasible with w(s1 (+) s2) <= u(s), or
// - `direct` is given and direct(s1) <= u(s).
// SIM: w = u, no direct. SEQ+SIM: w = direct = the SEQ sanction minimum. False when the
// deadline expired first.
[[nodiscard]] bool simultaneous_stable(const Graph& g, const Player& me,
                                       const std::vector<const Player*>& others,
                                       const std::vector<Rank>& w, const std::vector<Rank>* direct,
                                       DeadlineTicker& ticker, StateSet& out);

// Stability of one focal player against the others, for the requested concepts, in
// kAllConcepts order; a concept the deadline stops is left not computed. SIM and SEQ+SIM are
// computed only when every player is a single decision maker.
void player_stability(const Graph& g, const std::vector<Player>& players, std::size_t focal,
                      const std::vector<Concept>& concepts, const Deadline& deadline,
                      PlayerResult& out, Sanctions sanctions = Sanctions::standard);

// Inohara and Hipel's coalition stability (coalition_stability.cpp) for the decision makers
// `dms` (one Player each, conflict order), given their individual stability under the standard
// sanction rule (the singleton coalitions); of `asked`, Nash, GMR, SMR and SEQ.
[[nodiscard]] CoalitionalStability coalitional_stability(const Graph& g, const std::vector<Player>& dms,
                                                         const std::vector<PlayerResult>& individual,
                                                         const std::vector<Concept>& asked,
                                                         const Deadline& deadline);

// Shortest paths from the status quo to each target over moves of the decision makers.
// False (and no paths) when the deadline expired first.
// At most `max_paths` targets are kept; `targets` counts them all.
[[nodiscard]] bool status_quo_paths(const Graph& g, StateCode sq, const Deadline& deadline,
                                    std::size_t max_paths, std::size_t& targets, Analysis& a);
// The breadth-first tree behind status_quo_paths, for tests: parent[code] (~0: not reached)
// and the mover into each code. Each layer either enumerates its moves or uses whole-cube
// passes (automatic: whichever costs less); the tree is the same either way.
struct SearchTree {
  std::vector<StateCode> parent;
  std::vector<std::int16_t> mover;
};
enum class LayerMethod { automatic, enumerate, passes };
[[nodiscard]] bool search_tree(const Graph& g, StateCode sq, bool improving_only,
                               LayerMethod method, const Deadline& deadline, SearchTree& t);

}  // namespace accord::gmcr::detail

// Inverse stability analysis (docs/gmcr.md "Inverse analysis"): the smallest preference or
// move changes that make a target state stable (and reachable from the status quo).
//
// Preferences: each decision maker's variants within max_changes are built by breadth-first
// search over its edits (statement lists, or rankings), keeping the first — cheapest — edit
// of each distinct order of the states. Profiles (one variant per decision maker) are then
// enumerated by total cost. A target decision maker's Nash, GMR and SMR stability depends on
// its own order only, so its variants are filtered first (for SEQ by GMR, which SEQ implies);
// without SEQ or reachability the filter decides and the other decision makers never change.
// Moves: sets of option changes in increasing size, each conflict rebuilt and tested.
// Every test is the forward engine's (player_stability, search_tree).
#include "accord/engines/gmcr_inverse.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "engines/gmcr/graph.hpp"

namespace accord::gmcr::inverse {

std::string_view to_string(ChangeKind k) {
  switch (k) {
    case ChangeKind::raise: return "raise";
    case ChangeKind::drop: return "drop";
    case ChangeKind::swap: return "swap";
    case ChangeKind::fix_forward: return "fix_forward";
    case ChangeKind::fix_backward: return "fix_backward";
    case ChangeKind::exclude: return "exclude";
    case ChangeKind::not_set: return "not_set";
  }
  return "?";
}

std::optional<ChangeKind> parse_change_kind(std::string_view text) {
  for (ChangeKind k : {ChangeKind::raise, ChangeKind::drop, ChangeKind::swap, ChangeKind::fix_forward,
                       ChangeKind::fix_backward, ChangeKind::exclude})
    if (to_string(k) == text) return k;
  return std::nullopt;
}

std::string_view to_string(Scope s) {
  switch (s) {
    case Scope::preferences: return "preferences";
    case Scope::moves: return "moves";
    case Scope::not_set: return "not_set";
  }
  return "?";
}

std::optional<Scope> parse_scope(std::string_view text) {
  for (Scope s : {Scope::preferences, Scope::moves})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

namespace {

using detail::Graph;
using detail::Player;
using detail::Rank;

constexpr StateCode kUnreached = ~StateCode{0};

std::vector<Player> players_of(const Conflict& c, const Graph& g) {
  std::vector<Player> out;
  for (const DecisionMakerIndex d : c.decision_makers.indices())
    out.push_back({c.decision_makers[d].id, {d}, g.dm_mask[d]});
  return out;
}

// Counts candidates and the memory of stored orders against the budget; says which limit
// stopped the search.
struct Budget {
  const Params& p;
  std::size_t used = 0;
  std::uint64_t bytes = 0;
  Stop stop = Stop::finished;
  bool spend() {
    if (stop != Stop::finished) return false;
    if (++used > p.max_candidates) stop = Stop::node_limit;
    else if ((used & 63u) == 0 && p.deadline.expired()) stop = Stop::time_limit;
    return stop == Stop::finished;
  }
  // An order of `states` ranks kept (up to three times: the search node, the variant and the
  // set that deduplicates).
  bool store(std::size_t states) {
    bytes += 3 * states * sizeof(Rank) + 128;
    if (bytes > p.max_memory && stop == Stop::finished) stop = Stop::memory_limit;
    return stop == Stop::finished;
  }
};

// Ranks over the feasible states only (positions of Graph::codes): an order of a 20-option
// conflict with few feasible states stays small.
std::vector<Rank> compact(const Graph& g, const std::vector<Rank>& cube) {
  std::vector<Rank> out(g.codes.size());
  for (std::size_t k = 0; k < g.codes.size(); ++k) out[k] = cube[g.codes[k]];
  return out;
}
void expand(const Graph& g, const std::vector<Rank>& ranks, std::vector<Rank>& cube) {
  for (std::size_t k = 0; k < g.codes.size(); ++k) cube[g.codes[k]] = ranks[k];
}

// A decision maker's order after some edits, at the cost of its cheapest edit sequence.
struct Variant {
  std::size_t cost = 0;
  std::vector<Rank> rank;  // per feasible state (compact)
  std::vector<Change> changes;
  std::vector<std::uint8_t> fixes;  // per target: passes the focal filter (1 for non-targets)
};

// Every distinct order within k edits of a prioritisation, cheapest first.
bool prioritisation_variants(const Conflict& c, const Graph& g, DecisionMakerIndex d, std::size_t k,
                             Budget& budget, std::vector<Variant>& out) {
  Conflict work = c;
  const std::vector<PreferenceStatement>& original = c.decision_makers[d].statements;
  struct Node {
    std::vector<std::uint16_t> list;  // original statement positions, most important first
    std::vector<Change> path;
  };
  std::vector<Node> layer(1);
  for (std::size_t j = 0; j < original.size(); ++j) layer[0].list.push_back(static_cast<std::uint16_t>(j));
  std::set<std::vector<std::uint16_t>> seen = {layer[0].list};
  std::set<std::vector<Rank>> orders;
  for (std::size_t cost = 0; cost <= k && !layer.empty(); ++cost) {
    std::vector<Node> next;
    for (const Node& node : layer) {
      if (!budget.spend()) return false;
      auto& statements = work.decision_makers[d].statements;
      statements.clear();
      for (std::uint16_t j : node.list) statements.push_back(original[j]);
      std::vector<Rank> rank = compact(g, detail::compute_ranks(work, g, d));
      if (orders.insert(rank).second) {
        if (!budget.store(rank.size())) return false;
        out.push_back({cost, std::move(rank), node.path, {}});
      }
      if (cost == k) continue;
      auto push = [&](std::vector<std::uint16_t> list, Change ch) {
        if (!seen.insert(list).second) return;
        Node n{std::move(list), node.path};
        n.path.push_back(ch);
        next.push_back(std::move(n));
      };
      for (std::size_t p = 1; p < node.list.size(); ++p) {
        std::vector<std::uint16_t> l = node.list;
        std::swap(l[p - 1], l[p]);
        Change ch;
        ch.kind = ChangeKind::raise;
        ch.decision_maker = d;
        ch.statement = node.list[p];
        ch.other = node.list[p - 1];
        push(std::move(l), ch);
      }
      for (std::size_t p = 0; p < node.list.size(); ++p) {
        std::vector<std::uint16_t> l = node.list;
        l.erase(l.begin() + static_cast<std::ptrdiff_t>(p));
        Change ch;
        ch.kind = ChangeKind::drop;
        ch.decision_maker = d;
        ch.statement = node.list[p];
        push(std::move(l), ch);
      }
    }
    layer.swap(next);
  }
  return true;
}

// Every distinct ranking within k swaps of an explicit ranking, cheapest first.
bool ranking_variants(const Graph& g, DecisionMakerIndex d, std::size_t k, Budget& budget,
                      std::vector<Variant>& out) {
  struct Node {
    std::vector<Rank> rank;
    std::vector<Change> path;
  };
  std::vector<Node> layer = {{compact(g, g.rank[d]), {}}};
  std::set<std::vector<Rank>> seen = {layer[0].rank};
  for (std::size_t cost = 0; cost <= k && !layer.empty(); ++cost) {
    std::vector<Node> next;
    for (const Node& node : layer) {
      if (!budget.spend()) return false;
      out.push_back({cost, node.rank, node.path, {}});
      if (cost == k) continue;
      Rank top = 0;
      for (Rank r : node.rank) top = std::max(top, r);
      std::vector<std::vector<std::size_t>> tiers(static_cast<std::size_t>(top) + 1);
      for (std::size_t k2 = 0; k2 < node.rank.size(); ++k2) tiers[static_cast<std::size_t>(node.rank[k2])].push_back(k2);
      for (std::size_t t = 0; t + 1 < tiers.size(); ++t)
        for (std::size_t up : tiers[t])          // moves up into tier t + 1
          for (std::size_t down : tiers[t + 1])  // moves down into tier t
          {
            std::vector<Rank> r = node.rank;
            std::swap(r[up], r[down]);
            if (seen.count(r)) continue;
            if (!budget.store(r.size())) return false;  // the node, its variant and its key
            seen.insert(r);
            Node n{std::move(r), node.path};
            Change ch;
            ch.kind = ChangeKind::swap;
            ch.decision_maker = d;
            ch.state = g.codes[up];
            ch.other_state = g.codes[down];
            n.path.push_back(ch);
            next.push_back(std::move(n));
          }
    }
    layer.swap(next);
  }
  return true;
}

// Which targets are stable for player `focal` under `kind` on graph `g`; nullopt when the
// deadline stopped the forward engine.
std::optional<std::vector<std::uint8_t>> stable_targets(const Graph& g, const std::vector<Player>& players,
                                                        std::size_t focal, Concept kind,
                                                        const std::vector<StateCode>& targets,
                                                        const Deadline& deadline) {
  PlayerResult r;
  detail::player_stability(g, players, focal, {kind}, deadline, r);
  if (!r.stable[kind]) return std::nullopt;
  std::vector<std::uint8_t> out(targets.size(), 0);
  for (std::size_t t = 0; t < targets.size(); ++t) out[t] = r.stable[kind]->test(g.index[targets[t]]) ? 1 : 0;
  return out;
}

bool is_target_dm(const Params& p, DecisionMakerIndex d) {
  return std::find(p.decision_makers.begin(), p.decision_makers.end(), d) != p.decision_makers.end();
}

// The enumeration of profiles by total cost over per-decision-maker variant lists.
struct ProfileSearch {
  const Conflict& c;
  Graph& g;
  const std::vector<Player>& players;
  const std::vector<StateCode>& targets;
  const Params& p;
  Budget& budget;
  std::vector<std::vector<const Variant*>> lists;  // per DM, cheapest first
  bool coupled = false;                            // SEQ or reachability: test each profile
  Result& result;
  std::vector<const Variant*> pick;

  // False when the budget stopped it.
  bool level(std::size_t total) { return choose(0, total, std::vector<std::uint8_t>(targets.size(), 1)); }

  bool choose(std::size_t dm, std::size_t remaining, const std::vector<std::uint8_t>& alive) {
    if (std::none_of(alive.begin(), alive.end(), [](std::uint8_t a) { return a != 0; })) return true;
    if (dm == lists.size()) return remaining == 0 ? leaf(alive) : true;
    for (const Variant* v : lists[dm]) {
      if (v->cost > remaining) break;
      std::vector<std::uint8_t> next = alive;
      for (std::size_t t = 0; t < next.size(); ++t) next[t] &= v->fixes[t];
      pick[dm] = v;
      if (!choose(dm + 1, remaining - v->cost, next)) return false;
    }
    return true;
  }

  bool leaf(std::vector<std::uint8_t> alive) {
    if (coupled) {
      if (!budget.spend()) return false;
      for (const DecisionMakerIndex d : c.decision_makers.indices()) expand(g, pick[d.get()]->rank, g.rank[d]);
      if (p.stability == Concept::seq)
        for (const DecisionMakerIndex d : p.decision_makers) {
          const auto st = stable_targets(g, players, d.get(), Concept::seq, targets, p.deadline);
          if (!st) {
            budget.stop = Stop::time_limit;
            return false;
          }
          for (std::size_t t = 0; t < alive.size(); ++t) alive[t] &= (*st)[t];
        }
      if (p.reachable && std::any_of(alive.begin(), alive.end(), [](std::uint8_t a) { return a != 0; })) {
        detail::SearchTree tree;
        if (!detail::search_tree(g, *c.status_quo, true, detail::LayerMethod::automatic, p.deadline, tree)) {
          budget.stop = Stop::time_limit;
          return false;
        }
        for (std::size_t t = 0; t < alive.size(); ++t)
          if (tree.parent[targets[t]] == kUnreached) alive[t] = 0;
      }
    }
    const auto first = std::find(alive.begin(), alive.end(), std::uint8_t{1});
    if (first == alive.end()) return true;
    ++result.solutions;
    if (result.listed.size() < p.max_listed) {
      Solution s;
      s.target = targets[static_cast<std::size_t>(first - alive.begin())];
      for (const Variant* v : pick) s.changes.insert(s.changes.end(), v->changes.begin(), v->changes.end());
      result.listed.push_back(std::move(s));
    }
    return true;
  }
};

std::string count_text(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void finish(Result& r, const Budget& budget, std::size_t searched_to) {
  const Params& p = r.params;
  r.candidates = std::min(budget.used, p.max_candidates);
  if (budget.stop == Stop::finished) {
    r.outcome.termination = Termination::done();
    return;
  }
  std::string detail = "stopped after " + count_text(budget.used, "candidate", "candidates") +
                       (budget.stop == Stop::memory_limit ? " (orders kept: over " + std::to_string(p.max_memory >> 20) + " MiB)" : "") + "; ";
  if (r.min_changes)
    detail += "the minimum is " + std::to_string(*r.min_changes) + " changes; " +
              count_text(r.solutions, "solution", "solutions") + " counted before the stop";
  else
    detail += "no solution with fewer than " + std::to_string(searched_to) + " changes (of at most " +
              std::to_string(p.max_changes) + " asked)";
  r.outcome.termination = {budget.stop, detail};
}

void run_preferences(const Conflict& c, const std::vector<StateCode>& targets, Result& r) {
  const Params& p = r.params;
  Graph g = detail::build_graph(c, p.deadline);
  if (!g.complete) {
    r.outcome.termination = {Stop::time_limit, "the state graph was not built within the time budget"};
    return;
  }
  Budget budget{p};
  const std::vector<Player> players = players_of(c, g);
  const bool coupled = p.stability == Concept::seq || p.reachable;
  const Concept filter = p.stability == Concept::seq ? Concept::gmr : p.stability;
  std::vector<std::vector<Variant>> variants(c.decision_makers.size());
  for (const DecisionMakerIndex d : c.decision_makers.indices()) {
    std::vector<Variant>& vs = variants[d.get()];
    const bool target = is_target_dm(p, d);
    const std::size_t k = target || coupled ? p.max_changes : 0;
    const bool done = c.decision_makers[d].preference_kind == PreferenceKind::ranking
                          ? ranking_variants(g, d, k, budget, vs)
                          : prioritisation_variants(c, g, d, k, budget, vs);
    if (!done) break;
    const std::vector<Rank> own = g.rank[d];
    for (Variant& v : vs) {
      if (!target) {
        v.fixes.assign(targets.size(), 1);
        continue;
      }
      expand(g, v.rank, g.rank[d]);
      const auto st = stable_targets(g, players, d.get(), filter, targets, p.deadline);
      if (!st) {
        budget.stop = Stop::time_limit;
        break;
      }
      v.fixes = *st;
    }
    g.rank[d] = own;
    if (budget.stop != Stop::finished) break;
  }
  if (budget.stop != Stop::finished) {  // the variants are incomplete: search none of it
    r.lower_bound = 0;
    finish(r, budget, 0);
    return;
  }
  ProfileSearch search{c, g, players, targets, p, budget, {}, coupled, r, {}};
  for (auto& vs : variants) {
    std::vector<const Variant*> list;
    for (const Variant& v : vs)
      if (!v.fixes.empty()) list.push_back(&v);
    search.lists.push_back(std::move(list));
  }
  search.pick.assign(variants.size(), nullptr);
  std::size_t level = 0;
  for (; level <= p.max_changes; ++level) {
    const bool finished = search.level(level);
    if (r.solutions > 0) r.min_changes = level;
    if (!finished || r.solutions > 0) break;
  }
  r.lower_bound = level;
  finish(r, budget, level);
}

// The option changes a moves search may make, per option, in a fixed order.
std::vector<std::vector<Change>> option_choices(const Conflict& c, const std::vector<StateCode>& targets) {
  std::vector<std::vector<Change>> out(c.options.size());
  for (const ConflictOptionIndex o : c.options.indices()) {
    const StateCode bit = StateCode{1} << o.get();
    auto add = [&](ChangeKind k) {
      Change ch;
      ch.kind = k;
      ch.option = o;
      out[o.get()].push_back(ch);
    };
    if (c.options[o].direction == Direction::both) {
      add(ChangeKind::fix_forward);
      add(ChangeKind::fix_backward);
    }
    const bool some_target_without = std::any_of(targets.begin(), targets.end(), [&](StateCode t) { return !(t & bit); });
    if (!(*c.status_quo & bit) && some_target_without) add(ChangeKind::exclude);
  }
  return out;
}

struct MoveSearch {
  const Conflict& c;
  const std::vector<StateCode>& targets;
  const Params& p;
  Budget& budget;
  std::vector<std::vector<Change>> choices;
  Result& result;
  std::vector<Change> chosen;

  bool subsets(std::size_t from, std::size_t remaining) {
    if (remaining == 0) return test();
    for (std::size_t o = from; o < choices.size(); ++o)
      for (const Change& ch : choices[o]) {
        chosen.push_back(ch);
        const bool ok = subsets(o + 1, remaining - 1);
        chosen.pop_back();
        if (!ok) return false;
      }
    return true;
  }

  bool test() {
    if (!budget.spend()) return false;
    const Conflict changed = inverse::apply(c, chosen);
    Graph g = detail::build_graph(changed, p.deadline);
    if (!g.complete) {
      budget.stop = Stop::time_limit;
      return false;
    }
    const std::vector<Player> players = players_of(changed, g);
    std::vector<std::uint8_t> alive(targets.size(), 0);
    for (std::size_t t = 0; t < targets.size(); ++t) alive[t] = g.feasible[targets[t]];
    for (const DecisionMakerIndex d : p.decision_makers) {
      const auto st = stable_targets(g, players, d.get(), p.stability, targets, p.deadline);
      if (!st) {
        budget.stop = Stop::time_limit;
        return false;
      }
      for (std::size_t t = 0; t < alive.size(); ++t) alive[t] &= (*st)[t];
    }
    if (std::none_of(alive.begin(), alive.end(), [](std::uint8_t a) { return a != 0; })) return true;
    detail::SearchTree tree;
    if (!detail::search_tree(g, *changed.status_quo, true, detail::LayerMethod::automatic, p.deadline, tree)) {
      budget.stop = Stop::time_limit;
      return false;
    }
    for (std::size_t t = 0; t < alive.size(); ++t)
      if (tree.parent[targets[t]] == kUnreached) alive[t] = 0;
    const auto first = std::find(alive.begin(), alive.end(), std::uint8_t{1});
    if (first == alive.end()) return true;
    ++result.solutions;
    if (result.listed.size() < p.max_listed) {
      Solution s;
      s.target = targets[static_cast<std::size_t>(first - alive.begin())];
      s.changes = chosen;
      result.listed.push_back(std::move(s));
    }
    return true;
  }
};

void run_moves(const Conflict& c, const std::vector<StateCode>& targets, Result& r) {
  const Params& p = r.params;
  Budget budget{p};
  MoveSearch search{c, targets, p, budget, option_choices(c, targets), r, {}};
  std::size_t level = 0;
  for (; level <= std::min(p.max_changes, c.options.size()); ++level) {
    const bool finished = search.subsets(0, level);
    if (r.solutions > 0) r.min_changes = level;
    if (!finished || r.solutions > 0) break;
  }
  r.lower_bound = level;
  finish(r, budget, level);
}

// Can some change of the scope give a decision maker an improvement from the status quo?
bool first_move_possible(const Conflict& c, Scope scope) {
  const Graph g = detail::build_graph(c);
  const StateCode sq = *c.status_quo;
  for (const DecisionMakerIndex d : c.decision_makers.indices()) {
    const DecisionMaker& dm = c.decision_makers[d];
    bool possible = false;
    detail::for_each_move(g, g.dm_mask[d], sq, [&](StateCode s) {
      if (possible) return;
      if (scope == Scope::moves || dm.preference_kind == PreferenceKind::ranking) {
        possible = scope == Scope::preferences || g.rank[d][s] > g.rank[d][sq];
        return;
      }
      for (const PreferenceStatement& st : dm.statements)
        possible = possible || (holds(st.condition, s) && !holds(st.condition, sq));
    });
    if (possible) return true;
  }
  return false;
}

Result invalid(Result r, std::string message, std::string path) {
  r.outcome = Outcome::failure(Status::invalid_input, std::move(message), std::move(path));
  return r;
}

}  // namespace

Result run(const Conflict& conflict, const std::vector<StateCode>& targets_in, const Params& params) {
  Result r;
  r.params = params;
  if (r.params.scope == Scope::moves) r.params.reachable = true;
  if (r.params.scope == Scope::not_set) r.params.scope = Scope::preferences;
  if (r.params.stability == Concept::not_set) r.params.stability = Concept::nash;
  r.targets = targets_in;
  std::sort(r.targets.begin(), r.targets.end());
  r.targets.erase(std::unique(r.targets.begin(), r.targets.end()), r.targets.end());
  r.outcome.diagnostics = validate_conflict(conflict);
  if (has_errors(r.outcome.diagnostics)) {
    r.outcome.status = Status::invalid_input;
    return r;
  }
  if (r.targets.empty()) return invalid(std::move(r), "no target state; expected at least one", "inverse");
  // The search prunes by one decision maker's stability at a time; SIM and SEQ+SIM sanctions
  // need every opponent's simultaneous moves, which it does not model.
  if (r.params.stability == Concept::sim || r.params.stability == Concept::seq_sim)
    return invalid(std::move(r), "inverse analysis supports nash, gmr, smr and seq, not " +
                                     std::string(to_string(r.params.stability)), "concept");
  for (StateCode t : r.targets)
    if (t >= (StateCode{1} << conflict.options.size()) || !is_feasible(conflict, t))
      return invalid(std::move(r),
                     "target " + state_pattern(t, conflict.options.size()) + " is not a feasible state",
                     "inverse");
  std::vector<DecisionMakerIndex>& dms = r.params.decision_makers;
  for (DecisionMakerIndex d : dms)
    if (!conflict.decision_makers.contains(d)) return invalid(std::move(r), "unknown decision maker", "inverse.dms");
  if (dms.empty())
    for (const DecisionMakerIndex d : conflict.decision_makers.indices()) dms.push_back(d);
  std::sort(dms.begin(), dms.end());
  dms.erase(std::unique(dms.begin(), dms.end()), dms.end());
  if (r.params.reachable && !conflict.status_quo)
    return invalid(std::move(r),
                   "reachability needs a status quo; the conflict has none (add `status_quo:`)", "inverse");
  r.outcome.status = Status::ok;
  const bool sq_is_target = conflict.status_quo &&
                            std::binary_search(r.targets.begin(), r.targets.end(), *conflict.status_quo);
  if (r.params.reachable && !sq_is_target && !first_move_possible(conflict, r.params.scope)) {
    r.status_quo_locked = true;
    r.lower_bound = r.params.max_changes + 1;
    r.outcome.termination = Termination::done();
    return r;
  }
  if (r.params.scope == Scope::moves) run_moves(conflict, r.targets, r);
  else run_preferences(conflict, r.targets, r);
  return r;
}

Conflict apply(const Conflict& conflict, const std::vector<Change>& changes) {
  Conflict c = conflict;
  // Where each original statement now is, per decision maker.
  std::vector<std::vector<std::size_t>> order(c.decision_makers.size());
  for (const DecisionMakerIndex d : c.decision_makers.indices())
    for (std::size_t j = 0; j < c.decision_makers[d].statements.size(); ++j) order[d.get()].push_back(j);
  auto position = [&](DecisionMakerIndex d, std::size_t original) {
    const auto& o = order.at(d.get());
    const auto it = std::find(o.begin(), o.end(), original);
    if (it == o.end()) throw std::invalid_argument("inverse::apply: statement not present");
    return static_cast<std::size_t>(it - o.begin());
  };
  for (const Change& ch : changes) {
    switch (ch.kind) {
      case ChangeKind::raise: {
        const std::size_t at = position(ch.decision_maker, ch.statement);
        if (at == 0 || order[ch.decision_maker.get()][at - 1] != ch.other)
          throw std::invalid_argument("inverse::apply: raise past a statement that is not just above");
        auto& st = c.decision_makers[ch.decision_maker].statements;
        std::swap(st[at - 1], st[at]);
        std::swap(order[ch.decision_maker.get()][at - 1], order[ch.decision_maker.get()][at]);
        break;
      }
      case ChangeKind::drop: {
        const std::size_t at = position(ch.decision_maker, ch.statement);
        auto& st = c.decision_makers[ch.decision_maker].statements;
        st.erase(st.begin() + static_cast<std::ptrdiff_t>(at));
        auto& o = order[ch.decision_maker.get()];
        o.erase(o.begin() + static_cast<std::ptrdiff_t>(at));
        break;
      }
      case ChangeKind::swap: {
        auto& tiers = c.decision_makers.at(ch.decision_maker).ranking;
        auto tier_of = [&](StateCode s) {
          for (std::size_t t = 0; t < tiers.size(); ++t)
            if (std::find(tiers[t].begin(), tiers[t].end(), s) != tiers[t].end()) return t;
          throw std::invalid_argument("inverse::apply: state not in the ranking");
        };
        const std::size_t up = tier_of(ch.state), down = tier_of(ch.other_state);
        if (down + 1 != up) throw std::invalid_argument("inverse::apply: swap of states not in adjacent tiers");
        std::replace(tiers[up].begin(), tiers[up].end(), ch.state, ch.other_state);
        std::replace(tiers[down].begin(), tiers[down].end(), ch.other_state, ch.state);
        break;
      }
      case ChangeKind::fix_forward: c.options.at(ch.option).direction = Direction::forward; break;
      case ChangeKind::fix_backward: c.options.at(ch.option).direction = Direction::backward; break;
      case ChangeKind::exclude: {
        InfeasibleRule rule;
        rule.when.literals.push_back({ch.option, true});
        rule.provenance.note = "inverse analysis: excluded";
        c.infeasible.push_back(std::move(rule));
        // An explicit ranking lists only feasible states.
        const StateCode bit = StateCode{1} << ch.option.get();
        for (DecisionMaker& dm : c.decision_makers) {
          for (auto& tier : dm.ranking) std::erase_if(tier, [&](StateCode s) { return (s & bit) != 0; });
          std::erase_if(dm.ranking, [](const std::vector<StateCode>& tier) { return tier.empty(); });
        }
        break;
      }
      case ChangeKind::not_set: throw std::invalid_argument("inverse::apply: change kind not set");
    }
  }
  return c;
}

bool holds(const Conflict& conflict, StateCode target, Concept kind, const std::vector<DecisionMakerIndex>& dms,
           bool reachable) {
  gmcr::Params forward;
  forward.concepts = {kind};
  forward.status_quo_paths = false;
  const RunResult r = analyse(conflict, forward);
  if (!r.ok() || !is_feasible(conflict, target)) return false;
  const auto at = r.analysis->find(target);
  if (!at) return false;
  for (const DecisionMakerIndex d : conflict.decision_makers.indices()) {
    if (!dms.empty() && std::find(dms.begin(), dms.end(), d) == dms.end()) continue;
    const auto& st = r.analysis->decision_makers[d.get()].stable[kind];
    if (!st || !st->test(*at)) return false;
  }
  if (!reachable) return true;
  if (!conflict.status_quo) return false;
  const Graph g = detail::build_graph(conflict);
  detail::SearchTree tree;
  if (!detail::search_tree(g, *conflict.status_quo, true, detail::LayerMethod::automatic, Deadline::never(), tree))
    return false;
  return tree.parent[target] != kUnreached;
}

}  // namespace accord::gmcr::inverse

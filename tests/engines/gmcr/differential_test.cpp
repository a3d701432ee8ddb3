// The fast engine against the brute-force reference (definitions transcribed literally) on
// random conflicts with fixed seeds.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "engines/gmcr/builders.hpp"
#include "engines/gmcr/graph.hpp"
#include "engines/gmcr/random_conflict.hpp"
#include "engines/gmcr/reference.hpp"

namespace accord::gmcr {
namespace {

using testing::random_conflict;

std::string describe(const Conflict& c) {
  std::string out = std::to_string(c.options.size()) + " options;";
  for (const auto& dm : c.decision_makers) out += " " + dm.id + ":" + std::to_string(dm.options.size());
  return out;
}

// Checks every concept of every player against the reference; returns the number of
// (player, concept, state) verdicts compared.
std::size_t expect_matches(const Conflict& c, const std::vector<PlayerResult>& results,
                           const std::vector<std::vector<int>>& players, const std::vector<StateCode>& states,
                           bool coalition_run, bool once = false) {
  reference::Ref ref(c, players, once);
  std::size_t compared = 0;
  EXPECT_EQ(ref.states, states);
  if (ref.states != states) return 0;
  for (std::size_t p = 0; p < players.size(); ++p)
    for (Concept k : kAllConcepts) {
      const auto& got = results[p].stable[k];
      // Not computed in a coalition analysis: SIM and SEQ+SIM.
      if (coalition_run && (k == Concept::sim || k == Concept::seq_sim)) {
        EXPECT_FALSE(got);
        continue;
      }
      EXPECT_TRUE(got) << to_string(k);
      if (!got) return compared;
      for (std::size_t s = 0; s < states.size(); ++s) {
        EXPECT_EQ(got->test(s), ref.stable(static_cast<int>(p), states[s], k))
            << describe(c) << " player " << results[p].name << " concept " << to_string(k)
            << " state " << state_pattern(states[s], c.options.size()) << (once ? " (gmcr-py rule)" : "");
        if (got->test(s) != ref.stable(static_cast<int>(p), states[s], k)) return compared;
        ++compared;
      }
    }
  return compared;
}

class GmcrDifferential : public ::testing::TestWithParam<int> {};

TEST_P(GmcrDifferential, IndividualStabilityMatchesReference) {
  std::mt19937 rng(static_cast<unsigned>(GetParam()));
  for (int round = 0; round < 10; ++round) {
    const Conflict c = random_conflict(rng, round < 7 ? 7 : 10);
    const RunResult r = analyse(c);
    ASSERT_TRUE(r.ok()) << r.outcome.message();
    std::vector<std::vector<int>> players;
    for (std::size_t d = 0; d < c.decision_makers.size(); ++d) players.push_back({static_cast<int>(d)});
    expect_matches(c, r.analysis->decision_makers, players, r.analysis->states, false);
  }
}

// gmcr-py's sanction rule (each opponent moves at most once; SEQ+SIM = SEQ or SIM) against the
// reference with the same rule.
TEST_P(GmcrDifferential, GmcrPyRuleMatchesReference) {
  std::mt19937 rng(static_cast<unsigned>(7000 + GetParam()));
  for (int round = 0; round < 8; ++round) {
    const Conflict c = random_conflict(rng, round < 6 ? 7 : 9);
    Params p;
    p.sanctions = Sanctions::gmcr_py;
    const RunResult r = analyse(c, p);
    ASSERT_TRUE(r.ok()) << r.outcome.message();
    std::vector<std::vector<int>> players;
    for (std::size_t d = 0; d < c.decision_makers.size(); ++d) players.push_back({static_cast<int>(d)});
    expect_matches(c, r.analysis->decision_makers, players, r.analysis->states, false, true);
  }
}

// The coalition analysis under gmcr-py's rule.
TEST_P(GmcrDifferential, GmcrPyRuleCoalitionMatchesReference) {
  std::mt19937 rng(static_cast<unsigned>(8000 + GetParam()));
  int done = 0;
  while (done < 3) {
    const Conflict c = random_conflict(rng, 7);
    if (c.decision_makers.size() < 3) continue;
    ++done;
    Params p;
    p.sanctions = Sanctions::gmcr_py;
    p.coalition = {DecisionMakerIndex(0), DecisionMakerIndex(1)};
    const RunResult r = analyse(c, p);
    ASSERT_TRUE(r.ok());
    std::vector<std::vector<int>> players = {{0, 1}};
    for (std::size_t d = 2; d < c.decision_makers.size(); ++d) players.push_back({static_cast<int>(d)});
    expect_matches(c, r.analysis->coalition->players, players, r.analysis->states, true, true);
  }
}

TEST_P(GmcrDifferential, CoalitionStabilityMatchesReference) {
  std::mt19937 rng(static_cast<unsigned>(1000 + GetParam()));
  int done = 0;
  while (done < 5) {
    const Conflict c = random_conflict(rng, 8);
    if (c.decision_makers.size() < 3) continue;
    ++done;
    Params p;
    p.coalition = {DecisionMakerIndex(0), DecisionMakerIndex(static_cast<std::int32_t>(c.decision_makers.size() - 1))};
    const RunResult r = analyse(c, p);
    ASSERT_TRUE(r.ok());
    std::vector<std::vector<int>> players = {{0, static_cast<int>(c.decision_makers.size() - 1)}};
    for (std::size_t d = 1; d + 1 < c.decision_makers.size(); ++d) players.push_back({static_cast<int>(d)});
    expect_matches(c, r.analysis->coalition->players, players, r.analysis->states, true);
  }
}

TEST_P(GmcrDifferential, StatusQuoPathsAreShortestLegalPaths) {
  std::mt19937 rng(static_cast<unsigned>(2000 + GetParam()));
  for (int round = 0; round < 10; ++round) {
    const Conflict c = random_conflict(rng, 8);
    const RunResult r = analyse(c);
    ASSERT_TRUE(r.ok());
    const Analysis& a = *r.analysis;
    std::vector<std::vector<int>> players;
    for (std::size_t d = 0; d < c.decision_makers.size(); ++d) players.push_back({static_cast<int>(d)});
    reference::Ref ref(c, players);
    // Breadth-first distances over the reference moves.
    auto distances = [&](bool improving) {
      std::map<StateCode, int> dist = {{*c.status_quo, 0}};
      std::vector<StateCode> queue = {*c.status_quo};
      for (std::size_t h = 0; h < queue.size(); ++h)
        for (std::size_t d = 0; d < players.size(); ++d)
          for (StateCode t : ref.adj[d][queue[h]])
            if ((!improving || ref.improvement(static_cast<int>(d), queue[h], t)) && !dist.count(t)) {
              dist[t] = dist[queue[h]] + 1;
              queue.push_back(t);
            }
      return dist;
    };
    const auto by_ui = distances(true);
    const auto by_move = distances(false);
    std::size_t expected_targets = 0;
    for (std::size_t s = 0; s < a.states.size(); ++s) {
      bool eq = false;
      for (Concept k : kAllConcepts) eq = eq || a.equilibria[k]->test(s);
      expected_targets += eq;
    }
    ASSERT_EQ(a.status_quo_paths.size(), expected_targets);
    for (const Reachability& reach : a.status_quo_paths) {
      const StateCode target = a.states[reach.target];
      for (bool improving : {true, false}) {
        const auto& path = improving ? reach.by_improvements : reach.by_moves;
        const auto& dist = improving ? by_ui : by_move;
        ASSERT_EQ(path.has_value(), dist.count(target) == 1);
        if (!path) continue;
        ASSERT_EQ(static_cast<int>(path->size()) - 1, dist.at(target));
        for (std::size_t k = 1; k < path->size(); ++k) {
          const int mover = (*path)[k].mover.value;
          const StateCode from = a.states[(*path)[k - 1].state], to = a.states[(*path)[k].state];
          EXPECT_TRUE(improving ? ref.improvement(mover, from, to) : ref.move(mover, from, to));
          if (k > 1) {
            EXPECT_NE(mover, (*path)[k - 1].mover.value);
          }
        }
      }
    }
  }
}

TEST_P(GmcrDifferential, ExplanationsAgreeAndSanctionsAreLegal) {
  std::mt19937 rng(static_cast<unsigned>(3000 + GetParam()));
  for (int round = 0; round < 5; ++round) {
    const Conflict c = random_conflict(rng, 7);
    const RunResult r = analyse(c);
    ASSERT_TRUE(r.ok());
    const Analysis& a = *r.analysis;
    std::vector<std::vector<int>> players;
    for (std::size_t d = 0; d < c.decision_makers.size(); ++d) players.push_back({static_cast<int>(d)});
    reference::Ref ref(c, players);
    for (std::size_t s = 0; s < a.states.size(); s += 3)
      for (std::size_t d = 0; d < c.decision_makers.size(); ++d)
        for (Concept k : kAllConcepts) {
          const ExplainResult er = explain(c, a.states[s], DecisionMakerIndex(d), k);
          ASSERT_TRUE(er.ok()) << er.outcome.message();
          ASSERT_EQ(er.explanations.size(), 1u);
          const Explanation* e = &er.explanations.front();
          ASSERT_EQ(e->stable, a.decision_makers[d].stable[k]->test(s));
          for (const Deterrence& det : e->improvements) {
            if (!det.deterred) continue;
            ASSERT_GE(det.sanction.size(), 2u);
            EXPECT_EQ(det.sanction.front().first, det.improvement);
            for (std::size_t j = 1; j < det.sanction.size(); ++j) {
              const int mover = det.sanction[j].second.value;
              EXPECT_NE(mover, static_cast<int>(d));
              // SEQ+SIM: the joint state of a simultaneous move is a new start for sanctions
              // (docs/gmcr.md), so the opponent who moved with the focal DM may move next.
              if (!(k == Concept::seq_sim && j == 2)) {
                EXPECT_NE(mover, det.sanction[j - 1].second.value);
              }
              const StateCode from = det.sanction[j - 1].first, to = det.sanction[j].first;
              EXPECT_TRUE(k == Concept::seq ? ref.improvement(mover, from, to) : ref.move(mover, from, to));
            }
            EXPECT_FALSE(ref.prefers(static_cast<int>(d), det.sanction.back().first, a.states[s]));
          }
        }
  }
}

// The subcube fixed point and the reverse search compute the same best sanctions.
TEST_P(GmcrDifferential, SubcubeFixpointEqualsReverseSearch) {
  std::mt19937 rng(static_cast<unsigned>(4000 + GetParam()));
  for (int round = 0; round < 10; ++round) {
    const Conflict c = random_conflict(rng, 10);
    const detail::Graph g = detail::build_graph(c);
    std::vector<detail::Player> players;
    for (const DecisionMakerIndex d : c.decision_makers.indices())
      players.push_back({c.decision_makers[d].id, {d}, g.dm_mask[d]});
    std::vector<const detail::Player*> others;
    for (std::size_t d = 1; d < players.size(); ++d) others.push_back(&players[d]);
    std::vector<detail::Rank> fast, slow;
    const Deadline never;
    DeadlineTicker ticker(never);
    ASSERT_TRUE(detail::min_reach(g, g.rank[DecisionMakerIndex(0)], others, false, fast, ticker));
    ASSERT_TRUE(detail::min_reach_labels(g, g.rank[DecisionMakerIndex(0)], others, false, slow, ticker));
    for (StateCode s : g.codes) ASSERT_EQ(fast[s], slow[s]) << describe(c);
  }
}

// The threshold passes (improving moves, SEQ) and the reverse search compute the same best
// sanctions, with one and with several sanctioning decision makers.
TEST_P(GmcrDifferential, ImprovingThresholdPassesEqualReverseSearch) {
  std::mt19937 rng(static_cast<unsigned>(5000 + GetParam()));
  for (int round = 0; round < 10; ++round) {
    const Conflict c = random_conflict(rng, 10);
    const detail::Graph g = detail::build_graph(c);
    std::vector<detail::Player> players;
    for (const DecisionMakerIndex d : c.decision_makers.indices())
      players.push_back({c.decision_makers[d].id, {d}, g.dm_mask[d]});
    for (std::size_t focal = 0; focal < players.size(); ++focal) {
      std::vector<const detail::Player*> others;
      for (std::size_t d = 0; d < players.size(); ++d)
        if (d != focal) others.push_back(&players[d]);
      std::vector<detail::Rank> fast, slow;
      const Deadline never;
      DeadlineTicker ticker(never);
      ASSERT_TRUE(detail::min_reach(g, g.rank[players[focal].members.front()], others, true, fast, ticker));
      ASSERT_TRUE(detail::min_reach_labels(g, g.rank[players[focal].members.front()], others, true, slow, ticker));
      for (StateCode s : g.codes) ASSERT_EQ(fast[s], slow[s]) << describe(c) << " focal " << focal;
    }
  }
}

// The status-quo search builds the same breadth-first tree (parents and movers) whether each
// layer enumerates its moves or uses whole-cube passes.
TEST_P(GmcrDifferential, StatusQuoSearchTreeIsTheSameWithWholeCubePasses) {
  std::mt19937 rng(static_cast<unsigned>(6000 + GetParam()));
  for (int round = 0; round < 10; ++round) {
    const Conflict c = random_conflict(rng, 9);
    const detail::Graph g = detail::build_graph(c);
    const StateCode sq = g.codes[static_cast<std::size_t>(rng()) % g.codes.size()];
    for (bool improving : {true, false}) {
      detail::SearchTree plain, passes;
      ASSERT_TRUE(detail::search_tree(g, sq, improving, detail::LayerMethod::enumerate, Deadline{}, plain));
      ASSERT_TRUE(detail::search_tree(g, sq, improving, detail::LayerMethod::passes, Deadline{}, passes));
      ASSERT_EQ(plain.parent, passes.parent) << describe(c) << (improving ? " improving" : " moves");
      ASSERT_EQ(plain.mover, passes.mover) << describe(c);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, GmcrDifferential, ::testing::Range(1, 21));

}  // namespace
}  // namespace accord::gmcr

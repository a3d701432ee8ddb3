// Explicit rankings over more than 16 options (issue 13): a ranking lists the feasible states,
// so a 20-option conflict in exclusive groups has a short one. Read from YAML (validated),
// analysed, and checked against the literal reference; the inverse swaps work on it too.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <random>

#include "accord/engines/gmcr.hpp"
#include "accord/engines/gmcr_inverse.hpp"
#include "accord/io/scenario_io.hpp"
#include "engines/gmcr/reference.hpp"

namespace accord::gmcr {
namespace {

// 20 options in four exclusive groups of five (6^4 = 1,296 feasible states); A controls the
// first two groups and ranks every feasible state (random order, some ties); B prioritises.
std::string twenty_option_yaml(std::mt19937& rng) {
  std::string y = "format: 1\nid: r20\ntitle: R20\nparties:\n  - {id: A, name: A}\n  - {id: B, name: B}\n"
                  "issues:\n  - {id: i, title: I, options: [x, y]}\nconflict:\n  options:\n";
  for (int o = 0; o < 20; ++o) y += "    - o" + std::to_string(o) + "\n";
  std::vector<std::string> feasible;
  for (StateCode s = 0; s < (StateCode{1} << 20); ++s) {
    bool ok = true;
    for (int g = 0; g < 4; ++g) ok = ok && std::popcount((s >> (5 * g)) & 31u) <= 1;
    if (ok) feasible.push_back(state_pattern(s, 20));
  }
  std::shuffle(feasible.begin(), feasible.end(), rng);
  y += "  decision_makers:\n    - id: A\n      options: [o0, o1, o2, o3, o4, o5, o6, o7, o8, o9]\n      ranking:\n";
  for (std::size_t k = 0; k < feasible.size(); ++k) {
    if (k % 7 == 0 && k + 1 < feasible.size()) {
      y += "        - [" + feasible[k] + ", " + feasible[k + 1] + "]\n";
      ++k;
    } else {
      y += "        - " + feasible[k] + "\n";
    }
  }
  y += "    - id: B\n      options: [o10, o11, o12, o13, o14, o15, o16, o17, o18, o19]\n"
       "      preferences: [\"o0 | o5\", \"o12\", \"!o3 & o17\", \"o1\"]\n";
  y += "  exclusive:\n";
  for (int g = 0; g < 4; ++g) {
    y += "    - [";
    for (int k = 0; k < 5; ++k) y += (k ? ", o" : "o") + std::to_string(5 * g + k);
    y += "]\n";
  }
  y += "  status_quo: " + std::string(20, 'N') + "\n";
  return y;
}

TEST(GmcrRankingManyOptions, TwentyOptionRankingIsReadAnalysedAndMatchesTheReference) {
  std::mt19937 rng(20);
  const io::LoadResult l = io::load_scenario_text(twenty_option_yaml(rng), "r20.yaml");
  ASSERT_TRUE(l.ok()) << (l.outcome.diagnostics.empty() ? "" : l.outcome.diagnostics[0].to_string());
  const Conflict& c = *l.scenario->conflict;
  ASSERT_EQ(c.options.size(), 20u);
  ASSERT_EQ(c.decision_makers[DecisionMakerIndex(0)].preference_kind, PreferenceKind::ranking);
  Params p;
  p.status_quo_paths = false;
  const RunResult r = analyse(c, p);
  ASSERT_TRUE(r.ok()) << r.outcome.message();
  ASSERT_EQ(r.analysis->states.size(), 1296u);
  reference::Ref ref(c, {{0}, {1}});
  std::mt19937 pick(7);
  for (int k = 0; k < 40; ++k) {
    const StateIndex s = static_cast<StateIndex>(pick() % r.analysis->states.size());
    const StateCode code = r.analysis->states[s];
    for (Concept kind : {Concept::nash, Concept::gmr, Concept::seq})
      for (int d = 0; d < 2; ++d)
        EXPECT_EQ(r.analysis->decision_makers[static_cast<std::size_t>(d)].stable[kind]->test(s),
                  ref.stable(d, code, kind))
            << state_pattern(code, 20) << " " << to_string(kind) << " D" << d;
  }
  // The inverse on the 20-option conflict: B's smallest change for a state unstable for it
  // (every order of B's tested on the whole cube), re-checked by the forward engine.
  inverse::Params ip;
  ip.decision_makers = {DecisionMakerIndex(1)};
  ip.max_changes = 2;
  StateCode target = 0;
  for (StateCode code : r.analysis->states)
    if (!r.analysis->decision_makers[1].stable[Concept::nash]->test(*r.analysis->find(code))) {
      target = code;
      break;
    }
  const inverse::Result inv = inverse::run(c, {target}, ip);
  ASSERT_TRUE(inv.ok()) << inv.outcome.message();
  if (inv.min_changes && !inv.listed.empty()) {
    EXPECT_TRUE(inverse::holds(inverse::apply(c, inv.listed[0].changes), target, Concept::nash, ip.decision_makers,
                               false));
  } else {
    EXPECT_TRUE(inv.outcome.termination.finished());
  }
  // A's ranking within two swaps: about 800,000 orders of 1,296 states; the memory budget
  // stops the search and says so.
  ip.decision_makers = {DecisionMakerIndex(0)};
  ip.max_changes = 2;
  ip.max_memory = std::uint64_t{64} << 20;
  const inverse::Result big = inverse::run(c, {target}, ip);
  ASSERT_TRUE(big.ok());
  EXPECT_EQ(big.outcome.termination.stop, Stop::memory_limit);
  EXPECT_NE(big.outcome.termination.detail.find("64 MiB"), std::string::npos) << big.outcome.termination.detail;
}

TEST(GmcrRankingManyOptions, AnIncompleteTwentyOptionRankingNamesTheMissingStates) {
  std::mt19937 rng(3);
  std::string y = twenty_option_yaml(rng);
  const std::size_t at = y.find("        - ", y.find("ranking:"));
  y.erase(at, y.find('\n', at) - at + 1);  // drop the first tier
  const io::LoadResult l = io::load_scenario_text(y, "r20.yaml");
  ASSERT_FALSE(l.ok());
  std::string all;
  for (const auto& d : l.outcome.diagnostics) all += d.to_string() + "\n";
  EXPECT_NE(all.find("ranking"), std::string::npos) << all;
}

}  // namespace
}  // namespace accord::gmcr

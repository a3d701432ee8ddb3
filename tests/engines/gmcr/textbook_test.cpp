// Textbook conflicts with stabilities derived by hand (see comments).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engines/gmcr/builders.hpp"

namespace accord::gmcr {
namespace {

using ::testing::ElementsAre;
using namespace gmcr::testing;

// Prisoner's Dilemma. Options: a_defect (A), b_defect (B); patterns are "ab".
// A: YN > NN > YY > NY; B: NY > NN > YY > YN.
// Nash: only YY (each gains by defecting alone). GMR/SMR/SEQ: NN is also stable, since a
// defection from NN is answered by the other's defection (an improvement for it) to YY,
// which the first likes less than NN; from YY the only escape (NY) is worse still.
Conflict prisoners_dilemma() {
  Conflict c = make_conflict({"a_defect", "b_defect"}, {{"A", {"a_defect"}}, {"B", {"b_defect"}}});
  rank(c, 0, {{"YN"}, {"NN"}, {"YY"}, {"NY"}});
  rank(c, 1, {{"NY"}, {"NN"}, {"YY"}, {"YN"}});
  return c;
}

TEST(GmcrTextbook, PrisonersDilemma) {
  const RunResult r = analyse(prisoners_dilemma());
  ASSERT_TRUE(r.ok());
  const Analysis& a = *r.analysis;
  ASSERT_EQ(a.states.size(), 4u);
  // States in code order: NN, YN, NY, YY.
  EXPECT_THAT(patterns(a, stable(a, 0, Concept::nash)), ElementsAre("YN", "YY"));
  EXPECT_THAT(patterns(a, stable(a, 1, Concept::nash)), ElementsAre("NY", "YY"));
  EXPECT_THAT(patterns(a, equilibria(a, Concept::nash)), ElementsAre("YY"));
  EXPECT_THAT(patterns(a, stable(a, 0, Concept::gmr)), ElementsAre("NN", "YN", "YY"));
  EXPECT_THAT(patterns(a, equilibria(a, Concept::gmr)), ElementsAre("NN", "YY"));
  EXPECT_THAT(patterns(a, equilibria(a, Concept::smr)), ElementsAre("NN", "YY"));
  EXPECT_THAT(patterns(a, equilibria(a, Concept::seq)), ElementsAre("NN", "YY"));
}

// SIM and SEQ+SIM on the Prisoner's Dilemma (definitions in docs/gmcr.md "Semantics").
// NN: A's only improvement is YN; B's improvement from NN is NY; both at once give YY, which
//     A likes less than NN: deterred. Symmetric for B. NN is SIM-stable for both.
// YN: A has no improvement (its best state). B improves to YY, but A has no improvement from
//     YN to move with: nothing deters B. YN is SIM-unstable for B; NY likewise for A.
// YY: neither has an improvement (NY is A's worst, YN B's worst): stable.
// SIM equilibria: NN, YY. SEQ+SIM adds the sequential sanctions: from YY (after B's move from
// YN) A has no improvement, so YN stays unstable for B: SEQ+SIM equilibria NN, YY.
TEST(GmcrTextbook, PrisonersDilemmaSimultaneous) {
  const RunResult r = analyse(prisoners_dilemma());
  ASSERT_TRUE(r.ok());
  const Analysis& a = *r.analysis;
  EXPECT_THAT(patterns(a, stable(a, 0, Concept::sim)), ElementsAre("NN", "YN", "YY"));
  EXPECT_THAT(patterns(a, stable(a, 1, Concept::sim)), ElementsAre("NN", "NY", "YY"));
  EXPECT_THAT(patterns(a, equilibria(a, Concept::sim)), ElementsAre("NN", "YY"));
  EXPECT_THAT(patterns(a, equilibria(a, Concept::seq_sim)), ElementsAre("NN", "YY"));
  const ExplainResult er = explain(prisoners_dilemma(), 0, DecisionMakerIndex(0), Concept::sim);
  ASSERT_TRUE(er.ok());
  ASSERT_EQ(er.explanations.front().improvements.size(), 1u);
  const auto& path = er.explanations.front().improvements.front().sanction;
  ASSERT_EQ(path.size(), 2u);  // A takes YN while B takes NY: the joint state is YY
  EXPECT_EQ(state_pattern(path[0].first, 2), "YN");
  EXPECT_EQ(state_pattern(path[1].first, 2), "YY");
  EXPECT_EQ(path[1].second.value, 1);
}

// Chicken. Options: a_stand, b_stand (Y = does not swerve).
// A: YN > NN > NY > YY; B: NY > NN > YN > YY.
// Nash: YN, NY. GMR and SMR add NN (standing from NN risks the crash YY, which the other can
// bring about, and from YY the escape NY is still worse than NN). SEQ drops NN again:
// moving to the crash is not an improvement for the sanctioner, so the threat is not credible.
Conflict chicken() {
  Conflict c = make_conflict({"a_stand", "b_stand"}, {{"A", {"a_stand"}}, {"B", {"b_stand"}}});
  rank(c, 0, {{"YN"}, {"NN"}, {"NY"}, {"YY"}});
  rank(c, 1, {{"NY"}, {"NN"}, {"YN"}, {"YY"}});
  return c;
}

TEST(GmcrTextbook, Chicken) {
  const RunResult r = analyse(chicken());
  ASSERT_TRUE(r.ok());
  const Analysis& a = *r.analysis;
  EXPECT_THAT(patterns(a, equilibria(a, Concept::nash)), ElementsAre("YN", "NY"));
  EXPECT_THAT(patterns(a, equilibria(a, Concept::gmr)), ElementsAre("NN", "YN", "NY"));
  EXPECT_THAT(patterns(a, equilibria(a, Concept::smr)), ElementsAre("NN", "YN", "NY"));
  EXPECT_THAT(patterns(a, equilibria(a, Concept::seq)), ElementsAre("YN", "NY"));
  EXPECT_THAT(patterns(a, stable(a, 0, Concept::seq)), ElementsAre("YN", "NY"));
}

// SIM and SEQ+SIM on Chicken.
// NN: A improves to YN; B's improvement from NN is NY; together they crash (YY), A's worst:
//     deterred. Symmetric for B: NN is SIM-stable (SEQ said no: the crash is not an
//     improvement for the one who would cause it after the fact, but taken at the same time
//     it is each one's own improvement from NN).
// YN, NY: the one standing has no improvement; the one swerving has none either (YY is worse
//     for it): stable.
// YY: A improves to NY; B's improvement from YY is YN; together NN, which A prefers to YY:
//     not deterred, and from NN B's only improvement NY is also preferred by A to YY: SEQ+SIM
//     does not deter it either. YY is unstable for both.
// SIM and SEQ+SIM equilibria: NN, YN, NY.
TEST(GmcrTextbook, ChickenSimultaneous) {
  const RunResult r = analyse(chicken());
  ASSERT_TRUE(r.ok());
  const Analysis& a = *r.analysis;
  EXPECT_THAT(patterns(a, stable(a, 0, Concept::sim)), ElementsAre("NN", "YN", "NY"));
  EXPECT_THAT(patterns(a, equilibria(a, Concept::sim)), ElementsAre("NN", "YN", "NY"));
  EXPECT_THAT(patterns(a, equilibria(a, Concept::seq_sim)), ElementsAre("NN", "YN", "NY"));
  Params p;  // gmcr-py's SEQ+SIM is SEQ or SIM: the same here
  p.sanctions = Sanctions::gmcr_py;
  const RunResult py = analyse(chicken(), p);
  ASSERT_TRUE(py.ok());
  EXPECT_THAT(patterns(*py.analysis, equilibria(*py.analysis, Concept::seq_sim)), ElementsAre("NN", "YN", "NY"));
}

// Where SEQ+SIM deters what neither SEQ nor SIM does: a simultaneous move, then a sequential
// sanction from the joint state. Options a (A), b (B), c (C); states abc.
// A: YNN > YYN > YNY > NNN > NYN > NNY > NYY > YYY
// B: NYN > YNN > YNY > NNN > YYN > YYY > NNY > NYY
// C: YYY > YYN > NNN > NNY > YNN > YNY > NYN > NYY
// From NNN A improves to YNN (its only move).
// - SEQ: from YNN, B's move to YYN and C's to YNY are not improvements for them: no sanction.
// - SIM: B improves from NNN to NYN (C has no improvement there); taken together with A's
//   move the joint state is YYN, which A prefers to NNN: no sanction.
// - SEQ+SIM: from the joint state YYN, C improves to YYY, A's worst: deterred.
// gmcr-py's SEQ+SIM is "SEQ or SIM" per state: unstable.
Conflict simultaneous_then_sequential() {
  Conflict c = make_conflict({"a", "b", "c"}, {{"A", {"a"}}, {"B", {"b"}}, {"C", {"c"}}});
  rank(c, 0, {{"YNN"}, {"YYN"}, {"YNY"}, {"NNN"}, {"NYN"}, {"NNY"}, {"NYY"}, {"YYY"}});
  rank(c, 1, {{"NYN"}, {"YNN"}, {"YNY"}, {"NNN"}, {"YYN"}, {"YYY"}, {"NNY"}, {"NYY"}});
  rank(c, 2, {{"YYY"}, {"YYN"}, {"NNN"}, {"NNY"}, {"YNN"}, {"YNY"}, {"NYN"}, {"NYY"}});
  return c;
}

TEST(GmcrTextbook, SeqSimDetersBySimultaneousThenSequentialMoves) {
  const RunResult r = analyse(simultaneous_then_sequential());
  ASSERT_TRUE(r.ok());
  const Analysis& a = *r.analysis;
  const StateIndex s = *a.find(0);
  EXPECT_FALSE(stable(a, 0, Concept::seq)->test(s));
  EXPECT_FALSE(stable(a, 0, Concept::sim)->test(s));
  EXPECT_TRUE(stable(a, 0, Concept::seq_sim)->test(s));
  EXPECT_TRUE(stable(a, 0, Concept::gmr)->test(s));
  const ExplainResult er = explain(simultaneous_then_sequential(), 0, DecisionMakerIndex(0), Concept::seq_sim);
  ASSERT_TRUE(er.ok());
  std::vector<std::string> steps;
  for (const auto& [code, mover] : er.explanations.front().improvements.front().sanction)
    steps.push_back(state_pattern(code, 3) + " by " + std::to_string(mover.value));
  EXPECT_THAT(steps, ElementsAre("YNN by 0", "YYN by 1", "YYY by 2"));
  Params p;
  p.sanctions = Sanctions::gmcr_py;
  const RunResult py = analyse(simultaneous_then_sequential(), p);
  ASSERT_TRUE(py.ok());
  EXPECT_FALSE(stable(*py.analysis, 0, Concept::seq_sim)->test(s));
}

TEST(GmcrTextbook, PrioritisationMatchesRanking) {
  // A's PD ranking YN > NN > YY > NY as statements: "!b_defect" (2), "a_defect" (1).
  Conflict c = prisoners_dilemma();
  prioritise(c, 0, {"!b_defect", "a_defect"});
  prioritise(c, 1, {"!a_defect", "b_defect"});
  const RunResult r = analyse(c);
  ASSERT_TRUE(r.ok());
  const RunResult ref = analyse(prisoners_dilemma());
  for (Concept k : kAllConcepts)
    EXPECT_EQ(r.analysis->equilibria[k],
              ref.analysis->equilibria[k]);
}

// Three decision makers where the only sanction needs B to move twice (B, C, B). Options in
// order: a (A), b1, b2 (B), c (C). Infeasible: `c & !b1 & !b2` and `b2 & !c`.
// From s = NNNN A improves to YNNN. From there C cannot move (YNNY is infeasible) and B can
// only take b1 (YYNN; b2 alone is infeasible while c = N). Then C takes c (YYNY), and then B
// drops b1 and takes b2: YNYY, which A likes less than NNNN (it has b2 & c). With each
// opponent moving at most once, as in gmcr-py, only YYNN and YYNY are reachable, and A
// likes both more than NNNN: s would be unstable for A. With the standard definition it is
// GMR-stable, and SEQ-stable too, since each of those moves improves its mover.
Conflict second_move_needed() {
  Conflict c = make_conflict({"a", "b1", "b2", "c"}, {{"A", {"a"}}, {"B", {"b1", "b2"}}, {"C", {"c"}}});
  c.infeasible.push_back({cond(c, "c & !b1 & !b2").any.front(), {}});
  c.infeasible.push_back({cond(c, "b2 & !c").any.front(), {}});
  prioritise(c, 0, {"!b2 | !c", "a"});
  prioritise(c, 1, {"b2 & c", "b1 & !c"});
  prioritise(c, 2, {"c"});
  return c;
}

TEST(GmcrTextbook, SanctionNeedsSecondMoveBySameOpponent) {
  const Conflict c = second_move_needed();
  const RunResult r = analyse(c);
  ASSERT_TRUE(r.ok());
  const Analysis& a = *r.analysis;
  const StateIndex s = *a.find(0);
  EXPECT_FALSE(stable(a, 0, Concept::nash)->test(s));
  EXPECT_TRUE(stable(a, 0, Concept::gmr)->test(s));
  EXPECT_TRUE(stable(a, 0, Concept::seq)->test(s));

  const ExplainResult er = explain(c, 0, DecisionMakerIndex(0), Concept::gmr);
  ASSERT_TRUE(er.ok()) << er.outcome.message();
  const Explanation* e = &er.explanations.front();
  ASSERT_EQ(e->improvements.size(), 1u);
  const auto& path = e->improvements[0].sanction;
  std::vector<std::string> steps;
  for (const auto& [code, mover] : path)
    steps.push_back(state_pattern(code, 4) + " by " + c.decision_makers[mover].id);
  EXPECT_THAT(steps, ElementsAre("YNNN by A", "YYNN by B", "YYNY by C", "YNYY by B"));
}

// gmcr-py's rule (a sanction is one move by one opponent) on the same conflict: from YNNN
// one move reaches only YYNN (B), which A likes more than NNNN, so NNNN is GMR- and
// SEQ-unstable for A; the standard rule needs the sequence above.
TEST(GmcrTextbook, GmcrPyRuleAllowsOneSanctioningMoveOnly) {
  Params p;
  p.sanctions = Sanctions::gmcr_py;
  const RunResult r = analyse(second_move_needed(), p);
  ASSERT_TRUE(r.ok());
  const Analysis& a = *r.analysis;
  EXPECT_EQ(a.sanctions, Sanctions::gmcr_py);
  const StateIndex s = *a.find(0);
  EXPECT_FALSE(stable(a, 0, Concept::gmr)->test(s));
  EXPECT_FALSE(stable(a, 0, Concept::seq)->test(s));
  p.compare_sanctions = true;
  const RunResult both = analyse(second_move_needed(), p);
  ASSERT_TRUE(both.ok());
  ASSERT_TRUE(both.analysis->sanction_differences);
  // NNNN is a GMR equilibrium under the standard rule only (B and C have no improvement there).
  std::vector<std::string> differing;
  for (StateIndex x : *both.analysis->sanction_differences) differing.push_back(a.pattern(x));
  EXPECT_THAT(differing, ::testing::Contains("NNNN"));
}

TEST(GmcrTextbook, SanctionRuleNamesRoundTrip) {
  for (Sanctions x : {Sanctions::standard, Sanctions::gmcr_py}) EXPECT_EQ(parse_sanctions(to_string(x)), x);
  EXPECT_EQ(to_string(Sanctions::gmcr_py), "gmcr-py");
  EXPECT_FALSE(parse_sanctions("strict"));
  EXPECT_EQ(parse_concept("seq+sim"), Concept::seq_sim);
  EXPECT_EQ(parse_concept("sim"), Concept::sim);
}

TEST(GmcrTextbook, IrreversibleOptionCannotSanction) {
  // Chicken, but B may only swerve (`back`: Y->N), never start standing firm.
  Conflict c = chicken();
  c.options[ConflictOptionIndex(1)].direction = Direction::backward;  // B may only swerve (Y->N)
  const RunResult r = analyse(c);
  ASSERT_TRUE(r.ok());
  const Analysis& a = *r.analysis;
  // From NN B cannot stand (N->Y forbidden): A standing is unsanctioned, NN unstable for A.
  EXPECT_FALSE(stable(a, 0, Concept::gmr)->test(*a.find(0)));
  // B's Nash stability at NN now holds: it has no move at all.
  EXPECT_TRUE(stable(a, 1, Concept::nash)->test(*a.find(0)));
}

TEST(GmcrTextbook, StatusQuoPaths) {
  Conflict c = prisoners_dilemma();
  c.status_quo = 0;  // NN
  const RunResult r = analyse(c);
  ASSERT_TRUE(r.ok());
  const Analysis& a = *r.analysis;
  ASSERT_EQ(a.status_quo_paths.size(), 2u);  // NN (GMR/SMR/SEQ) and YY (all)
  const Reachability& yy = a.status_quo_paths[1];
  EXPECT_EQ(a.pattern(yy.target), "YY");
  ASSERT_TRUE(yy.by_improvements);
  ASSERT_EQ(yy.by_improvements->size(), 3u);  // NN -> YN (A) -> YY (B)
  EXPECT_EQ(a.pattern((*yy.by_improvements)[1].state), "YN");
  EXPECT_EQ((*yy.by_improvements)[1].mover.value, 0);
  EXPECT_EQ((*yy.by_improvements)[2].mover.value, 1);
}

TEST(GmcrTextbook, CoalitionOfBothPrisonersKeepsCooperation) {
  // The prisoners A and B plus a bystander C who wants c_x. Acting as one, A+B leave YY for
  // NN (both prefer it), so YY is not coalition-Nash stable; NN, YN and NY are (no joint move
  // makes both better off). Coalition equilibria also need C stable: c_x taken.
  Conflict c = make_conflict({"a_defect", "b_defect", "c_x"},
                             {{"A", {"a_defect"}}, {"B", {"b_defect"}}, {"C", {"c_x"}}});
  prioritise(c, 0, {"!b_defect", "a_defect"});
  prioritise(c, 1, {"!a_defect", "b_defect"});
  prioritise(c, 2, {"c_x"});
  Params p;
  p.coalition = {DecisionMakerIndex(0), DecisionMakerIndex(1)};
  const RunResult r = analyse(c, p);
  ASSERT_TRUE(r.ok()) << r.outcome.message();
  const Analysis& a = *r.analysis;
  ASSERT_TRUE(a.coalition);
  EXPECT_EQ(a.coalition->players[0].name, "A+B");
  const auto& coal_nash = *a.coalition->players[0].stable[Concept::nash];
  EXPECT_FALSE(coal_nash.test(*a.find(0b111)));  // YYY -> NNY by A+B
  EXPECT_TRUE(coal_nash.test(*a.find(0b100)));   // NNY: no joint move helps both
  // Coalition SMR: from YYY the joint move to NNY helps both; C's only answer (NNN) is still
  // better than YYY for A and B, so YYY is unstable; NNY has no joint improvement: stable.
  ASSERT_TRUE(a.coalition->players[0].stable[Concept::smr]);
  EXPECT_FALSE(a.coalition->players[0].stable[Concept::smr]->test(*a.find(0b111)));
  EXPECT_TRUE(a.coalition->players[0].stable[Concept::smr]->test(*a.find(0b100)));
  EXPECT_FALSE(a.coalition->players[0].stable[Concept::sim]);  // coalition SIM: not computed
  EXPECT_THAT(patterns(a, a.coalition->equilibria[Concept::nash]), ElementsAre("NNY", "YNY", "NYY"));
}

}  // namespace
}  // namespace accord::gmcr

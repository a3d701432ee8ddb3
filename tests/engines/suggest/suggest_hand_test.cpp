// suggest: a hand case with its arithmetic, input checks, and the Geneva stances as answers.
#include <gtest/gtest.h>

#include "accord/engines/suggest.hpp"
#include "accord/io/builtin.hpp"
#include "accord/io/scenario_io.hpp"

namespace accord::suggest {
namespace {

const char* kScenario = R"(format: 1
id: t
title: t
parties:
  - {id: A, role: party}
  - {id: B, role: party}
issues:
  - {id: x, options: [x0, x1, x2]}
  - {id: y, options: [y0, y1]}
preferences:
  A:
    reservation: 0.4
    issues:
      x: {weight: 0.6, values: {x0: 0, x1: 0.5, x2: 1}, red_lines: [x0]}
      y: {weight: 0.4, values: {y0: 1, y1: 0}}
  B:
    reservation: 0.3
    issues:
      x: {weight: 0.5, values: {x0: 1, x1: 1, x2: 0}}
      y: {weight: 0.5, values: {y0: 0, y1: 1}}
framework:
  versions:
    - id: v1
      points:
        - {id: P1, text: "x is x0", sets: {x: x0}}
        - {id: P2, text: "y is y0", sets: {y: y0}}
        - {id: P3, text: "a preamble"}
)";

Scenario load() {
  auto r = io::load_scenario_text(kScenario, "t.yaml");
  EXPECT_TRUE(r.ok());
  return *r.scenario;
}

const PartyIndex A{std::size_t{0}}, B{std::size_t{1}};
const PointIndex P1{std::size_t{0}}, P2{std::size_t{1}}, P3{std::size_t{2}};
const IssueIndex X{std::size_t{0}}, Y{std::size_t{1}};

std::vector<PartyAnswers> answers() {
  PointAnswer a1{P1, PointAnswerKind::reject, "x0 crosses our red line", "", {}};
  PointAnswer a2{P2, PointAnswerKind::accept, "", "", {}};
  PointAnswer a3{P3, PointAnswerKind::accept, "", "", {}};
  PointAnswer b1{P1, PointAnswerKind::accept, "", "", {}};
  PointAnswer b2{P2, PointAnswerKind::conditional, "", "y1 instead", {{Y, {Setting{OptionIndex(std::size_t{1}), 0}}}}};
  PointAnswer b3{P3, PointAnswerKind::accept, "", "", {}};
  return {PartyAnswers{A, {a1, a2, a3}}, PartyAnswers{B, {b1, b2, b3}}};
}

TEST(SuggestHand, TallyRepairsClosestAndBracket) {
  const Scenario s = load();
  const Result r = run(s, VersionIndex(std::size_t{0}), answers());
  ASSERT_TRUE(r.outcome.ok()) << r.outcome.message();
  EXPECT_TRUE(r.outcome.termination.finished());
  // The text (x0, y0): U_A = 0.6·0 + 0.4·1 = 0.4; U_B = 0.5·1 + 0.5·0 = 0.5.
  ASSERT_EQ(r.utilities.size(), 2u);
  EXPECT_NEAR(r.utilities[0], 0.4, 1e-12);
  EXPECT_NEAR(r.utilities[1], 0.5, 1e-12);
  ASSERT_EQ(r.points.size(), 3u);
  EXPECT_EQ(r.points[0].reject, std::vector<PartyIndex>{A});
  EXPECT_EQ(r.points[0].accept, std::vector<PartyIndex>{B});
  EXPECT_EQ(r.points[1].conditional, std::vector<PartyIndex>{B});
  EXPECT_EQ(r.points[0].consensus, evaluate::Consensus::blocked);
  EXPECT_EQ(r.points[2].consensus, evaluate::Consensus::accepted);
  ASSERT_EQ(r.points[1].amendments.size(), 1u);
  EXPECT_EQ(r.points[1].amendments[0], "B: y1 instead");
  // Two open points, P1 with salience max(0.6, 0.5) = 0.6 >= 0.05: not near-final.
  EXPECT_FALSE(r.readiness.near_final);

  ASSERT_EQ(r.suggestions.size(), 4u);
  // (1) P1, A by its preferences: x must cross no red line of A and be worth >= 0.4 to A:
  // x1 (0.5) and x2 (1). x1: A +0.6·0.5 = +0.3, B 0.5·(1 − 1) = 0 -> Pareto-improving.
  // x2: B 0.5·(0 − 1) = −0.5 -> not. Nash after x1: (0.7 − 0.4)·(0.5 − 0.3) = 0.06.
  const Suggestion& p = r.suggestions[0];
  EXPECT_EQ(p.kind, Kind::pareto_repair);
  EXPECT_EQ(p.point, P1);
  EXPECT_EQ(p.party, A);
  EXPECT_EQ(p.basis, Basis::preferences);
  EXPECT_EQ(p.found, 1u);
  ASSERT_EQ(p.edits.size(), 1u);
  EXPECT_EQ(p.edits[0].to.option, OptionIndex(std::size_t{1}));
  EXPECT_NEAR(p.effects[0].delta, 0.3, 1e-12);
  EXPECT_NEAR(p.effects[1].delta, 0.0, 1e-12);
  EXPECT_NEAR(p.nash, 0.06, 1e-12);
  EXPECT_EQ(p.sentence,
            "Repair P1: x x0 → x1; A accepts by its preferences (no red line of its, each setting worth at least its "
            "reservation 0.400 to it; its modelled utility +0.300), and no other bargaining party loses utility or has a red "
            "line crossed (B +0.000).");
  // (2) P2, B by its answer (y1 only): A loses 0.4·(1 − 0) = 0.4, so no Pareto repair; the
  // least costly is the only one, y1, with A's loss 0.4.
  const Suggestion& q = r.suggestions[1];
  EXPECT_EQ(q.kind, Kind::least_cost_repair);
  EXPECT_EQ(q.point, P2);
  EXPECT_EQ(q.party, B);
  EXPECT_EQ(q.basis, Basis::answer);
  EXPECT_NEAR(q.largest_loss, 0.4, 1e-12);
  EXPECT_EQ(q.sentence,
            "No change to P2 that B said it could accept leaves every other bargaining party as well off; the least "
            "costly to them is y y0 → y1 (A -0.400; B's modelled utility +0.500).");
  // (3) The zone: (x1, y0) gives A 0.7 >= 0.4 and B 0.5 >= 0.3 with one change; (x2, y0) gives
  // B 0 < 0.3 and (x0, ·) crosses A's red line, so the closest package changes x to x1.
  const Suggestion& cl = r.suggestions[2];
  EXPECT_EQ(cl.kind, Kind::closest_package);
  ASSERT_EQ(cl.edits.size(), 1u);
  EXPECT_EQ(cl.edits[0].issue, X);
  EXPECT_EQ(cl.edits[0].to.option, OptionIndex(std::size_t{1}));
  EXPECT_EQ(cl.points, std::vector<PointIndex>{P1});
  ASSERT_TRUE(r.closest.has_value());
  EXPECT_EQ(cl.sentence,
            "The closest package acceptable to every one of A and B (fewest changed issues, then Nash product) changes 1 "
            "of the issues v1 sets: x x0 → x1.");
  // (4) Both open points are salient: bracket them; P3 alone is accepted by every signatory.
  const Suggestion& br = r.suggestions[3];
  EXPECT_EQ(br.kind, Kind::bracket);
  EXPECT_EQ(br.points, (std::vector<PointIndex>{P1, P2}));
  EXPECT_EQ(br.sentence,
            "Bracket P1 and P2 (leave them open): the other 1 point is then near-final by the readiness rule (at most 2 "
            "open points, each with salience below 0.05): every signatory accepts every point.");
}

TEST(SuggestHand, BadAnswersAreInvalidInput) {
  const Scenario s = load();
  auto bad = answers();
  bad[1].answers[0].point = PointIndex(std::size_t{7});
  Result r = run(s, VersionIndex(std::size_t{0}), bad);
  EXPECT_EQ(r.outcome.status, Status::invalid_input);
  EXPECT_NE(r.outcome.message().find("no such point in v1"), std::string::npos);
  r = run(s, VersionIndex(std::size_t{3}), answers());
  EXPECT_EQ(r.outcome.status, Status::invalid_input);
  bad = answers();
  bad.push_back(bad[0]);
  r = run(s, VersionIndex(std::size_t{0}), bad);
  EXPECT_NE(r.outcome.message().find("answers twice"), std::string::npos);
}

// A version built in memory (as the rounds store may) with no stance matrix at all.
TEST(SuggestHand, VersionWithoutAStanceMatrix) {
  Scenario s = load();
  s.versions[VersionIndex(std::size_t{0})].stances.clear();
  const Result r = run(s, VersionIndex(std::size_t{0}), answers());
  ASSERT_TRUE(r.outcome.ok());
  EXPECT_EQ(r.suggestions.size(), 4u);
  const auto from_record = answers_from_stances(s, VersionIndex(std::size_t{0}));
  ASSERT_EQ(from_record.size(), 2u);
  EXPECT_EQ(from_record[0].answers[0].kind, PointAnswerKind::no_answer);
}

TEST(SuggestHand, CandidateBudgetStopsWithNodeLimit) {
  const Scenario s = load();
  Params params;
  params.max_candidates = 1;
  const Result r = run(s, VersionIndex(std::size_t{0}), answers(), params);
  ASSERT_TRUE(r.outcome.ok());
  EXPECT_EQ(r.outcome.termination.stop, Stop::node_limit);
}

TEST(SuggestHand, ExpiredDeadlineIsPartialAndSaysSo) {
  const Scenario s = load();
  Params params;
  params.deadline = Deadline::at(Deadline::Clock::now() - std::chrono::seconds(1));
  const Result r = run(s, VersionIndex(std::size_t{0}), answers(), params);
  ASSERT_TRUE(r.outcome.ok());
  EXPECT_EQ(r.outcome.termination.stop, Stop::time_limit);
  EXPECT_FALSE(r.outcome.termination.detail.empty());
  EXPECT_TRUE(r.suggestions.empty());
}

TEST(SuggestHand, NamesRoundTrip) {
  for (const auto k : {PointAnswerKind::not_set, PointAnswerKind::accept, PointAnswerKind::reject,
                       PointAnswerKind::conditional, PointAnswerKind::no_answer})
    EXPECT_EQ(parse_point_answer_kind(to_string(k)), k);
  for (const auto k : {Kind::not_set, Kind::pareto_repair, Kind::least_cost_repair, Kind::closest_package, Kind::bracket})
    EXPECT_EQ(parse_kind(to_string(k)), k);
  for (const auto b : {Basis::not_set, Basis::answer, Basis::preferences}) EXPECT_EQ(parse_basis(to_string(b)), b);
  EXPECT_FALSE(parse_kind("pareto"));
}

}  // namespace
}  // namespace accord::suggest

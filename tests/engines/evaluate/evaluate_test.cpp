// evaluate: hand-computed verdicts, consensus and readiness.
#include <gtest/gtest.h>

#include "accord/engines/evaluate.hpp"
#include "accord/io/scenario_io.hpp"

namespace accord::evaluate {
namespace {

const char* kScenario = R"(format: 1
id: t
title: t
parties:
  - {id: A, role: party}
  - {id: B, role: party}
  - {id: M, role: mediator}
  - {id: S, role: stakeholder}
issues:
  - {id: x, options: [x0, x1]}
  - {id: y, options: [y0, y1]}
  - {id: z, options: [z0, z1]}
preferences:
  A:
    reservation: 0.5
    issues:
      x: {weight: 0.5, values: {x0: 1, x1: 0}}
      y: {weight: 0.3, values: {y0: 0, y1: 1}, red_lines: [y0]}
      z: {weight: 0.2, values: {z0: 1, z1: 0}}
  B:
    reservation: 0.4
    issues:
      x: {weight: 0.6, values: {x0: 0, x1: 1}}
      y: {weight: 0.02, values: {y0: 1, y1: 0}}
      z: {weight: 0.38, values: {z0: 0.5, z1: 1}}
framework:
  versions:
    - id: v1
      points:
        - {id: P1, text: x, sets: {x: x0}}
        - {id: P2, text: y, sets: {y: y1}}
      stances:
        A: {P1: accept, P2: accept}
        B: {P1: reject, P2: accept}
        M: {P1: accept, P2: accept}
        S: {P1: reject}
    - id: v2
      points:
        - {id: Q1, text: x, sets: {x: x1}, from: [P1]}
        - {id: Q2, text: y, sets: {y: y1}, from: [P2]}
        - {id: Q3, text: z, sets: {z: z1}}
      stances:
        A: {Q1: accept, Q2: accept, Q3: accept}
        B: {Q1: accept, Q2: conditional, Q3: accept}
        M: {Q1: accept, Q2: accept, Q3: accept}
)";

Scenario load() {
  auto r = io::load_scenario_text(kScenario, "t.yaml");
  EXPECT_TRUE(r.ok());
  return *r.scenario;
}

TEST(Evaluate, VerdictsWithOpenIssues) {
  const Scenario s = load();
  const Result r = run_version(s, VersionIndex(std::size_t{0}));
  ASSERT_EQ(r.parties.size(), 2u);  // only parties with preferences
  // v1 sets x0, y1; z open. A: 0.5 + 0.3 + [0, 0.2] -> acceptable whatever z.
  EXPECT_NEAR(r.parties[0].utility.min, 0.8, 1e-12);
  EXPECT_NEAR(r.parties[0].utility.max, 1.0, 1e-12);
  EXPECT_EQ(r.parties[0].verdict, Verdict::acceptable);
  // B: 0 + 0 + 0.38*[0.5, 1] = [0.19, 0.38] < 0.4 -> unacceptable.
  EXPECT_NEAR(r.parties[1].utility.max, 0.38, 1e-12);
  EXPECT_EQ(r.parties[1].verdict, Verdict::unacceptable);
  ASSERT_EQ(r.open_issues.size(), 1u);
  EXPECT_EQ(r.open_issues[0], IssueIndex(2));
}

TEST(Evaluate, OpenVerdictWhenItDependsOnOpenIssues) {
  const Scenario s = load();
  Package x(3);
  x[IssueIndex(0)] = Setting{OptionIndex(1), 0};  // x1: A gets 0 from x
  x[IssueIndex(1)] = Setting{OptionIndex(1), 0};  // y1: A gets 0.3
  const Result r = run_package(s, x);
  // A: 0.3 + [0, 0.2] = [0.3, 0.5]; reservation 0.5 -> open.
  EXPECT_EQ(r.parties[0].verdict, Verdict::open);
}

TEST(Evaluate, RedLineMakesUnacceptable) {
  const Scenario s = load();
  Package x(3);
  x[IssueIndex(0)] = Setting{OptionIndex(0), 0};
  x[IssueIndex(1)] = Setting{OptionIndex(0), 0};  // y0 is A's red line
  x[IssueIndex(2)] = Setting{OptionIndex(0), 0};
  const Result r = run_package(s, x);
  EXPECT_EQ(r.parties[0].verdict, Verdict::unacceptable);
  ASSERT_EQ(r.parties[0].red_lines_crossed.size(), 1u);
  EXPECT_EQ(r.parties[0].red_lines_crossed[0], IssueIndex(1));
}

TEST(Evaluate, StatedAndPredictedConsensus) {
  const Scenario s = load();
  const Result r = run_version(s, VersionIndex(std::size_t{0}));
  ASSERT_EQ(r.points.size(), 2u);
  // P1: B rejects; the stakeholder S's rejection does not count.
  EXPECT_EQ(r.points[0].stated, Consensus::blocked);
  ASSERT_EQ(r.points[0].stated_blockers.size(), 1u);
  EXPECT_EQ(r.points[0].stated_blockers[0], PartyIndex(1));
  // Predicted: x0 gives B 0 < 0.4 * 0.6 -> B blocks; A gets 1 >= 0.5.
  EXPECT_EQ(r.points[0].predicted, Consensus::blocked);
  EXPECT_EQ(r.points[0].predicted_blockers, std::vector<PartyIndex>{PartyIndex(1)});
  EXPECT_EQ(r.points[1].stated, Consensus::accepted);
  // P2 sets y1: B gets 0 on a 0.02-weight issue -> below its level -> predicted blocker.
  EXPECT_EQ(r.points[1].predicted_blockers, std::vector<PartyIndex>{PartyIndex(1)});
}

TEST(Evaluate, ReadinessCountsOpenPointsAndSalience) {
  const Scenario s = load();
  Params p;
  p.max_open_points = 1;
  p.max_open_salience = 0.05;
  const Result v1 = run_version(s, VersionIndex(std::size_t{0}), p);
  // P1 is blocked and weighs 0.6 for B: not near-final.
  EXPECT_FALSE(v1.readiness.near_final);
  EXPECT_EQ(v1.readiness.standing_between, std::vector<PointIndex>{PointIndex(0)});
  // v2: only Q2 is open (B conditional); y weighs 0.3 for A -> too salient.
  const Result v2 = run_version(s, VersionIndex(std::size_t{1}), p);
  EXPECT_FALSE(v2.readiness.near_final);
  EXPECT_EQ(v2.readiness.open_points, std::vector<PointIndex>{PointIndex(1)});
  // With a salience bar above 0.3 the same text is near-final.
  p.max_open_salience = 0.31;
  EXPECT_TRUE(run_version(s, VersionIndex(std::size_t{1}), p).readiness.near_final);
  // With no open point allowed it is not.
  p.max_open_points = 0;
  EXPECT_FALSE(run_version(s, VersionIndex(std::size_t{1}), p).readiness.near_final);
}

}  // namespace
}  // namespace accord::evaluate

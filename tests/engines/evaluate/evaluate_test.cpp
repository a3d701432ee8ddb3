// evaluate: hand-computed verdicts, consensus and readiness.
#include <gtest/gtest.h>

#include <stdexcept>

#include "accord/engines/evaluate.hpp"
#include "accord/io/builtin.hpp"
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
  // Predicted: v1 (x0, y1, z open) gives B at most 0.38 < 0.4: no settlement is acceptable to
  // it. Without P1, B settles x at x1: 0.6 + 0 + z >= 0.4 -> P1 closes the text for B.
  EXPECT_EQ(r.points[0].predicted, Consensus::blocked);
  EXPECT_EQ(r.points[0].predicted_blockers, std::vector<PartyIndex>{PartyIndex(1)});
  EXPECT_EQ(r.points[0].predicted_reasons, std::vector<Prediction>{Prediction::closes_text});
  EXPECT_EQ(r.points[1].stated, Consensus::accepted);
  // Without P2, B settles y at y0 and z at z1: 0 + 0.02 + 0.38 = 0.40 >= 0.4 -> P2 closes it too.
  EXPECT_EQ(r.points[1].predicted_blockers, std::vector<PartyIndex>{PartyIndex(1)});
  // A accepts both: v1 is acceptable to A however z settles.
  EXPECT_EQ(r.parties[0].verdict, Verdict::acceptable);
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

TEST(Evaluate, ReadinessSplitsBlockersByStatedConsensus) {
  Scenario s = load();
  s.versions[VersionIndex(std::size_t{0})].stances[PartyIndex(2)][PointIndex(1)].kind = StanceKind::unknown;  // M on P2: no recorded stance
  Params p;
  p.max_open_points = 0;
  const Result r = run_version(s, VersionIndex(std::size_t{0}), p);
  EXPECT_EQ(r.readiness.standing_between, (std::vector<PointIndex>{PointIndex(0), PointIndex(1)}));
  EXPECT_EQ(r.readiness.rejected, std::vector<PointIndex>{PointIndex(0)});
  EXPECT_TRUE(r.readiness.conditional.empty());
  EXPECT_EQ(r.readiness.unknown, std::vector<PointIndex>{PointIndex(1)});
  const Result v2 = run_version(s, VersionIndex(std::size_t{1}), p);
  EXPECT_EQ(v2.readiness.conditional, std::vector<PointIndex>{PointIndex(1)});
  EXPECT_TRUE(v2.readiness.rejected.empty() && v2.readiness.unknown.empty());
}

// Rectangles tying more open issues than kMaxJoint settlements: bounds only, said so.
TEST(Evaluate, TooManyJointSettlementsAreNotExact) {
  Scenario s;
  s.parties.push_back(Party{"A", "A", Role::party, 1.0, {}, {}});
  Preferences prefs;
  prefs.present = true;
  prefs.reservation = 0.5;
  Rectangle rect;
  rect.utility = 0.2;
  for (std::size_t i = 0; i < 9; ++i) {  // 4^9 = 262,144 joint settlements
    Issue issue;
    issue.id = std::string("i").append(std::to_string(i));  // not "i" + …: GCC 12 -Wrestrict
    for (int o = 0; o < 4; ++o)
      issue.options.push_back(Option{std::string("o").append(std::to_string(o)), "", std::nullopt, {}, {}});
    s.issues.push_back(issue);
    IssuePreference ip;
    ip.present = true;
    ip.weight = 0.8 / 9;
    ip.option_values = {0.0, 0.3, 0.6, 1.0};
    prefs.issues.push_back(ip);
    rect.bounds.push_back(RectangleBound{IssueIndex(i), {OptionIndex(std::size_t{3})}, {}});
  }
  prefs.rectangles.push_back(rect);
  s.preferences.push_back(prefs);
  const Result r = run_package(s, Package(9));
  ASSERT_EQ(r.parties.size(), 1u);
  const PartyResult& pr = r.parties[0];
  EXPECT_FALSE(pr.exact);
  EXPECT_NEAR(pr.utility.min, 0.0, 1e-12);
  EXPECT_NEAR(pr.utility.max, 1.0, 1e-12);  // 0.8 + the rectangle
  EXPECT_EQ(pr.verdict, Verdict::open);
  EXPECT_NEAR(pr.best.utility, 1.0, 1e-12);  // every issue at o3: inside the rectangle
  EXPECT_TRUE(pr.best.acceptable);
  EXPECT_FALSE(pr.worst.acceptable);
}

// Regressions named in issue 11 on the built-in scenario.
class Geneva : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = io::load_scenario("geneva-2025");
    ASSERT_TRUE(r.ok());
    s_ = new Scenario(*r.scenario);
  }
  static void TearDownTestSuite() { delete s_; }
  static const PartyResult& party(const Result& r, std::string_view id) {
    for (const auto& pr : r.parties)
      if (s_->parties[pr.party].id == id) return pr;
    throw std::runtime_error("no party");
  }
  static const PointResult& point(const Result& r, std::string_view id) {
    const Version& v = s_->versions[r.version];
    for (const auto& pr : r.points)
      if (v.points[pr.point].id == id) return pr;
    throw std::runtime_error("no point");
  }
  static bool predicted_blocker(const PointResult& pr, std::string_view party) {
    for (PartyIndex p : pr.predicted_blockers)
      if (s_->parties[p].id == party) return true;
    return false;
  }
  static inline Scenario* s_ = nullptr;
};

TEST_F(Geneva, V20IsOpenForUkraineNotAcceptable) {
  const Result r = run_version(*s_, s_->find_version("v20"));
  const PartyResult& ua = party(r, "UA");
  // Seven open issues; on each UA's lowest option is one of its red lines.
  EXPECT_EQ(ua.verdict, Verdict::open);
  EXPECT_TRUE(ua.best.acceptable);
  EXPECT_FALSE(ua.worst.acceptable);
  EXPECT_EQ(ua.worst.red_lines_crossed.size(), 7u);
  EXPECT_EQ(ua.deciding_issues.size(), 7u);
  // Setting foreign_troops to UA's red line makes it unacceptable.
  Package x = s_->version_package(s_->find_version("v20"));
  const IssueIndex troops = s_->find_issue("foreign_troops");
  x[troops] = Setting{s_->issues[troops].find_option("T_NONE"), 0.0};
  EXPECT_EQ(party(run_package(*s_, x), "UA").verdict, Verdict::unacceptable);
}

TEST_F(Geneva, PredictionFollowsTheResearchOnAcceptedPoints) {
  const Result v28 = run_version(*s_, s_->find_version("v28"));
  EXPECT_FALSE(predicted_blocker(point(v28, "P28_11"), "RU"));
  EXPECT_FALSE(predicted_blocker(point(v28, "P28_28"), "RU"));
  const Result v19 = run_version(*s_, s_->find_version("v19"));
  EXPECT_FALSE(predicted_blocker(point(v19, "P19_15"), "UA"));
  const Result v20 = run_version(*s_, s_->find_version("v20"));
  EXPECT_EQ(point(v20, "P20_20").predicted, Consensus::accepted);
  // P20_14 sets R_LINE_ONLY, one of RU's red lines.
  EXPECT_TRUE(predicted_blocker(point(v20, "P20_14"), "RU"));
}

TEST_F(Geneva, V20ReadinessSplit) {
  const Result r = run_version(*s_, s_->find_version("v20"));
  EXPECT_EQ(r.readiness.standing_between.size(), 13u);
  EXPECT_EQ(r.readiness.rejected.size(), 5u);
  EXPECT_EQ(r.readiness.conditional.size(), 2u);
  EXPECT_EQ(r.readiness.unknown.size(), 6u);
}

}  // namespace
}  // namespace accord::evaluate

// Hand-worked traces of every named agent on the tiny domain (tiny_domain.hpp has the
// utility table). R rounds give t = r / (R - 1).
#include <gtest/gtest.h>

#include "accord/model/utility.hpp"
#include "engines/negotiate/tiny_domain.hpp"

namespace accord::negotiate {
namespace {

using testing::compact;
using testing::domain_of;
using testing::load_text;
using testing::negotiate_tiny;
using testing::tiny_text;

TEST(NegotiateHand, UtilitiesMatchTheTable) {
  const Scenario s = load_text(tiny_text());
  const auto d = domain_of(s);
  const double u1[] = {1.0, 0.8, 0.6, 0.4, 0.2, 0.0}, u2[] = {0.0, 0.25, 0.5, 0.5, 0.75, 1.0};
  ASSERT_EQ(d->size(), 6u);
  for (PackageId x = 0; x < 6; ++x) {
    EXPECT_NEAR(d->utility(0, x), u1[x], 1e-12) << x;
    EXPECT_NEAR(d->utility(1, x), u2[x], 1e-12) << x;
    EXPECT_EQ(d->utility(0, x), accord::utility(s, PartyIndex(0), d->package(x)));  // bit-identical
  }
  EXPECT_EQ(d->options(4), (std::vector<std::uint32_t>{1, 1}));
}

// linear vs linear, R = 5: target 1 - t for both (Pmax 1, Pmin 0).
//  k0 P1 t=0   target 1    -> offer 0 (U1 1)
//  k1 P2 t=0   target 1    -> U2(0)=0 < U2(5)=1: offer 5
//  k2 P1 t=.25 target .75  -> smallest U1 >= .75 is .8: U1(5)=0 < .8: offer 1
//  k3 P2 t=.25 target .75  -> id 4 (.75): U2(1)=.25 < .75: offer 4
//  k4 P1 t=.5  target .5   -> id 2 (.6): U1(4)=.2 < .6: offer 2
//  k5 P2 t=.5  target .5   -> ids 2 and 3 tie at .5, id 2 wins: U2(2)=.5 >= .5: accept
TEST(NegotiateHand, LinearVsLinear) {
  const auto d = domain_of(load_text(tiny_text()));
  const Result r = negotiate_tiny(*d, {"linear", "linear"}, 5);
  EXPECT_EQ(compact(r), "o0 o5 o1 o4 o2 a");
  ASSERT_TRUE(r.agreement);
  EXPECT_EQ(r.agreement->id, 2u);
  EXPECT_EQ(r.ending, Ending::agreement);
  EXPECT_EQ(r.actions, 6u);
  EXPECT_EQ(r.round, 2u);
  EXPECT_NEAR(r.utilities[0], 0.6, 1e-12);
  EXPECT_NEAR(r.utilities[1], 0.5, 1e-12);
  EXPECT_EQ(r.agreement->proposer, 0u);
}

// hardliner vs conceder (e = 2, target 1 - sqrt(t)), R = 5.
//  k0 P1 offer 0 | k1 P2 t=0 target 1: offer 5
//  k2 P1 offer 0 | k3 P2 t=.25 target .5: ids 2,3 tie, offer 2
//  k4 P1 U1(2)=.6 < 1: offer 0 | k5 P2 t=.5 target .293: smallest >= is .5: offer 2
//  k6 P1 offer 0 | k7 P2 t=.75 target .134: id 1 (.25): offer 1
//  k8 P1 U1(1)=.8 < 1: offer 0 | k9 P2 t=1 target 0: id 0 (U2 0), U2(0) >= 0: accept
TEST(NegotiateHand, HardlinerVsConceder) {
  const auto d = domain_of(load_text(tiny_text()));
  const Result r = negotiate_tiny(*d, {"hardliner", "conceder"}, 5);
  EXPECT_EQ(compact(r), "o0 o5 o0 o2 o0 o2 o0 o1 o0 a");
  ASSERT_TRUE(r.agreement);
  EXPECT_EQ(r.agreement->id, 0u);
  EXPECT_EQ(r.actions, 10u);
  EXPECT_EQ(r.round, 4u);
}

// boulware (e = .2, target 1 - t^5) vs hardliner, R = 5.
//  t=.25 target .999, t=.5 .969: only id 0 (1.0); t=.75 target .763: id 1 (.8)
//  k8 P1 t=1 target 0: its offer would be id 5 (U1 0); U1(5)=0 >= 0: accept
TEST(NegotiateHand, BoulwareVsHardliner) {
  const auto d = domain_of(load_text(tiny_text()));
  const Result r = negotiate_tiny(*d, {"boulware", "hardliner"}, 5);
  EXPECT_EQ(compact(r), "o0 o5 o0 o5 o0 o5 o1 o5 a");
  ASSERT_TRUE(r.agreement);
  EXPECT_EQ(r.agreement->id, 5u);
  EXPECT_EQ(r.actions, 9u);
  EXPECT_EQ(r.agreement->proposer, 1u);
}

// timedep:1 is linear; timedep:0 is the hardliner.
TEST(NegotiateHand, TimedepExponentNamesTheSameAgents) {
  const auto d = domain_of(load_text(tiny_text()));
  EXPECT_EQ(compact(negotiate_tiny(*d, {"timedep:1", "timedep:1"}, 5)), "o0 o5 o1 o4 o2 a");
  EXPECT_EQ(compact(negotiate_tiny(*d, {"timedep:0", "conceder"}, 5)), "o0 o5 o0 o2 o0 o2 o0 o1 o0 a");
}

// Reservation: P1 r = .5, so Pmin = .5 and target = .5 + .5(1 - t); R = 3.
//  k0 offer 0 | k1 offer 5 | k2 t=.5 target .75: offer 1 | k3 offer 5
//  k4 t=1 target .5: id 2 (.6); U1(5)=0: offer 2 | k5 U2(2)=.5 < 1: offer 5. No agreement.
TEST(NegotiateHand, DeadlineGivesReservations) {
  const auto d = domain_of(load_text(tiny_text("0.5", "0.1")));
  const Result r = negotiate_tiny(*d, {"linear", "hardliner"}, 3);
  EXPECT_EQ(compact(r), "o0 o5 o1 o5 o2 o5");
  EXPECT_FALSE(r.agreement);
  EXPECT_EQ(r.ending, Ending::deadline);
  EXPECT_EQ(r.actions, 6u);  // n·R
  EXPECT_EQ(r.round, 2u);
  EXPECT_EQ(r.utilities, (std::vector<double>{0.5, 0.1}));
}

// Red line: P1 rejects b2 (ids 2 and 5 are not its packages); Pmin = .2 (its lowest package,
// id 4), target = .2 + .8(1 - t); linear vs linear, R = 5.
//  k2 t=.25 target .8: id 1 | k3 P2: offer 4 | k4 t=.5 target .6: id 1 (id 2 excluded)
//  k5 P2 target .5: offer 2 | k6 t=.75 target .4: id 3; id 2 crosses the red line: offer 3
//  k7 P2 t=.75 target .25: its offer id 1 (.25); U2(3)=.5 >= .25: accept
TEST(NegotiateHand, RedLinesExcludePackages) {
  const auto d = domain_of(load_text(tiny_text("0", "0", ", red_lines: [b2]")));
  EXPECT_NEAR(d->stats(0).umin, 0.2, 1e-12);
  const Result r = negotiate_tiny(*d, {"linear", "linear"}, 5);
  EXPECT_EQ(compact(r), "o0 o5 o1 o4 o1 o2 o3 a");
  ASSERT_TRUE(r.agreement);
  EXPECT_EQ(r.agreement->id, 3u);
  EXPECT_EQ(r.actions, 8u);
  EXPECT_EQ(r.round, 3u);
}

// MiCRO vs MiCRO, R = 10. Lists: P1 0,1,2,3,4,5; P2 5,4,2,3,1,0 (2 before 3: a tie).
//  k0 P1 m=0: list[0]=0 | k1 P2 m=0: list[0]=5, U2(0)=0 < 1: offer 5
//  k2 P1 m=1 k=1: list[1]=1 | k3 P2 m=1 k=2: list[1]=4 (.75), U2(1)=.25: offer 4
//  k4 P1 m=2 k=2: list[2]=2 (.6), U1(4)=.2: offer 2
//  k5 P2 m=2 k=3: next list[2]=2 (.5); U2(2)=.5 >= .5: accept
TEST(NegotiateHand, MicroVsMicro) {
  const auto d = domain_of(load_text(tiny_text()));
  const Result r = negotiate_tiny(*d, {"micro", "micro"}, 10);
  EXPECT_EQ(compact(r), "o0 o5 o1 o4 o2 a");
  ASSERT_TRUE(r.agreement);
  EXPECT_EQ(r.agreement->id, 2u);
}

// MiCRO repeats its lowest proposal while the other proposes nothing new (k < m):
//  k0 P1 list[0]=0 (m=1) | k1 offer 5 | k2 m=1 k=1: list[1]=1 (m=2) | k3 offer 5
//  k4 m=2 k=1 < m: list[1]=1 again | ... deadline after 8 actions.
TEST(NegotiateHand, MicroWaitsForNewOffers) {
  const auto d = domain_of(load_text(tiny_text()));
  const Result r = negotiate_tiny(*d, {"micro", "hardliner"}, 4);
  EXPECT_EQ(compact(r), "o0 o5 o1 o5 o1 o5 o1 o5");
  EXPECT_EQ(r.ending, Ending::deadline);
}

// MiCRO with an empty list ends the negotiation: r = 1, and the red line on b0 leaves P1
// packages 1, 2, 4, 5 (U1 at most .8).
TEST(NegotiateHand, MicroWithEmptyListEnds) {
  const auto d = domain_of(load_text(tiny_text("1", "0", ", red_lines: [b0]")));
  const Result r = negotiate_tiny(*d, {"micro", "linear"}, 4);
  EXPECT_EQ(compact(r), "e");
  EXPECT_EQ(r.ending, Ending::ended);
  ASSERT_TRUE(r.ended_by);
  EXPECT_EQ(*r.ended_by, 0u);
  EXPECT_EQ(r.actions, 1u);
  EXPECT_EQ(r.round, 0u);
  EXPECT_EQ(r.utilities, (std::vector<double>{1.0, 0.0}));
}

// tft vs linear, R = 5. T starts at 1.
//  k0 T=1: offer 0 | k1 linear: offer 5 (U1 0)
//  k2 P2 has one offer: rho 1, offer 0 | k3 linear t=.25: offer 4 (U1 .2)
//  k4 rho: U1 of P2's earlier offer is 0 (<= eps): 1, offer 0 | k5 linear t=.5: offer 2 (U1 .6)
//  k6 rho = .2 / .6: T = 1/3; smallest U1 >= 1/3 is id 3 (.4); U1(2)=.6 >= .4: accept
TEST(NegotiateHand, TitForTatImitatesConcession) {
  const auto d = domain_of(load_text(tiny_text()));
  const Result r = negotiate_tiny(*d, {"tft", "linear"}, 5);
  EXPECT_EQ(compact(r), "o0 o5 o0 o4 o0 o2 a");
  ASSERT_TRUE(r.agreement);
  EXPECT_EQ(r.agreement->id, 2u);
  EXPECT_EQ(r.actions, 7u);
}

// tft vs tft: neither concedes first, so no agreement.
TEST(NegotiateHand, TitForTatAgainstItselfHoldsOut) {
  const auto d = domain_of(load_text(tiny_text()));
  const Result r = negotiate_tiny(*d, {"tft", "tft"}, 4);
  EXPECT_EQ(compact(r), "o0 o5 o0 o5 o0 o5 o0 o5");
}

// freq on a domain where P1 does not care about B (weight 0): ids 0-2 tie at U1 = 1.
// R = 3, Boulware targets 1, .969, 0; band .05.
//  k0 flat model: ids 0,1,2 estimate 1 each: id 0 | k1 hardliner P2: offer 5 (a1,b2)
//  k2 model of P2: v(a1)=1 v(a0)=.5, v(b2)=1 v(b0)=v(b1)=.5, weights .5/.5:
//     id 0: .25+.25=.5, id 1: .5, id 2: .25+.5=.75 -> offer 2 (a time-dependent agent offers 0)
//  k3 offer 5 | k4 target 0: ids 3,4,5 (U1 0): 5 estimates 1 (3 and 4: .667); its offer is
//     5 and U1(5) = 0 >= 0: accept
TEST(NegotiateHand, FrequencyModelPicksWhatTheOpponentWants) {
  std::string text = tiny_text();
  text.replace(text.find("B: {weight: 0.4"), 15, "B: {weight: 0.0");
  text.replace(text.find("A: {weight: 0.6"), 15, "A: {weight: 1.0");
  const auto d = domain_of(load_text(text));
  const Result r = negotiate_tiny(*d, {"freq", "hardliner"}, 3);
  EXPECT_EQ(compact(r), "o0 o5 o2 o5 a");
  ASSERT_TRUE(r.agreement);
  EXPECT_EQ(r.agreement->id, 5u);
  EXPECT_EQ(compact(negotiate_tiny(*d, {"boulware", "hardliner"}, 3)), "o0 o5 o0 o5 a");
}

// random: the same seed gives the same run; offers are its packages with U >= r.
TEST(NegotiateHand, RandomIsDeterministicPerSeed) {
  const auto d = domain_of(load_text(tiny_text("0.3", "0", ", red_lines: [b2]")));
  const Result a = negotiate_tiny(*d, {"random:7", "random"}, 20, 3);
  const Result b = negotiate_tiny(*d, {"random:7", "random"}, 20, 3);
  EXPECT_EQ(compact(a), compact(b));
  bool differs = false;
  for (std::uint64_t seed = 4; seed < 12 && !differs; ++seed)
    differs = compact(negotiate_tiny(*d, {"random:7", "random"}, 20, seed)) != compact(a);
  EXPECT_TRUE(differs) << "the seed of `random` must matter";
  for (const Step& st : a.trace)
    if (st.party == 0 && st.kind == ActionKind::offer) {
      EXPECT_FALSE(d->crosses_red_line(0, st.package));
      EXPECT_GE(d->utility(0, st.package), 0.3 - 1e-12);
    }
}

TEST(NegotiateHand, BadSpecsAreInvalidInput) {
  const auto d = domain_of(load_text(tiny_text()));
  Params p;
  p.rounds = 5;
  p.agents = {"linear", "nosuch"};
  Result r = run(*d, p);
  EXPECT_EQ(r.outcome.status, Status::invalid_input);
  EXPECT_NE(r.outcome.message().find("unknown agent `nosuch` (known: boulware"), std::string::npos) << r.outcome.message();
  p.agents = {"linear", "timedep:-1"};
  EXPECT_NE(run(*d, p).outcome.message().find("exponent E >= 0"), std::string::npos);
  p.agents = {"linear"};
  EXPECT_NE(run(*d, p).outcome.message().find("give one per party"), std::string::npos);
  p.agents = {"linear", "linear"};
  p.rounds = 1;
  EXPECT_NE(run(*d, p).outcome.message().find("at least 2"), std::string::npos);
}

TEST(NegotiateHand, MaxActionsStopsPartial) {
  const auto d = domain_of(load_text(tiny_text()));
  Params p;
  p.agents = {"hardliner", "hardliner"};
  p.rounds = 100;
  p.max_actions = 7;
  const Result r = run(*d, p);
  EXPECT_EQ(r.ending, Ending::stopped);
  EXPECT_EQ(r.outcome.termination.stop, Stop::node_limit);
  EXPECT_EQ(r.actions, 7u);
}

// Every agent also runs, with the same results, when offers come from search.
TEST(NegotiateHand, SearchDomainGivesTheSameTraces) {
  const Scenario s = load_text(tiny_text("0", "0", ", red_lines: [b2]"));
  const auto sorted = domain_of(s), searched = domain_of(s, true);
  ASSERT_TRUE(sorted->sorted());
  ASSERT_FALSE(searched->sorted());
  for (const char* a : {"hardliner", "boulware", "linear", "conceder", "timedep:0.5", "tft", "random"})
    for (const char* b : {"hardliner", "linear", "conceder", "tft"})
      EXPECT_EQ(compact(negotiate_tiny(*sorted, {a, b}, 8)), compact(negotiate_tiny(*searched, {a, b}, 8)))
          << a << " vs " << b;
}

}  // namespace
}  // namespace accord::negotiate

namespace accord::negotiate {
namespace {

// A deadline that has passed: the build fails (time_limit), a run stops partial.
TEST(NegotiateBudget, DeadlineStopsBuildAndRun) {
  const Scenario s = testing::load_text(testing::tiny_text());
  DomainParams dp;
  dp.deadline = Deadline::after(1e-9);
  const DomainBuild b = Domain::build(s, dp);
  EXPECT_EQ(b.outcome.status, Status::invalid_input);
  EXPECT_EQ(b.outcome.termination.stop, Stop::time_limit);
  EXPECT_NE(b.outcome.message().find("raise --max-seconds"), std::string::npos) << b.outcome.message();

  const auto d = testing::domain_of(s);
  Params p;
  p.agents = {"hardliner", "hardliner"};
  p.rounds = 1000;
  p.deadline = Deadline::after(1e-9);
  const Result r = run(*d, p);
  EXPECT_TRUE(r.outcome.ok());
  EXPECT_EQ(r.ending, Ending::stopped);
  EXPECT_EQ(r.outcome.termination.stop, Stop::time_limit);
  EXPECT_EQ(r.actions, 1023u);  // the deadline is polled every 1,024 actions
  EXPECT_EQ(r.utilities, (std::vector<double>{0.0, 0.0}));
}

}  // namespace
}  // namespace accord::negotiate

namespace accord::negotiate {
namespace {

// --version: the issues the version sets are fixed (their contributions still count), the
// others negotiated. v1 sets A = a1, so the space is B alone: ids 0-2 = (a1, b0..b2),
// U1 = .4, .2, 0 and U2 = .5, .75, 1. linear vs linear, R = 5:
//  P1 target .4(1 - t); P2 (Pmin .5) target .5 + .5(1 - t)
//  k0 P1 offer 0 | k1 P2 target 1: offer 2 | k2 P1 target .3: offer 0 | k3 P2 .875: offer 2
//  k4 P1 target .2: offer 1 | k5 P2 target .75: its offer is 1 (.75), U2(1) = .75: accept
TEST(NegotiateVersion, SettledIssuesAreFixed) {
  const Scenario s = testing::load_text(testing::tiny_text("0", "0") + R"(framework:
  versions:
    - id: v1
      label: V1
      date: 2025-01-01
      points:
        - {id: V1_1, number: 1, text: "A is a1", sets: {A: a1}}
)");
  DomainParams dp;
  dp.version = s.find_version("v1");
  const DomainBuild b = Domain::build(s, dp);
  ASSERT_TRUE(b.ok()) << b.outcome.message();
  const Domain& d = *b.domain;
  ASSERT_EQ(d.size(), 3u);
  ASSERT_EQ(d.issues().size(), 1u);
  EXPECT_EQ(s.issues[d.issues()[0]].id, "B");
  EXPECT_NEAR(d.utility(0, 0), 0.4, 1e-12);
  EXPECT_NEAR(d.utility(1, 2), 1.0, 1e-12);
  EXPECT_NEAR(d.stats(1).pmin, 0.5, 1e-12);
  const Result r = testing::negotiate_tiny(d, {"linear", "linear"}, 5);
  EXPECT_EQ(testing::compact(r), "o0 o2 o0 o2 o1 a");
  ASSERT_TRUE(r.agreement);
  const Package& x = r.agreement->package;
  EXPECT_EQ(s.issues[IssueIndex(0)].options[x[IssueIndex(0)]->option].id, "a1");
  EXPECT_EQ(s.issues[IssueIndex(1)].options[x[IssueIndex(1)]->option].id, "b1");
  EXPECT_EQ(r.utilities[0], utility(s, PartyIndex(0), x));
}

}  // namespace
}  // namespace accord::negotiate

// Tournaments: the fixed order of negotiations, each one equal to a direct negotiate::run with
// its derived seed, statistics recomputed independently from the list, and the same result
// with one thread or several.
#include <gtest/gtest.h>

#include <map>

#include "accord/engines/tournament.hpp"
#include "engines/bargain/random_scenario.hpp"

namespace accord {
namespace {

using testing::RandomSpec;

tournament::DomainSpec domain(std::uint32_t seed, std::size_t parties, std::size_t issues) {
  RandomSpec spec;
  spec.parties = parties;
  spec.issues = issues;
  spec.red_line_rate = 0.05;
  const Scenario s = testing::random_scenario(seed, spec);
  const negotiate::DomainBuild built = negotiate::Domain::build(s, {});
  EXPECT_TRUE(built.ok()) << built.outcome.message();
  return {s.id, built.domain};
}

tournament::Params params(std::vector<std::string> agents, std::uint64_t repeats) {
  tournament::Params p;
  p.agents = std::move(agents);
  p.rounds = 20;
  p.repeats = repeats;
  p.seed = 99;
  return p;
}

TEST(Tournament, EveryAssignmentInTheFixedOrderEqualsADirectRun) {
  const std::vector<tournament::DomainSpec> domains = {domain(1, 2, 3), domain(2, 3, 3)};
  const auto p = params({"boulware", "random", "micro"}, 2);
  const tournament::Result r = tournament::run(domains, p);
  ASSERT_TRUE(r.outcome.ok()) << r.outcome.message();
  // 3^2 assignments on the 2-party domain, 3^3 on the 3-party one, twice each.
  EXPECT_EQ(r.planned, (9u + 27u) * 2u);
  EXPECT_EQ(r.negotiations, r.planned);
  ASSERT_EQ(r.results.size(), r.planned);
  std::size_t i = 0;
  for (std::size_t d = 0; d < domains.size(); ++d) {
    const std::size_t n = domains[d].domain->party_count();
    std::vector<std::size_t> agents(n, 0);
    for (std::size_t a = 0; a < (n == 2 ? 9u : 27u); ++a) {
      for (std::uint64_t rep = 0; rep < 2; ++rep, ++i) {
        const tournament::Negotiation& x = r.results[i];
        ASSERT_EQ(x.domain, d);
        ASSERT_EQ(x.assignment, a);
        ASSERT_EQ(x.repeat, rep);
        ASSERT_EQ(x.agents, agents);  // odometer, first party most significant
        ASSERT_EQ(x.seed, tournament::negotiation_seed(99, d, a, rep));
        negotiate::Params np;
        np.rounds = 20;
        np.seed = x.seed;
        for (const std::size_t k : agents) np.agents.push_back(p.agents[k]);
        const negotiate::Result direct = negotiate::run(*domains[d].domain, np);
        ASSERT_EQ(x.ending, direct.ending);
        ASSERT_EQ(x.actions, direct.actions);
        ASSERT_EQ(x.round, direct.round);
        ASSERT_EQ(x.metrics.utilities, direct.utilities);
        ASSERT_EQ(x.agreement.has_value(), direct.agreement.has_value());
        if (direct.agreement) {
          ASSERT_EQ(*x.agreement, direct.agreement->id);
        }
        ASSERT_EQ(x.metrics.agreement, direct.agreement.has_value());
      }
      for (std::size_t q = n; q-- > 0;) {  // next assignment
        if (++agents[q] < 3) break;
        agents[q] = 0;
      }
    }
  }
}

// Per-agent and per-assignment statistics recomputed from the list of negotiations.
TEST(Tournament, StatisticsFromTheList) {
  const std::vector<tournament::DomainSpec> domains = {domain(3, 2, 4), domain(4, 2, 3)};
  const tournament::Result r = tournament::run(domains, params({"linear", "hardliner", "random", "conceder"}, 3));
  ASSERT_TRUE(r.outcome.ok());
  struct Acc {
    double slots = 0, agreements = 0, utility = 0, advantage = 0, rounds = 0;
  };
  std::map<std::size_t, Acc> acc;
  for (const auto& x : r.results) {
    const auto& reservations = r.domains[x.domain].reference.reservations;
    for (std::size_t q = 0; q < x.agents.size(); ++q) {
      Acc& a = acc[x.agents[q]];
      a.slots += 1;
      a.utility += x.metrics.utilities[q];
      a.advantage += x.metrics.utilities[q] - reservations[q];
      if (x.ending == negotiate::Ending::agreement) a.agreements += 1, a.rounds += static_cast<double>(x.round + 1);
    }
  }
  ASSERT_EQ(r.per_agent.size(), 4u);
  for (std::size_t k = 0; k < 4; ++k) {
    const auto& st = r.per_agent[k];
    const Acc& a = acc[k];
    EXPECT_EQ(st.agent, r.agents[k]);
    EXPECT_EQ(static_cast<double>(st.slots), a.slots);
    // Each agent plays 2·4 pairs × 3 repeats per two-party domain, both sides of self-play.
    EXPECT_EQ(st.slots, 2u * 8u * 3u);
    EXPECT_NEAR(st.agreement_rate, a.agreements / a.slots, 1e-12);
    EXPECT_NEAR(st.mean_utility, a.utility / a.slots, 1e-12);
    EXPECT_NEAR(st.mean_advantage, a.advantage / a.slots, 1e-12);
    if (a.agreements > 0) {
      EXPECT_NEAR(*st.mean_rounds, a.rounds / a.agreements, 1e-12);
    } else {
      EXPECT_FALSE(st.mean_rounds);
    }
  }
  EXPECT_EQ(r.per_assignment.size(), 32u);
  std::uint64_t total = 0;
  for (const auto& as : r.per_assignment) total += as.negotiations;
  EXPECT_EQ(total, r.negotiations);
  // The hardliner never agrees with itself: both demand their best package.
  const auto& hh = r.per_assignment[1 * 4 + 1];
  EXPECT_EQ(hh.agents, (std::vector<std::size_t>{1, 1}));
  EXPECT_EQ(hh.agreements, 0u);
}

TEST(Tournament, SameResultWithOneThreadOrTwo) {
  const std::vector<tournament::DomainSpec> domains = {domain(5, 2, 4), domain(6, 3, 3)};
  auto p = params({"random", "boulware", "freq", "tft"}, 4);
  p.threads = 1;
  const tournament::Result one = tournament::run(domains, p);
  p.threads = 2;
  const tournament::Result two = tournament::run(domains, p);
  ASSERT_TRUE(one.outcome.ok() && two.outcome.ok());
  ASSERT_EQ(one.results.size(), two.results.size());
  for (std::size_t i = 0; i < one.results.size(); ++i) {
    EXPECT_EQ(one.results[i].seed, two.results[i].seed);
    EXPECT_EQ(one.results[i].agreement, two.results[i].agreement);
    EXPECT_EQ(one.results[i].metrics.utilities, two.results[i].metrics.utilities);
  }
  for (std::size_t k = 0; k < one.per_agent.size(); ++k) {
    EXPECT_EQ(one.per_agent[k].mean_utility, two.per_agent[k].mean_utility);  // bit for bit
    EXPECT_EQ(one.per_agent[k].mean_rounds, two.per_agent[k].mean_rounds);
  }
}

// Random agents differ between repeats (their seeds do), deterministic agents do not.
TEST(Tournament, RepeatsHaveTheirOwnSeeds) {
  const std::vector<tournament::DomainSpec> domains = {domain(7, 2, 4)};
  const tournament::Result r = tournament::run(domains, params({"random"}, 20));
  ASSERT_TRUE(r.outcome.ok());
  bool differs = false;
  for (const auto& x : r.results) differs = differs || x.actions != r.results[0].actions || x.agreement != r.results[0].agreement;
  EXPECT_TRUE(differs);
  const tournament::Result det = tournament::run(domains, params({"linear"}, 5));
  for (const auto& x : det.results) EXPECT_EQ(x.actions, det.results[0].actions);
}

TEST(Tournament, BadInputIsAStatus) {
  const std::vector<tournament::DomainSpec> domains = {domain(8, 2, 3)};
  auto r = tournament::run(domains, params({"linear", "linear"}, 1));
  EXPECT_EQ(r.outcome.status, Status::invalid_input);
  EXPECT_NE(r.outcome.message().find("listed twice"), std::string::npos);
  r = tournament::run(domains, params({"linear", "nosuchagent"}, 1));
  EXPECT_EQ(r.outcome.status, Status::invalid_input);
  EXPECT_NE(r.outcome.message().find("nosuchagent"), std::string::npos) << r.outcome.message();
  r = tournament::run(domains, params({"linear"}, 0));
  EXPECT_EQ(r.outcome.status, Status::invalid_input);
  r = tournament::run(domains, params({"linear"}, 6'000'000));  // above 5·10^6 negotiations
  EXPECT_EQ(r.outcome.status, Status::invalid_input);
  EXPECT_NE(r.outcome.message().find("more than 5000000 negotiations"), std::string::npos) << r.outcome.message();
  auto p = params({"linear"}, 1);
  p.rounds = 1;
  EXPECT_EQ(tournament::run(domains, p).outcome.status, Status::invalid_input);
}

TEST(Tournament, ADeadlineStopsBetweenBatches) {
  const std::vector<tournament::DomainSpec> domains = {domain(9, 2, 4)};
  auto p = params({"linear", "random"}, 50);
  p.deadline = Deadline::at(Deadline::Clock::now());  // already expired
  const tournament::Result r = tournament::run(domains, p);
  ASSERT_TRUE(r.outcome.ok());
  EXPECT_EQ(r.outcome.termination.stop, Stop::time_limit);
  EXPECT_LT(r.negotiations, r.planned);
  EXPECT_EQ(r.results.size(), r.negotiations);
}

}  // namespace
}  // namespace accord

// Every named agent on the ANAC domains (2, 3 and 5 parties; GENIUS scoring via the
// importer). Skips when ../shared/data/genius-anac is absent.
#include <gtest/gtest.h>

#include <filesystem>

#include "accord/engines/agent.hpp"
#include "accord/engines/negotiate.hpp"
#include "accord/io/genius.hpp"
#include "accord/io/genius_folder.hpp"
#include "accord/model/utility.hpp"
#include "io/genius/anac_cases.hpp"

namespace accord::negotiate {
namespace {

std::string root() { return std::string(ACCORD_SHARED_DATA_DIR) + "/genius-anac"; }

const std::vector<std::string> kAgents = {"hardliner", "boulware", "linear", "conceder", "timedep:0.5",
                                          "micro",     "tft",      "freq",   "random",   "random:11"};

class AnacNegotiation : public ::testing::TestWithParam<std::string> {};

TEST_P(AnacNegotiation, EveryNamedAgentInEveryPosition) {
  if (!std::filesystem::exists(root())) GTEST_SKIP() << root() << " not found";
  const auto cases = ::accord::testing::anac_cases();
  const auto c = *std::find_if(cases.begin(), cases.end(), [](const auto& x) { return x.folder == GetParam(); });
  const io::GeniusImport imp = io::import_genius(c.domain(root()), c.profiles(root()));
  ASSERT_TRUE(imp.ok());
  const Scenario& s = *imp.scenario;
  const DomainBuild b = Domain::build(s);
  ASSERT_TRUE(b.ok()) << b.outcome.message();
  const Domain& d = *b.domain;
  const std::size_t n = d.party_count();
  ASSERT_EQ(n, c.profile_files.size());
  std::size_t agreements = 0;
  for (std::size_t i = 0; i < kAgents.size(); ++i) {
    Params p;
    for (std::size_t q = 0; q < n; ++q) p.agents.push_back(kAgents[(i + 3 * q) % kAgents.size()]);
    p.rounds = 60;
    p.seed = 5;
    p.trace = true;
    const Result r = run(d, p);
    ASSERT_TRUE(r.outcome.ok()) << r.outcome.message();
    EXPECT_LE(r.actions, n * p.rounds);
    EXPECT_EQ(r.round, (r.actions - 1) / n);
    const Result again = run(d, p);
    EXPECT_EQ(again.actions, r.actions) << "deterministic";
    EXPECT_EQ(again.utilities, r.utilities) << "deterministic";
    if (!r.agreement) {
      EXPECT_NE(r.ending, Ending::agreement);
      for (std::size_t q = 0; q < n; ++q) EXPECT_EQ(r.utilities[q], d.stats(q).reservation);
      continue;
    }
    ++agreements;
    const Package x = r.agreement->package;
    for (std::size_t q = 0; q < n; ++q) {
      EXPECT_EQ(r.utilities[q], utility(s, d.parties()[q], x)) << "GENIUS scoring, bit-identical";
      if (q != r.agreement->proposer) EXPECT_GE(r.utilities[q], d.stats(q).reservation - kNegotiationEps);
    }
    // The last n - 1 actions accepted the agreement.
    for (std::size_t k = r.trace.size() - (n - 1); k < r.trace.size(); ++k)
      EXPECT_EQ(r.trace[k].kind, ActionKind::accept);
  }
  // With a zone of agreement some assignment agrees; without one (Lunch: reservations 0.8)
  // none can, since every named agent accepts only packages at or above its reservation.
  bool zone = false;
  for (PackageId x = 0; x < d.size() && !zone; ++x) {
    zone = true;
    for (std::size_t q = 0; q < n && zone; ++q) zone = d.utility(q, x) >= d.stats(q).reservation - kNegotiationEps;
  }
  if (zone) EXPECT_GT(agreements, 0u) << "some assignment of named agents should agree on " << c.folder;
  else EXPECT_EQ(agreements, 0u) << c.folder;
}

INSTANTIATE_TEST_SUITE_P(Domains, AnacNegotiation,
                         ::testing::Values("y2011/Laptop", "y2010/ItexvsCypress", "y2010/EnglandZimbabwe",
                                           "y2012/ItexvsCypressA", "y2011/Grocery", "y2013/Lunch", "y2016/Atlas3",
                                           "y2015/group2-politics", "y2015/group9-killer_robot"),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (char& ch : name)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return name;
                         });

// The nonlinear 10issues domain (10^10 packages) cannot be tabulated: a clear error.
TEST(AnacNegotiationLimits, NonlinearHugeDomainIsRefused) {
  if (!std::filesystem::exists(root())) GTEST_SKIP() << root() << " not found";
  const auto cases = ::accord::testing::anac_cases();
  const auto& c = cases.back();
  ASSERT_EQ(c.folder, "y2014/10issues");
  const io::GeniusImport imp = io::import_genius(c.domain(root()), c.profiles(root()));
  ASSERT_TRUE(imp.ok());
  const DomainBuild b = Domain::build(*imp.scenario);
  EXPECT_EQ(b.outcome.status, Status::invalid_input);
  EXPECT_NE(b.outcome.message().find("non-additive preferences"), std::string::npos) << b.outcome.message();
}

// A folder is read as its domain file and its profiles in file-name order.
TEST(AnacNegotiationLimits, FolderFindsDomainAndProfiles) {
  if (!std::filesystem::exists(root())) GTEST_SKIP() << root() << " not found";
  const io::GeniusFolder f = io::find_genius_folder(root() + "/y2014/10issues");
  ASSERT_TRUE(f.ok()) << f.error;
  EXPECT_EQ(std::filesystem::path(f.domain).filename(), "10issues-domain.xml");
  ASSERT_EQ(f.profiles.size(), 2u);  // pareto.xml is not a profile
  EXPECT_EQ(std::filesystem::path(f.profiles[0]).filename(), "profile-1.xml");
  const io::GeniusFolder g = io::find_genius_folder(root() + "/y2015/group9-killer_robot");
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g.profiles.size(), 5u);
  EXPECT_EQ(std::filesystem::path(g.profiles[4]).filename(), "KillerRobot_util5.xml");
  EXPECT_FALSE(io::find_genius_folder(root()).ok());
}

}  // namespace
}  // namespace accord::negotiate

#include "accord/model/indexed_vector.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <vector>

#include "accord/model/conflict.hpp"
#include "accord/model/ids.hpp"
#include "accord/model/scenario.hpp"

namespace accord {
namespace {

template <class Container, class Key>
concept IndexableBy = requires(Container c, Key k) { c[k]; };
template <class Container, class Key>
concept AtBy = requires(Container c, Key k) { c.at(k); };

using Parties = IndexedVector<PartyIndex, std::string>;

// The point of the type: only its own index compiles.
static_assert(IndexableBy<Parties, PartyIndex>);
static_assert(IndexableBy<const Parties, PartyIndex>);
static_assert(!IndexableBy<Parties, IssueIndex>);
static_assert(!IndexableBy<Parties, VersionIndex>);
static_assert(!IndexableBy<Parties, std::size_t>);
static_assert(!IndexableBy<Parties, int>);
static_assert(AtBy<Parties, PartyIndex>);
static_assert(!AtBy<Parties, std::size_t>);
static_assert(!AtBy<Parties, IssueIndex>);

// The scenario's containers keyed by party.
static_assert(IndexableBy<decltype(Scenario::parties), PartyIndex>);
static_assert(!IndexableBy<decltype(Scenario::parties), std::size_t>);
static_assert(!IndexableBy<decltype(Scenario::parties), IssueIndex>);
static_assert(IndexableBy<decltype(Scenario::preferences), PartyIndex>);
static_assert(!IndexableBy<decltype(Scenario::preferences), std::size_t>);
static_assert(IndexableBy<decltype(Version::stances), PartyIndex>);
static_assert(!IndexableBy<decltype(Version::stances), std::size_t>);
static_assert(IndexableBy<decltype(Version::stances)::value_type, PointIndex>);
static_assert(!IndexableBy<decltype(Version::stances)::value_type, PartyIndex>);
static_assert(!IndexableBy<decltype(Version::stances)::value_type, std::size_t>);
static_assert(IndexableBy<decltype(Scenario::versions), VersionIndex>);
static_assert(!IndexableBy<decltype(Scenario::versions), std::size_t>);
static_assert(!IndexableBy<decltype(Scenario::versions), PartyIndex>);
static_assert(IndexableBy<decltype(Version::points), PointIndex>);
static_assert(!IndexableBy<decltype(Version::points), std::size_t>);
static_assert(!IndexableBy<decltype(Version::points), VersionIndex>);

// The containers keyed by issue and by option.
static_assert(IndexableBy<decltype(Scenario::issues), IssueIndex>);
static_assert(!IndexableBy<decltype(Scenario::issues), std::size_t>);
static_assert(!IndexableBy<decltype(Scenario::issues), OptionIndex>);
static_assert(!IndexableBy<decltype(Scenario::issues), PartyIndex>);
static_assert(IndexableBy<decltype(Preferences::issues), IssueIndex>);
static_assert(!IndexableBy<decltype(Preferences::issues), std::size_t>);
static_assert(!IndexableBy<decltype(Preferences::issues), PartyIndex>);
static_assert(IndexableBy<Package, IssueIndex>);
static_assert(!IndexableBy<Package, std::size_t>);
static_assert(!IndexableBy<Package, OptionIndex>);
static_assert(!IndexableBy<Package, PointIndex>);
static_assert(IndexableBy<decltype(Issue::options), OptionIndex>);
static_assert(!IndexableBy<decltype(Issue::options), std::size_t>);
static_assert(!IndexableBy<decltype(Issue::options), IssueIndex>);
static_assert(IndexableBy<decltype(IssuePreference::option_values), OptionIndex>);
static_assert(!IndexableBy<decltype(IssuePreference::option_values), std::size_t>);
static_assert(!IndexableBy<decltype(IssuePreference::option_values), IssueIndex>);

// The conflict (GMCR) section: options by ConflictOptionIndex, decision makers by
// DecisionMakerIndex, neither by the other nor by a scenario index.
static_assert(IndexableBy<decltype(Conflict::options), ConflictOptionIndex>);
static_assert(IndexableBy<const decltype(Conflict::options), ConflictOptionIndex>);
static_assert(!IndexableBy<decltype(Conflict::options), std::size_t>);
static_assert(!IndexableBy<decltype(Conflict::options), int>);
static_assert(!IndexableBy<decltype(Conflict::options), DecisionMakerIndex>);
static_assert(!IndexableBy<decltype(Conflict::options), OptionIndex>);
static_assert(!AtBy<decltype(Conflict::options), std::size_t>);
static_assert(IndexableBy<decltype(Conflict::decision_makers), DecisionMakerIndex>);
static_assert(IndexableBy<const decltype(Conflict::decision_makers), DecisionMakerIndex>);
static_assert(!IndexableBy<decltype(Conflict::decision_makers), std::size_t>);
static_assert(!IndexableBy<decltype(Conflict::decision_makers), int>);
static_assert(!IndexableBy<decltype(Conflict::decision_makers), ConflictOptionIndex>);
static_assert(!IndexableBy<decltype(Conflict::decision_makers), PartyIndex>);
static_assert(!AtBy<decltype(Conflict::decision_makers), std::size_t>);

TEST(IndexedVector, IndexesByItsOwnIndexAndGrowsLikeAVector) {
  Parties v;
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(v.next_index(), PartyIndex(0));
  v.push_back("a");
  v.emplace_back("b");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[PartyIndex(0)], "a");
  EXPECT_EQ(v[PartyIndex(1)], "b");
  v[PartyIndex(1)] = "c";
  EXPECT_EQ(v.at(PartyIndex(1)), "c");
  EXPECT_EQ(v.front(), "a");
  EXPECT_EQ(v.back(), "c");
  EXPECT_EQ(v.next_index(), PartyIndex(2));
}

TEST(IndexedVector, AtRejectsAnIndexOutOfRange) {
  Parties v{"a"};
  EXPECT_THROW((void)v.at(PartyIndex(1)), std::out_of_range);
  EXPECT_THROW((void)v.at(PartyIndex()), std::out_of_range);  // invalid index (-1)
}

TEST(IndexedVector, ContainsOnlyValidIndicesBelowSize) {
  const Parties v{"a", "b"};
  EXPECT_TRUE(v.contains(PartyIndex(0)));
  EXPECT_TRUE(v.contains(PartyIndex(1)));
  EXPECT_FALSE(v.contains(PartyIndex(2)));
  EXPECT_FALSE(v.contains(PartyIndex()));
}

TEST(IndexedVector, IndicesRunFromZeroToSize) {
  const Parties v{"a", "b", "c"};
  std::vector<PartyIndex> seen;
  for (const PartyIndex p : v.indices()) seen.push_back(p);
  EXPECT_EQ(seen, (std::vector<PartyIndex>{PartyIndex(0), PartyIndex(1), PartyIndex(2)}));
  EXPECT_EQ(v.indices().size(), 3u);
  int none = 0;
  for (const PartyIndex p : Parties{}.indices()) none += p.valid() ? 1 : 0;
  EXPECT_EQ(none, 0);
}

TEST(IndexedVector, IteratesInOrderAndComparesByValue) {
  Parties a{"x", "y"};
  std::string joined;
  for (const std::string& s : a) joined += s;
  EXPECT_EQ(joined, "xy");
  Parties b;
  b.push_back("x");
  b.push_back("y");
  EXPECT_EQ(a, b);
  b[PartyIndex(1)] = "z";
  EXPECT_NE(a, b);
  EXPECT_EQ(a.vector(), (std::vector<std::string>{"x", "y"}));
}

TEST(IndexedVector, SizedConstructionAndAssign) {
  IndexedVector<PointIndex, int> v(3, 7);
  EXPECT_EQ(v.size(), 3u);
  EXPECT_EQ(v[PointIndex(2)], 7);
  v.assign(2, 1);
  EXPECT_EQ(v.size(), 2u);
  EXPECT_EQ(v[PointIndex(1)], 1);
  v.resize(4);
  EXPECT_EQ(v[PointIndex(3)], 0);
}

TEST(IndexedVector, ScenarioStaysAPlainValue) {
  Scenario a;
  Party party;
  party.id = "A";
  a.parties.push_back(party);
  a.preferences.emplace_back();
  Scenario b = a;
  EXPECT_EQ(a, b);
  b.parties[PartyIndex(0)].name = "changed";
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace accord

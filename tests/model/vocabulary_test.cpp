// Each model vocabulary reads back what it writes, and nothing else.
#include <gtest/gtest.h>

#include "accord/model/scenario.hpp"

namespace accord {
namespace {

template <class E>
void expect_round_trip(std::initializer_list<E> values, std::optional<E> (*parse)(std::string_view)) {
  for (E v : values) {
    const std::string text(to_string(v));
    EXPECT_EQ(parse(text), v) << text;
    EXPECT_EQ(parse(text + " "), std::nullopt) << text;  // exact text only
  }
  EXPECT_EQ(parse(""), std::nullopt);
  EXPECT_EQ(parse("?"), std::nullopt);
}

TEST(Vocabulary, RolesRoundTrip) {
  expect_round_trip({Role::party, Role::mediator, Role::stakeholder}, parse_role);
  EXPECT_EQ(parse_role("Mediator"), std::nullopt);
}

TEST(Vocabulary, StanceKindsRoundTrip) {
  expect_round_trip({StanceKind::accept, StanceKind::reject, StanceKind::conditional, StanceKind::unknown},
                    parse_stance_kind);
}

TEST(Vocabulary, IssueKindsRoundTrip) { expect_round_trip({IssueKind::discrete, IssueKind::numeric}, parse_issue_kind); }

TEST(Vocabulary, EventKindsRoundTripAndNotSetIsNeverParsed) {
  expect_round_trip({EventKind::talks, EventKind::statement, EventKind::strike, EventKind::proposal, EventKind::other},
                    parse_event_kind);
  EXPECT_EQ(static_cast<int>(EventKind::not_set), 0);
  EXPECT_EQ(to_string(EventKind::not_set), "not_set");
  EXPECT_EQ(parse_event_kind("not_set"), std::nullopt);
  const std::vector<std::string> names = {"talks", "statement", "strike", "proposal", "other"};
  EXPECT_EQ(event_kind_names(), names);  // the text of files, the database and JSON, unchanged
}

}  // namespace
}  // namespace accord

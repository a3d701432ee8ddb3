// The result envelope: every Status and Stop name parses back to its value.
#include <gtest/gtest.h>

#include "accord/model/outcome.hpp"

namespace accord {
namespace {

TEST(Outcome, StatusNamesRoundTrip) {
  for (Status s : {Status::not_set, Status::ok, Status::invalid_input, Status::internal})
    EXPECT_EQ(parse_status(to_string(s)), s) << to_string(s);
  EXPECT_FALSE(parse_status("OK").has_value());
}

TEST(Outcome, StopNamesRoundTrip) {
  for (Stop s : {Stop::not_set, Stop::finished, Stop::time_limit, Stop::node_limit, Stop::size_limit, Stop::memory_limit})
    EXPECT_EQ(parse_stop(to_string(s)), s) << to_string(s);
  EXPECT_FALSE(parse_stop("done").has_value());
}

TEST(Outcome, FailureCarriesItsMessage) {
  const Outcome o = Outcome::failure(Status::invalid_input, "no version `v99`", "params.version");
  EXPECT_FALSE(o.ok());
  EXPECT_EQ(o.message(), "no version `v99`");
  ASSERT_EQ(o.diagnostics.size(), 1u);
  EXPECT_EQ(o.diagnostics[0].path, "params.version");
  EXPECT_TRUE(Outcome::success().ok());
  EXPECT_TRUE(Outcome::success().termination.finished());
}

}  // namespace
}  // namespace accord

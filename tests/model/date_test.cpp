// ISO 8601 dates (issue 16): the shape and the calendar.
#include <gtest/gtest.h>

#include "accord/model/date.hpp"

namespace accord {
namespace {

TEST(Date, AcceptsCalendarDatesAndCoarserOnes) {
  for (const char* d : {"2025-11-23", "2024-02-29", "2000-02-29", "2025-12-31", "2025-11", "2025", "0001-01-01"})
    EXPECT_EQ(date_problem(d), std::nullopt) << d;
}

TEST(Date, RefusesWhatIsNotOnTheCalendar) {
  EXPECT_EQ(date_problem("2026-13-45"), "month 13 is not 01-12");
  EXPECT_EQ(date_problem("2026-00"), "month 00 is not 01-12");
  EXPECT_EQ(date_problem("2025-02-29"), "day 29 is not in 01-28 for 2025-02");
  EXPECT_EQ(date_problem("1900-02-29"), "day 29 is not in 01-28 for 1900-02");
  EXPECT_EQ(date_problem("2025-04-31"), "day 31 is not in 01-30 for 2025-04");
  EXPECT_EQ(date_problem("2025-04-00"), "day 00 is not in 01-30 for 2025-04");
  for (const char* d : {"yesterday", "", "2025-1-5", "25-11-23", "2025/11/23", "2025-11-23T10:00", "2025-11-2x"})
    EXPECT_EQ(date_problem(d), "wrong form") << d;
}

TEST(Date, ErrorQuotesTheTextAndTheFormat) {
  EXPECT_EQ(date_error("2026-13-45"),
            "`2026-13-45` is not a date (month 13 is not 01-12); expected YYYY-MM-DD, YYYY-MM or YYYY");
  EXPECT_EQ(date_error("2025-11-23"), std::nullopt);
}

}  // namespace
}  // namespace accord

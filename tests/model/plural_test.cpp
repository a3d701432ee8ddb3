// Counts in prose agree in number (issue 16: "1 points", "1 parties" were printed).
#include <gtest/gtest.h>

#include "accord/model/plural.hpp"

namespace accord {
namespace {

TEST(Plural, OneIsSingularEverythingElsePlural) {
  EXPECT_EQ(counted(1, "point"), "1 point");
  EXPECT_EQ(counted(0, "point"), "0 points");
  EXPECT_EQ(counted(2, "point"), "2 points");
  EXPECT_EQ(counted(1, "party"), "1 party");
  EXPECT_EQ(counted(5, "party"), "5 parties");
  EXPECT_EQ(counted(3, "dimension"), "3 dimensions");
  EXPECT_EQ(counted(2, "day"), "2 days");  // a vowel before the y
}

}  // namespace
}  // namespace accord

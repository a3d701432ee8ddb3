// Conditions read from text: a bad one is an invalid_input outcome whose message says what was
// found and what was expected (no error out-parameter).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "accord/model/conflict.hpp"

namespace accord {
namespace {

using ::testing::HasSubstr;

Conflict two_options() {
  Conflict c;
  for (const char* id : {"strike", "talks"}) {
    ConflictOption o;
    o.id = id;
    c.options.push_back(o);
  }
  return c;
}

TEST(ParseCondition, ReadsAnOrOfAnds) {
  const ConditionParse p = parse_condition(two_options(), "strike & !talks | talks");
  ASSERT_TRUE(p.ok()) << p.outcome.message();
  EXPECT_TRUE(p.outcome.diagnostics.empty());
  ASSERT_EQ(p.condition->any.size(), 2u);
  EXPECT_EQ(p.condition->any[0].literals.size(), 2u);
  EXPECT_FALSE(p.condition->any[0].literals[1].taken);
}

TEST(ParseCondition, WordsAreTheOperators) {
  const Conflict c = two_options();
  EXPECT_EQ(parse_condition(c, "strike and not talks or talks").condition,
            parse_condition(c, "strike & !talks | talks").condition);
}

TEST(ParseCondition, ABadConditionIsInvalidInputWithTheReason) {
  const Conflict c = two_options();
  const struct {
    const char* text;
    const char* message;
  } cases[] = {
      {"strike $ talks", "unexpected character `$`"},
      {"& $", "unexpected character `$`"},  // the character is named before the syntax
      {"  ", "empty condition"},
      {"| strike", "found `|` where an option id was expected"},
      {"strike talks", "found `talks` after an option"},
      {"strike &", "ends with an operator"},
      {"strik", "unknown option `strik`; expected an option id of `conflict.options` (did you mean `strike`?)"},
  };
  for (const auto& k : cases) {
    const ConditionParse p = parse_condition(c, k.text);
    EXPECT_FALSE(p.ok()) << k.text;
    EXPECT_FALSE(p.condition.has_value()) << k.text;
    EXPECT_EQ(p.outcome.status, Status::invalid_input) << k.text;
    EXPECT_THAT(p.outcome.message(), HasSubstr(k.message)) << k.text;
  }
}

}  // namespace
}  // namespace accord

// The `conflict:` section: reading, diagnostics, lossless YAML -> model -> JSON -> model.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "accord/engines/gmcr.hpp"
#include "accord/io/scenario_io.hpp"

namespace accord::io {
namespace {

using ::testing::HasSubstr;

const char* kHead = R"(format: 1
id: t
title: T
parties:
  - {id: A, name: Alpha}
  - {id: B, name: Beta}
issues:
  - {id: i, title: I, options: [x, y]}
)";

const char* kConflict = R"(conflict:
  note: two prisoners and an escape hatch
  options:
    - {id: a_defect, label: "A defects"}
    - {id: b_defect, label: "B defects", source: "https://example.org", estimate: true}
    - {id: hatch, direction: fwd}
    - {id: x1, direction: back}
    - x2
  decision_makers:
    - id: A
      party: A
      options: [a_defect, hatch]
      preferences:
        - "!b_defect"
        - {statement: "a_defect | hatch & !x1", estimate: true, note: guess}
    - id: B
      name: Beta's government
      party: B
      options: [b_defect, x1, x2]
      preferences:
        - not a_defect and x2
        - b_defect
  infeasible:
    - "hatch & x1"
    - {when: "YY--N", source: "https://example.org/why"}
  exclusive:
    - [x1, x2]
  status_quo: NNNYN
)";

LoadResult load(const std::string& conflict) { return load_scenario_text(std::string(kHead) + conflict, "t.yaml"); }

std::string all_messages(const LoadResult& r) {
  std::string out;
  for (const auto& d : r.outcome.diagnostics) out += d.to_string() + "\n";
  return out;
}

TEST(GmcrConflictSection, ReadsEveryField) {
  const LoadResult r = load(kConflict);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  const Conflict& c = *r.scenario->conflict;
  ASSERT_EQ(c.options.size(), 5u);
  EXPECT_EQ(c.options[ConflictOptionIndex(2)].direction, Direction::forward);
  EXPECT_EQ(c.options[ConflictOptionIndex(3)].direction, Direction::backward);
  EXPECT_TRUE(c.options[ConflictOptionIndex(1)].provenance.estimate);
  ASSERT_EQ(c.decision_makers.size(), 2u);
  EXPECT_EQ(c.decision_makers[DecisionMakerIndex(1)].party.value, 1);
  EXPECT_EQ(c.decision_makers[DecisionMakerIndex(1)].name, "Beta's government");
  const auto& st = c.decision_makers[DecisionMakerIndex(0)].statements;
  ASSERT_EQ(st.size(), 2u);
  EXPECT_FALSE(st[0].condition.any[0].literals[0].taken);
  ASSERT_EQ(st[1].condition.any.size(), 2u);  // a_defect | (hatch & !x1)
  EXPECT_TRUE(st[1].provenance.estimate);
  EXPECT_EQ(format_condition(c, c.decision_makers[DecisionMakerIndex(1)].statements[0].condition), "!a_defect & x2");
  ASSERT_EQ(c.infeasible.size(), 2u);
  EXPECT_EQ(format_conjunction(c, c.infeasible[1].when), "a_defect & b_defect & !x2");
  EXPECT_EQ(c.exclusive.size(), 1u);
  EXPECT_EQ(c.status_quo, StateCode{0b01000});
  EXPECT_EQ(c.provenance.note, "two prisoners and an escape hatch");
}

TEST(GmcrConflictSection, RoundTripIsLossless) {
  const LoadResult r = load(kConflict);
  ASSERT_TRUE(r.ok()) << all_messages(r);
  for (TextFormat f : {TextFormat::json, TextFormat::yaml}) {
    const std::string text = write_scenario(*r.scenario, f);
    const LoadResult again = load_scenario_text(text, f == TextFormat::json ? "t.json" : "t2.yaml");
    ASSERT_TRUE(again.ok()) << all_messages(again) << text;
    EXPECT_EQ(*again.scenario->conflict, *r.scenario->conflict) << text;
  }
}

TEST(GmcrConflictSection, RankingAndStatusQuoAsOptionList) {
  const LoadResult r = load(R"(conflict:
  options: [a, b]
  decision_makers:
    - {id: A, options: [a], ranking: [YN, [NN, YY], NY]}
    - {id: B, options: [b], preferences: [b]}
  status_quo: [b]
)");
  ASSERT_TRUE(r.ok()) << all_messages(r);
  const Conflict& c = *r.scenario->conflict;
  EXPECT_EQ(c.decision_makers[DecisionMakerIndex(0)].preference_kind, PreferenceKind::ranking);
  ASSERT_EQ(c.decision_makers[DecisionMakerIndex(0)].ranking.size(), 3u);
  EXPECT_EQ(c.decision_makers[DecisionMakerIndex(0)].ranking[1], (std::vector<StateCode>{0, 3}));
  EXPECT_EQ(c.status_quo, StateCode{2});
  const std::string json = write_scenario(*r.scenario, TextFormat::json);
  const LoadResult again = load_scenario_text(json, "t.json");
  ASSERT_TRUE(again.ok()) << all_messages(again);
  EXPECT_EQ(*again.scenario->conflict, c);
}

struct BadCase {
  const char* name;
  const char* conflict;
  const char* expected;  // substring of one diagnostic
};

class GmcrConflictDiagnostics : public ::testing::TestWithParam<BadCase> {};

TEST_P(GmcrConflictDiagnostics, NamesPathEntityFoundAndExpected) {
  const LoadResult r = load(GetParam().conflict);
  EXPECT_FALSE(r.ok());
  EXPECT_THAT(all_messages(r), HasSubstr(GetParam().expected));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, GmcrConflictDiagnostics,
    ::testing::Values(
        BadCase{"UnknownOptionInStatement",
                "conflict:\n  options: [attack, retreat]\n  decision_makers:\n"
                "    - {id: A, options: [attack], preferences: [\"atack & !retreat\"]}\n"
                "    - {id: B, options: [retreat], preferences: [retreat]}\n",
                "t.yaml:12:48: error: conflict.decision_makers.A.preferences[0] (decision maker A): in "
                "condition `atack & !retreat`: unknown option `atack`; expected an option id of "
                "`conflict.options` (did you mean `attack`?)"},
        BadCase{"UnquotedNegationIsATag",
                "conflict:\n  options: [a, b]\n  decision_makers:\n"
                "    - id: A\n      options: [a]\n      preferences:\n        - !b\n"
                "    - {id: B, options: [b], preferences: [b]}\n",
                "YAML read `!b` as a tag, not as a condition; quote the condition"},
        BadCase{"BadDirection",
                "conflict:\n  options: [{id: a, direction: forward}, b]\n  decision_makers:\n"
                "    - {id: A, options: [a], preferences: [a]}\n    - {id: B, options: [b], preferences: [b]}\n",
                "conflict.options[0].direction (option a): unknown direction `forward`; expected `both`, `fwd`"},
        BadCase{"UncontrolledOption",
                "conflict:\n  options: [a, b, c]\n  decision_makers:\n"
                "    - {id: A, options: [a], preferences: [a]}\n    - {id: B, options: [b], preferences: [b]}\n",
                "conflict.options.c (option c): no decision maker controls option `c`"},
        BadCase{"OptionControlledTwice",
                "conflict:\n  options: [a, b]\n  decision_makers:\n"
                "    - {id: A, options: [a, b], preferences: [a]}\n    - {id: B, options: [b], preferences: [b]}\n",
                "option `b` is already controlled by `A`; expected each option to have one controller"},
        BadCase{"UnknownParty",
                "conflict:\n  options: [a, b]\n  decision_makers:\n"
                "    - {id: A, party: Ax, options: [a], preferences: [a]}\n    - {id: B, options: [b], preferences: [b]}\n",
                "unknown party `Ax`; expected a party id of `parties`; did you mean `A`?"},
        BadCase{"BadPattern",
                "conflict:\n  options: [a, b]\n  decision_makers:\n"
                "    - {id: A, options: [a], ranking: [YN, NN, YY, NX]}\n    - {id: B, options: [b], preferences: [b]}\n",
                "expected a state pattern of 2 characters Y or N (one per option, in order), found `NX`"},
        BadCase{"RankingOmitsState",
                "conflict:\n  options: [a, b]\n  decision_makers:\n"
                "    - {id: A, options: [a], ranking: [YN, NN, YY]}\n    - {id: B, options: [b], preferences: [b]}\n",
                "conflict.decision_makers.A.ranking (decision maker A): the ranking omits 1 feasible state(s): NY"},
        BadCase{"InfeasibleStatusQuo",
                "conflict:\n  options: [a, b]\n  decision_makers:\n"
                "    - {id: A, options: [a], preferences: [a]}\n    - {id: B, options: [b], preferences: [b]}\n"
                "  infeasible: [\"a & b\"]\n  status_quo: YY\n",
                "conflict.status_quo: the status quo YY is infeasible; expected a feasible state"},
        BadCase{"BadInfeasible",
                "conflict:\n  options: [a, b]\n  decision_makers:\n"
                "    - {id: A, options: [a], preferences: [a]}\n    - {id: B, options: [b], preferences: [b]}\n"
                "  infeasible: [\"Y-N\"]\n",
                "`Y-N` is neither a pattern of 2 characters Y/N/- nor a condition"},
        BadCase{"BothPreferenceKinds",
                "conflict:\n  options: [a, b]\n  decision_makers:\n"
                "    - {id: A, options: [a], preferences: [a], ranking: [YN]}\n    - {id: B, options: [b], preferences: [b]}\n",
                "both `preferences` and `ranking` given; expected one of them"},
        BadCase{"UnknownKey",
                "conflict:\n  optionz: [a]\n  options: [a, b]\n  decision_makers: []\n",
                "unknown field `optionz`"}),
    [](const ::testing::TestParamInfo<BadCase>& c) { return std::string(c.param.name); });

}  // namespace
}  // namespace accord::io

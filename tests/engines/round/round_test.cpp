// The rounds engine: per-point tallies, readiness through evaluate's near-final rule, the
// convergence counts, and next_version (ids, numbers, `from:` links) checked against the diff
// engine on random edits of geneva-2025 (fixed seeds).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "accord/engines/diff.hpp"
#include "accord/engines/round.hpp"
#include "accord/io/builtin.hpp"
#include "accord/io/scenario_io.hpp"

namespace accord {
namespace {

constexpr const char* kSmall = R"(
format: 1
id: t
title: Rounds engine fixture
parties:
  - {id: A, name: Alpha, role: party}
  - {id: B, name: Beta, role: party}
  - {id: M, name: Mediator, role: mediator}
issues:
  - {id: border, title: Border, options: [OLD, NOW, NEW]}
  - {id: troops, title: Troops, range: {min: 0, max: 100, step: 10}}
preferences:
  A: {reservation: 0.2, issues: {border: {weight: 0.01, values: {OLD: 1, NOW: 0.5, NEW: 0}}, troops: {weight: 0.99, curve: [[0, 0], [100, 1]]}}}
  B: {reservation: 0.2, issues: {border: {weight: 0.01, values: {OLD: 0, NOW: 0.5, NEW: 1}}, troops: {weight: 0.99, curve: [[0, 1], [100, 0]]}}}
framework:
  versions:
    - id: d1
      points:
        - {id: P1, number: 1, text: "Line along the contact line", sets: {border: NOW}}
        - {id: P2, number: 2, text: "Troop ceiling of 30,000", sets: {troops: 30}}
        - {id: P3, number: 3, text: "Talks continue"}
      stances:
        M: {P1: accept, P2: accept, P3: accept}
)";

Scenario load(const char* text) {
  auto r = io::load_scenario_text(text, "t.yaml");
  EXPECT_TRUE(r.ok()) << (r.outcome.diagnostics.empty() ? "" : r.outcome.diagnostics[0].to_string());
  return *r.scenario;
}

RoundResponse ans(const std::string& point, RoundAnswer a) {
  RoundResponse r;
  r.point = point;
  r.answer = a;
  return r;
}

RoundRecord round_of(std::vector<PartyResponses> responses) {
  RoundRecord r;
  r.scenario = "t";
  r.number = 1;
  r.version = "d1";
  r.parties = {"A", "B"};
  r.responses = std::move(responses);
  return r;
}

TEST(RoundsSummary, TalliesEachAddressedPartyOncePerPoint) {
  const Scenario s = load(kSmall);
  const RoundRecord r = round_of({{"A", {ans("P1", RoundAnswer::accept), ans("P2", RoundAnswer::reject)}},
                                  {"B", {ans("P2", RoundAnswer::conditional), ans("P3", RoundAnswer::no_answer)}}});
  const rounds::Summary sum = rounds::summarize(s, r);
  ASSERT_TRUE(sum.outcome.ok()) << sum.outcome.message();
  ASSERT_EQ(sum.points.size(), 3u);
  const PartyIndex a = s.find_party("A"), b = s.find_party("B");
  EXPECT_EQ(sum.points[0].accept, std::vector<PartyIndex>{a});
  EXPECT_EQ(sum.points[0].silent, std::vector<PartyIndex>{b});
  EXPECT_EQ(sum.points[1].reject, std::vector<PartyIndex>{a});
  EXPECT_EQ(sum.points[1].conditional, std::vector<PartyIndex>{b});
  EXPECT_EQ(sum.points[2].silent, (std::vector<PartyIndex>{a, b}));  // no_answer is silent
  for (const auto& t : sum.points)
    EXPECT_EQ(t.accept.size() + t.reject.size() + t.conditional.size() + t.silent.size(), 2u);
  EXPECT_EQ(sum.convergence.blocked_by[0], std::vector<PointIndex>{PointIndex(1)});
  EXPECT_EQ(sum.convergence.conditional_by[1], std::vector<PointIndex>{PointIndex(1)});
  EXPECT_EQ(sum.convergence.answered, 2u);
  EXPECT_EQ(sum.convergence.accepted_by_all, 0u);
  EXPECT_FALSE(sum.convergence.near_final);
}

// Readiness is evaluate's, on the text with the answers as stances: the same object.
TEST(RoundsSummary, ReadinessIsEvaluatesOnTheAnswers) {
  const Scenario s = load(kSmall);
  const RoundRecord all = round_of({{"A", {ans("P1", RoundAnswer::accept), ans("P2", RoundAnswer::accept),
                                           ans("P3", RoundAnswer::accept)}},
                                    {"B", {ans("P1", RoundAnswer::accept), ans("P2", RoundAnswer::accept),
                                           ans("P3", RoundAnswer::accept)}}});
  const rounds::Summary yes = rounds::summarize(s, all);
  EXPECT_TRUE(yes.readiness.near_final) << yes.readiness.reason;
  EXPECT_EQ(yes.convergence.accepted_by_all, 3u);
  RoundRecord one_open = all;
  one_open.responses[1].points.pop_back();  // B silent on P3 (salience 0: still near-final)
  const rounds::Summary minor = rounds::summarize(s, one_open);
  const evaluate::Result ev = evaluate::run_version(rounds::with_answers(s, one_open), s.find_version("d1"));
  EXPECT_EQ(minor.readiness.near_final, ev.readiness.near_final);
  EXPECT_EQ(minor.readiness.open_points, ev.readiness.open_points);
  EXPECT_EQ(minor.readiness.reason, ev.readiness.reason);
  EXPECT_EQ(minor.convergence.accepted_by_all, 2u);
  RoundRecord troops_open = all;
  troops_open.responses[0].points[1].answer = RoundAnswer::reject;  // P2 is salient to A
  EXPECT_FALSE(rounds::summarize(s, troops_open).readiness.near_final);
  // The mediator was not addressed: its recorded stance counts; make it reject P1.
  Scenario med = s;
  med.versions[VersionIndex(0)].stances[s.find_party("M")][PointIndex(0)].kind = StanceKind::reject;
  EXPECT_EQ(rounds::summarize(med, all).convergence.accepted_by_all, 2u);
}

TEST(RoundsSummary, UnknownIdsAreInvalidInput) {
  const Scenario s = load(kSmall);
  RoundRecord r = round_of({});
  r.version = "d9";
  EXPECT_EQ(rounds::summarize(s, r).outcome.status, Status::invalid_input);
  r.version = "d1";
  r.parties = {"A", "Z"};
  EXPECT_EQ(rounds::summarize(s, r).outcome.status, Status::invalid_input);
}

TEST(NextVersion, IdsNumbersLinksAndErrorsNameTheEdit) {
  const Scenario s = load(kSmall);
  rounds::Edits e;
  e.id = "v2";
  e.amend.push_back({"P2", std::string("Troop ceiling of 50,000"), {{"troops", "", 50.0, false}}});
  e.drop = {"P3"};
  e.add.push_back({"Monitoring mission", {}, "P1", {}});
  const rounds::NextVersion n = rounds::next_version(s, VersionIndex(0), e);
  ASSERT_TRUE(n.outcome.ok()) << n.outcome.message();
  ASSERT_EQ(n.version.points.size(), 3u);
  EXPECT_EQ(n.version.points[PointIndex(0)].id, "P2_01");
  EXPECT_EQ(n.version.points[PointIndex(1)].text, "Monitoring mission");
  EXPECT_EQ(n.version.points[PointIndex(1)].number, 2);
  EXPECT_TRUE(n.version.points[PointIndex(1)].from.empty());
  EXPECT_EQ(n.version.points[PointIndex(2)].from, (std::vector<PointRef>{{VersionIndex(0), PointIndex(1)}}));
  EXPECT_EQ(n.version.points[PointIndex(2)].sets[0].setting.value, 50.0);
  auto error_field = [&](rounds::Edits bad) {
    const rounds::NextVersion r = rounds::next_version(s, VersionIndex(0), bad);
    EXPECT_EQ(r.outcome.status, Status::invalid_input);
    return r.outcome.diagnostics.empty() ? std::string() : r.outcome.diagnostics[0].path;
  };
  rounds::Edits bad = e;
  bad.amend[0].sets[0].value = 500.0;
  EXPECT_EQ(error_field(bad), "amend.P2.sets.troops");
  bad = e;
  bad.id = "d1";
  EXPECT_EQ(error_field(bad), "id");
  bad = e;
  bad.drop = {"P9"};
  EXPECT_EQ(error_field(bad), "drop");
  bad = e;
  bad.add[0].sets = {{"border", "NOWHERE", std::nullopt, false}};
  EXPECT_EQ(error_field(bad), "add.0.sets.border");
}

// On random edits of every geneva-2025 version, the diff engine reads the published version
// exactly as next_version says: each kept, amended, dropped and added point.
TEST(NextVersion, DiffEngineAgreesOnRandomEdits) {
  const auto loaded = io::load_scenario_text(*io::builtin_scenario_text("geneva-2025"), "geneva-2025.yaml");
  ASSERT_TRUE(loaded.ok());
  const Scenario& s = *loaded.scenario;
  std::mt19937 rng(20251201);
  for (int trial = 0; trial < 30; ++trial) {
    const VersionIndex from(static_cast<std::size_t>(trial % s.versions.size()));
    const Version& v = s.versions[from];
    rounds::Edits e;
    e.id = "demo" + std::to_string(trial);
    for (const Point& p : v.points) {
      const unsigned roll = rng() % 10;
      if (roll == 0) e.drop.push_back(p.id);
      else if (roll == 1) e.amend.push_back({p.id, p.text + " (amended " + std::to_string(trial) + ")", {}});
    }
    for (unsigned k = rng() % 3; k > 0; --k)
      e.add.push_back({"Demo point " + std::to_string(trial) + "." + std::to_string(k), {}, v.points[PointIndex(rng() % v.points.size())].id, {}});
    const rounds::NextVersion n = rounds::next_version(s, from, e);
    ASSERT_TRUE(n.outcome.ok()) << n.outcome.message();
    Scenario after = s;
    after.versions.push_back(n.version);
    const diff::Result d = diff::run(after, from, VersionIndex(after.versions.size() - 1));
    ASSERT_TRUE(d.outcome.ok());
    std::map<std::string, std::size_t> ours;
    for (const auto& entry : n.entries) ++ours[std::string(rounds::to_string(entry.change))];
    EXPECT_EQ(d.count(diff::Change::kept), ours["kept"]) << "trial " << trial;
    EXPECT_EQ(d.count(diff::Change::amended), ours["amended"]) << "trial " << trial;
    EXPECT_EQ(d.count(diff::Change::dropped), ours["dropped"]) << "trial " << trial;
    EXPECT_EQ(d.count(diff::Change::added), ours["added"]) << "trial " << trial;
    EXPECT_EQ(n.version.points.size(), v.points.size() - e.drop.size() + e.add.size());
    for (const PointIndex k : n.version.points.indices()) EXPECT_EQ(n.version.points[k].number, static_cast<int>(k.get() + 1));
  }
}

}  // namespace
}  // namespace accord

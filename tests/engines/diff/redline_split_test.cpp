// redline of split points: each source word (kept or deleted) is shown in exactly one part, so
// a deletion no longer repeats across the parts; by hand, on random word lists (fixed seeds,
// against a brute-force LCS) and through redline::run on a scenario with a split.
#include <gtest/gtest.h>

#include <random>

#include "accord/engines/redline.hpp"
#include "engines/diff/redline_render.hpp"
#include "accord/io/scenario_io.hpp"

namespace accord::redline {
namespace {

using testing::render;

std::string join(const std::vector<std::string>& w) {
  std::string out;
  for (const auto& x : w) out += (out.empty() ? "" : " ") + x;
  return out;
}

std::size_t brute_lcs(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::vector<std::size_t>> t(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j)
      t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
  return t[a.size()][b.size()];
}

TEST(RedlineSplit, EachDeletionIsShownOnce) {
  // Before the fix each part was diffed against the whole source: part 1 showed "[-Sanctions are
  // lifted in stages-]" and part 2 "[-Ukraine joins no alliance and-]", each deletion twice.
  const auto d = split_diff("Ukraine joins no alliance and sanctions are lifted in stages",
                            {"Ukraine joins no alliance", "Sanctions are lifted in stages"});
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(render(d[0]), "Ukraine joins no alliance [-and sanctions-]");
  EXPECT_EQ(render(d[1]), "{+Sanctions+} are lifted in stages");
  EXPECT_EQ(d[0].deleted + d[1].deleted, 2u);
  // Leading deletions go with the first kept word; nothing kept: all to the first part.
  const auto lead = split_diff("x y a b", {"new", "a b"});
  EXPECT_EQ(render(lead[0]), "{+new+}");
  EXPECT_EQ(render(lead[1]), "[-x y-] a b");
  const auto none = split_diff("x y", {"p", "q"});
  EXPECT_EQ(render(none[0]), "[-x y-] {+p+}");
  EXPECT_EQ(render(none[1]), "{+q+}");
}

TEST(RedlineSplit, PartsRebuildTheSourceOnceAndEachPartAndAreMinimal) {
  std::mt19937 rng(21);
  const char* vocab[] = {"a", "b", "c", "d", "e"};
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::string> a(rng() % 12);
    for (auto& w : a) w = vocab[rng() % 5];
    std::vector<std::vector<std::string>> parts(2 + rng() % 3);
    std::vector<std::string> all;
    for (auto& p : parts) {
      p.resize(rng() % 6);
      for (auto& w : p) w = vocab[rng() % 5];
      all.insert(all.end(), p.begin(), p.end());
    }
    std::vector<std::string> texts;
    for (const auto& p : parts) texts.push_back(join(p));
    const std::vector<std::string_view> views(texts.begin(), texts.end());
    const auto diffs = split_diff(join(a), views);
    ASSERT_EQ(diffs.size(), parts.size());
    std::vector<std::string> source;
    std::size_t deleted = 0, inserted = 0;
    for (std::size_t k = 0; k < parts.size(); ++k) {
      std::vector<std::string> part;
      for (const Piece& p : diffs[k].pieces) {
        const auto ws = words(p.text);
        if (p.op != Op::insert) source.insert(source.end(), ws.begin(), ws.end());
        if (p.op != Op::remove) part.insert(part.end(), ws.begin(), ws.end());
      }
      ASSERT_EQ(part, parts[k]) << "part " << k;
      deleted += diffs[k].deleted;
      inserted += diffs[k].inserted;
    }
    ASSERT_EQ(source, a) << "every source word exactly once, in order: " << join(a);
    const std::size_t lcs = brute_lcs(a, all);
    EXPECT_EQ(deleted, a.size() - lcs);
    EXPECT_EQ(inserted, all.size() - lcs);
  }
}

TEST(RedlineSplit, RunRedlinesEachPartOfASplitPoint) {
  const auto loaded = io::load_scenario_text(R"(format: 1
id: t
title: t
parties: [{id: A}]
issues: [{id: x, options: [x0, x1]}]
framework:
  versions:
    - id: v1
      points:
        - {id: P1, text: "Ukraine joins no alliance and sanctions are lifted in stages"}
        - {id: P2, text: "unchanged"}
    - id: v2
      points:
        - {id: Q1, text: "Ukraine joins no alliance", from: [P1]}
        - {id: Q2, text: "Sanctions are lifted in stages", from: [P1]}
        - {id: Q3, text: "unchanged", from: [P2]}
)",
                                              "t.yaml");
  ASSERT_TRUE(loaded.ok());
  const Scenario& s = *loaded.scenario;
  const diff::Result d = diff::run(s, VersionIndex(std::size_t{0}), VersionIndex(std::size_t{1}));
  const Result r = run(s, d);
  ASSERT_TRUE(r.outcome.ok());
  ASSERT_EQ(r.points.size(), 2u);
  EXPECT_TRUE(r.points[0].split);
  EXPECT_EQ(r.points[0].new_point, PointIndex(std::size_t{0}));
  EXPECT_EQ(render(r.points[0].diff), "Ukraine joins no alliance [-and sanctions-]");
  EXPECT_EQ(r.points[1].new_point, PointIndex(std::size_t{1}));
  EXPECT_EQ(render(r.points[1].diff), "{+Sanctions+} are lifted in stages");
}

}  // namespace
}  // namespace accord::redline

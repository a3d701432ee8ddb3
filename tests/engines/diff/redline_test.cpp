// redline: word-level diffs by hand, and properties on short random word lists (fixed seeds):
// the edits turn the old text into the new one, and their count is minimal (a brute-force
// longest common subsequence).
#include <gtest/gtest.h>

#include <random>

#include "accord/engines/redline.hpp"
#include "engines/diff/redline_render.hpp"
#include "accord/io/scenario_io.hpp"

namespace accord::redline {
namespace {

using testing::render;

TEST(Redline, HandCases) {
  EXPECT_EQ(render(word_diff("Armed Forces capped at 600,000", "Armed Forces remain at 800,000")),
            "Armed Forces [-capped-] {+remain+} at [-600,000-] {+800,000+}");
  EXPECT_EQ(render(word_diff("a b c", "a b c")), "a b c");
  EXPECT_EQ(render(word_diff("", "new text")), "{+new text+}");
  EXPECT_EQ(render(word_diff("old  text\n", "")), "[-old text-]");
  // Deletions before insertions where both keep a longest common subsequence.
  EXPECT_EQ(render(word_diff("x a", "a y")), "[-x-] a {+y+}");
  const WordDiff d = word_diff("the cat sat on the mat", "the dog sat on a mat today");
  EXPECT_EQ(render(d), "the [-cat-] {+dog+} sat on [-the-] {+a+} mat {+today+}");
  EXPECT_EQ(d.deleted, 2u);
  EXPECT_EQ(d.inserted, 3u);
  EXPECT_TRUE(d.exact);
  EXPECT_EQ(words(" a\tb\n c "), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(parse_op(to_string(Op::remove)), Op::remove);
  EXPECT_EQ(to_string(Op::remove), "delete");
}

// LCS length by trying every subsequence of `a` (|a| <= 10).
std::size_t brute_lcs(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::size_t best = 0;
  for (unsigned mask = 0; mask < (1u << a.size()); ++mask) {
    std::size_t j = 0, n = 0;
    bool ok = true;
    for (std::size_t i = 0; i < a.size() && ok; ++i) {
      if (!(mask & (1u << i))) continue;
      while (j < b.size() && b[j] != a[i]) ++j;
      if (j == b.size()) ok = false;
      else ++j, ++n;
    }
    if (ok) best = std::max(best, n);
  }
  return best;
}

std::string join(const std::vector<std::string>& w) {
  std::string out;
  for (const auto& x : w) out += (out.empty() ? "" : " ") + x;
  return out;
}

TEST(Redline, EditsRebuildBothTextsAndAreMinimal) {
  std::mt19937 rng(12);
  const char* vocab[] = {"a", "b", "c", "d", "e"};
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::string> a(rng() % 10), b(rng() % 10);
    for (auto& w : a) w = vocab[rng() % 5];
    for (auto& w : b) w = vocab[rng() % 5];
    const WordDiff d = word_diff(join(a), join(b));
    std::vector<std::string> old_words, new_words;
    for (const Piece& p : d.pieces) {
      const auto ws = words(p.text);
      EXPECT_EQ(ws.size(), p.words);
      if (p.op != Op::insert) old_words.insert(old_words.end(), ws.begin(), ws.end());
      if (p.op != Op::remove) new_words.insert(new_words.end(), ws.begin(), ws.end());
    }
    ASSERT_EQ(old_words, a) << join(a) << " | " << join(b);
    ASSERT_EQ(new_words, b) << join(a) << " | " << join(b);
    const std::size_t lcs = brute_lcs(a, b);
    EXPECT_EQ(d.deleted, a.size() - lcs);
    EXPECT_EQ(d.inserted, b.size() - lcs);
    for (std::size_t k = 1; k < d.pieces.size(); ++k) EXPECT_NE(d.pieces[k].op, d.pieces[k - 1].op);  // grouped
  }
}

TEST(Redline, VeryLongTextsAreShownWhole) {
  std::string a, b;
  for (int k = 0; k < 2100; ++k) {  // append: GCC 12 -O3 warns falsely (-Wrestrict) on "lit" + std::string
    a.append("w").append(std::to_string(k)).append(" ");
    b.append("v").append(std::to_string(k)).append(" ");
  }
  const WordDiff d = word_diff(a, b);  // 2100 × 2100 > kMaxCells
  EXPECT_FALSE(d.exact);
  EXPECT_EQ(d.deleted, 2100u);
  EXPECT_EQ(d.inserted, 2100u);
}

TEST(Redline, AmendedPointsOfTheBuiltInScenario) {
  const auto loaded = io::load_scenario_text(R"(format: 1
id: t
title: t
parties: [{id: A}]
issues: [{id: x, options: [x0, x1]}]
framework:
  versions:
    - id: v1
      points:
        - {id: P1, text: "x is x0 for now", sets: {x: x0}}
        - {id: P2, text: "unchanged"}
        - {id: P3, text: "same words", sets: {x: x0}}
    - id: v2
      points:
        - {id: Q1, text: "x is x1 from now", sets: {x: x1}, from: [P1]}
        - {id: Q2, text: "unchanged", from: [P2]}
        - {id: Q3, text: "same words", sets: {x: x1}, from: [P3]}
)",
                                              "t.yaml");
  ASSERT_TRUE(loaded.ok());
  const Scenario& s = *loaded.scenario;
  const diff::Result d = diff::run(s, VersionIndex(std::size_t{0}), VersionIndex(std::size_t{1}));
  const Result r = run(s, d);
  ASSERT_TRUE(r.outcome.ok());
  ASSERT_EQ(r.points.size(), 1u);  // Q2 kept; Q3 amended in its setting only
  EXPECT_EQ(r.points[0].old_point, PointIndex(std::size_t{0}));
  EXPECT_EQ(render(r.points[0].diff), "x is [-x0 for-] {+x1 from+} now");
}

}  // namespace
}  // namespace accord::redline

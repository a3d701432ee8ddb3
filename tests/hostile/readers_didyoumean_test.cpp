// Issue 10, items 19 and 22: 2,000 unknown keys against 2,000 ids of 64 characters took 42 s in
// `validate` (a full edit distance for every pair) and printed 2,000 errors. Suggestions are now
// a banded edit distance within 3 edits under a per-load budget, and repeated diagnostics are
// capped with a count.
#include <gtest/gtest.h>

#include <random>

#include "accord/io/scenario_io.hpp"
#include "accord/model/diagnostic.hpp"
#include "readers_util.hpp"

namespace accord::hostile::readers {
namespace {

TEST(ReadersDidYouMean, ManyUnknownKeysFailFastWithACappedList) {
  const std::string path = write_temp("dym.yaml", unknown_keys_scenario(2000, 2000));
  const ChildRun r = run_accord({"validate", path, "--max-seconds", "5"});
  std::remove(path.c_str());
  EXPECT_EQ(r.exit_code, 2) << r.err.substr(0, 2000);
  EXPECT_NE(r.err.find("… and 1990 more like this"), std::string::npos) << r.err.substr(0, 4000);
  std::size_t lines = 0;
  for (char c : r.err) lines += c == '\n';
  EXPECT_LT(lines, 40u) << r.err.substr(0, 4000);
  EXPECT_LT(r.seconds, 20.0);  // base: 42 s
  EXPECT_LT(r.peak_rss_mb(), 1500);
}

// Reference: the plain dynamic programme.
std::size_t full_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

TEST(ReadersDidYouMean, BandedDistanceAgreesWithTheFullOneWithinItsLimit) {
  std::mt19937 rng(7);
  auto word = [&] {
    std::string w(rng() % 9, 'a');
    for (char& c : w) c = static_cast<char>('a' + rng() % 3);
    return w;
  };
  for (int n = 0; n < 20000; ++n) {
    const std::string a = word(), b = word();
    const std::size_t limit = rng() % 4;
    const std::size_t full = full_distance(a, b);
    const std::size_t banded = bounded_edit_distance(a, b, limit);
    if (full <= limit) EXPECT_EQ(banded, full) << a << " / " << b << " limit " << limit;
    else EXPECT_EQ(banded, limit + 1) << a << " / " << b << " limit " << limit;
  }
}

TEST(ReadersDidYouMean, SuggestionsStopWhenTheBudgetIsSpent) {
  const std::vector<std::string> ids = {"alpha", "beta", "gamma"};
  SuggestBudget budget;
  EXPECT_EQ(closest_match("gamme", ids, budget), "gamma");
  budget.comparisons_left = 1;
  EXPECT_EQ(closest_match("gamme", ids, budget), "");  // only "alpha" was compared
  EXPECT_TRUE(budget.exhausted());
  EXPECT_EQ(closest_match("capabilty", {"id", "capability"}), "capability");
  EXPECT_EQ(closest_match("completely_different", {"id", "capability"}), "");
}

TEST(ReadersDiagnostics, RepeatsAreCappedPerKindWithACount) {
  Diagnostics in;
  for (int k = 0; k < 500; ++k)
    in.push_back({Severity::error, "f.yaml", k + 1, 1, "p", "", "unknown party `X" + std::to_string(k) + "`", ""});
  in.push_back({Severity::warning, "f.yaml", 900, 1, "q", "", "weights sum to 0.5, not 1", ""});
  const Diagnostics out = cap_repeated(in);
  ASSERT_EQ(out.size(), kDiagnosticsPerKind + 2);
  EXPECT_EQ(out[kDiagnosticsPerKind].severity, Severity::warning);
  const std::string last = out.back().to_string();
  EXPECT_NE(last.find("f.yaml:11:1: error: … and 490 more like this (first: p: unknown party `X10`)"),
            std::string::npos)
      << last;
}

TEST(ReadersDiagnostics, ThousandsOfPartiesWithoutPreferencesGiveAFewWarnings) {
  std::string text = "format: 1\nid: t\ntitle: t\nparties:\n";
  for (int p = 0; p < 3000; ++p) text += "  - {id: P" + std::to_string(p) + "}\n";
  text += "issues: [{id: x, options: [a]}]\n";
  const io::LoadResult r = io::load_scenario_text(text, "many.yaml");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.outcome.diagnostics.size(), kDiagnosticsPerKind + 1);
  EXPECT_NE(r.outcome.diagnostics.back().message.find("… and 2990 more like this"), std::string::npos)
      << r.outcome.diagnostics.back().to_string();
}

}  // namespace
}  // namespace accord::hostile::readers

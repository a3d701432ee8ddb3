// The redline's renderings (text, Markdown, HTML, JSON) and `accord diff --redline`.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "accord/report/diff.hpp"
#include "test_util.hpp"

namespace accord::report {
namespace {

TEST(RedlineReport, MarkupInEveryStyle) {
  const redline::WordDiff d = redline::word_diff("cap at 600 <k>", "cap at 800 <k> & more");
  EXPECT_EQ(redline_markup(d, Style::text), "cap at [-600-] {+800+} <k> {+& more+}");
  EXPECT_EQ(redline_markup(d, Style::markdown), "cap at ~~600~~ **800** <k> **& more**");
  EXPECT_EQ(redline_html_markup(d), "cap at <del>600</del> <ins>800</ins> &lt;k&gt; <ins>&amp; more</ins>");
}

TEST(RedlineReport, CliJsonTextAndHtml) {
  auto r = test::run_cli("diff geneva-2025 v19 v20 --redline --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json j = Json::parse(r.out);
  EXPECT_EQ(j["schema"], kDiffSchema);
  ASSERT_TRUE(j.contains("redline"));
  ASSERT_FALSE(j["redline"]["points"].empty());
  const Json& p = j["redline"]["points"][0];
  for (const char* k : {"from", "to", "inserted", "deleted", "exact", "pieces"}) EXPECT_TRUE(p.contains(k)) << k;
  EXPECT_FALSE(Json::parse(test::run_cli("diff geneva-2025 v19 v20 --json").out).contains("redline"));
  r = test::run_cli("diff geneva-2025 v19 v20 --redline");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Redline of amended and split points ([-deleted-]{+inserted+}), v19 → v20:"), std::string::npos);
  EXPECT_NE(r.out.find("P19_17 → P20_18: [-Elections in-] Ukraine {+holds elections+} as soon as possible"),
            std::string::npos);
  r = test::run_cli("diff geneva-2025 v19 v20 --redline --html");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("<del>Elections in</del> Ukraine <ins>holds elections</ins>"), std::string::npos);
  EXPECT_EQ(test::run_cli("diff geneva-2025 v19 v20 --html").exit_code, 2);  // needs --redline
}

}  // namespace
}  // namespace accord::report

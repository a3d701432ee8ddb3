// `accord report` says how each section ended: finished, summarised above a stated size, or not
// started because the time budget ran out (issue 10, item 15).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "accord/io/builtin.hpp"
#include "accord/report/analysis.hpp"
#include "accord/report/html.hpp"
#include "accord/report/sections.hpp"

namespace accord {
namespace {

Scenario geneva() {
  io::LoadResult r = io::load_scenario("geneva-2025");
  EXPECT_TRUE(r.ok());
  return std::move(*r.scenario);
}

TEST(FullReportBudget, EverySectionOfTheBuiltInScenarioFinishes) {
  report::SectionTerminations ends;
  const auto j = report::full_report_json(geneva(), report::analyse(geneva()), &ends);
  ASSERT_EQ(ends.size(), 8u);  // evolution, evaluations, bargain, stability, forecast, robustness, rounds, negotiations
  for (const auto& e : ends) EXPECT_TRUE(e.termination.finished()) << e.section << ": " << e.termination.detail;
  for (const char* k : {"evolution", "evaluations", "bargain", "stability", "forecast"})
    EXPECT_EQ(j["sections"][k]["stop"], "finished") << k;
  EXPECT_EQ(j["evaluations"][0]["termination"]["stop"], "finished");
}

TEST(FullReportBudget, SectionsAboveTheirSizesAreSummarisedOrSkippedAndSaySo) {
  report::ReportOptions options;
  options.limits.listed_parties = 2;
  options.limits.forecast_actors = 1;
  options.limits.gmcr_options = 1;
  const auto j = report::full_report_json(geneva(), report::analyse(geneva(), options));
  EXPECT_EQ(j["sections"]["evaluations"]["stop"], "size_limit");
  EXPECT_TRUE(j["evaluations"][0]["points"][0].contains("stance_counts"));
  EXPECT_TRUE(j["evaluations"][0].contains("summarised"));
  EXPECT_EQ(j["forecast"]["skipped"], true);
  EXPECT_EQ(j["sections"]["rounds"]["stop"], "size_limit");  // 3 bargaining parties > 2
  EXPECT_TRUE(j["rounds"]["rounds"].empty());
  EXPECT_EQ(j["sections"]["negotiations"]["stop"], "size_limit");  // the same limit
  EXPECT_TRUE(j["negotiations"]["profiles"].empty());
  EXPECT_EQ(j["forecast"]["termination"]["stop"], "size_limit");
  EXPECT_EQ(j["gmcr"]["termination"]["stop"], "size_limit");
  const std::string text = report::full_report_text(geneva(), report::analyse(geneva(), options), report::Style::text);
  EXPECT_NE(text.find("Partial or skipped sections:"), std::string::npos);
  EXPECT_NE(text.find("… and 2 more parties"), std::string::npos);
}

TEST(FullReportBudget, AnExpiredBudgetStartsNoEngineAndSaysWhy) {
  report::ReportOptions options;
  options.deadline = Deadline::at(Deadline::Clock::now() - std::chrono::seconds(1));
  report::SectionTerminations ends;
  const auto j = report::full_report_json(geneva(), report::analyse(geneva(), options), &ends);
  EXPECT_EQ(j["bargain"]["termination"]["stop"], "time_limit") << j["bargain"].dump();
  EXPECT_EQ(j["sections"]["forecast"]["detail"], "not started: the report's time budget ran out");
  EXPECT_EQ(j["sections"]["evaluations"]["stop"], "time_limit");
  report::SectionTerminations html_ends;
  const std::string doc = report::html_report(geneva(), report::analyse(geneva(), options), {}, &html_ends);
  EXPECT_NE(doc.find("Partial or skipped sections"), std::string::npos);
}

}  // namespace
}  // namespace accord

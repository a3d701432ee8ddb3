// A bargaining result's red lines cite the numbered sources by note id (the ids `accord report`
// numbers, report::SourceNotes), in JSON with a table of the notes cited, and in text.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "accord/engines/bargain.hpp"
#include "accord/io/builtin.hpp"
#include "accord/report/bargain.hpp"
#include "accord/report/sources.hpp"

namespace accord {
namespace {

TEST(BargainSources, RedLinesCiteNoteIdsOfTheNumberedSources) {
  auto loaded = io::load_scenario("geneva-2025");
  ASSERT_TRUE(loaded.ok());
  const Scenario& s = *loaded.scenario;
  bargain::Params p;
  p.draft_version = VersionIndex(s.versions.size() - 1);
  p.draft = s.version_package(p.draft_version);
  const bargain::Result r = bargain::run(s, p);
  ASSERT_TRUE(r.outcome.ok());
  ASSERT_FALSE(r.blocked.empty());
  const report::SourceNotes notes(s);
  const auto j = report::bargain_json(s, r, 0);
  EXPECT_EQ(j["schema"], 3);
  std::size_t cited = 0;
  for (std::size_t b = 0; b < r.blocked.size(); ++b)
    for (const auto& rl : r.blocked[b].red_lines) {
      const auto& e = j["blocked"][b]["red_lines"][s.parties[rl.party].id];
      ASSERT_TRUE(e["sources"].is_array());
      std::vector<std::size_t> ids;
      for (const auto& x : e["sources"]) {
        ASSERT_TRUE(x.is_number_unsigned()) << x;
        ids.push_back(x.get<std::size_t>());
      }
      EXPECT_EQ(ids, notes.provenance(rl.provenance).notes);
      for (const std::size_t n : ids) {  // each id stands for one of the red line's own sources
        ASSERT_LE(n, notes.sources().size());
        EXPECT_NE(std::find(rl.provenance.sources.begin(), rl.provenance.sources.end(), notes.sources()[n - 1]),
                  rl.provenance.sources.end());
        const auto row = std::find_if(j["sources"].begin(), j["sources"].end(), [n](const auto& x) { return x["id"] == n; });
        ASSERT_NE(row, j["sources"].end()) << n;
        EXPECT_EQ((*row)["source"], notes.sources()[n - 1]);
        ++cited;
      }
    }
  EXPECT_GT(cited, 0u);
  const std::string text = report::bargain_text(s, r, report::Style::text);
  EXPECT_NE(text.find("(estimate ["), std::string::npos);
  EXPECT_EQ(text.find("source: http"), std::string::npos);  // no URLs in the text: note ids
}

}  // namespace
}  // namespace accord

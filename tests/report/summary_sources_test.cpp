// Every headline sentence of the report's summary cites the numbered sources its inputs rest on
// and says when they are estimates, the same in text, Markdown, JSON and HTML (issue 11).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "accord/io/builtin.hpp"
#include "accord/report/analysis.hpp"
#include "accord/report/html.hpp"

namespace accord {
namespace {

const Scenario& geneva() {
  static const Scenario s = [] {
    auto loaded = io::load_scenario("geneva-2025");
    EXPECT_TRUE(loaded.ok());
    return *loaded.scenario;
  }();
  return s;
}

bool includes(const std::vector<std::size_t>& all, const std::vector<std::size_t>& part) {
  return std::includes(all.begin(), all.end(), part.begin(), part.end());
}

const report::SummaryLine* find(const std::vector<report::SummaryLine>& lines, const std::string& id) {
  for (const auto& l : lines)
    if (l.id == id) return &l;
  return nullptr;
}

TEST(SummarySources, EveryGenevaSentenceCitesItsInputsInEveryFormat) {
  const Scenario& s = geneva();
  const report::ScenarioAnalysis a = report::analyse(s);
  const auto lines = report::summary_items(s, a);
  const std::string text = report::full_report_text(s, a, report::Style::text);
  const std::string md = report::full_report_text(s, a, report::Style::markdown);
  const auto j = report::full_report_json(s, a);
  ASSERT_EQ(j["summary"].size(), lines.size());
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const report::SummaryLine& l = lines[k];
    SCOPED_TRACE(l.id);
    EXPECT_FALSE(l.basis.notes.empty());
    EXPECT_TRUE(l.basis.estimate);  // every Geneva finding rests in part on estimates
    EXPECT_TRUE(std::is_sorted(l.basis.notes.begin(), l.basis.notes.end()));
    EXPECT_LE(l.basis.notes.back(), a.sources.sources().size());
    const std::string cited = report::cited_text(l);
    EXPECT_NE(cited.find(report::note_marks(l.basis.notes) + " (rests in part on estimates)"), std::string::npos);
    EXPECT_EQ(j["summary"][k]["id"], l.id);
    EXPECT_EQ(j["summary"][k]["text"], l.text);
    EXPECT_EQ(j["summary"][k]["sources"].size(), l.basis.notes.size());
    EXPECT_EQ(j["summary"][k]["cited"], cited);
    EXPECT_FALSE(j["summary"][k]["only_estimates"].get<bool>());
  }
  // Text and Markdown print the cited sentences (wrapped): the closing marks are there.
  for (const std::string* out : {&text, &md})
    EXPECT_NE(out->find("(rests in part on estimates)"), std::string::npos);
  for (const char* id : {"verdicts", "readiness", "bargain", "stability", "forecast", "robustness.verdicts",
                         "robustness.readiness", "robustness.zone", "robustness.closest", "robustness.stability",
                         "robustness.forecast"})
    EXPECT_NE(find(lines, id), nullptr) << id;
}

// What each sentence cites is recomputed from the scenario: the verdicts cite the text and every
// evaluated party's preferences, readiness every stance, stability the conflict model.
TEST(SummarySources, EachSentenceCitesWhatItRestsOn) {
  const Scenario& s = geneva();
  const report::ScenarioAnalysis a = report::analyse(s);
  const auto lines = report::summary_items(s, a);
  const Version& v = s.versions.back();
  const auto* verdicts = find(lines, "verdicts");
  ASSERT_NE(verdicts, nullptr);
  EXPECT_TRUE(includes(verdicts->basis.notes, a.sources.version(v).notes));
  for (const PartyIndex p : s.parties.indices()) {
    if (!s.preferences[p].present) continue;
    EXPECT_TRUE(includes(verdicts->basis.notes, a.sources.preferences(s.preferences[p]).notes)) << s.parties[p].id;
  }
  const auto* readiness = find(lines, "readiness");
  ASSERT_NE(readiness, nullptr);
  for (const auto& row : v.stances)
    for (const Stance& st : row)
      for (const std::string& src : st.provenance.sources) {
        const auto& all = a.sources.sources();
        const auto at = std::find(all.begin(), all.end(), src);
        ASSERT_NE(at, all.end()) << src;
        const std::size_t n = static_cast<std::size_t>(at - all.begin()) + 1;
        EXPECT_TRUE(std::binary_search(readiness->basis.notes.begin(), readiness->basis.notes.end(), n)) << src;
      }
  const auto* stability = find(lines, "stability");
  ASSERT_NE(stability, nullptr);
  ASSERT_TRUE(s.conflict);
  for (const std::size_t n : stability->basis.notes) {  // only the conflict model's sources
    const std::string& src = a.sources.sources()[n - 1];
    bool in_conflict = s.conflict->provenance.sources.end() !=
                       std::find(s.conflict->provenance.sources.begin(), s.conflict->provenance.sources.end(), src);
    for (const auto& o : s.conflict->options)
      in_conflict = in_conflict || std::count(o.provenance.sources.begin(), o.provenance.sources.end(), src) > 0;
    for (const auto& dm : s.conflict->decision_makers) {
      in_conflict = in_conflict || std::count(dm.provenance.sources.begin(), dm.provenance.sources.end(), src) > 0;
      for (const auto& st : dm.statements)
        in_conflict = in_conflict || std::count(st.provenance.sources.begin(), st.provenance.sources.end(), src) > 0;
    }
    for (const auto& r : s.conflict->infeasible)
      in_conflict = in_conflict || std::count(r.provenance.sources.begin(), r.provenance.sources.end(), src) > 0;
    for (const auto& g : s.conflict->exclusive)
      in_conflict = in_conflict || std::count(g.provenance.sources.begin(), g.provenance.sources.end(), src) > 0;
    EXPECT_TRUE(in_conflict) << n << " " << src;
  }
}

TEST(SummarySources, SaysWhenASentenceRestsOnlyOnEstimatesOrOnNothingSourced) {
  report::Citation only;
  only.estimate = true;
  EXPECT_EQ(report::basis_text(only), " (rests only on estimates)");
  EXPECT_EQ(report::basis_text(report::Citation{}), " (no source given)");
  report::Citation sourced;
  sourced.notes = {1, 2, 3, 7};
  EXPECT_EQ(report::basis_text(sourced), " [1–3, 7]");
  sourced.estimate = true;
  EXPECT_EQ(report::basis_text(sourced), " [1–3, 7] (rests in part on estimates)");
  const auto j = report::summary_json({{"x", "A sentence.", only}});
  EXPECT_TRUE(j[0]["only_estimates"].get<bool>());
  EXPECT_EQ(j[0]["cited"], "A sentence. (rests only on estimates)");
}

}  // namespace
}  // namespace accord

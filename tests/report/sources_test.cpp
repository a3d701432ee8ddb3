// Sources and estimate marks in every format of `accord report` (issue 11): every cited note is a
// source of the scenario, every sourced row cites, one count of estimates, inferred stances marked.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <regex>
#include <set>

#include "accord/io/builtin.hpp"
#include "accord/io/scenario_io.hpp"
#include "accord/report/analysis.hpp"
#include "accord/report/html.hpp"
#include "accord/report/sources.hpp"

namespace accord {
namespace {

using Json = nlohmann::ordered_json;

// Every source string anywhere in a scenario, collected independently of SourceNotes.
std::set<std::string> all_sources(const Scenario& s) {
  std::set<std::string> out;
  auto add = [&out](const Provenance& p) { out.insert(p.sources.begin(), p.sources.end()); };
  auto add_fields = [&](const Provenance& p, const FieldProvenance& f) {
    add(p);
    for (const auto& [_, fp] : f) add(fp);
  };
  add(s.provenance);
  for (const auto& p : s.parties) add_fields(p.provenance, p.field_provenance);
  for (const auto& i : s.issues) {
    add_fields(i.provenance, i.field_provenance);
    for (const auto& o : i.options) add_fields(o.provenance, o.field_provenance);
  }
  for (const auto& pr : s.preferences) {
    add_fields(pr.provenance, pr.field_provenance);
    for (const auto& ip : pr.issues) add_fields(ip.provenance, ip.field_provenance);
  }
  for (const auto& v : s.versions) {
    add(v.provenance);
    for (const auto& pt : v.points) add_fields(pt.provenance, pt.field_provenance);
    for (const auto& row : v.stances)
      for (const auto& st : row) add(st.provenance);
  }
  for (const auto& e : s.timeline) add(e.provenance);
  return out;
}

// The note numbers cited as "[1–3, 7]" in text, without the notes list's own "[n] " lines.
std::set<std::size_t> cited_numbers(const std::string& text) {
  std::set<std::size_t> out;
  static const std::regex group(R"(\[(\d+(?:–\d+)?(?:, \d+(?:–\d+)?)*)\])");
  static const std::regex item(R"((\d+)(?:–(\d+))?)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), group); it != std::sregex_iterator(); ++it) {
    const std::string inside = (*it)[1];
    const auto at = static_cast<std::size_t>(it->position());
    const bool note_line = (at == 0 || text[at - 1] == '\n') && text.compare(at + it->length(), 1, " ") == 0 &&
                           inside.find_first_of(",–") == std::string::npos;
    if (note_line) continue;
    for (auto m = std::sregex_iterator(inside.begin(), inside.end(), item); m != std::sregex_iterator(); ++m) {
      const std::size_t a = std::stoul((*m)[1]), b = (*m)[2].matched ? std::stoul((*m)[2]) : a;
      for (std::size_t n = a; n <= b; ++n) out.insert(n);
    }
  }
  return out;
}

// The notes list at the end of a text or Markdown report: number → source.
std::map<std::size_t, std::string> notes_list(const std::string& text) {
  std::map<std::size_t, std::string> out;
  static const std::regex line(R"((?:^|\n)\[(\d+)\] ([^\n]+?) *(?=\n))");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), line); it != std::sregex_iterator(); ++it)
    out[std::stoul((*it)[1])] = (*it)[2];
  return out;
}

std::size_t count(const std::string& text, const std::regex& re) {
  return static_cast<std::size_t>(std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

std::string between(const std::string& text, const std::string& from, const std::string& to) {
  const auto a = text.find(from);
  if (a == std::string::npos) return "";
  const auto b = text.find(to, a + from.size());
  return text.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

std::string html_unescape(std::string t) {
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"&amp;", "&"}, {"&#39;", "'"}, {"&quot;", "\""}}) {
    for (auto at = t.find(from); at != std::string::npos; at = t.find(from, at + to.size())) t.replace(at, from.size(), to);
  }
  return t;
}

class GenevaSources : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    io::LoadResult r = io::load_scenario("geneva-2025");
    ASSERT_TRUE(r.ok());
    s_ = new Scenario(*r.scenario);
    const report::ScenarioAnalysis a = report::analyse(*s_);
    text_ = report::full_report_text(*s_, a, report::Style::text);
    markdown_ = report::full_report_text(*s_, a, report::Style::markdown);
    json_ = report::full_report_json(*s_, a);
    html_ = report::html_report(*s_, a);  // every format shares one analysis
  }
  static void TearDownTestSuite() { delete s_; }

  static inline Scenario* s_ = nullptr;
  static inline std::string text_, markdown_, html_;
  static inline Json json_;
};

TEST(NoteMarks, JoinRunsOfThreeOrMore) {
  EXPECT_EQ(report::note_marks({}), "");
  EXPECT_EQ(report::note_marks({4}), "[4]");
  EXPECT_EQ(report::note_marks({1, 2, 3, 5, 7, 8}), "[1–3, 5, 7, 8]");
}

TEST_F(GenevaSources, EveryCitedNoteIsASourceOfTheScenario) {
  const std::set<std::string> scenario = all_sources(*s_);
  // JSON: the table holds scenario sources, and every `sources` array cites entries of it.
  std::map<std::size_t, std::string> table;
  for (const Json& e : json_["sources"]) table[e["id"].get<std::size_t>()] = e["source"];
  ASSERT_FALSE(table.empty());
  EXPECT_EQ(table.rbegin()->first, table.size()) << "numbered 1..n";
  for (const auto& [n, src] : table) EXPECT_TRUE(scenario.contains(src)) << n << " " << src;
  std::size_t cited_in_json = 0;
  std::function<void(const Json&, bool)> walk = [&](const Json& j, bool top) {
    if (j.is_object()) {
      for (const auto& [key, value] : j.items()) {
        // The bargaining section is `accord bargain --json`, which has no notes table: the
        // provenance of its red lines carries the source texts themselves (docs/bargain.md).
        if (top && key == "bargain") continue;
        if (key == "sources" && !top && value.is_array()) {
          for (const Json& n : value) {
            ++cited_in_json;
            EXPECT_TRUE(table.contains(n.get<std::size_t>())) << n;
          }
        } else {
          walk(value, false);
        }
      }
    } else if (j.is_array()) {
      for (const Json& x : j) walk(x, false);
    }
  };
  walk(json_, true);
  EXPECT_GT(cited_in_json, 0u);
  // Text and Markdown: the same numbered list as the JSON table; every cited number is in it.
  for (const std::string* doc : {&text_, &markdown_}) {
    const auto notes = notes_list(*doc);
    EXPECT_EQ(notes, table);
    const auto cited = cited_numbers(*doc);
    EXPECT_FALSE(cited.empty());
    for (const std::size_t n : cited) EXPECT_TRUE(notes.contains(n)) << n;
  }
  // HTML: every link to a note has its entry, and the entries are the table's sources.
  static const std::regex link(R"re(href="#src-(\d+)")re"), entry(R"re(<li id="src-(\d+)">(?:<a href="[^"]*"[^>]*>)?([^<]*)<)re");
  std::map<std::size_t, std::string> html_notes;
  for (auto it = std::sregex_iterator(html_.begin(), html_.end(), entry); it != std::sregex_iterator(); ++it)
    html_notes[std::stoul((*it)[1])] = html_unescape((*it)[2]);
  EXPECT_EQ(html_notes, table);
  std::size_t links = 0;
  for (auto it = std::sregex_iterator(html_.begin(), html_.end(), link); it != std::sregex_iterator(); ++it, ++links)
    EXPECT_TRUE(html_notes.contains(std::stoul((*it)[1]))) << (*it)[0];
  EXPECT_GT(links, 0u);
}

TEST_F(GenevaSources, EverySourcedRowCitesItsSources) {
  const Scenario& s = *s_;
  for (const PartyIndex p : s.parties.indices()) {
    bool sourced = !s.parties[p].provenance.sources.empty();
    for (const auto& [_, fp] : s.parties[p].field_provenance) sourced = sourced || !fp.sources.empty();
    EXPECT_EQ(!json_["parties"][p.get()]["sources"].empty(), sourced) << s.parties[p].id;
    const Preferences& pr = s.preferences[p];
    bool pref_sourced = false;
    for (const auto& [_, fp] : pr.field_provenance) pref_sourced = pref_sourced || !fp.sources.empty();
    for (const auto& ip : pr.issues) pref_sourced = pref_sourced || !ip.provenance.sources.empty();
    if (pr.present && pref_sourced) {
      EXPECT_NE(text_.find("Sources of " + s.parties[p].id + "'s preferences: ["), std::string::npos) << s.parties[p].id;
    }
  }
  for (const VersionIndex v : s.versions.indices()) {
    const Version& ver = s.versions[v];
    EXPECT_EQ(!json_["versions"][v.get()]["sources"].empty(), !ver.provenance.sources.empty()) << ver.id;
    if (!ver.provenance.sources.empty()) {
      EXPECT_TRUE(std::regex_search(text_, std::regex("\n" + ver.id + "~? .*\\[[0-9]"))) << ver.id;
    }
    const Json& points = json_["evaluations"][v.get()]["points"];
    ASSERT_EQ(points.size(), ver.points.size());
    for (const PointIndex k : ver.points.indices()) {
      const Point& pt = ver.points[k];
      bool sourced = !pt.provenance.sources.empty();
      for (const auto& [_, fp] : pt.field_provenance) sourced = sourced || !fp.sources.empty();
      for (const auto& row : ver.stances) sourced = sourced || !row[k].provenance.sources.empty();
      EXPECT_EQ(!points[k.get()]["sources"].empty(), sourced) << pt.id;
      if (sourced) {  // the text row: "P20_04 [8–11, 45] text…"
        EXPECT_TRUE(std::regex_search(text_, std::regex(" " + pt.id + "~? \\[[0-9]"))) << pt.id;
        EXPECT_TRUE(std::regex_search(html_, std::regex(">" + pt.id + "(<span[^/]*/span>)?</td><td>[^<]*</td><td><sup")))
            << pt.id;
      }
    }
  }
}

TEST_F(GenevaSources, OneCountOfEstimatesInEveryFormat) {
  const std::size_t n = report::count_estimates(*s_);
  EXPECT_EQ(json_["scenario"]["estimates"].get<std::size_t>(), n);
  EXPECT_EQ(json_["legend"]["estimates"].get<std::size_t>(), n);
  static const std::regex said(R"((\d+) values in this scenario are marked as estimates)");
  for (const std::string* doc : {&text_, &markdown_, &html_}) {
    std::set<std::size_t> counts;
    for (auto it = std::sregex_iterator(doc->begin(), doc->end(), said); it != std::sregex_iterator(); ++it)
      counts.insert(std::stoul((*it)[1]));
    EXPECT_EQ(counts, std::set<std::size_t>{n});
  }
}

TEST_F(GenevaSources, InferredStancesAreMarkedInEveryFormat) {
  const Scenario& s = *s_;
  const VersionIndex v = s.find_version("v20");
  ASSERT_TRUE(v.valid());
  const Version& ver = s.versions[v];
  std::size_t inferred = 0, ru = 0;
  for (const PartyIndex p : s.parties.indices())
    for (const auto& st : ver.stances[p]) {
      inferred += st.provenance.estimate ? 1 : 0;
      ru += st.provenance.estimate && s.parties[p].id == "RU" ? 1 : 0;
    }
  ASSERT_GT(inferred, 0u);
  EXPECT_EQ(report::estimated_stances(ver), inferred);
  EXPECT_EQ(ru, 12u);  // the issue's finding: 12 of RU's 14 v20 stances are inferred
  const std::string text = between(text_, "Stances on v20", "Readiness of v20");
  EXPECT_EQ(count(text, std::regex(R"((^|\s)[ARC.]~(?=\s))")), inferred);
  EXPECT_NE(text.find(std::to_string(inferred) + " of v20's stances"), std::string::npos);
  const std::string md = between(markdown_, "Stances on v20", "Readiness of v20");
  EXPECT_EQ(count(md, std::regex(R"(\| [ARC.]~ )")), inferred);
  const std::string html = between(html_, "<summary>v20", "</details>");
  EXPECT_EQ(count(html, std::regex(R"(>[ARC?]~</td>)")), inferred);
  std::size_t in_json = 0;
  for (const Json& pt : json_["evaluations"][v.get()]["points"]) {
    const PointIndex k = ver.find_point(pt["point"].get<std::string>());
    std::set<std::string> expected, got;
    for (const PartyIndex p : s.parties.indices())
      if (ver.stances[p][k].provenance.estimate) expected.insert(s.parties[p].id);
    for (const Json& id : pt["estimated_stances"]) got.insert(id.get<std::string>());
    EXPECT_EQ(got, expected) << pt["point"];
    in_json += got.size();
  }
  EXPECT_EQ(in_json, inferred);
  EXPECT_EQ(json_["versions"][v.get()]["estimated_stances"].get<std::size_t>(), inferred);
}

// Sources that are not web addresses are listed, never linked; a scenario without sources has no
// notes and no `sources` entries.
TEST(Sources, TextSourcesAreNotLinkedAndNoSourcesMeansNoNotes) {
  const char* yaml = R"yaml(
format: 1
id: tiny
title: Tiny
sources: ["javascript:alert(1)", "Interview notes, 3 May"]
parties:
  - {id: A, name: Alpha, capability: {value: 2, estimate: true}}
  - {id: B, name: Beta}
issues:
  - {id: x, title: X, options: [L, H]}
preferences:
  A: {reservation: 0.2, issues: {x: {weight: 1, values: {L: 1, H: 0}}}}
  B: {reservation: 0.2, issues: {x: {weight: 1, values: {L: 0, H: 1}}}}
)yaml";
  io::LoadResult r = io::load_scenario_text(yaml, "tiny.yaml");
  ASSERT_TRUE(r.ok()) << r.outcome.message();
  const report::ScenarioAnalysis a = report::analyse(*r.scenario);
  ASSERT_EQ(a.sources.sources().size(), 2u);
  const std::string html = report::html_report(*r.scenario, a);
  EXPECT_EQ(html.find("href=\"javascript"), std::string::npos);
  EXPECT_NE(html.find("<li id=\"src-1\">javascript:alert(1)</li>"), std::string::npos);
  const std::string text = report::full_report_text(*r.scenario, a, report::Style::text);
  EXPECT_NE(text.find("[2] Interview notes, 3 May"), std::string::npos);
  EXPECT_NE(text.find("2~"), std::string::npos) << "A's capability is an estimate";

  Scenario bare = *r.scenario;
  bare.provenance = {};
  const report::ScenarioAnalysis b = report::analyse(bare);
  EXPECT_TRUE(b.sources.sources().empty());
  EXPECT_EQ(report::full_report_text(bare, b, report::Style::text).find("\nSources\n"), std::string::npos);
  EXPECT_TRUE(report::full_report_json(bare, b)["sources"].empty());
}

}  // namespace
}  // namespace accord

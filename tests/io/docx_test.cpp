// accord export docx: word/document.xml read back from the zip carries the expected tracked
// changes, and the bytes are the same on every run.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "accord/io/builtin.hpp"
#include "accord/io/docx.hpp"

namespace accord::io {
namespace {

Scenario geneva() {
  const LoadResult r = load_scenario("geneva-2025");
  EXPECT_TRUE(r.ok());
  return *r.scenario;
}

// The text of every element `tag` (e.g. w:ins), its runs' text joined.
std::vector<std::string> texts_of(const std::string& xml, const std::string& tag) {
  std::vector<std::string> out;
  const std::regex block("<" + tag + " [^>]*[^/]>(.*?)</" + tag + ">");
  const std::regex run("<w:(?:t|delText) [^>]*>([^<]*)</w:(?:t|delText)>");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), block); it != std::sregex_iterator(); ++it) {
    std::string joined;
    const std::string inner = (*it)[1];
    for (auto r = std::sregex_iterator(inner.begin(), inner.end(), run); r != std::sregex_iterator(); ++r) joined += (*r)[1];
    out.push_back(joined);
  }
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  for (const auto& x : v)
    if (x == s) return true;
  return false;
}

TEST(Docx, PreviousVersionFollowsFromLinks) {
  const Scenario s = geneva();
  EXPECT_EQ(previous_version(s, s.find_version("v20")), s.find_version("v19"));
  EXPECT_EQ(previous_version(s, s.find_version("v19")), s.find_version("v28"));
  EXPECT_FALSE(previous_version(s, s.find_version("v28")).valid());
}

TEST(Docx, AmendedAddedAndDroppedPointsAreTrackedChanges) {
  const Scenario s = geneva();
  const std::string docx = write_version_docx(s, s.find_version("v20"), s.find_version("v19"));
  ASSERT_EQ(docx.substr(0, 2), "PK");
  for (const char* part : {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml"})
    EXPECT_TRUE(read_zip_entry(docx, part).has_value()) << part;
  const auto xml = read_zip_entry(docx, "word/document.xml");
  ASSERT_TRUE(xml.has_value());
  const auto ins = texts_of(*xml, "w:ins"), del = texts_of(*xml, "w:del");
  // P19_01 "Ukraine's sovereignty confirmed" -> P20_01 "... reaffirmed by all signatories".
  EXPECT_TRUE(contains(del, " confirmed"));
  EXPECT_TRUE(contains(ins, " reaffirmed by all signatories"));
  // P20_03: "reliable" -> "strong".
  EXPECT_TRUE(contains(del, " reliable"));
  EXPECT_TRUE(contains(ins, " strong"));
  // P19_03 (bracketed NATO point) has no successor in v20: a deleted paragraph, mark included.
  bool dropped = false;
  for (const auto& d : del) dropped = dropped || d.rfind("3. [P19_03]", 0) == 0;
  EXPECT_TRUE(dropped);
  EXPECT_NE(xml->find("<w:pPr><w:pStyle w:val=\"Normal\"/><w:rPr><w:del "), std::string::npos);
  EXPECT_NE(xml->find("w:author=\"Accord\" w:date=\"2025-12-23T00:00:00Z\""), std::string::npos);
  // Every change has its own id.
  std::set<std::string> ids;
  const std::regex id("<w:(?:ins|del) w:id=\"([0-9]+)\"");
  std::size_t n = 0;
  for (auto it = std::sregex_iterator(xml->begin(), xml->end(), id); it != std::sregex_iterator(); ++it, ++n) ids.insert((*it)[1]);
  EXPECT_EQ(ids.size(), n);
  EXPECT_GT(n, 20u);
}

TEST(Docx, PlainVersionHasNoTrackedChanges) {
  const Scenario s = geneva();
  const auto xml = read_zip_entry(write_version_docx(s, s.find_version("v28"), VersionIndex{}), "word/document.xml");
  ASSERT_TRUE(xml.has_value());
  EXPECT_EQ(xml->find("<w:ins"), std::string::npos);
  EXPECT_EQ(xml->find("<w:del"), std::string::npos);
  EXPECT_NE(xml->find("[P28_01]"), std::string::npos);
}

TEST(Docx, SameBytesEveryRun) {
  const Scenario s = geneva();
  const VersionIndex v = s.find_version("v20"), prev = s.find_version("v19");
  EXPECT_EQ(write_version_docx(s, v, prev), write_version_docx(s, v, prev));
}

TEST(Docx, EscapesMarkupAndControlCharacters) {
  Scenario s = geneva();
  const VersionIndex v = s.find_version("v20");
  s.versions[v].points[PointIndex{0}].text = "a < b & \"c\" \x01 > d";
  const auto xml = read_zip_entry(write_version_docx(s, v, s.find_version("v19")), "word/document.xml");
  ASSERT_TRUE(xml.has_value());
  EXPECT_NE(xml->find("&lt;"), std::string::npos);
  EXPECT_NE(xml->find("&amp;"), std::string::npos);
  EXPECT_EQ(xml->find('\x01'), std::string::npos);
}

TEST(Docx, ReadZipEntryRefusesGarbage) {
  EXPECT_FALSE(read_zip_entry("not a zip", "word/document.xml").has_value());
  const Scenario s = geneva();
  EXPECT_FALSE(read_zip_entry(write_version_docx(s, s.find_version("v20"), VersionIndex{}), "nope.xml").has_value());
}

}  // namespace
}  // namespace accord::io

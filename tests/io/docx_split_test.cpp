// accord export docx of a split point (issue 12): P19_08 became P20_08, P20_09 and P20_10. Each
// deleted word of P19_08 is a tracked deletion in one part only; before the parts shared one
// redline::split_diff, each part was diffed against the whole source and the three paragraphs
// repeated its deletions.
#include <gtest/gtest.h>

#include <regex>

#include "accord/io/builtin.hpp"
#include "accord/io/docx.hpp"

namespace accord::io {
namespace {

std::size_t count(const std::string& xml, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = xml.find(needle); at != std::string::npos; at = xml.find(needle, at + 1)) ++n;
  return n;
}

TEST(DocxSplit, ASplitPointsDeletionsAreTrackedOnce) {
  const LoadResult r = load_scenario("geneva-2025");
  ASSERT_TRUE(r.ok());
  const Scenario& s = *r.scenario;
  const std::string docx = write_version_docx(s, s.find_version("v20"), s.find_version("v19"));
  const auto xml = read_zip_entry(docx, "word/document.xml");
  ASSERT_TRUE(xml.has_value());
  // Words of P19_08 that no part keeps ("Reconstruction package:" opens the source only).
  for (const char* word : {"Reconstruction", "minerals,", "World"}) {
    const std::regex del(std::string("<w:delText[^>]*>[^<]*") + word);
    const auto n = std::distance(std::sregex_iterator(xml->begin(), xml->end(), del), std::sregex_iterator());
    EXPECT_EQ(n, 1) << word;
  }
  // Every part is still in the document, once, as new text.
  for (const char* id : {"[P20_08]", "[P20_09]", "[P20_10]"}) EXPECT_EQ(count(*xml, id), 1u) << id;
}

}  // namespace
}  // namespace accord::io

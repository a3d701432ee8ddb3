// Issue 16: every command's --markdown output renders as intended in GitHub-flavoured Markdown,
// checked with the reference renderer (`cmark-gfm -e table`, Debian package cmark-gfm): every
// table is a table, every table line a row, and no legend or footer line joins a table.
// cmark-gfm is a build dependency (scripts/install-deps.sh): the test fails, never skips,
// without it.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>

#include "test_util.hpp"

namespace accord {
namespace {

using test::run_cli;

std::string cmark_gfm() {
  FILE* p = popen("command -v cmark-gfm 2>/dev/null", "r");
  if (p == nullptr) return {};
  char buf[512];
  std::string out;
  while (fgets(buf, sizeof buf, p) != nullptr) out += buf;
  pclose(p);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

std::string render(const std::string& markdown) {
  const std::string path = std::string(::testing::TempDir()) + "accord_gfm_" + std::to_string(::getpid()) + ".md";
  std::ofstream(path) << markdown;
  FILE* p = popen((cmark_gfm() + " -e table " + path).c_str(), "r");
  std::string html;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) html.append(buf, n);
  pclose(p);
  std::remove(path.c_str());
  return html;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// Checks one document: as many <table> as delimiter rows, as many <tr> as table lines, and the
// line after every table blank.
void expect_renders(const std::string& what, const std::string& md) {
  ASSERT_FALSE(md.empty()) << what;
  const std::regex delimiter(R"(^\|( *:?-+:? *\|)+$)");
  std::istringstream in(md);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::size_t tables = 0, rows = 0;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (lines[k].rfind('|', 0) != 0) continue;
    if (std::regex_match(lines[k], delimiter)) ++tables;
    else ++rows;
    if (k + 1 < lines.size() && lines[k + 1].rfind('|', 0) != 0) {
      EXPECT_TRUE(lines[k + 1].empty()) << what << ": line " << k + 2 << " follows a table without a blank line: "
                                        << lines[k + 1];
    }
  }
  const std::string html = render(md);
  EXPECT_EQ(occurrences(html, "<table>"), tables) << what;
  EXPECT_EQ(occurrences(html, "<tr>"), rows) << what << ": a line that is not a table row became one";
  EXPECT_GT(tables, 0u) << what << ": expected at least one table";
}

TEST(MarkdownGfm, RendererIsInstalled) {
  ASSERT_FALSE(cmark_gfm().empty()) << "cmark-gfm not found: run scripts/install-deps.sh (Debian package cmark-gfm)";
}

struct Case {
  const char* what;
  std::string args;
};

std::vector<Case> cases() {
  const std::string file = test::source_path("scenarios/example-small.yaml");
  return {
      {"report geneva-2025", "report geneva-2025 --markdown"},
      {"report geneva-2025 --version v19", "report geneva-2025 --version v19 --markdown"},
      {"report (file)", "report " + file + " --markdown"},
      {"diff geneva-2025", "diff geneva-2025 v28 v20 --markdown"},
      {"diff (file)", "diff " + file + " d1 d2 --markdown"},
      {"robustness geneva-2025", "robustness geneva-2025 --finding verdicts --markdown --max-seconds 30"},
      {"robustness (file)", "robustness " + file + " --markdown --max-seconds 30"},
  };
}

TEST(MarkdownGfm, EveryMarkdownOutputRendersAsIntended) {
  ASSERT_FALSE(cmark_gfm().empty()) << "cmark-gfm not found: run scripts/install-deps.sh";
  for (const Case& c : cases()) {
    const auto r = run_cli(c.args);
    ASSERT_EQ(r.exit_code, 0) << c.what << ": " << r.err;
    expect_renders(c.what, r.out);
  }
}

// The rule the renderer follows: a table ends with a blank line, so the legend under it stays
// a paragraph (it used to become a row: seven lines of the Geneva report did).
TEST(MarkdownGfm, LegendUnderATableIsAParagraph) {
  ASSERT_FALSE(cmark_gfm().empty()) << "cmark-gfm not found: run scripts/install-deps.sh";
  const auto r = run_cli("report geneva-2025 --markdown");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = render(r.out);
  EXPECT_NE(html.find("<p>Stances: A accept, R reject"), std::string::npos) << html.substr(0, 2000);
  EXPECT_EQ(html.find("<td>Stances: A accept"), std::string::npos);
}

}  // namespace
}  // namespace accord

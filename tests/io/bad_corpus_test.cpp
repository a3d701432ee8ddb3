// Every file in tests/data/bad is rejected with the diagnostic named in expected.tsv
// (message text and line:column are behaviour, so they are asserted).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "accord/io/scenario_io.hpp"
#include "test_util.hpp"

namespace accord::io {
namespace {

struct BadCase {
  std::string file;
  int line = 0, column = 0;
  std::string expected;
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.file; }

std::vector<BadCase> load_cases() {
  std::vector<BadCase> cases;
  std::ifstream in(test::source_path("tests/data/bad/expected.tsv"));
  std::string row;
  while (std::getline(in, row)) {
    if (row.empty() || row[0] == '#') continue;
    std::istringstream fields(row);
    BadCase c;
    std::string pos;
    std::getline(fields, c.file, '\t');
    std::getline(fields, pos, '\t');
    std::getline(fields, c.expected);
    std::sscanf(pos.c_str(), "%d:%d", &c.line, &c.column);
    cases.push_back(c);
  }
  return cases;
}

class BadCorpus : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadCorpus, RejectedWithPositionedMessage) {
  const BadCase& c = GetParam();
  const LoadResult r = load_scenario_file(test::source_path("tests/data/bad/" + c.file));
  ASSERT_FALSE(r.ok()) << c.file << " was accepted";
  bool found = false;
  std::string all;
  for (const auto& d : r.outcome.diagnostics) {
    all += d.to_string() + "\n";
    if (d.severity == Severity::error && d.to_string().find(c.expected) != std::string::npos) {
      found = true;
      EXPECT_EQ(d.line, c.line) << d.to_string();
      EXPECT_EQ(d.column, c.column) << d.to_string();
      EXPECT_NE(d.to_string().find(c.file), std::string::npos) << "diagnostic must name the file";
    }
  }
  EXPECT_TRUE(found) << "expected `" << c.expected << "` in:\n" << all;
}

INSTANTIATE_TEST_SUITE_P(Files, BadCorpus, ::testing::ValuesIn(load_cases()),
                         [](const ::testing::TestParamInfo<BadCase>& p) {
                           std::string name = p.param.file;
                           for (char& ch : name)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return name;
                         });

TEST(BadCorpus, EveryFileHasAnExpectation) {
  std::set<std::string> listed;
  for (const auto& c : load_cases()) listed.insert(c.file);
  for (const auto& e : std::filesystem::directory_iterator(test::source_path("tests/data/bad"))) {
    const std::string name = e.path().filename().string();
    if (name == "expected.tsv" || name == "base_ok.yaml") continue;
    EXPECT_TRUE(listed.count(name)) << name << " has no line in expected.tsv";
  }
}

TEST(BadCorpus, BaseFileIsValid) {
  const LoadResult r = load_scenario_file(test::source_path("tests/data/bad/base_ok.yaml"));
  EXPECT_TRUE(r.ok());
}

TEST(Limits, FileTooLargeIsRefusedBeforeParsing) {
  const std::string path = std::string(::testing::TempDir()) + "accord_too_large.yaml";
  {
    std::ofstream out(path, std::ios::binary);
    const std::string line = "# padding padding padding padding padding padding padding padding\n";
    for (std::size_t n = 0; n <= kMaxScenarioBytes / line.size() + 1; ++n) out << line;
  }
  const LoadResult r = load_scenario_file(path);
  std::remove(path.c_str());
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.outcome.diagnostics.size(), 1u);
  EXPECT_NE(r.outcome.diagnostics[0].to_string().find("file too large: more than 16 MiB"), std::string::npos)
      << r.outcome.diagnostics[0].to_string();
}

TEST(Limits, MissingFileNamesTheFile) {
  const LoadResult r = load_scenario_file("/nonexistent/dir/x.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.outcome.diagnostics[0].to_string(),
            "/nonexistent/dir/x.yaml: error: cannot open: no such file (nor a built-in scenario of "
            "that name); `accord scenarios` lists the built-in scenarios");
}

TEST(Warnings, WeightsNotSummingToOneWarnButLoad) {
  const LoadResult r = load_scenario_text(R"(format: 1
id: t
title: t
parties: [{id: A}]
issues: [{id: x, options: [a, b]}, {id: y, options: [c]}]
preferences:
  A:
    issues:
      x: {weight: 0.5, values: {a: 1, b: 0}}
      y: {weight: 0.2, values: {c: 1}}
)", "inline.yaml");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.outcome.diagnostics.size(), 1u);
  EXPECT_EQ(r.outcome.diagnostics[0].severity, Severity::warning);
  EXPECT_NE(r.outcome.diagnostics[0].to_string().find("weights sum to 0.7, not 1"), std::string::npos)
      << r.outcome.diagnostics[0].to_string();
}

}  // namespace
}  // namespace accord::io

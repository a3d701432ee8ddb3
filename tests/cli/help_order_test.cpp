// `accord --help` lists the subcommands in the order docs/cli.md documents, and the same order
// on every run (apps/accord/main.cpp sorts by ORDER, then name; never by link order).
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "test_util.hpp"

namespace accord {
namespace {

// Names in the "Subcommands:" section of --help: lines indented by exactly two spaces
// (a wrapped description continues further right).
std::vector<std::string> help_commands(const std::string& help) {
  std::vector<std::string> names;
  std::istringstream in(help);
  std::string line;
  bool in_section = false;
  while (std::getline(in, line)) {
    if (line.rfind("Subcommands:", 0) == 0 || line.rfind("SUBCOMMANDS:", 0) == 0) {
      in_section = true;
      continue;
    }
    if (!in_section) continue;
    if (line.empty()) break;
    if (line.size() > 2 && line.rfind("  ", 0) == 0 && line[2] != ' ')
      names.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  return names;
}

// The list after "then the name):" in docs/cli.md, up to the full stop.
std::vector<std::string> documented_commands() {
  std::string doc = test::read_text(test::source_path("docs/cli.md"));
  const std::string marker = "then the name):";
  const std::size_t start = doc.find(marker);
  if (start == std::string::npos) return {};
  const std::size_t end = doc.find('.', start);
  std::string list = doc.substr(start + marker.size(), end - start - marker.size());
  for (char& c : list)
    if (c == '\n') c = ' ';
  std::vector<std::string> names;
  std::istringstream in(list);
  std::string name;
  while (std::getline(in, name, ',')) {
    const std::size_t b = name.find_first_not_of(' ');
    const std::size_t e = name.find_last_not_of(' ');
    if (b != std::string::npos) names.push_back(name.substr(b, e - b + 1));
  }
  return names;
}

TEST(HelpOrder, SubcommandsInTheDocumentedOrder) {
  const auto r = test::run_cli("--help");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto documented = documented_commands();
  ASSERT_FALSE(documented.empty()) << "docs/cli.md lost its list of commands in --help order";
  EXPECT_EQ(help_commands(r.out), documented);
}

TEST(HelpOrder, SameOrderOnEveryRun) {
  const auto first = help_commands(test::run_cli("--help").out);
  ASSERT_FALSE(first.empty());
  for (int k = 0; k < 3; ++k) EXPECT_EQ(help_commands(test::run_cli("--help").out), first);
}

}  // namespace
}  // namespace accord

// `accord man`: accord.1 renders with groff without a warning and names every command.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.hpp"

namespace accord {
namespace {

std::string shell_output(const std::string& cmd, int* status = nullptr) {
  std::string out;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return "popen failed";
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  const int s = pclose(pipe);
  if (status != nullptr) *status = s;
  return out;
}

// The words of `accord PATH --help`'s "Subcommands:" section.
std::vector<std::string> subcommands(const std::string& path) {
  std::vector<std::string> names;
  std::istringstream in(test::run_cli(path + " --help").out);
  bool on = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("Subcommands:", 0) == 0) { on = true; continue; }
    if (!on) continue;
    if (line.empty()) break;
    if (line.size() > 2 && line.rfind("  ", 0) == 0 && line[2] != ' ') names.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  return names;
}

TEST(ManPage, RendersWithoutWarningsAndNamesEveryCommand) {
  const auto r = test::run_cli("man");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string page = ::testing::TempDir() + "accord_" + std::to_string(getpid()) + ".1";
  std::ofstream(page) << r.out;
  int status = -1;
  // -ww: every warning; stderr into the output, so any warning fails the comparison below.
  const std::string text = shell_output("groff -man -Tutf8 -ww '" + page + "' 2>&1 >/dev/null", &status);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(text, "");
  const std::string rendered = shell_output("groff -man -Tascii -P-cbou '" + page + "' 2>/dev/null");
  const auto top = subcommands("");
  ASSERT_GE(top.size(), 20u);
  for (const auto& cmd : top) {
    EXPECT_NE(r.out.find(".SS \"accord " + cmd + "\""), std::string::npos) << cmd;
    for (const auto& sub : subcommands(cmd))
      EXPECT_NE(r.out.find(".SS \"accord " + cmd + " " + sub + "\""), std::string::npos) << cmd << " " << sub;
  }
  EXPECT_NE(rendered.find("accord gmcr"), std::string::npos);
  EXPECT_NE(rendered.find("--concepts"), std::string::npos);  // \- renders as a plain hyphen-minus
}

}  // namespace
}  // namespace accord

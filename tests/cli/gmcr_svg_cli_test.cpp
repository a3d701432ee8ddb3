// `accord gmcr --svg FILE` (docs/gmcr.md "The graph"): the picture is written besides the usual
// output, the same bytes every run; --svg-max-nodes collapses it and a note on stderr says so.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "test_util.hpp"

namespace accord {
namespace {

using test::run_cli;

std::string read(const std::string& path) {
  std::stringstream file;
  file << std::ifstream(path).rdbuf();
  return file.str();
}

TEST(CliGmcrSvg, WritesTheGraphBesidesTheUsualOutput) {
  const std::string path = std::string(::testing::TempDir()) + "accord_gmcr_cli_graph.svg";
  const auto r = run_cli("gmcr geneva-2025 --svg " + path);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, run_cli("gmcr geneva-2025").out);
  const std::string svg = read(path);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_NE(svg.find("All 80 feasible states are drawn"), std::string::npos);
  EXPECT_NE(svg.find("data-pattern=\"NYNNNNN\""), std::string::npos);
  ASSERT_EQ(run_cli("gmcr geneva-2025 --svg " + path).exit_code, 0);
  EXPECT_EQ(read(path), svg) << "deterministic";
  const auto small = run_cli("gmcr geneva-2025 --svg " + path + " --svg-max-nodes 16");
  ASSERT_EQ(small.exit_code, 0) << small.err;
  EXPECT_NE(small.err.find("collapsed into"), std::string::npos) << small.err;
  EXPECT_NE(read(path).find("collapsed into"), std::string::npos);
  std::remove(path.c_str());
  const auto inverse = run_cli("gmcr geneva-2025 --inverse YNYYYYN --svg " + path);
  EXPECT_NE(inverse.exit_code, 0);
  EXPECT_NE(inverse.err.find("--svg draws the forward analysis"), std::string::npos) << inverse.err;
}

}  // namespace
}  // namespace accord

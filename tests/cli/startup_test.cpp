// Start-up (docs/architecture.md "Start-up"): a command maps only the libraries its module
// needs, `--version` none beyond the C/C++ runtime, and `--help` sees every command. The
// dynamic loader says what it maps (LD_DEBUG=files).
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "test_util.hpp"

namespace accord {
namespace {

// The loader's LD_DEBUG=files trace of `accord ARGS`: one line per library it maps.
std::string mapped(const std::string& args) {
  const std::string cmd = "LD_DEBUG=files " + std::string(ACCORD_CLI_PATH) + " " + args + " 2>&1 >/dev/null";
  std::string out;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  pclose(pipe);
  return out;
}

TEST(StartUp, VersionMapsNoThirdPartyLibrary) {
  const auto r = test::run_cli("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("accord ", 0), 0u) << r.out;
  const std::string libs = mapped("--version");
  ASSERT_NE(libs.find("libc.so"), std::string::npos) << "LD_DEBUG gave no trace:\n" << libs;
  for (const char* heavy : {"libsqlite3", "libcrypto", "libmpi", "libClp", "libtbb", "libyaml-cpp", "libzip", "libfmt"})
    EXPECT_EQ(libs.find(heavy), std::string::npos) << heavy << " mapped by --version";
}

TEST(StartUp, GmcrMapsOnlyWhatItUses) {
  const std::string libs = mapped("gmcr " + test::source_path("tests/data/prisoners-dilemma.yaml"));
  EXPECT_NE(libs.find("gmcr.so"), std::string::npos) << libs;
  for (const char* heavy : {"libsqlite3", "libcrypto", "libmpi", "libClp", "libzip", "db.so", "serve.so"})
    EXPECT_EQ(libs.find(heavy), std::string::npos) << heavy << " mapped by gmcr";
}

TEST(StartUp, AFlagBeforeTheCommandLoadsTheTree) {
  const auto r = test::run_cli("--help gmcr");  // CLI11: the help of the command named last
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Usage: accord gmcr"), std::string::npos) << r.out;
  const auto all = test::run_cli("--help");
  for (const char* cmd : {"  report ", "  gmcr ", "  serve ", "  bench ", "  man "})
    EXPECT_NE(all.out.find(cmd), std::string::npos) << cmd;
}

}  // namespace
}  // namespace accord

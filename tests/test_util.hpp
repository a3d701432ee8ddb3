#pragma once
// Helpers shared by the test executables.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace accord::test {

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string source_path(const std::string& rel) { return std::string(ACCORD_SOURCE_DIR) + "/" + rel; }

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

#ifdef ACCORD_CLI_PATH  // only in folders that run the binary (tests/CMakeLists.txt)
// Runs `accord ARGS` (ARGS already shell-quoted), capturing stdout and stderr.
inline CommandResult run_cli(const std::string& args) {
  static int counter = 0;
  const std::string err_file = std::string(::testing::TempDir()) + "accord_cli_err_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
  const std::string cmd = std::string(ACCORD_CLI_PATH) + " " + args + " 2>" + err_file;
  CommandResult r;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return r;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = read_text(err_file);
  std::remove(err_file.c_str());
  return r;
}
#endif

}  // namespace accord::test

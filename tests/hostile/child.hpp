#pragma once
// Runs the `accord` CLI (ACCORD_CLI_PATH) as a child process, without a shell, and measures it:
// exit code, wall time and peak resident memory (wait4's rusage). Every hostile test that runs
// the binary uses this one runner.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace accord::test {

struct ChildRun {
  int exit_code = -1;  // 128 + signal when the child was killed by one
  double seconds = 0.0;
  long peak_rss_kb = 0;
  std::string out;  // the first `keep_bytes` of stdout
  std::size_t out_bytes = 0;
  std::string err;  // the first `keep_bytes` of stderr
  [[nodiscard]] long peak_rss_mb() const { return peak_rss_kb / 1024; }
};

namespace child_detail {
inline std::string read_head(const std::string& path, std::size_t limit, std::size_t& size) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  size = in ? static_cast<std::size_t>(in.tellg()) : 0;
  in.seekg(0);
  std::string s(std::min(size, limit), '\0');
  in.read(s.data(), static_cast<std::streamsize>(s.size()));
  return s;
}
}  // namespace child_detail

// stdout and stderr go to temporary files in `dir` (default: the system's temporary folder),
// removed afterwards.
inline ChildRun run_accord(const std::vector<std::string>& args, std::string dir = {},
                           std::size_t keep_bytes = std::size_t{1} << 20) {
  static std::atomic<int> counter{0};
  if (dir.empty()) dir = P_tmpdir;
  const std::string base = dir + "/accord_child_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
  const std::string out_file = base + ".out", err_file = base + ".err";
  std::vector<std::string> argv_s = {ACCORD_CLI_PATH};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    const int o = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int e = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (o < 0 || e < 0) _exit(127);
    dup2(o, 1);
    dup2(e, 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  ChildRun r;
  int status = 0;
  struct rusage ru {};
  if (pid > 0 && wait4(pid, &status, 0, &ru) == pid) {
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.peak_rss_kb = ru.ru_maxrss;
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.out = child_detail::read_head(out_file, keep_bytes, r.out_bytes);
  std::size_t err_bytes = 0;
  r.err = child_detail::read_head(err_file, keep_bytes, err_bytes);
  std::remove(out_file.c_str());
  std::remove(err_file.c_str());
  return r;
}

}  // namespace accord::test

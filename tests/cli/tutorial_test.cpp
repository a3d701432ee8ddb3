// Issue 16: docs/tutorial.md works as written. The test reads the page, writes each
// ```yaml file=NAME block to NAME (blocks with the same name append, as the page says), runs each
// line of a ```sh block that starts with `accord` (other lines — the build — are skipped), and
// requires exit 0; a ```text block shows key lines of the last command's output, each of which
// must appear in it (spaces collapsed, so wrapping and column padding do not matter).
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.hpp"

namespace accord {
namespace {

struct Block {
  std::string info;  // after the opening fence: "sh", "text", "yaml file=river.yaml"
  std::string body;
  std::size_t line = 0;  // of the opening fence, 1-based
};

std::vector<Block> fenced_blocks(const std::string& markdown) {
  std::vector<Block> out;
  std::istringstream in(markdown);
  std::string line;
  std::size_t n = 0;
  Block* open = nullptr;
  while (std::getline(in, line)) {
    ++n;
    if (line.rfind("```", 0) == 0) {
      if (open != nullptr) {
        open = nullptr;
        continue;
      }
      out.push_back({line.substr(3), "", n});
      open = &out.back();
      continue;
    }
    if (open != nullptr) open->body += line + "\n";
  }
  return out;
}

std::string collapse(const std::string& s) {
  std::string out;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Runs `accord ARGS` in `dir` with the default width (no COLUMNS), capturing stdout and stderr.
test::CommandResult run_in(const std::string& dir, const std::string& args) {
  const std::string err = dir + "/stderr.txt";
  const std::string cmd = "cd '" + dir + "' && env -u COLUMNS " + ACCORD_CLI_PATH + " " + args + " 2>'" + err + "'";
  test::CommandResult r;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return r;
  char buf[4096];
  std::size_t got;
  while ((got = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, got);
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = test::read_text(err);
  return r;
}

TEST(Tutorial, EveryCommandRunsAndShowsWhatThePageShows) {
  const std::string page = test::read_text(test::source_path("docs/tutorial.md"));
  ASSERT_FALSE(page.empty()) << "docs/tutorial.md missing";
  const std::string dir = std::string(::testing::TempDir()) + "accord_tutorial_" + std::to_string(::getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);

  std::size_t files = 0, commands = 0, shown = 0;
  std::string last_command, last_out;
  for (const Block& b : fenced_blocks(page)) {
    const std::string where = "docs/tutorial.md:" + std::to_string(b.line);
    if (b.info.rfind("yaml file=", 0) == 0) {
      std::ofstream(dir + "/" + b.info.substr(10), std::ios::app) << b.body;
      ++files;
    } else if (b.info == "sh") {
      std::istringstream lines(b.body);
      for (std::string line; std::getline(lines, line);) {
        if (line.rfind("accord ", 0) != 0) continue;  // the build and PATH lines
        const test::CommandResult r = run_in(dir, line.substr(7));
        EXPECT_EQ(r.exit_code, 0) << where << ": `" << line << "` failed:\n" << r.err;
        last_command = line;
        last_out = r.out;
        ++commands;
      }
    } else if (b.info == "text") {
      ASSERT_FALSE(last_command.empty()) << where << ": output shown before any command";
      const std::string out = collapse(last_out);
      std::istringstream lines(b.body);
      for (std::string line; std::getline(lines, line);) {
        const std::string want = collapse(line);
        if (want.empty() || want == "..." || want == "…") continue;
        EXPECT_NE(out.find(want), std::string::npos)
            << where << ": `" << last_command << "` does not print\n  " << want << "\nIt printed:\n" << last_out;
        ++shown;
      }
    }
  }
  // The page builds the scenario in three steps and runs validate, evaluate, bargain and report.
  EXPECT_GE(files, 3u);
  EXPECT_GE(commands, 6u);
  EXPECT_GE(shown, 6u);
  for (const char* needed : {"accord validate river.yaml", "accord evaluate river.yaml", "accord bargain river.yaml",
                             "accord report river.yaml"})
    EXPECT_NE(page.find(needed), std::string::npos) << needed;
  EXPECT_TRUE(std::filesystem::exists(dir + "/river-report.html"));
  std::filesystem::remove_all(dir);
}

TEST(Tutorial, ReadmeLinksIt) {
  EXPECT_NE(test::read_text(test::source_path("README.md")).find("docs/tutorial.md"), std::string::npos);
}

}  // namespace
}  // namespace accord

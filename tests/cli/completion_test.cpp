// `accord completion bash|zsh`: the generated scripts complete commands, flags and values in a
// real shell (bash's COMP_WORDS/COMPREPLY protocol; zsh with compadd stood in by a function).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.hpp"

namespace accord {
namespace {

std::string shell_output(const std::string& cmd) {
  std::string out;
  FILE* pipe = popen((cmd + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return "popen failed";
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  pclose(pipe);
  return out;
}

std::string script_file(const std::string& shell) {
  const auto r = test::run_cli("completion " + shell);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string path = ::testing::TempDir() + "accord_completion_" + std::to_string(getpid()) + "." + shell;
  std::ofstream(path) << r.out;
  return path;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) out.push_back(l);
  return out;
}

// What bash offers for `accord WORDS<TAB>` (the last word is the one being completed).
std::vector<std::string> bash_complete(const std::string& script, const std::string& words) {
  const std::string body = "source '" + script + "'; COMP_WORDS=(" + words +
                            "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _accord; printf '%s\\n' \"${COMPREPLY[@]}\"";
  return lines(shell_output("cd '" + ::testing::TempDir() + "' && bash --norc --noprofile -c \"$(cat <<'ACCORD_EOF'\n" +
                            body + "\nACCORD_EOF\n)\""));
}

bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

TEST(Completion, BashRegistersAndCompletesCommands) {
  const std::string s = script_file("bash");
  EXPECT_EQ(shell_output("bash --norc --noprofile -c \"source '" + s + "' && complete -p accord\""),
            "complete -F _accord accord\n");
  EXPECT_EQ(bash_complete(s, "accord eva"), std::vector<std::string>{"evaluate"});
  const auto import = bash_complete(s, "accord import ''");
  EXPECT_TRUE(has(import, "genius") && has(import, "gmcr") && has(import, "csv")) << testing::PrintToString(import);
  EXPECT_EQ(bash_complete(s, "accord db ex"), std::vector<std::string>{"export"});
}

TEST(Completion, BashCompletesFlagsOfTheCommand) {
  const std::string s = script_file("bash");
  const auto con = bash_complete(s, "accord gmcr --con");
  EXPECT_TRUE(has(con, "--concept")) << testing::PrintToString(con);
  EXPECT_TRUE(has(con, "--concepts"));
  EXPECT_FALSE(has(bash_complete(s, "accord report --"), "--concept"));  // another command's flag
  // A flag's value does not count as a command word: still report's flags.
  EXPECT_TRUE(has(bash_complete(s, "accord report --version v20 --mark"), "--markdown"));
}

TEST(Completion, BashCompletesValues) {
  const std::string s = script_file("bash");
  EXPECT_EQ(bash_complete(s, "accord gmcr --concepts seq"), (std::vector<std::string>{"seq", "seq_sim"}));
  EXPECT_EQ(bash_complete(s, "accord gmcr --concept seq"), std::vector<std::string>{"seq"});  // --inverse: four
  const auto agents = bash_complete(s, "accord negotiate --agents ''");
  EXPECT_GE(agents.size(), 3u) << testing::PrintToString(agents);
  EXPECT_TRUE(has(bash_complete(s, "accord report gen"), "geneva-2025"));   // built-in scenarios
  EXPECT_EQ(bash_complete(s, "accord convert x.yaml --to j"), std::vector<std::string>{"json"});  // IsMember
  EXPECT_TRUE(has(bash_complete(s, "accord completion ''"), "zsh"));
}

// zsh: the script parses (zsh -n) and, with compadd and _files stood in, offers the same words.
std::vector<std::string> zsh_complete(const std::string& script, const std::string& words) {
  const std::string body = "compadd() { [[ $1 == -- ]] && shift; print -l -- \"$@\"; }; _files() { :; }; words=(" + words +
                           "); CURRENT=${#words}; source '" + script + "'";
  return lines(shell_output("zsh -f -c \"$(cat <<'ACCORD_EOF'\n" + body + "\nACCORD_EOF\n)\""));
}

TEST(Completion, ZshScriptParsesAndCompletes) {
  const std::string s = script_file("zsh");
  EXPECT_EQ(shell_output("zsh -n '" + s + "' && echo ok"), "ok\n");
  EXPECT_TRUE(has(zsh_complete(s, "accord eva"), "evaluate"));
  EXPECT_TRUE(has(zsh_complete(s, "accord gmcr --con"), "--concept"));
  const auto values = zsh_complete(s, "accord gmcr --concepts ''");
  EXPECT_TRUE(has(values, "seq_sim")) << testing::PrintToString(values);
}

}  // namespace
}  // namespace accord

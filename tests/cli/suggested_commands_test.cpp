// Issue 16: every command Accord suggests runs as printed. (1) The follow-up commands in the
// report's text (footers such as "Details: accord forecast … --runs 1000.") on the built-in
// scenario and on a file-based one whose id is not a built-in name; (2) every example of every
// `--help` (the commands' "Examples:" footers, found by walking the command tree), run in a
// folder holding files with the example's names.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "test_util.hpp"

namespace accord {
namespace {

namespace fs = std::filesystem;
using test::run_cli;

const std::string kShared = ACCORD_SHARED_DATA_DIR;

std::string temp_dir(const std::string& name) {
  const std::string dir = std::string(::testing::TempDir()) + "accord_suggested_" + name + "_" + std::to_string(::getpid());
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Runs `accord ARGS` in `dir` (ARGS as a shell would read them).
test::CommandResult run_in_dir(const std::string& dir, const std::string& args) {
  const std::string err = dir + "/.stderr";
  const std::string cmd = "cd '" + dir + "' && '" + std::string(ACCORD_CLI_PATH) + "' " + args + " 2>'" + err + "'";
  test::CommandResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = test::read_text(err);
  return r;
}

// --- (1) the report's suggestions ------------------------------------------------------------

// "accord WORD…" phrases of a text (lines joined, as wrap() may break a command): the words up
// to a closing backtick, ";", ")" or a sentence-ending ".".
std::vector<std::string> suggested_commands(const std::string& text) {
  std::string joined = text;
  for (char& c : joined)
    if (c == '\n') c = ' ';
  std::vector<std::string> out;
  for (std::size_t at = joined.find("accord "); at != std::string::npos; at = joined.find("accord ", at + 7)) {
    if (at > 0 && joined[at - 1] != ' ' && joined[at - 1] != '`' && joined[at - 1] != '(') continue;
    std::istringstream words(joined.substr(at + 7));
    std::string cmd, w;
    while (words >> w) {
      const std::size_t stop = w.find_first_of("`;)");
      bool end = stop != std::string::npos;
      if (end) w = w.substr(0, stop);
      if (!end && w.size() > 1 && w.back() == '.' && w.find('/') == std::string::npos) {
        w.pop_back();
        end = true;
      } else if (!end && w == ".") {
        break;
      }
      if (!w.empty()) cmd += (cmd.empty() ? "" : " ") + w;
      if (end) break;
    }
    if (!cmd.empty() && std::islower(static_cast<unsigned char>(cmd[0])) != 0) out.push_back(cmd);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

TEST(SuggestedCommands, ExtractorFindsWrappedCommands) {
  EXPECT_EQ(suggested_commands("Details: accord forecast my.yaml\n--runs 1000. Next"),
            (std::vector<std::string>{"forecast my.yaml --runs 1000"}));
  EXPECT_EQ(suggested_commands("flip; `accord robustness /tmp/x.yaml` gives"),
            (std::vector<std::string>{"robustness /tmp/x.yaml"}));
  EXPECT_EQ(suggested_commands("(measured by `accord bench accuracy`): mean"),
            (std::vector<std::string>{"bench accuracy"}));
}

void run_every_suggestion(const std::string& scenario, const std::string& must_name) {
  const auto report = run_cli("report " + scenario);
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const auto cmds = suggested_commands(report.out);
  ASSERT_GE(cmds.size(), 3u) << report.out;
  std::set<std::string> verbs;
  for (const std::string& cmd : cmds) {
    verbs.insert(cmd.substr(0, cmd.find(' ')));
    if (cmd.rfind("bench accuracy", 0) == 0 && !fs::exists(kShared + "/deu3")) continue;  // CI has the data
    if (cmd.rfind("report", 0) != 0 && cmd.rfind("bench", 0) != 0) {
      EXPECT_NE(cmd.find(must_name), std::string::npos) << "names the scenario as given: " << cmd;
    }
    const auto r = run_cli(cmd);
    EXPECT_EQ(r.exit_code, 0) << "accord " << cmd << "\n" << r.err.substr(0, 2000);
  }
  for (const char* v : {"forecast", "robustness", "gmcr"}) EXPECT_TRUE(verbs.count(v)) << v << " not suggested";
}

TEST(SuggestedCommands, ReportOnTheBuiltInScenario) { run_every_suggestion("geneva-2025", "geneva-2025"); }

TEST(SuggestedCommands, ReportOnAFileBasedScenario) {
  // Geneva under another id, so a suggestion naming the id instead of the file would fail.
  const std::string dir = temp_dir("file");
  const std::string path = dir + "/my-talks.yaml";
  std::string text = test::read_text(test::source_path("scenarios/geneva-2025.yaml"));
  const std::regex id_line("\nid: [^\n]*\n");
  text = std::regex_replace(text, id_line, "\nid: my-talks\n", std::regex_constants::format_first_only);
  std::ofstream(path) << text;
  run_every_suggestion(path, path);
  fs::remove_all(dir);
}

// --- (2) every --help example ----------------------------------------------------------------

// Every command path (`report`, `db init`, …) from the help's "Subcommands:" lists.
std::vector<std::string> command_paths(const std::string& prefix = "") {
  const auto r = run_cli(prefix + (prefix.empty() ? "" : " ") + "--help");
  std::vector<std::string> out;
  const std::size_t at = r.out.find("\nSubcommands:\n");
  if (at == std::string::npos) return out;
  std::istringstream lines(r.out.substr(at + 14));
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("  ", 0) != 0) break;
    std::istringstream words(line);
    std::string name;
    words >> name;
    const std::string path = prefix.empty() ? name : prefix + " " + name;
    out.push_back(path);
    for (const auto& sub : command_paths(path)) out.push_back(sub);
  }
  return out;
}

// The example lines ("  accord …", comments and pipes cut) of one help text.
std::vector<std::string> examples(const std::string& help) {
  std::vector<std::string> out;
  std::istringstream lines(help);
  bool in = false;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("Examples:", 0) == 0 || line.rfind("Example:", 0) == 0) {
      in = true;
      continue;
    }
    if (!in || line.rfind("  accord", 0) != 0) continue;
    std::string cmd = line.substr(std::string("  accord").size());
    if (const auto hash = cmd.find(" #"); hash != std::string::npos) cmd.erase(hash);
    if (const auto pipe = cmd.find(" | "); pipe != std::string::npos) cmd.erase(pipe);
    while (!cmd.empty() && cmd.back() == ' ') cmd.pop_back();
    while (!cmd.empty() && cmd.front() == ' ') cmd.erase(0, 1);
    out.push_back(cmd);
  }
  return out;
}

const char* kPrisoners = R"({
  "options": [{"name": "A defects", "permittedDirection": "both"},
              {"name": "B defects", "permittedDirection": "both"}],
  "decisionMakers": [
    {"name": "Prisoner A", "options": [0], "preferences": [[[1, "N"]], [[0, "Y"]]]},
    {"name": "Prisoner B", "options": [1], "preferences": [[[0, "N"]], {"condition": [[1, "Y"]]}]}
  ],
  "infeasibles": [],
  "useManualPreferenceRanking": false
})";

// A folder holding a file under every name the examples use.
std::string example_folder(const std::string& cmd) {
  const std::string dir = temp_dir("example");
  const std::string small = test::source_path("scenarios/example-small.yaml");
  for (const char* name : {"my.yaml", "my-scenario.yaml"}) fs::copy_file(small, dir + "/" + name);
  fs::copy_file(test::source_path("scenarios/geneva-2025.yaml"), dir + "/big.yaml");
  fs::create_directories(dir + "/scenarios");
  fs::copy_file(test::source_path("scenarios/geneva-2025.yaml"), dir + "/scenarios/geneva-2025.yaml");
  for (const char* name : {"model.gmcr", "garrison.gmcr", "Garrison.gmcr"}) std::ofstream(dir + "/" + name) << kPrisoners;
  std::ofstream(dir + "/ec.csv") << "Actor,Capability,Position,Salience\nNL,0.08,4,0.8\nFR,0.16,10,0.6\nDE,0.2,70,0.5\n";
  fs::create_directories(dir + "/data");
  const std::string ktab = kShared + "/ktab-smp/SOE-Pol-Comp.csv";
  if (fs::exists(ktab)) fs::copy_file(ktab, dir + "/SOE-Pol-Comp.csv");
  const std::string laptop = kShared + "/genius-anac/y2011/Laptop/";
  const std::pair<const char*, const char*> genius[] = {
      {"laptop_domain.xml", "laptop_domain.xml"},   {"DOMAIN.xml", "laptop_domain.xml"},
      {"laptop_buyer_utility.xml", "laptop_buyer_utility.xml"}, {"buyer.xml", "laptop_buyer_utility.xml"},
      {"A.xml", "laptop_buyer_utility.xml"},        {"laptop_seller_utility.xml", "laptop_seller_utility.xml"},
      {"seller.xml", "laptop_seller_utility.xml"},  {"B.xml", "laptop_seller_utility.xml"}};
  if (fs::exists(laptop))
    for (const auto& [name, from] : genius) fs::copy_file(laptop + from, dir + "/" + name);
  // GENIUS folders and files by the names the negotiation examples use.
  const std::string anac = kShared + "/genius-anac/";
  if (fs::exists(anac)) {
    for (const auto& [name, from] : {std::pair{"ItexvsCypress", "y2010/ItexvsCypress"}, std::pair{"Atlas3", "y2016/Atlas3"},
                                     std::pair{"Laptop", "y2011/Laptop"}})
      fs::copy(anac + from, dir + "/" + name, fs::copy_options::recursive);
    for (const char* f : {"ItexvsCypress_domain.xml", "ItexvsCypress_Itex.xml", "ItexvsCypress_Cypress.xml"})
      fs::copy_file(anac + "y2010/ItexvsCypress/" + f, dir + "/" + f);
    for (const auto& [name, from] : {std::pair{"domain.xml", "laptop_domain.xml"}, std::pair{"a.xml", "laptop_buyer_utility.xml"},
                                     std::pair{"b.xml", "laptop_seller_utility.xml"}})
      fs::copy_file(laptop + from, dir + "/" + name);
  }
  if (cmd.find("v20.csv") != std::string::npos) {
    EXPECT_EQ(run_in_dir(dir, "export csv geneva-2025 --version v20 -o v20.csv").exit_code, 0);
  }
  if (cmd.find("talks.db") != std::string::npos && cmd.rfind("db init", 0) != 0) {
    EXPECT_EQ(run_in_dir(dir, "db init --db talks.db").exit_code, 0);
    EXPECT_EQ(run_in_dir(dir, "db import geneva-2025 --db talks.db").exit_code, 0);
    for (int k = 0; k < 3; ++k) EXPECT_EQ(run_in_dir(dir, "token create --db talks.db --role observer").exit_code, 0);
    EXPECT_EQ(run_in_dir(dir, "db export geneva-2025 --db talks.db -o geneva-latest.yaml").exit_code, 0);
    // Rounds: round 1 open on v20 (closed for publish); round 2 on the published v21.
    if (cmd.rfind("round", 0) == 0 && cmd.rfind("round open", 0) != 0) {
      std::ofstream(dir + "/ru.json") << R"({"responses": {"P20_01": "accept", "P20_04": "reject"}})";
      std::ofstream(dir + "/edits.json") << R"({"drop": ["P20_12"]})";
      EXPECT_EQ(run_in_dir(dir, "round open --db talks.db geneva-2025 v20 --parties UA,RU").exit_code, 0);
      const bool second = cmd.find("geneva-2025 2") != std::string::npos;
      if (second || cmd.rfind("round publish", 0) == 0) {
        EXPECT_EQ(run_in_dir(dir, "round close --db talks.db geneva-2025 1").exit_code, 0);
      }
      if (second) {
        EXPECT_EQ(run_in_dir(dir, "round publish --db talks.db geneva-2025 1 --version v21 --edits edits.json").exit_code, 0);
        EXPECT_EQ(run_in_dir(dir, "round open --db talks.db geneva-2025 v21 --parties UA,RU").exit_code, 0);
      }
    }
  }
  return dir;
}

TEST(HelpExamples, EveryExampleRuns) {
  std::vector<std::string> all = examples(run_cli("--help").out);
  const auto paths = command_paths();
  ASSERT_GE(paths.size(), 20u);
  for (const std::string& path : paths) {
    const auto e = examples(run_cli(path + " --help").out);
    all.insert(all.end(), e.begin(), e.end());
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  ASSERT_GE(all.size(), 30u);
  const bool shared = fs::exists(kShared + "/deu3") && fs::exists(kShared + "/genius-anac");
  std::size_t ran = 0;
  for (const std::string& cmd : all) {
    // A server runs until stopped: its example is checked by the server tests, not here.
    if (cmd.rfind("serve", 0) == 0) continue;
    const bool needs_shared = cmd.find(".xml") != std::string::npos || cmd.find("SOE-") != std::string::npos ||
                              cmd.find("--genius") != std::string::npos || cmd.find("--domain") != std::string::npos ||
                              cmd.rfind("bench accuracy", 0) == 0;
    if (needs_shared && !shared) continue;  // CI has the data (and fails on a skip elsewhere)
    const std::string dir = example_folder(cmd);
    const auto r = run_in_dir(dir, cmd);
    EXPECT_EQ(r.exit_code, 0) << "accord " << cmd << "\n" << r.err.substr(0, 2000);
    ++ran;
    fs::remove_all(dir);
  }
  EXPECT_GE(ran, shared ? all.size() - 1 : 20u);
}

}  // namespace
}  // namespace accord

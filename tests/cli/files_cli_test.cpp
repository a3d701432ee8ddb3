// `accord validate`, `scenarios`, `history`, `db list` and `token list` as a script uses them: every JSON
// document starts with "schema", and -o FILE writes what standard output would show.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>
#include <unistd.h>

#include "test_util.hpp"

namespace accord {
namespace {

using test::run_cli;

std::string temp_path(const std::string& name) {
  return (std::filesystem::path(::testing::TempDir()) /
          ("accord_files_cli_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A record holding the small built-in scenario, removed at the end of the test.
struct Record {
  std::string db = temp_path("record.db");
  Record() {
    std::filesystem::remove(db);
    EXPECT_EQ(run_cli("db init --db " + db).exit_code, 0);
    EXPECT_EQ(run_cli("db import example-small --db " + db).exit_code, 0);
    EXPECT_EQ(run_cli("token create --db " + db + " --name m --role mediator").exit_code, 0);
  }
  ~Record() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  }
};

std::string first_key(const std::string& json) {
  const auto j = nlohmann::ordered_json::parse(json);
  return j.is_object() && !j.empty() ? j.begin().key() : "";
}

TEST(FilesCli, EveryDocumentStartsWithSchema) {
  const Record rec;
  for (const std::string& cmd : std::vector<std::string>{"validate example-small --json", "scenarios --json",
                                "history example-small --db " + rec.db + " --json"}) {
    const auto r = run_cli(cmd);
    ASSERT_EQ(r.exit_code, 0) << cmd << ": " << r.err;
    EXPECT_EQ(first_key(r.out), "schema") << cmd;
    EXPECT_EQ(nlohmann::json::parse(r.out)["schema"], 1) << cmd;
  }
}

TEST(FilesCli, OutputFileHoldsWhatStdoutWouldShow) {
  const Record rec;
  for (const std::string& cmd : std::vector<std::string>{"validate example-small", "validate example-small --json", "scenarios",
                                "scenarios --json", "history example-small --db " + rec.db,
                                "history example-small --db " + rec.db + " --json", "db list --db " + rec.db,
                                "token list --db " + rec.db}) {
    const std::string path = temp_path("out.txt");
    std::remove(path.c_str());
    const auto to_file = run_cli(cmd + " -o " + path);
    ASSERT_EQ(to_file.exit_code, 0) << cmd << ": " << to_file.err;
    EXPECT_TRUE(to_file.out.empty()) << cmd;
    const std::string written = read(path);
    EXPECT_FALSE(written.empty()) << cmd;
    EXPECT_EQ(written, run_cli(cmd).out) << cmd;
    std::remove(path.c_str());
  }
}

TEST(FilesCli, ValidateJsonOfABadFileIsWrittenAndExits2) {
  const std::string path = temp_path("bad.json");
  std::remove(path.c_str());
  const auto r = run_cli("validate " + test::source_path("tests/data/bad/bad_id.yaml") + " --json -o " + path);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  const auto j = nlohmann::json::parse(read(path));
  EXPECT_EQ(j["schema"], 1);
  EXPECT_EQ(j["valid"], false);
  EXPECT_GE(j["errors"].get<int>(), 1);
  // The common envelope: no scenario read, the status says why, the diagnostics are the errors.
  EXPECT_TRUE(j["scenario"].is_null());
  EXPECT_EQ(j["status"], "invalid_input");
  EXPECT_EQ(j["diagnostics"].size(), j["errors"].get<std::size_t>());
  EXPECT_TRUE(j["termination"].is_object());
  std::remove(path.c_str());
}

}  // namespace
}  // namespace accord

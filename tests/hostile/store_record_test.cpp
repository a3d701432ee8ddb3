// Hostile use of the negotiation record (issue 10 items 9 and 14), bounded in time and memory:
// export→import cycles racing later writes never remove an event, and many preference writes
// grow the file by the size of one party's preferences, not of the scenario.
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "accord/io/builtin.hpp"
#include "accord/io/scenario_io.hpp"
#include "accord/store/store.hpp"
#include "test_util.hpp"

namespace accord {
namespace {

using test::run_cli;

std::string fresh_dir(const std::string& name) {
  const std::string dir =
      std::string(::testing::TempDir()) + "accord_hostile_store_" + name + "_" + std::to_string(::getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

long children_max_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_CHILDREN, &u);
  return u.ru_maxrss;
}

// The load that lost 1,022 events: exports taken, events written after, the exports imported.
TEST(HostileStore, StaleExportImportCyclesNeverRemoveAnEvent) {
  const std::string dir = fresh_dir("cycles");
  const std::string db = dir + "/t.db";
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(run_cli("db init --db " + db).exit_code, 0);
  ASSERT_EQ(run_cli("db import " + test::source_path("scenarios/example-small.yaml") + " --db " + db).exit_code, 0);
  constexpr int kCycles = 10;
  for (int i = 0; i < kCycles; ++i) {
    const std::string out = dir + "/e" + std::to_string(i) + ".yaml";
    ASSERT_EQ(run_cli("db export example-small --db " + db + " -o " + out).exit_code, 0);
    ASSERT_EQ(run_cli("event add --db " + db + " example-small --date 2025-12-01 --kind talks --text 'round " +
                      std::to_string(i) + "'")
                  .exit_code,
              0);
    const auto imp = run_cli("db import " + out + " --db " + db);
    EXPECT_EQ(imp.exit_code, 2) << imp.out;
    EXPECT_NE(imp.err.find("stale import refused"), std::string::npos) << imp.err;
  }
  const auto hist = run_cli("history --db " + db + " example-small --events --json --limit 100000");
  ASSERT_EQ(hist.exit_code, 0) << hist.err;
  const auto j = nlohmann::json::parse(hist.out);
  std::size_t added = 0;
  for (const auto& e : j["events"]) {
    EXPECT_TRUE(e["removed_revision"].is_null()) << e.dump();
    added += e["text"].get<std::string>().rfind("round ", 0) == 0 ? 1 : 0;
  }
  EXPECT_EQ(added, static_cast<std::size_t>(kCycles));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 60.0);
  EXPECT_LT(children_max_rss_kb(), 1500L * 1024);
}

// 30 writes of one party's preferences on the largest built-in scenario.
TEST(HostileStore, PreferenceWritesGrowTheFileByThePreferencesOnly) {
  const std::string dir = fresh_dir("prefs");
  const std::string db = dir + "/p.db";
  store::OpenOptions o;
  o.create = true;
  auto opened = store::Store::open(db, o);
  ASSERT_TRUE(opened);
  // The file alone, after the store closed (the last connection folds the WAL into it).
  const auto closed_size = [&] {
    opened->reset();
    const auto bytes = std::filesystem::file_size(db);
    opened = store::Store::open(db);
    return bytes;
  };
  auto loaded = io::load_scenario("geneva-2025");
  ASSERT_TRUE(loaded.ok());
  const Scenario sc = *loaded.scenario;
  ASSERT_TRUE((*opened)->import_scenario(sc, "t"));
  const auto base_size = closed_size();
  const PartyIndex ua = sc.find_party("UA");
  ASSERT_TRUE(ua.valid());
  const std::size_t entry = [&] {
    const auto doc = nlohmann::json::parse(io::write_scenario(sc, io::TextFormat::json));
    return doc["preferences"]["UA"].dump().size();
  }();
  const auto start = std::chrono::steady_clock::now();
  Preferences p = sc.preferences[ua];
  constexpr int kWrites = 30;
  for (int i = 0; i < kWrites; ++i) {
    p.reservation = 0.3 + i / 10000.0;
    auto w = (*opened)->set_preferences(sc.id, "UA", p, sc, *(*opened)->revision(sc.id), "envoy");
    ASSERT_TRUE(w) << w.error().message;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto grown = closed_size() - base_size;
  // Each write stores the party's entry (plus row and page overhead), never the scenario
  // (before: 8 MB for 30 writes).
  EXPECT_LT(grown, kWrites * (entry * 2 + 4096)) << "grew " << grown << " bytes, entry " << entry;
  EXPECT_LT(seconds, 120.0);
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  EXPECT_LT(u.ru_maxrss, 1500L * 1024);
}

}  // namespace
}  // namespace accord

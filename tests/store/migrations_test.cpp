// Every earlier schema version migrates to the current one at open, keeping its data.
#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>

#include <filesystem>

#include "accord/io/scenario_io.hpp"
#include "accord/store/store.hpp"
#include "store/migrations.hpp"
#include "test_util.hpp"
#include "store/store_helpers.hpp"

namespace accord::test {
namespace {

std::string fresh_db(int from) {
  const std::string path = std::string(::testing::TempDir()) + "accord_migrate_" + std::to_string(from) + "_" +
                           std::to_string(::getpid()) + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return path;
}

// Data as a build at schema `version` would have written it (through the Store API at that
// version, which only touches the tables that version has).
void write_at_version(const std::string& path, int version) {
  auto s = store::Store::open(path, create_opts(version));
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ((*s)->schema_version(), version);
  if (version < 1) return;
  auto sc = io::load_scenario_file(source_path("scenarios/example-small.yaml"));
  ASSERT_TRUE(sc.ok());
  ASSERT_TRUE((*s)->import_scenario(*sc.scenario, "old"));
  ASSERT_TRUE((*s)->set_stances("example-small", "d2", {st("B", "D2_2", StanceKind::accept)}, 1, "old"));
  if (version >= 3) {
    ASSERT_TRUE((*s)->create_token(store::AccessRole::mediator, "", "old-mediator"));
  }
  if (version >= 7) {
    store::RunRecord r{0, "example-small", "evaluate", 2, "{}", "{\"x\":1}", "old", "", 0};
    ASSERT_TRUE((*s)->add_run(r));
    r.result_json = R"({"schema":3,"x":1})";
    ASSERT_TRUE((*s)->add_run(r));
  } else if (version >= 2) {
    // Runs as versions 2-6 wrote them (no schema column): one result without a "schema" key,
    // one with (written by a build whose serialisers carried it before the column existed).
    s->reset();
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("INSERT INTO analysis_runs(scenario_id, revision, engine, params, result, created_by, created_at) "
            "VALUES('example-small', 2, 'evaluate', '{}', '{\"x\":1}', 'old', 'then'), "
            "('example-small', 2, 'evaluate', '{}', '{\"schema\":3,\"x\":1}', 'old', 'then')");
  }
}

class Migrations : public ::testing::TestWithParam<int> {};

TEST_P(Migrations, FromEveryEarlierVersion) {
  const int from = GetParam();
  const std::string path = fresh_db(from);
  write_at_version(path, from);
  auto s = store::Store::open(path);
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ((*s)->schema_version(), store::kSchemaVersion);
  EXPECT_EQ((*s)->integrity_check(), "ok");
  if (from >= 1) {
    auto snap = (*s)->snapshot("example-small");
    ASSERT_TRUE(snap);
    EXPECT_EQ((*snap)->revision, 2);
    const Scenario& sc = (*snap)->scenario;
    EXPECT_EQ(sc.versions[VersionIndex(1)].stances[sc.find_party("B")][PointIndex(1)].kind, StanceKind::accept);
    // Version 4 back-filled when each party's preferences last changed.
    EXPECT_EQ(*(*s)->preferences_revision("example-small", "A"), 1);
    const auto runs = (*s)->runs("example-small", std::nullopt);
    ASSERT_TRUE(runs);
    ASSERT_EQ(runs->size(), from >= 2 ? 2u : 0u);
    if (from >= 2) {  // Version 7 took each run's schema from its result ("schema" key, else 0).
      EXPECT_EQ((*runs)[0].schema, 3);  // newest first
      EXPECT_EQ((*runs)[1].schema, 0);
    }
    // New writes work on the migrated file.
    EXPECT_TRUE((*s)->set_stances("example-small", "d2", {st("A", "D2_2", StanceKind::reject)}, 2, "new"));
  }
  EXPECT_EQ((*s)->tokens().size(), from >= 3 ? 1u : 0u);
  EXPECT_TRUE((*s)->create_token(store::AccessRole::observer, "", "new-observer"));
}

INSTANTIATE_TEST_SUITE_P(AllVersions, Migrations, ::testing::Range(0, store::kSchemaVersion));

TEST(Migrations, RefusesANewerDatabase) {
  const std::string path = fresh_db(99);
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA user_version = 99");
  }
  auto s = store::Store::open(path);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("newer"), std::string::npos);
}

TEST(Migrations, OpenSetsWalAndForeignKeys) {
  const std::string path = fresh_db(100);
  auto s = store::Store::open(path, create_opts());
  ASSERT_TRUE(s);
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
}

}  // namespace
}  // namespace accord::test

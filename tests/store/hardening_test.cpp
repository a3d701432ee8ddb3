// Issue 10 items 9, 11, 13, 14 at the store level: stale imports, UTF-8 at every write and the
// repair migration, 0600 and read-only opens, one row per preference change.
#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "accord/io/scenario_io.hpp"
#include "accord/store/store.hpp"
#include "accord/store/utf8.hpp"
#include "store/store_helpers.hpp"
#include "test_util.hpp"

namespace accord::test {
namespace {

std::string fresh_db(const std::string& name) {
  const std::string path =
      std::string(::testing::TempDir()) + "accord_hard_" + name + "_" + std::to_string(::getpid()) + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return path;
}

std::unique_ptr<store::Store> open_at(const std::string& path, std::optional<int> schema = std::nullopt) {
  auto s = store::Store::open(path, create_opts(schema));
  EXPECT_TRUE(s) << s.error().message;
  return std::move(*s);
}

Scenario small() {
  auto r = io::load_scenario_file(source_path("scenarios/example-small.yaml"));
  EXPECT_TRUE(r.ok());
  return *r.scenario;
}

std::int64_t count(const std::string& db, const std::string& sql) {
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  return d.execAndGet(sql).getInt64();
}

const std::string kFffd = "\xEF\xBF\xBD";

// --- item 11: UTF-8 ---------------------------------------------------------------------------

TEST(Utf8, FindsAndRepairsInvalidSequences) {
  EXPECT_FALSE(store::first_invalid_utf8("plain ascii, café, 日本, 😀"));
  EXPECT_EQ(store::first_invalid_utf8("bad\xff"), 3u);
  EXPECT_EQ(store::first_invalid_utf8("\xc0\xaf"), 0u);          // overlong
  EXPECT_EQ(store::first_invalid_utf8("x\xed\xa0\x80"), 1u);     // surrogate
  EXPECT_EQ(store::first_invalid_utf8("\xf4\x90\x80\x80"), 0u);  // past U+10FFFF
  EXPECT_EQ(store::first_invalid_utf8("ok\xe6\x97"), 2u);        // truncated
  EXPECT_EQ(store::repair_utf8("bad\xff"), "bad" + kFffd);
  EXPECT_EQ(store::repair_utf8("a\xe6\x97z"), "a" + kFffd + "z");  // one maximal subpart, one U+FFFD
  EXPECT_EQ(store::repair_utf8("\xff\xfe"), kFffd + kFffd);
  EXPECT_EQ(store::repair_utf8("café"), "café");
}

TEST(StoreUtf8, EveryWriteRefusesInvalidUtf8NamingTheField) {
  const std::string db = fresh_db("utf8");
  auto s = open_at(db);
  Scenario sc = small();
  ASSERT_TRUE(s->import_scenario(sc, "t"));
  const auto field_of = [](const auto& r) { return r ? std::string("<ok>") : r.error().field; };
  const auto code_of = [](const auto& r) { return r ? store::ErrorCode::internal : r.error().code; };

  store::StanceInput in = st("A", "D2_1", StanceKind::reject);
  in.note = "bad\xff";
  auto w = s->set_stances(sc.id, "d2", {in}, std::nullopt, "t");
  EXPECT_EQ(code_of(w), store::ErrorCode::invalid);
  EXPECT_EQ(field_of(w), "stances.A.D2_1.note");
  in.note = "ok";
  in.sources = {"https://x", "\xfe"};
  EXPECT_EQ(field_of(s->set_stances(sc.id, "d2", {in}, std::nullopt, "t")), "stances.A.D2_1.sources");
  in.sources = {};
  EXPECT_EQ(field_of(s->set_stances(sc.id, "d2", {in}, std::nullopt, "by\xff")), "by");

  store::EventInput e{"2025-03-01", EventKind::talks, "text\xc0", "", {}, false};
  auto ev = s->add_event(sc.id, e, std::nullopt, "t");
  EXPECT_EQ(code_of(ev), store::ErrorCode::invalid);
  EXPECT_EQ(field_of(ev), "text");
  e.text = "fine";
  e.note = "\xff";
  EXPECT_EQ(field_of(s->add_event(sc.id, e, std::nullopt, "t")), "note");

  EXPECT_EQ(field_of(s->create_token(store::AccessRole::mediator, "", "name\xff")), "name");
  EXPECT_EQ(field_of(s->create_token(store::AccessRole::party, "U\xff", "")), "party");
  store::RunRecord run{0, sc.id, "evaluate", 1, "{}", "{}", "who\xff", ""};
  EXPECT_EQ(field_of(s->add_run(run)), "by");
  EXPECT_EQ(field_of(s->set_preferences(sc.id, "A", sc.preferences[PartyIndex(0)], sc, 1, "\xff")), "by");

  Scenario bad = sc;
  bad.parties[PartyIndex(0)].name = "Al\xffpha";
  auto imp = s->import_scenario(bad, "t");
  EXPECT_EQ(code_of(imp), store::ErrorCode::invalid);
  EXPECT_EQ(field_of(imp), "parties.A.name");
  bad = sc;
  bad.timeline[0].provenance.note = "\xff";
  EXPECT_EQ(field_of(s->import_scenario(bad, "t")), "timeline.0.note");

  // Nothing was written.
  EXPECT_EQ(*s->revision(sc.id), 1);
  EXPECT_EQ(s->tokens().size(), 0u);
}

// Rows written by builds that did not check UTF-8 (inserted here with raw SQL at schema 4)
// are repaired by the migration, and every read the API serves then dumps as JSON.
TEST(StoreUtf8, MigrationRepairsRowsWrittenBeforeTheCheck) {
  const std::string db = fresh_db("repair");
  {
    auto s = open_at(db, 4);
    ASSERT_TRUE(s->import_scenario(small(), "old"));
  }
  {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec(
        "INSERT INTO stances(scenario_id, version_id, party_id, point_id, stance, note, sources, estimate, set_by, "
        "set_at, revision) VALUES('example-small','d2','A','D2_1','reject', CAST(X'626164FF' AS TEXT), "
        "CAST(X'5B2278FE225D' AS TEXT), 0, CAST(X'636C693AFF' AS TEXT), '2025-01-01T00:00:00.000Z', 2)");
    raw.exec(
        "INSERT INTO events(scenario_id, position, date, kind, text, note, sources, estimate, added_by, added_at, "
        "revision) VALUES('example-small', 99, '2025-03-01', 'talks', CAST(X'7461C0AF6C6B73' AS TEXT), '', '[]', 0, "
        "'cli:x', '2025-01-01T00:00:00.000Z', 3)");
    raw.exec("UPDATE scenarios SET revision = 3 WHERE id = 'example-small'");
    // Two user names that repair to the same text (users.name is UNIQUE).
    raw.exec("INSERT INTO users(name, role, party_id, created_at) VALUES(CAST(X'6E61FF' AS TEXT), 'mediator', '', 'x')");
    raw.exec("INSERT INTO users(name, role, party_id, created_at) VALUES(CAST(X'6E61FE' AS TEXT), 'observer', '', 'x')");
    raw.exec("INSERT INTO tokens(user_id, hash, created_at) VALUES(1, 'h', 'x'), (2, 'h', 'x')");
  }
  auto opened = store::Store::open(db);
  ASSERT_TRUE(opened) << opened.error().message;
  auto& s = **opened;
  EXPECT_EQ(s.schema_version(), store::kSchemaVersion);
  EXPECT_EQ(s.integrity_check(), "ok");

  auto cur = s.current_stances("example-small", "d2");
  ASSERT_TRUE(cur) << cur.error().message;
  bool found = false;
  for (const auto& r : *cur) {
    EXPECT_NO_THROW((void)nlohmann::json({r.note, r.set_by, r.sources}).dump());
    if (r.party == "A" && r.point == "D2_1") {
      found = true;
      EXPECT_EQ(r.note, "bad" + kFffd);
      EXPECT_EQ(r.set_by, "cli:" + kFffd);
      EXPECT_EQ(r.sources, std::vector<std::string>{"x" + kFffd});
    }
  }
  EXPECT_TRUE(found);
  auto hist = s.stance_history("example-small", hf(std::nullopt, std::string("A"), std::nullopt));
  ASSERT_TRUE(hist);
  for (const auto& r : *hist) EXPECT_FALSE(store::first_invalid_utf8(r.note)) << r.note;
  auto events = s.events("example-small", store::HistoryFilter{}, true);
  ASSERT_TRUE(events);
  EXPECT_EQ(events->back().event.text, "ta" + kFffd + kFffd + "lks");
  auto snap = s.snapshot("example-small");
  ASSERT_TRUE(snap) << snap.error().message;
  EXPECT_NO_THROW((void)io::write_scenario((*snap)->scenario, io::TextFormat::json));
  const auto tokens = s.tokens();
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].name, "na" + kFffd);
  EXPECT_EQ(tokens[1].name, "na" + kFffd + " #2");
  for (const auto& t : tokens) EXPECT_NO_THROW((void)nlohmann::json(t.name).dump());
}

// --- item 14: one row per preference change ---------------------------------------------------

TEST(StorePreferences, EachChangeIsOneRowNotADocument) {
  const std::string db = fresh_db("prefrows");
  auto s = open_at(db);
  const Scenario sc = small();
  ASSERT_TRUE(s->import_scenario(sc, "t"));
  Preferences a = sc.preferences[PartyIndex(0)];
  for (int i = 0; i < 30; ++i) {
    a.reservation = 0.30 + i / 1000.0;
    auto w = s->set_preferences(sc.id, "A", a, sc, *s->revision(sc.id), "envoy" + std::to_string(i));
    ASSERT_TRUE(w) << w.error().message;
  }
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM documents"), 1);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM preferences WHERE party_id = 'A'"), 30);
  // Rows are small: the party's entry only, not the scenario.
  EXPECT_LT(count(db, "SELECT MAX(length(json)) FROM preferences"), 1000);
  EXPECT_EQ(count(db, "SELECT COUNT(DISTINCT set_by) FROM preferences"), 30);
  auto snap = s->snapshot(sc.id);
  ASSERT_TRUE(snap);
  EXPECT_EQ((*snap)->revision, 31);
  EXPECT_EQ((*snap)->scenario.preferences[PartyIndex(0)], a);
  EXPECT_EQ((*snap)->scenario.preferences[PartyIndex(1)], sc.preferences[PartyIndex(1)]);
  EXPECT_EQ(*s->preferences_revision(sc.id, "A"), 31);
  EXPECT_EQ(*s->preferences_revision(sc.id, "B"), 1);
  // A re-import supersedes the rows (its document carries every party's preferences).
  ASSERT_TRUE(s->import_scenario(sc, "t"));
  EXPECT_EQ((*s->snapshot(sc.id))->scenario.preferences[PartyIndex(0)], sc.preferences[PartyIndex(0)]);
  EXPECT_EQ(*s->preferences_revision(sc.id, "A"), 32);
  // A party's preferences removed (not present) round-trip as such.
  Preferences none;
  none.issues = sc.preferences[PartyIndex(1)].issues;
  for (auto& ip : none.issues) ip = IssuePreference{};
  for (const IssueIndex i : sc.issues.indices())
    none.issues[i].option_values.assign(sc.issues[i].options.size(), std::nullopt);
  ASSERT_TRUE(s->set_preferences(sc.id, "B", none, sc, 32, "t"));
  EXPECT_FALSE((*s->snapshot(sc.id))->scenario.preferences[PartyIndex(1)].present);
}

TEST(StorePreferences, MigrationTurnsPreferenceDocumentsIntoRows) {
  const std::string db = fresh_db("prefmig");
  const Scenario sc = small();
  Preferences a = sc.preferences[PartyIndex(0)], b = sc.preferences[PartyIndex(1)];
  a.reservation = 0.55;
  b.reservation = 0.25;
  {
    auto s = open_at(db, 4);
    ASSERT_TRUE(s->import_scenario(sc, "t"));
    ASSERT_TRUE(s->set_preferences(sc.id, "A", a, sc, 1, "envoy-a"));
    ASSERT_TRUE(s->set_preferences(sc.id, "B", b, sc, 2, "envoy-b"));
    EXPECT_EQ(count(db, "SELECT COUNT(*) FROM documents"), 3);
  }
  auto opened = store::Store::open(db);
  ASSERT_TRUE(opened) << opened.error().message;
  auto& s = **opened;
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM documents"), 1);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM preferences"), 2);
  EXPECT_EQ(count(db, "SELECT revision FROM preferences WHERE party_id = 'B' AND set_by = 'envoy-b'"), 3);
  auto snap = s.snapshot(sc.id);
  ASSERT_TRUE(snap);
  EXPECT_EQ((*snap)->revision, 3);
  EXPECT_EQ((*snap)->scenario.preferences[PartyIndex(0)], a);
  EXPECT_EQ((*snap)->scenario.preferences[PartyIndex(1)], b);
  EXPECT_EQ(*s.preferences_revision(sc.id, "A"), 2);
  EXPECT_TRUE(s.set_preferences(sc.id, "A", sc.preferences[PartyIndex(0)], sc, 3, "t"));
  EXPECT_EQ((*s.snapshot(sc.id))->scenario.preferences[PartyIndex(0)], sc.preferences[PartyIndex(0)]);
}

// --- item 9: imports with a base revision, dry runs -------------------------------------------

TEST(StoreImport, StaleBaseRevisionConflictsAndDryRunWritesNothing) {
  const std::string db = fresh_db("stale");
  auto s = open_at(db);
  const Scenario sc = small();
  ASSERT_TRUE(s->import_scenario(sc, "t"));  // revision 1: the "export"
  ASSERT_TRUE(s->set_stances(sc.id, "d2", {st("A", "D2_1", StanceKind::reject)}, 1, "envoy"));
  store::EventInput e{"2025-03-01", EventKind::talks, "later talks", "", {}, false};
  ASSERT_TRUE(s->add_event(sc.id, e, std::nullopt, "mediator"));

  auto stale = s->import_scenario(sc, "t", {1, false});
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, store::ErrorCode::conflict);
  EXPECT_EQ(stale.error().current_revision, 3);
  EXPECT_NE(stale.error().message.find("past the base revision 1"), std::string::npos) << stale.error().message;

  auto dry = s->import_scenario(sc, "t", {std::nullopt, true});
  ASSERT_TRUE(dry) << dry.error().message;
  EXPECT_TRUE(dry->dry_run);
  EXPECT_EQ(dry->previous_revision, 3);
  ASSERT_EQ(dry->stance_changes.size(), 1u);
  EXPECT_EQ(dry->stance_changes[0].party, "A");
  EXPECT_EQ(dry->stance_changes[0].from, StanceKind::reject);
  EXPECT_EQ(dry->stance_changes[0].to, sc.versions[VersionIndex(1)].stances[PartyIndex(0)][PointIndex(0)].kind);
  ASSERT_EQ(dry->removed_events.size(), 1u);
  EXPECT_EQ(dry->removed_events[0].text, "later talks");
  EXPECT_TRUE(dry->preferences_changed.empty());
  EXPECT_EQ(*s->revision(sc.id), 3);
  EXPECT_EQ(s->events(sc.id, store::HistoryFilter{})->size(), sc.timeline.size() + 1);

  EXPECT_TRUE(s->import_scenario(sc, "t", {3, false}));  // up to date: accepted
  EXPECT_FALSE(s->import_scenario(sc, "t", {9, false}));  // ahead: invalid
}

// --- item 13: file mode, read-only opens -------------------------------------------------------

TEST(StoreFiles, InitCreatesTheDatabaseAndItsWalOwnerOnly) {
  const std::string db = fresh_db("mode");
  const mode_t old = ::umask(022);
  {
    auto s = open_at(db);
    ASSERT_TRUE(s->import_scenario(small(), "t"));
    for (const char* suffix : {"", "-wal", "-shm"}) {
      struct stat st {};
      ASSERT_EQ(::stat((db + suffix).c_str(), &st), 0) << suffix;
      EXPECT_EQ(st.st_mode & 0777, 0600u) << suffix;
    }
  }
  ::umask(old);
}

TEST(StoreFiles, ReadOnlyOpenReadsRefusesWritesAndNeverWritesTheFile) {
  const std::string db = fresh_db("ro");
  {
    auto s = open_at(db);
    ASSERT_TRUE(s->import_scenario(small(), "t"));
  }
  const std::string before = read_text(db);
  store::OpenOptions o;
  o.read_only = true;
  auto opened = store::Store::open(db, o);
  ASSERT_TRUE(opened) << opened.error().message;
  auto& s = **opened;
  EXPECT_EQ(s.schema_version(), store::kSchemaVersion);
  EXPECT_TRUE(s.snapshot("example-small"));
  EXPECT_EQ(s.list_scenarios().size(), 1u);
  auto w = s.create_token(store::AccessRole::mediator, "", "m");
  ASSERT_FALSE(w);
  EXPECT_NE(w.error().message.find("read-only"), std::string::npos);
  EXPECT_FALSE(s.set_stances("example-small", "d2", {st("A", "D2_1", StanceKind::reject)}, std::nullopt, "t"));
  EXPECT_EQ(read_text(db), before);
}

TEST(StoreFiles, ReadOnlyOpenRefusesAnOldSchemaInsteadOfMigrating) {
  const std::string db = fresh_db("ro_old");
  { open_at(db, 3); }
  store::OpenOptions o;
  o.read_only = true;
  auto s = store::Store::open(db, o);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("accord db init"), std::string::npos) << s.error().message;
  EXPECT_EQ(count(db, "PRAGMA user_version"), 3);
}

// A read-only file system (a read-only bind mount; needs root, skipped otherwise): reads work
// and nothing is created next to the database.
TEST(StoreFiles, ReadOnlyOpenWorksOnAReadOnlyFileSystem) {
  const std::string dir = std::string(::testing::TempDir()) + "accord_rofs_" + std::to_string(::getpid());
  const std::string mnt = dir + "_mnt";
  std::filesystem::create_directories(dir);
  std::filesystem::create_directories(mnt);
  const std::string db = dir + "/r.db";
  {
    auto s = open_at(db);
    ASSERT_TRUE(s->import_scenario(small(), "t"));
  }
  ASSERT_FALSE(std::filesystem::exists(db + "-wal"));
  if (::mount(dir.c_str(), mnt.c_str(), nullptr, MS_BIND, nullptr) != 0)
    GTEST_SKIP() << "cannot bind-mount (not root?)";
  struct Unmount {
    std::string dir;
    ~Unmount() {
      if (!dir.empty()) ::umount(dir.c_str());
    }
  } unmount{mnt};
  if (::mount(nullptr, mnt.c_str(), nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY, nullptr) != 0)
    GTEST_SKIP() << "cannot remount read-only";
  {
    store::OpenOptions o;
    o.read_only = true;
    auto s = store::Store::open(mnt + "/r.db", o);
    EXPECT_TRUE(s) << s.error().message;
    if (s) {
      EXPECT_TRUE((*s)->snapshot("example-small"));
    }
    const auto cli = run_cli("db export example-small --db " + mnt + "/r.db");
    EXPECT_EQ(cli.exit_code, 0) << cli.err;
    EXPECT_NE(cli.out.find("id: example-small"), std::string::npos);
    EXPECT_EQ(run_cli("db list --db " + mnt + "/r.db").exit_code, 0);
    EXPECT_EQ(run_cli("history --db " + mnt + "/r.db example-small").exit_code, 0);
    EXPECT_EQ(run_cli("token list --db " + mnt + "/r.db").exit_code, 0);
  }
  ::umount(mnt.c_str());
  unmount.dir.clear();
  EXPECT_FALSE(std::filesystem::exists(db + "-wal"));
  EXPECT_FALSE(std::filesystem::exists(db + "-shm"));
}

TEST(StoreTokens, PartyIdsListsEveryScenariosParties) {
  auto s = open_at(fresh_db("parties"));
  ASSERT_TRUE(s->import_scenario(small(), "t"));
  EXPECT_EQ(s->party_ids(), (std::vector<std::string>{"A", "B", "M"}));
}

}  // namespace
}  // namespace accord::test

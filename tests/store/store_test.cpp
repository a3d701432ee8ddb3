// The negotiation record: round trips, history, optimistic concurrency, tokens.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "accord/io/builtin.hpp"
#include "accord/io/scenario_io.hpp"
#include "accord/store/crypto.hpp"
#include "accord/store/store.hpp"
#include "test_util.hpp"
#include "store/store_helpers.hpp"

namespace accord::test {
namespace {

std::string fresh_db(const std::string& name) {
  const std::string path = std::string(::testing::TempDir()) + "accord_store_" + name + "_" + std::to_string(::getpid()) + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return path;
}

std::unique_ptr<store::Store> open(const std::string& path) {
  auto s = store::Store::open(path, create_opts());
  EXPECT_TRUE(s) << s.error().message;
  return std::move(*s);
}

Scenario load_file(const std::string& rel) {
  auto r = io::load_scenario_file(source_path(rel));
  EXPECT_TRUE(r.ok());
  return *r.scenario;
}

TEST(Store, OpenWithoutCreateNamesTheFix) {
  auto s = store::Store::open(fresh_db("missing"));
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("accord db init"), std::string::npos);
}

TEST(Store, ExportRoundTripsExactly) {
  for (const char* file : {"scenarios/example-small.yaml", "scenarios/geneva-2025.yaml"}) {
    const Scenario original = load_file(file);
    auto s = open(fresh_db("roundtrip"));
    ASSERT_TRUE(s->import_scenario(original, "test"));
    auto snap = s->snapshot(original.id);
    ASSERT_TRUE(snap);
    EXPECT_EQ((*snap)->scenario, original) << file;
    EXPECT_EQ(io::write_scenario((*snap)->scenario, io::TextFormat::yaml), io::write_scenario(original, io::TextFormat::yaml))
        << file;
  }
}

TEST(Store, ExportReflectsStancesAndEventsAndRoundTripsThroughTheCli) {
  const std::string db = fresh_db("cli");
  const std::string out = db + ".export.yaml";
  ASSERT_EQ(run_cli("db init --db " + db).exit_code, 0);
  ASSERT_EQ(run_cli("db import " + source_path("scenarios/example-small.yaml") + " --db " + db).exit_code, 0);
  ASSERT_EQ(run_cli("stance set --db " + db + " example-small d2 B D2_2 accept --note 'ok now' --source https://x").exit_code, 0);
  ASSERT_EQ(run_cli("event add --db " + db + " example-small --date 2025-02-10 --kind statement --text 'B agrees'").exit_code, 0);
  ASSERT_EQ(run_cli("db export example-small --db " + db + " -o " + out).exit_code, 0);
  auto exported = io::load_scenario_file(out);
  ASSERT_TRUE(exported.ok());
  Scenario expected = load_file("scenarios/example-small.yaml");
  Stance& st = expected.versions[VersionIndex(1)].stances[expected.find_party("B")][PointIndex(1)];
  st.kind = StanceKind::accept;
  st.provenance.note = "ok now";
  st.provenance.sources = {"https://x"};
  expected.timeline.push_back({"2025-02-10", EventKind::statement, "B agrees", {}});
  EXPECT_EQ(*exported.scenario, expected);
  // Re-importing the export changes nothing and makes no empty revision (issue 16), so a second
  // export is byte-identical, first line (the revision) included.
  const auto again = run_cli("db import " + out + " --db " + db);
  EXPECT_NE(again.out.find("example-small unchanged, revision 3 kept"), std::string::npos) << again.out;
  ASSERT_EQ(run_cli("db export example-small --db " + db + " -o " + out + ".2.yaml").exit_code, 0);
  EXPECT_EQ(read_text(out), read_text(out + ".2.yaml"));
  EXPECT_EQ(read_text(out).rfind("# accord db export: scenario example-small revision 3\n", 0), 0u);
  const auto hist = run_cli("history --db " + db + " example-small --party B --point D2_2 --json");
  ASSERT_EQ(hist.exit_code, 0) << hist.err;
  const auto j = nlohmann::json::parse(hist.out);
  ASSERT_EQ(j["stances"].size(), 2u);
  EXPECT_EQ(j["stances"][0]["stance"], "conditional");
  EXPECT_EQ(j["stances"][1]["stance"], "accept");
  EXPECT_EQ(j["stances"][1]["note"], "ok now");
}

TEST(Store, ReimportRecordsOnlyWhatChanged) {
  auto s = open(fresh_db("reimport"));
  Scenario sc = load_file("scenarios/example-small.yaml");
  auto first = s->import_scenario(sc, "a");
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->created);
  EXPECT_EQ(first->events_added, 2u);
  sc.versions[VersionIndex(0)].stances[PartyIndex(0)][PointIndex(1)].kind = StanceKind::accept;
  sc.timeline.erase(sc.timeline.begin());
  sc.timeline.push_back({"2025-03-01", EventKind::talks, "Third round", {}});
  auto second = s->import_scenario(sc, "b");
  ASSERT_TRUE(second);
  EXPECT_FALSE(second->created);
  EXPECT_EQ(second->revision, 2);
  EXPECT_EQ(second->stances_changed, 1u);
  EXPECT_EQ(second->events_added, 1u);
  EXPECT_EQ(second->events_removed, 1u);
  EXPECT_EQ((*s->snapshot(sc.id))->scenario, sc);
  auto all = s->events(sc.id, {}, true);
  ASSERT_EQ(all->size(), 3u);
  auto hist = s->stance_history(sc.id, hf("d1", "A", "D1_2"));
  ASSERT_EQ(hist->size(), 2u);
  EXPECT_EQ((*hist)[1].set_by, "b");
  EXPECT_EQ((*hist)[1].revision, 2);
}

TEST(Store, StaleStanceWriteConflictsAndWritesNothing) {
  auto s = open(fresh_db("stale"));
  ASSERT_TRUE(s->import_scenario(load_file("scenarios/example-small.yaml"), "t"));
  auto w1 = s->set_stances("example-small", "d2", {st("A", "D2_2", StanceKind::reject)}, 1, "x");
  ASSERT_TRUE(w1);
  EXPECT_EQ(w1->revision, 2);
  // Based on revision 1, another writer touches D2_2 (changed at 2) and D2_1 (unchanged).
  auto w2 = s->set_stances("example-small", "d2", {st("A", "D2_1", StanceKind::reject), st("A", "D2_2", StanceKind::accept)}, 1, "y");
  ASSERT_FALSE(w2);
  EXPECT_EQ(w2.error().code, store::ErrorCode::conflict);
  EXPECT_EQ(w2.error().current_revision, 2);
  EXPECT_EQ(w2.error().field, "stances.A.D2_2");
  EXPECT_EQ(*s->revision("example-small"), 2);
  EXPECT_EQ(s->stance_history("example-small", hf(std::nullopt, std::nullopt, "D2_1"))->size(), 3u);  // A, B, M from the import
  // Unknown ids are named.
  auto bad = s->set_stances("example-small", "d2", {st("A", "NOPE", StanceKind::accept)}, 2, "y");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, store::ErrorCode::not_found);
  EXPECT_NE(bad.error().message.find("NOPE"), std::string::npos);
}

TEST(Store, PreferencesConflictPerParty) {
  auto s = open(fresh_db("prefs"));
  const Scenario sc = load_file("scenarios/example-small.yaml");
  ASSERT_TRUE(s->import_scenario(sc, "t"));
  Preferences a = sc.preferences[PartyIndex(0)];
  a.reservation = 0.5;
  auto w = s->set_preferences(sc.id, "A", a, sc, 1, "envoy");
  ASSERT_TRUE(w);
  EXPECT_EQ((*s->snapshot(sc.id))->scenario.preferences[PartyIndex(0)].reservation, 0.5);
  EXPECT_FALSE(s->set_preferences(sc.id, "A", a, sc, 1, "envoy"));   // stale
  EXPECT_TRUE(s->set_preferences(sc.id, "B", sc.preferences[PartyIndex(1)], sc, 1, "envoy"));  // B untouched since 1
}

TEST(Store, EventsAreValidated) {
  auto s = open(fresh_db("events"));
  ASSERT_TRUE(s->import_scenario(load_file("scenarios/example-small.yaml"), "t"));
  auto bad = s->add_event("example-small", {"yesterday", EventKind::talks, "x", "", {}, false}, std::nullopt, "t");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "date");
  EXPECT_EQ(s->add_event("example-small", {"2025-01-01", EventKind::not_set, "x", "", {}, false}, std::nullopt, "t").error().field, "kind");
  const auto riot = store::parse_event_kind_field("riot");
  ASSERT_FALSE(riot);
  EXPECT_EQ(riot.error().field, "kind");
  EXPECT_EQ(riot.error().message, "kind `riot` is not one of talks, statement, strike, proposal, other");
  EXPECT_EQ(s->add_event("example-small", {"2025-01-01", EventKind::talks, "", "", {}, false}, std::nullopt, "t").error().field, "text");
  EXPECT_FALSE(s->add_event("nope", {"2025-01-01", EventKind::talks, "x", "", {}, false}, std::nullopt, "t"));
  EXPECT_EQ(*s->revision("example-small"), 1);
}

TEST(Store, RunsCarryTheSchemaOfTheirResult) {
  auto s = open(fresh_db("run_schema"));
  ASSERT_TRUE(s->import_scenario(load_file("scenarios/example-small.yaml"), "t"));
  store::RunRecord r{0, "example-small", "bargain", 1, "{}", R"({"schema":2,"finding":"zone_exists"})", "t", "", 99};
  auto with = s->add_run(r);
  ASSERT_TRUE(with);
  EXPECT_EQ(with->schema, 2);  // from the document, never from the caller
  r.result_json = R"({"finding":"zone_exists"})";
  EXPECT_EQ(s->add_run(r)->schema, 0);
  r.result_json = R"({"schema":"2"})";  // not an integer: no schema
  EXPECT_EQ(s->add_run(r)->schema, 0);
  r.result_json = "not json";
  EXPECT_EQ(s->add_run(r)->schema, 0);
  EXPECT_EQ(s->run("example-small", with->id)->schema, 2);
  const auto all = s->runs("example-small", std::string("bargain"));
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 4u);
  EXPECT_EQ(all->back().schema, 2);
}

TEST(Store, TokensStoreOnlyAHashAndCanBeRevoked) {
  const std::string db = fresh_db("tokens");
  auto s = open(db);
  auto t = s->create_token(store::AccessRole::party, "UA", "ua-envoy");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->token.rfind("acc_", 0), 0u);
  auto who = s->authenticate(t->token);
  ASSERT_TRUE(who);
  EXPECT_EQ(who->role, store::AccessRole::party);
  EXPECT_EQ(who->party, "UA");
  EXPECT_EQ(who->name, "ua-envoy");
  std::string wrong = t->token;
  wrong.back() = wrong.back() == 'a' ? 'b' : 'a';
  EXPECT_FALSE(s->authenticate(wrong));
  EXPECT_FALSE(s->authenticate(""));
  EXPECT_FALSE(s->authenticate("acc_1_"));
  EXPECT_FALSE(s->authenticate("acc_999_" + std::string(64, 'a')));
  EXPECT_FALSE(s->create_token(store::AccessRole::party, "", ""));
  EXPECT_FALSE(s->create_token(store::AccessRole::mediator, "UA", ""));
  EXPECT_FALSE(s->create_token(store::AccessRole::mediator, "", "ua-envoy"));  // name taken by a party user
  ASSERT_TRUE(s->revoke_token(t->record.id));
  EXPECT_FALSE(s->authenticate(t->token));
  s.reset();
  // The secret is nowhere in the file; its SHA-256 is.
  std::string bytes = read_text(db);
  if (std::filesystem::exists(db + "-wal")) bytes += read_text(db + "-wal");
  const std::string secret = t->token.substr(t->token.rfind('_') + 1);
  EXPECT_EQ(bytes.find(secret), std::string::npos);
  EXPECT_NE(bytes.find(store::sha256_hex(secret)), std::string::npos);
}

TEST(Store, CliTokenCommands) {
  const std::string db = fresh_db("clitok");
  ASSERT_EQ(run_cli("db init --db " + db).exit_code, 0);
  // No scenario has party UA yet: --force.
  const auto c = run_cli("token create --db " + db + " --role party --party UA --force");
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_EQ(c.out.rfind("acc_1_", 0), 0u);
  EXPECT_EQ(run_cli("token create --db " + db + " --role party").exit_code, 2);
  EXPECT_EQ(run_cli("token revoke --db " + db + " 1").exit_code, 0);
  const auto l = run_cli("token list --db " + db);
  EXPECT_NE(l.out.find("revoked"), std::string::npos);
  EXPECT_EQ(l.out.find(c.out.substr(6, 20)), std::string::npos);
  EXPECT_EQ(run_cli("token revoke --db " + db + " 42").exit_code, 2);
}

TEST(Crypto, Sha256AndConstantTimeEqual) {
  EXPECT_EQ(store::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(store::constant_time_equal("abc", "abc"));
  EXPECT_FALSE(store::constant_time_equal("abc", "abd"));
  EXPECT_FALSE(store::constant_time_equal("abc", "ab"));
  EXPECT_EQ(store::random_hex(32).size(), 64u);
}

}  // namespace
}  // namespace accord::test

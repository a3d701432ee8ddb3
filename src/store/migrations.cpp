// Schema history. Never edit a released step: append a new one and bump kSchemaVersion.
#include "migrations.hpp"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "accord/store/store.hpp"
#include "accord/store/utf8.hpp"

namespace accord::store {
namespace {

// 6: every text value written before UTF-8 was checked at each write is repaired: each invalid
// sequence becomes U+FFFD (the rows could not be served as JSON). A repaired value that would
// collide with a UNIQUE one (users.name) gets " #<rowid>" appended.
void repair_text_columns(SQLite::Database& db) {
  std::vector<std::string> tables;
  {
    SQLite::Statement q(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                            "ORDER BY name");
    while (q.executeStep()) tables.push_back(q.getColumn(0).getString());
  }
  for (const std::string& table : tables) {
    std::vector<std::string> columns;
    {
      SQLite::Statement q(db, "SELECT name, type FROM pragma_table_info(?)");
      q.bind(1, table);
      while (q.executeStep())
        if (q.getColumn(1).getString() == "TEXT") columns.push_back(q.getColumn(0).getString());
    }
    for (const std::string& column : columns) {
      const std::string quoted = "\"" + column + "\"";
      // Read as BLOB: the bytes as stored, with no conversion on the way.
      SQLite::Statement q(db, "SELECT rowid, CAST(" + quoted + " AS BLOB) FROM \"" + table + "\" WHERE " + quoted +
                                  " IS NOT NULL AND typeof(" + quoted + ") = 'text' ORDER BY rowid");
      std::vector<std::pair<std::int64_t, std::string>> fixes;
      while (q.executeStep()) {
        const SQLite::Column c = q.getColumn(1);
        const std::string_view text(static_cast<const char*>(c.getBlob()), static_cast<std::size_t>(c.getBytes()));
        if (first_invalid_utf8(text)) fixes.emplace_back(q.getColumn(0).getInt64(), repair_utf8(text));
      }
      const std::string update = "UPDATE \"" + table + "\" SET " + quoted + " = ? WHERE rowid = ?";
      for (const auto& [rowid, fixed] : fixes) {
        for (int attempt = 0; attempt < 2; ++attempt) {
          SQLite::Statement up(db, update);
          up.bind(1, attempt == 0 ? fixed : fixed + " #" + std::to_string(rowid));
          up.bind(2, rowid);
          try {
            up.exec();
            break;
          } catch (const SQLite::Exception& e) {
            if (attempt == 1 || (e.getErrorCode() & 0xff) != SQLITE_CONSTRAINT) throw;
          }
        }
      }
    }
  }
}

struct Step {
  const char* sql = nullptr;                  // run first, when set
  void (*code)(SQLite::Database&) = nullptr;  // then this, when set
};

// Step k (1-based) takes the schema from version k-1 to k.
const std::vector<Step> kSteps = {
    // 1: scenarios, their document revisions, normalised framework, stances, events.
    {R"sql(
CREATE TABLE scenarios(
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  revision INTEGER NOT NULL CHECK(revision >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL);
CREATE TABLE documents(
  scenario_id TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  json TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY(scenario_id, revision));
CREATE TABLE parties(
  scenario_id TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
  party_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  PRIMARY KEY(scenario_id, party_id));
CREATE TABLE versions(
  scenario_id TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
  version_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  label TEXT NOT NULL,
  date TEXT NOT NULL,
  PRIMARY KEY(scenario_id, version_id));
CREATE TABLE points(
  scenario_id TEXT NOT NULL,
  version_id TEXT NOT NULL,
  point_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  number INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY(scenario_id, version_id, point_id),
  FOREIGN KEY(scenario_id, version_id) REFERENCES versions(scenario_id, version_id) ON DELETE CASCADE);
CREATE TABLE stances(
  id INTEGER PRIMARY KEY,
  scenario_id TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
  version_id TEXT NOT NULL,
  party_id TEXT NOT NULL,
  point_id TEXT NOT NULL,
  stance TEXT NOT NULL CHECK(stance IN ('accept','reject','conditional','unknown')),
  note TEXT NOT NULL DEFAULT '',
  sources TEXT NOT NULL DEFAULT '[]',
  estimate INTEGER NOT NULL DEFAULT 0,
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL,
  revision INTEGER NOT NULL);
CREATE INDEX stances_key ON stances(scenario_id, version_id, party_id, point_id, id);
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  scenario_id TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK(kind IN ('talks','statement','strike','proposal','other')),
  text TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  sources TEXT NOT NULL DEFAULT '[]',
  estimate INTEGER NOT NULL DEFAULT 0,
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL,
  revision INTEGER NOT NULL,
  removed_revision INTEGER);
CREATE INDEX events_live ON events(scenario_id, removed_revision, position);
)sql"},
    // 2: analysis runs.
    {R"sql(
CREATE TABLE analysis_runs(
  id INTEGER PRIMARY KEY,
  scenario_id TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  engine TEXT NOT NULL,
  params TEXT NOT NULL,
  result TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE INDEX analysis_runs_by_scenario ON analysis_runs(scenario_id, engine, id);
)sql"},
    // 3: users and access tokens (only a SHA-256 of each secret is stored).
    {R"sql(
CREATE TABLE users(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK(role IN ('mediator','party','observer')),
  party_id TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  CHECK((role = 'party') = (party_id <> '')));
CREATE TABLE tokens(
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT);
)sql"},
    // 4: when each party's preferences last changed (optimistic concurrency on PUT).
    // Existing scenarios: every party counts as set at the scenario's latest document.
    {R"sql(
CREATE TABLE preference_revisions(
  scenario_id TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
  party_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  PRIMARY KEY(scenario_id, party_id));
INSERT INTO preference_revisions(scenario_id, party_id, revision)
  SELECT p.scenario_id, p.party_id,
         (SELECT MAX(d.revision) FROM documents d WHERE d.scenario_id = p.scenario_id)
  FROM parties p;
)sql"},
    // 5: one row per change of one party's preferences (it used to be a full copy of the
    // scenario document per change). Existing "preferences P" documents become rows (the
    // party's entry of that document, who, when, which revision) and are deleted; the
    // snapshot applies the rows newer than the latest imported document over it.
    {R"sql(
CREATE TABLE preferences(
  id INTEGER PRIMARY KEY,
  scenario_id TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
  party_id TEXT NOT NULL,
  json TEXT NOT NULL,
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL,
  revision INTEGER NOT NULL);
CREATE INDEX preferences_key ON preferences(scenario_id, revision);
INSERT INTO preferences(scenario_id, party_id, json, set_by, set_at, revision)
  SELECT d.scenario_id, substr(d.reason, 13),
         COALESCE((SELECT j.value FROM json_each(d.json, '$.preferences') j WHERE j.key = substr(d.reason, 13)),
                  'null'),
         d.created_by, d.created_at, d.revision
  FROM documents d WHERE d.reason LIKE 'preferences %' ORDER BY d.scenario_id, d.revision;
DELETE FROM documents WHERE reason LIKE 'preferences %';
)sql"},
    {nullptr, repair_text_columns},
    // 7: each run records the schema number of its result document (its "schema" key; 0 for
    // results written before documents carried one), so a reader picks the matching view.
    {R"sql(
ALTER TABLE analysis_runs ADD COLUMN result_schema INTEGER NOT NULL DEFAULT 0;
UPDATE analysis_runs SET result_schema = CASE WHEN json_valid(result) THEN
    CASE WHEN json_type(result, '$.schema') = 'integer' THEN json_extract(result, '$.schema') ELSE 0 END
  ELSE 0 END;
)sql"},
    // 8: mediation rounds (docs/rounds.md). A round circulates one version to some parties;
    // each answer is a row (append-only: every revision kept, the latest per party and point
    // is current). `summary` is the close summary document; `published_version` the version
    // published from the round.
    {R"sql(
CREATE TABLE rounds(
  scenario_id TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
  number INTEGER NOT NULL CHECK(number >= 1),
  version_id TEXT NOT NULL,
  parties TEXT NOT NULL,
  status TEXT NOT NULL CHECK(status IN ('open','closed')),
  opened_by TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  opened_revision INTEGER NOT NULL,
  closed_by TEXT NOT NULL DEFAULT '',
  closed_at TEXT NOT NULL DEFAULT '',
  closed_revision INTEGER NOT NULL DEFAULT 0,
  summary TEXT NOT NULL DEFAULT '',
  published_version TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(scenario_id, number));
CREATE TABLE round_answers(
  id INTEGER PRIMARY KEY,
  scenario_id TEXT NOT NULL,
  round INTEGER NOT NULL,
  party_id TEXT NOT NULL,
  point_id TEXT NOT NULL,
  answer TEXT NOT NULL CHECK(answer IN ('accept','reject','conditional','no_answer')),
  note TEXT NOT NULL DEFAULT '',
  amendment TEXT NOT NULL DEFAULT '',
  acceptable TEXT NOT NULL DEFAULT '[]',
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL,
  revision INTEGER NOT NULL,
  FOREIGN KEY(scenario_id, round) REFERENCES rounds(scenario_id, number) ON DELETE CASCADE);
CREATE INDEX round_answers_key ON round_answers(scenario_id, round, party_id, point_id, id);
)sql"},
};
static_assert(kSchemaVersion == 8, "add a migration step with the new schema version");

}  // namespace

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

void migrate(SQLite::Database& db, int target) {
  const int current = user_version(db);
  if (current > static_cast<int>(kSteps.size()))
    throw std::runtime_error("the database has schema version " + std::to_string(current) +
                             ", newer than this build of accord understands (" +
                             std::to_string(kSteps.size()) + ")");
  for (int v = current + 1; v <= target; ++v) {
    db.exec("BEGIN IMMEDIATE");
    try {
      // Another process may have migrated while we waited for the lock.
      if (user_version(db) >= v) {
        db.exec("COMMIT");
        continue;
      }
      const Step& step = kSteps[static_cast<std::size_t>(v - 1)];
      if (step.sql) db.exec(step.sql);
      if (step.code) step.code(db);
      db.exec("PRAGMA user_version = " + std::to_string(v));
      db.exec("COMMIT");
    } catch (...) {
      db.exec("ROLLBACK");
      throw;
    }
  }
}

}  // namespace accord::store

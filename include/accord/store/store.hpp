#pragma once
// The negotiation record: scenarios (each import a revision), framework versions and points,
// stances with full history, timeline events, analysis runs, users and access tokens, in one
// SQLite file (WAL, foreign keys on, versioned migrations applied at open). Design and
// guarantees: docs/server.md "Store".
//
// Thread safety: every method may be called from any thread. Writes go through one writer
// connection under a mutex (SQLite has one writer anyway) inside BEGIN IMMEDIATE
// transactions; reads use a pool of connections, each read in its own snapshot.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accord/model/round.hpp"
#include "accord/store/records.hpp"

namespace accord::store {

inline constexpr int kSchemaVersion = 8;

struct OpenOptions {
  bool create = false;       // create the file (mode 0600) when missing (`accord db init`)
  // Open for reading only (SQLite read-only, no migration, no -wal/-shm created by us): for
  // commands that only read, so they work on a read-only file system. Writes then fail with
  // ErrorCode::invalid. A database at an older schema version is refused (run `db init`).
  bool read_only = false;
  int busy_timeout_ms = 5000;
  // Tests only: migrate to this schema version instead of kSchemaVersion.
  std::optional<int> schema_version;
};

// The current state of a scenario: its latest document with the current stances and
// events applied. Immutable; shared between readers.
struct Snapshot {
  std::string id;
  std::int64_t revision = 0;
  std::string updated_at;
  Scenario scenario;
};

class Store {
 public:
  static Result<std::unique_ptr<Store>> open(const std::string& path, const OpenOptions& options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  [[nodiscard]] int schema_version() const;
  // "ok", or SQLite's list of problems (PRAGMA integrity_check).
  [[nodiscard]] std::string integrity_check() const;

  // --- scenarios
  // Imports a (valid) scenario as a new revision: creates it, or replaces its document and
  // records every stance and event that changed. With `options.base_revision`, a conflict when
  // the scenario moved past it (the import would revert later writes); with `dry_run`, the
  // result says what would change and nothing is written.
  Result<ImportResult> import_scenario(const Scenario& s, const std::string& by, const ImportOptions& options = {});
  [[nodiscard]] std::vector<ScenarioSummary> list_scenarios() const;
  [[nodiscard]] Result<std::shared_ptr<const Snapshot>> snapshot(const std::string& id) const;
  [[nodiscard]] Result<std::int64_t> revision(const std::string& id) const;

  // --- preferences (one row per change of one party's preferences, applied over the latest
  // imported document; each change is a new scenario revision)
  // `prefs` was parsed against `parsed_against` (the issues and parties it indexes into).
  // Conflict when the party's preferences changed after `base_revision`.
  Result<WriteResult> set_preferences(const std::string& id, const std::string& party,
                                      const Preferences& prefs, const Scenario& parsed_against,
                                      std::int64_t base_revision, const std::string& by);
  // The revision at which a party's preferences last changed (0: never set).
  [[nodiscard]] Result<std::int64_t> preferences_revision(const std::string& id,
                                                          const std::string& party) const;

  // --- stances (one version; all or nothing). Conflict when any (party, point) written
  // changed after `base_revision`; nullopt = last writer wins (local CLI only).
  Result<WriteResult> set_stances(const std::string& id, const std::string& version,
                                  const std::vector<StanceInput>& stances,
                                  std::optional<std::int64_t> base_revision, const std::string& by);
  // The latest record per (party, point) of a version (only keys ever written).
  [[nodiscard]] Result<std::vector<StanceRecord>> current_stances(const std::string& id,
                                                                  const std::string& version) const;
  [[nodiscard]] Result<std::vector<StanceRecord>> stance_history(const std::string& id,
                                                                 const HistoryFilter& f) const;

  // --- events
  Result<EventRecord> add_event(const std::string& id, const EventInput& e,
                                std::optional<std::int64_t> base_revision, const std::string& by);
  // Live events in timeline order; with `include_removed`, also those a re-import dropped.
  [[nodiscard]] Result<std::vector<EventRecord>> events(const std::string& id, const HistoryFilter& f,
                                                        bool include_removed = false) const;

  // --- analysis runs
  Result<RunRecord> add_run(const RunRecord& run);
  [[nodiscard]] Result<std::vector<RunRecord>> runs(const std::string& id,
                                                    const std::optional<std::string>& engine,
                                                    std::size_t limit = 100) const;
  [[nodiscard]] Result<RunRecord> run(const std::string& id, std::int64_t run_id) const;

  // --- mediation rounds (docs/rounds.md). Each write is a new scenario revision.
  // Opens round max+1 on `version` for `parties` (empty: every party of role `party` with
  // preferences). The version is frozen from then on (imports that change its points fail).
  Result<RoundRecord> open_round(const std::string& id, const std::string& version,
                                 const std::vector<std::string>& parties, std::int64_t base_revision,
                                 const std::string& by);
  // Every round, oldest first, each with its current answers.
  [[nodiscard]] Result<std::vector<RoundRecord>> rounds(const std::string& id) const;
  [[nodiscard]] Result<RoundRecord> round(const std::string& id, std::int64_t number) const;
  // Writes some of one addressed party's answers (all or nothing). Conflict when the round is
  // closed, or when an answer written changed after `base_revision`.
  Result<WriteResult> set_responses(const std::string& id, std::int64_t number, const std::string& party,
                                    const std::vector<RoundResponse>& responses, std::int64_t base_revision,
                                    const std::string& by);
  // Every revision of a party's answers in a round, oldest first.
  [[nodiscard]] Result<std::vector<RoundResponse>> response_history(const std::string& id, std::int64_t number,
                                                                    const std::string& party) const;
  // Closes an open round, storing its summary. Conflict when the round is closed, or when an
  // answer of the round was written after `computed_at` (the revision the summary was computed
  // from: recompute and retry).
  Result<RoundRecord> close_round(const std::string& id, std::int64_t number, const std::string& summary_json,
                                  std::int64_t computed_at, const std::string& by);
  // Appends `version` (built from the round's circulated version) to the scenario as a new
  // document revision and records it as the round's published version. The round must be
  // closed and not yet published; conflict when the scenario moved past `base_revision`.
  Result<WriteResult> publish_round(const std::string& id, std::int64_t number, const Version& version,
                                    std::int64_t base_revision, const std::string& by);

  // --- users and tokens
  Result<NewToken> create_token(AccessRole role, const std::string& party, const std::string& name);
  Result<TokenRecord> revoke_token(std::int64_t token_id);
  [[nodiscard]] std::vector<TokenRecord> tokens() const;
  // Every party id of every scenario in the database, sorted, without duplicates.
  [[nodiscard]] std::vector<std::string> party_ids() const;
  // The caller a bearer token belongs to; nullopt when unknown, malformed or revoked.
  [[nodiscard]] std::optional<Principal> authenticate(std::string_view token) const;

  struct Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Checks an event's fields (kind, date, text); the error names the field.
[[nodiscard]] std::optional<Error> validate_event(const EventInput& e);

}  // namespace accord::store

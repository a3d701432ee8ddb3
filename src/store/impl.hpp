#pragma once
// Private to accord_store: the Store's connections, transactions and shared helpers.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <initializer_list>
#include <map>
#include <optional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "accord/store/store.hpp"

namespace accord::store {

using Db = SQLite::Database;

enum class OpenMode { read_write, create, read_only };
[[nodiscard]] std::unique_ptr<Db> open_connection(const std::string& path, OpenMode mode, int busy_ms);
[[nodiscard]] std::string now_utc();
[[nodiscard]] std::string uri_escape(const std::string& path);  // for a SQLite `file:` URI  // 2025-11-23T10:15:00.123Z

// BEGIN IMMEDIATE (writes) or BEGIN (a consistent read snapshot); rolls back unless committed.
class Tx {
 public:
  Tx(Db& db, bool write) : db_(db) { db_.exec(write ? "BEGIN IMMEDIATE" : "BEGIN"); }
  ~Tx() {
    if (!done_) {
      try {
        db_.exec("ROLLBACK");
      } catch (...) {  // the connection is unusable; nothing more to do here
      }
    }
  }
  Tx(const Tx&) = delete;
  Tx& operator=(const Tx&) = delete;
  void commit() {
    db_.exec("COMMIT");
    done_ = true;
  }

 private:
  Db& db_;
  bool done_ = false;
};

// A parsed document revision, kept so that composing a snapshot does not re-parse it.
struct BaseDoc {
  std::int64_t revision = 0;      // the scenario revision it is current for
  std::int64_t doc_revision = 0;  // the imported document it starts from
  std::int64_t last_row = 0;      // the last preference row applied (preferences.id)
  std::shared_ptr<const Scenario> scenario;
  // The document's format, id, title, parties and issues: a preference row is read by
  // loading this with the row as its only preferences (small next to the framework).
  std::shared_ptr<const std::string> skeleton;
};

struct Store::Impl {
  std::string path;
  int busy_ms = 5000;
  int schema = 0;  // the schema version this Store was opened at (tests may open old ones)
  bool read_only = false;  // no writer connection; every write is refused
  std::mutex write_mu;
  std::unique_ptr<Db> writer;
  mutable std::mutex pool_mu;
  mutable std::vector<std::unique_ptr<Db>> pool;
  mutable std::mutex cache_mu;
  mutable std::map<std::string, std::shared_ptr<const Snapshot>> snapshots;
  mutable std::map<std::string, BaseDoc> bases;

  // A pooled read connection, returned on destruction.
  class Reader {
   public:
    explicit Reader(const Impl& impl);
    ~Reader();
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;
    Db& db() { return *db_; }

   private:
    const Impl& impl_;
    std::unique_ptr<Db> db_;
  };

  // Set when this Store may not write (opened read-only).
  [[nodiscard]] std::optional<Error> refuse_write() const {
    if (!read_only) return std::nullopt;
    return Error{ErrorCode::invalid, "the database `" + path + "` was opened read-only", "db", 0};
  }

  // The current state of a scenario as seen by `db` (inside a transaction).
  Result<std::shared_ptr<const Snapshot>> compose(Db& db, const std::string& id) const;
  // The latest imported document with the preference rows written after it applied.
  std::shared_ptr<const Scenario> base_document(Db& db, const std::string& id) const;
};

// Writes `s` as document revision `rev` (`reason`: "import", "publish round N"), the normalised
// framework, and a history row for every stance and event that changed since `before`.
void write_document(const Store::Impl& impl, Db& db, const Scenario& s, const Scenario* before, std::int64_t rev,
                    const std::string& reason, const std::string& by, const std::string& at, ImportResult& out);
// A version circulated in a round is frozen: an error naming the first point `s` changes or
// drops in such a version (rounds.cpp).
[[nodiscard]] std::optional<Error> check_frozen(Db& db, const Scenario& before, const Scenario& s);

// The first of `fields` (value, field name) that is not valid UTF-8, as an `invalid` error.
[[nodiscard]] std::optional<Error> check_utf8(
    std::initializer_list<std::pair<std::string_view, std::string_view>> fields);
[[nodiscard]] std::optional<Error> check_utf8(const std::vector<std::string>& values, std::string_view field);

// Runs `fn` translating SQLite exceptions into Error{internal}.
template <class Fn>
auto guarded(Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const std::exception& e) {
    return fail(ErrorCode::internal, std::string("database error: ") + e.what());
  }
}

[[nodiscard]] std::string sources_to_json(const std::vector<std::string>& sources);
[[nodiscard]] std::vector<std::string> sources_from_json(const std::string& text);
[[nodiscard]] std::int64_t scenario_revision(Db& db, const std::string& id);  // 0 = no such scenario
// The revision a write based on `base_revision` starts from: not_found without the scenario,
// invalid when the base is ahead of it (no base: any current revision).
[[nodiscard]] Result<std::int64_t> write_revision(Db& db, const std::string& id,
                                                  std::optional<std::int64_t> base_revision);
// The revision of the scenario's latest document (an import or a published version).
[[nodiscard]] std::int64_t document_revision(Db& db, const std::string& id);
void bump_revision(Db& db, const std::string& id, std::int64_t revision, const std::string& at);
[[nodiscard]] Error not_found_scenario(const std::string& id);
[[nodiscard]] Error conflict(std::string message, std::string field, std::int64_t current);

// A SELECT whose optional filters each add a clause and a bound parameter, in order
// (history and event queries).
class FilteredSelect {
 public:
  FilteredSelect(std::string sql, std::string first_arg)
      : sql_(std::move(sql)), args_{std::move(first_arg)} {}
  void filter(const std::optional<std::string>& value, const char* clause) {
    if (!value) return;
    sql_ += clause;
    args_.push_back(*value);
  }
  void append(const std::string& text) { sql_ += text; }
  template <class Record, class Read>
  std::vector<Record> rows(SQLite::Database& db, Read read) const {
    SQLite::Statement q(db, sql_);
    for (std::size_t i = 0; i < args_.size(); ++i) q.bind(static_cast<int>(i + 1), args_[i]);
    std::vector<Record> out;
    while (q.executeStep()) out.push_back(read(q));
    return out;
  }

 private:
  std::string sql_;
  std::vector<std::string> args_;
};

}  // namespace accord::store

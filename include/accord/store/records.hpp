#pragma once
// Values the negotiation record (accord::store::Store) reads and writes. Plain data:
// no SQLite types leak into this header.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "accord/model/scenario.hpp"

namespace accord::store {

// What went wrong, as a value. `field` names the offending input field (JSON path) when known;
// `current_revision` is set on conflicts so a client can re-read and retry.
enum class ErrorCode { invalid, not_found, conflict, internal };
struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;
  std::string field;
  std::int64_t current_revision = 0;
};
template <class T>
using Result = tl::expected<T, Error>;
[[nodiscard]] inline tl::unexpected<Error> fail(ErrorCode code, std::string message,
                                                std::string field = {}) {
  return tl::unexpected<Error>(Error{code, std::move(message), std::move(field), 0});
}
[[nodiscard]] std::string_view to_string(ErrorCode c);

// Who may see and edit what (docs/server.md "Roles").
enum class AccessRole { mediator, party, observer };
[[nodiscard]] std::string_view to_string(AccessRole r);
[[nodiscard]] std::optional<AccessRole> parse_access_role(std::string_view text);

// An authenticated caller.
struct Principal {
  std::int64_t user_id = 0;
  std::int64_t token_id = 0;
  std::string name;
  AccessRole role = AccessRole::observer;
  std::string party;  // role party: the party id it speaks for
};

struct ScenarioSummary {
  std::string id;
  std::string title;
  std::int64_t revision = 0;
  std::string created_at, updated_at;
};

struct ImportOptions {
  // Refuse (ErrorCode::conflict) when the scenario's revision is past this one.
  std::optional<std::int64_t> base_revision;
  bool dry_run = false;  // compute the result, write nothing
};

// A stance an import sets to a different value than the current one.
struct StanceChange {
  std::string version, party, point;
  StanceKind from = StanceKind::unknown, to = StanceKind::unknown;
  std::string from_note, to_note;
};

struct ImportResult {
  std::string id;
  std::int64_t revision = 0;           // the revision written (or that would be, on a dry run)
  std::int64_t previous_revision = 0;  // 0 when created
  bool created = false;           // first import of this id
  bool dry_run = false;
  // The document equals the current revision: nothing was written and `revision` is the
  // current one (no empty revision).
  bool unchanged = false;
  std::size_t stances_changed = 0;
  std::size_t events_added = 0, events_removed = 0;
  std::vector<StanceChange> stance_changes;       // every stance changed, in document order
  std::vector<Event> added_events, removed_events;  // in timeline order
  std::vector<std::string> preferences_changed;   // parties whose preferences change
};

// One stance as written (party, point) within a version.
struct StanceInput {
  std::string party;
  std::string point;
  StanceKind kind = StanceKind::unknown;
  std::string note;
  std::vector<std::string> sources;
  bool estimate = false;
  // When the party took this stance (ISO 8601 date, accord/model/date.hpp), for a stance
  // recorded after the fact; empty: now. Stored as the record's set_at.
  std::string at;
};

// One row of the stance history.
struct StanceRecord {
  std::int64_t id = 0;
  std::string scenario, version, party, point;
  StanceKind kind = StanceKind::unknown;
  std::string note;
  std::vector<std::string> sources;
  bool estimate = false;
  std::string set_by, set_at;
  std::int64_t revision = 0;
};

struct EventInput {
  std::string date;  // YYYY-MM-DD (a prefix such as YYYY-MM is accepted)
  EventKind kind = EventKind::not_set;  // not_set is refused
  std::string text;
  std::string note;
  std::vector<std::string> sources;
  bool estimate = false;
};

// `kind` as a client wrote it: the EventKind, or ErrorCode::invalid naming the field "kind".
[[nodiscard]] Result<EventKind> parse_event_kind_field(std::string_view text);

struct EventRecord {
  std::int64_t id = 0;
  std::string scenario;
  EventInput event;
  std::string added_by, added_at;
  std::int64_t revision = 0;
  std::optional<std::int64_t> removed_revision;  // set when a re-import dropped it
};

struct RunRecord {
  std::int64_t id = 0;
  std::string scenario, engine;
  std::int64_t revision = 0;  // the scenario revision analysed
  std::string params_json, result_json;
  std::string created_by, created_at;
  // The result document's "schema" number, 0 when it has none (older results). Set by the
  // store from result_json on add_run; whatever the caller puts here is ignored.
  int schema = 0;
};

struct HistoryFilter {
  std::optional<std::string> version, party, point, kind;
  std::optional<std::string> since, until;  // inclusive, compared as text (ISO dates/times)
  std::size_t limit = 1000;
};

struct TokenRecord {
  std::int64_t id = 0;
  std::string name;
  AccessRole role = AccessRole::observer;
  std::string party;
  std::string created_at;
  std::optional<std::string> revoked_at;
};

struct NewToken {
  TokenRecord record;
  std::string token;  // shown once; only its SHA-256 is stored
};

struct WriteResult {
  std::int64_t revision = 0;  // the scenario revision after the write
};

}  // namespace accord::store

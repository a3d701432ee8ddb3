// Timeline events: appended by the mediator, replaced wholesale by a re-import (the dropped
// ones are kept, marked with the revision that removed them).
#include <algorithm>
#include <array>
#include <cctype>

#include "accord/model/date.hpp"
#include "impl.hpp"

namespace accord::store {
namespace {

EventRecord read_event(SQLite::Statement& q) {
  // Columns: id, scenario_id, date, kind, text, note, sources, estimate, added_by, added_at,
  // revision, removed_revision.
  EventRecord r;
  r.id = q.getColumn(0).getInt64();
  r.scenario = q.getColumn(1).getString();
  r.event.date = q.getColumn(2).getString();
  r.event.kind = parse_event_kind(q.getColumn(3).getString()).value_or(EventKind::other);
  r.event.text = q.getColumn(4).getString();
  r.event.note = q.getColumn(5).getString();
  r.event.sources = sources_from_json(q.getColumn(6).getString());
  r.event.estimate = q.getColumn(7).getInt() != 0;
  r.added_by = q.getColumn(8).getString();
  r.added_at = q.getColumn(9).getString();
  r.revision = q.getColumn(10).getInt64();
  if (!q.getColumn(11).isNull()) r.removed_revision = q.getColumn(11).getInt64();
  return r;
}

constexpr const char* kColumns =
    "id, scenario_id, date, kind, text, note, sources, estimate, added_by, added_at, revision, removed_revision";

}  // namespace

Result<EventKind> parse_event_kind_field(std::string_view text) {
  if (const auto k = parse_event_kind(text)) return *k;
  return fail(ErrorCode::invalid, "kind `" + std::string(text) + "` is not one of talks, statement, strike, proposal, other",
              "kind");
}

std::optional<Error> validate_event(const EventInput& e) {
  if (auto bad = check_utf8({{e.date, "date"}, {e.text, "text"}, {e.note, "note"}})) return bad;
  if (auto bad = check_utf8(e.sources, "sources")) return bad;
  if (const auto bad = date_error(e.date)) return Error{ErrorCode::invalid, *bad, "date", 0};
  if (e.kind == EventKind::not_set)
    return Error{ErrorCode::invalid, "kind is not set; expected talks, statement, strike, proposal or other", "kind", 0};
  if (e.text.empty()) return Error{ErrorCode::invalid, "text is empty", "text", 0};
  if (e.text.size() > 10000) return Error{ErrorCode::invalid, "text is longer than 10000 bytes", "text", 0};
  return std::nullopt;
}

Result<EventRecord> Store::add_event(const std::string& id, const EventInput& e,
                                     std::optional<std::int64_t> base_revision, const std::string& by) {
  if (auto err = impl_->refuse_write()) return tl::unexpected(*err);
  if (auto err = validate_event(e)) return tl::unexpected(*err);
  if (auto err = check_utf8({{id, "scenario"}, {by, "by"}})) return tl::unexpected(*err);
  return guarded([&]() -> Result<EventRecord> {
    std::lock_guard lock(impl_->write_mu);
    Db& db = *impl_->writer;
    Tx tx(db, true);
    // Appending overwrites nothing, so any base revision up to the current one is accepted.
    const auto base = write_revision(db, id, base_revision);
    if (!base) return tl::unexpected(base.error());
    const std::int64_t rev = *base;
    const std::int64_t next = rev + 1;
    const std::string at = now_utc();
    SQLite::Statement ins(db,
                          "INSERT INTO events(scenario_id, position, date, kind, text, note, sources, estimate, "
                          "added_by, added_at, revision) VALUES(?, (SELECT COALESCE(MAX(position), -1) + 1 FROM "
                          "events WHERE scenario_id = ?),?,?,?,?,?,?,?,?,?)");
    ins.bind(1, id);
    ins.bind(2, id);
    ins.bind(3, e.date);
    ins.bind(4, std::string(to_string(e.kind)));
    ins.bind(5, e.text);
    ins.bind(6, e.note);
    ins.bind(7, sources_to_json(e.sources));
    ins.bind(8, e.estimate ? 1 : 0);
    ins.bind(9, by);
    ins.bind(10, at);
    ins.bind(11, next);
    ins.exec();
    EventRecord out;
    out.id = db.getLastInsertRowid();
    out.scenario = id;
    out.event = e;
    out.added_by = by;
    out.added_at = at;
    out.revision = next;
    bump_revision(db, id, next, at);
    tx.commit();
    return out;
  });
}

Result<std::vector<EventRecord>> Store::events(const std::string& id, const HistoryFilter& f,
                                               bool include_removed) const {
  return guarded([&]() -> Result<std::vector<EventRecord>> {
    Impl::Reader r(*impl_);
    Tx tx(r.db(), false);
    if (scenario_revision(r.db(), id) == 0) return tl::unexpected(not_found_scenario(id));
    FilteredSelect q(std::string("SELECT ") + kColumns + " FROM events WHERE scenario_id = ?", id);
    if (!include_removed) q.append(" AND removed_revision IS NULL");
    q.filter(f.kind, " AND kind = ?");
    q.filter(f.since, " AND date >= ?");
    q.filter(f.until, " AND date <= ?");
    q.append(" ORDER BY position, id LIMIT " + std::to_string(f.limit));
    return q.rows<EventRecord>(r.db(), read_event);
  });
}

}  // namespace accord::store

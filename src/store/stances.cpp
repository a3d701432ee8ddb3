// Stances: an append-only history; the current stance of (version, party, point) is its
// latest row. Writes are optimistic: each carries the revision it was based on.
#include "accord/model/date.hpp"
#include "impl.hpp"

namespace accord::store {
namespace {

bool exists(Db& db, const char* sql, const std::vector<std::string>& args) {
  SQLite::Statement q(db, sql);
  for (std::size_t i = 0; i < args.size(); ++i) q.bind(static_cast<int>(i + 1), args[i]);
  return q.executeStep();
}

StanceRecord read_stance(SQLite::Statement& q) {
  // Columns: id, scenario_id, version_id, party_id, point_id, stance, note, sources, estimate,
  // set_by, set_at, revision.
  StanceRecord r;
  r.id = q.getColumn(0).getInt64();
  r.scenario = q.getColumn(1).getString();
  r.version = q.getColumn(2).getString();
  r.party = q.getColumn(3).getString();
  r.point = q.getColumn(4).getString();
  r.kind = parse_stance_kind(q.getColumn(5).getString()).value_or(StanceKind::unknown);
  r.note = q.getColumn(6).getString();
  r.sources = sources_from_json(q.getColumn(7).getString());
  r.estimate = q.getColumn(8).getInt() != 0;
  r.set_by = q.getColumn(9).getString();
  r.set_at = q.getColumn(10).getString();
  r.revision = q.getColumn(11).getInt64();
  return r;
}

constexpr const char* kColumns =
    "id, scenario_id, version_id, party_id, point_id, stance, note, sources, estimate, set_by, set_at, revision";

}  // namespace

Result<WriteResult> Store::set_stances(const std::string& id, const std::string& version,
                                       const std::vector<StanceInput>& stances,
                                       std::optional<std::int64_t> base_revision, const std::string& by) {
  if (auto e = impl_->refuse_write()) return tl::unexpected(*e);
  if (auto e = check_utf8({{id, "scenario"}, {version, "version"}, {by, "by"}})) return tl::unexpected(*e);
  for (const StanceInput& in : stances) {
    const std::string field = "stances." + in.party + "." + in.point;
    if (auto e = check_utf8({{in.party, "party"}, {in.point, "point"}})) return tl::unexpected(*e);
    if (auto e = check_utf8({{in.note, field + ".note"}})) return tl::unexpected(*e);
    if (auto e = check_utf8(in.sources, field + ".sources")) return tl::unexpected(*e);
  }
  return guarded([&]() -> Result<WriteResult> {
    std::lock_guard lock(impl_->write_mu);
    Db& db = *impl_->writer;
    Tx tx(db, true);
    const auto base = write_revision(db, id, base_revision);
    if (!base) return tl::unexpected(base.error());
    const std::int64_t rev = *base;
    if (!exists(db, "SELECT 1 FROM versions WHERE scenario_id = ? AND version_id = ?", {id, version}))
      return fail(ErrorCode::not_found, "no version `" + version + "` in scenario `" + id + "`", "version");
    if (stances.empty()) return fail(ErrorCode::invalid, "no stances given", "stances");
    SQLite::Statement last(db,
                           "SELECT MAX(revision) FROM stances WHERE scenario_id = ? AND version_id = ? "
                           "AND party_id = ? AND point_id = ?");
    for (const StanceInput& in : stances) {
      const std::string field = "stances." + in.party + "." + in.point;
      if (!in.at.empty())
        if (const auto bad = date_error(in.at)) return fail(ErrorCode::invalid, *bad, field + ".at");
      if (!exists(db, "SELECT 1 FROM parties WHERE scenario_id = ? AND party_id = ?", {id, in.party}))
        return fail(ErrorCode::not_found, "no party `" + in.party + "` in scenario `" + id + "`", field);
      if (!exists(db, "SELECT 1 FROM points WHERE scenario_id = ? AND version_id = ? AND point_id = ?",
                  {id, version, in.point}))
        return fail(ErrorCode::not_found, "no point `" + in.point + "` in version `" + version + "`", field);
      if (!base_revision) continue;
      last.bind(1, id);
      last.bind(2, version);
      last.bind(3, in.party);
      last.bind(4, in.point);
      const std::int64_t changed = last.executeStep() && !last.getColumn(0).isNull() ? last.getColumn(0).getInt64() : 0;
      last.reset();
      if (changed > *base_revision)
        return tl::unexpected(conflict("the stance of `" + in.party + "` on `" + in.point + "` changed at revision " +
                                           std::to_string(changed) + ", after revision " +
                                           std::to_string(*base_revision) + "; re-read it and retry",
                                       field, rev));
    }
    const std::int64_t next = rev + 1;
    const std::string at = now_utc();
    SQLite::Statement ins(db,
                          "INSERT INTO stances(scenario_id, version_id, party_id, point_id, stance, note, sources, "
                          "estimate, set_by, set_at, revision) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
    for (const StanceInput& in : stances) {
      ins.bind(1, id);
      ins.bind(2, version);
      ins.bind(3, in.party);
      ins.bind(4, in.point);
      ins.bind(5, std::string(to_string(in.kind)));
      ins.bind(6, in.note);
      ins.bind(7, sources_to_json(in.sources));
      ins.bind(8, in.estimate ? 1 : 0);
      ins.bind(9, by);
      ins.bind(10, in.at.empty() ? at : in.at);
      ins.bind(11, next);
      ins.exec();
      ins.reset();
    }
    bump_revision(db, id, next, at);
    tx.commit();
    return WriteResult{next};
  });
}

Result<std::vector<StanceRecord>> Store::current_stances(const std::string& id, const std::string& version) const {
  return guarded([&]() -> Result<std::vector<StanceRecord>> {
    Impl::Reader r(*impl_);
    Tx tx(r.db(), false);
    if (scenario_revision(r.db(), id) == 0) return tl::unexpected(not_found_scenario(id));
    if (!exists(r.db(), "SELECT 1 FROM versions WHERE scenario_id = ? AND version_id = ?", {id, version}))
      return fail(ErrorCode::not_found, "no version `" + version + "` in scenario `" + id + "`", "version");
    SQLite::Statement q(r.db(), std::string("SELECT ") + kColumns +
                                    " FROM stances WHERE id IN (SELECT MAX(id) FROM stances WHERE scenario_id = ? "
                                    "AND version_id = ? GROUP BY party_id, point_id) ORDER BY party_id, point_id");
    q.bind(1, id);
    q.bind(2, version);
    std::vector<StanceRecord> out;
    while (q.executeStep()) out.push_back(read_stance(q));
    return out;
  });
}

Result<std::vector<StanceRecord>> Store::stance_history(const std::string& id, const HistoryFilter& f) const {
  return guarded([&]() -> Result<std::vector<StanceRecord>> {
    Impl::Reader r(*impl_);
    Tx tx(r.db(), false);
    if (scenario_revision(r.db(), id) == 0) return tl::unexpected(not_found_scenario(id));
    FilteredSelect q(std::string("SELECT ") + kColumns + " FROM stances WHERE scenario_id = ?", id);
    q.filter(f.version, " AND version_id = ?");
    q.filter(f.party, " AND party_id = ?");
    q.filter(f.point, " AND point_id = ?");
    q.filter(f.kind, " AND stance = ?");
    q.filter(f.since, " AND set_at >= ?");
    q.filter(f.until, " AND set_at <= ?");
    q.append(" ORDER BY id LIMIT " + std::to_string(f.limit));
    return q.rows<StanceRecord>(r.db(), read_stance);
  });
}

}  // namespace accord::store

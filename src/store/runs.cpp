// Analysis runs: engine, parameters and result JSON, tied to the revision analysed.
#include "impl.hpp"

namespace accord::store {
namespace {

RunRecord read_run(SQLite::Statement& q) {
  RunRecord r;
  r.id = q.getColumn(0).getInt64();
  r.scenario = q.getColumn(1).getString();
  r.revision = q.getColumn(2).getInt64();
  r.engine = q.getColumn(3).getString();
  r.params_json = q.getColumn(4).getString();
  r.result_json = q.getColumn(5).getString();
  r.created_by = q.getColumn(6).getString();
  r.created_at = q.getColumn(7).getString();
  r.schema = q.getColumn(8).getInt();
  return r;
}

constexpr const char* kColumns =
    "id, scenario_id, revision, engine, params, result, created_by, created_at, result_schema";

// The same rule as migration 7: the document's integer "schema" key, else 0.
constexpr const char* kSchemaOf =
    "CASE WHEN json_valid(?5) THEN CASE WHEN json_type(?5, '$.schema') = 'integer' THEN json_extract(?5, '$.schema') "
    "ELSE 0 END ELSE 0 END";

}  // namespace

Result<RunRecord> Store::add_run(const RunRecord& run) {
  if (auto e = impl_->refuse_write()) return tl::unexpected(*e);
  if (auto e = check_utf8({{run.scenario, "scenario"}, {run.engine, "engine"}, {run.params_json, "params"},
                           {run.result_json, "result"}, {run.created_by, "by"}}))
    return tl::unexpected(*e);
  return guarded([&]() -> Result<RunRecord> {
    std::lock_guard lock(impl_->write_mu);
    Db& db = *impl_->writer;
    Tx tx(db, true);
    if (scenario_revision(db, run.scenario) == 0) return tl::unexpected(not_found_scenario(run.scenario));
    RunRecord out = run;
    out.created_at = now_utc();
    SQLite::Statement ins(db, std::string("INSERT INTO analysis_runs(scenario_id, revision, engine, params, result, "
                                          "created_by, created_at, result_schema) VALUES(?1,?2,?3,?4,?5,?6,?7,") +
                                  kSchemaOf + ")");
    ins.bind(1, out.scenario);
    ins.bind(2, out.revision);
    ins.bind(3, out.engine);
    ins.bind(4, out.params_json);
    ins.bind(5, out.result_json);
    ins.bind(6, out.created_by);
    ins.bind(7, out.created_at);
    ins.exec();
    out.id = db.getLastInsertRowid();
    SQLite::Statement schema(db, "SELECT result_schema FROM analysis_runs WHERE id = ?");
    schema.bind(1, out.id);
    out.schema = schema.executeStep() ? schema.getColumn(0).getInt() : 0;
    tx.commit();
    return out;
  });
}

Result<std::vector<RunRecord>> Store::runs(const std::string& id, const std::optional<std::string>& engine,
                                           std::size_t limit) const {
  return guarded([&]() -> Result<std::vector<RunRecord>> {
    Impl::Reader r(*impl_);
    Tx tx(r.db(), false);
    if (scenario_revision(r.db(), id) == 0) return tl::unexpected(not_found_scenario(id));
    std::string sql = std::string("SELECT ") + kColumns + " FROM analysis_runs WHERE scenario_id = ?";
    if (engine) sql += " AND engine = ?";
    sql += " ORDER BY id DESC LIMIT " + std::to_string(limit);
    SQLite::Statement q(r.db(), sql);
    q.bind(1, id);
    if (engine) q.bind(2, *engine);
    std::vector<RunRecord> out;
    while (q.executeStep()) out.push_back(read_run(q));
    return out;
  });
}

Result<RunRecord> Store::run(const std::string& id, std::int64_t run_id) const {
  return guarded([&]() -> Result<RunRecord> {
    Impl::Reader r(*impl_);
    Tx tx(r.db(), false);
    if (scenario_revision(r.db(), id) == 0) return tl::unexpected(not_found_scenario(id));
    SQLite::Statement q(r.db(), std::string("SELECT ") + kColumns +
                                    " FROM analysis_runs WHERE scenario_id = ? AND id = ?");
    q.bind(1, id);
    q.bind(2, run_id);
    if (!q.executeStep())
      return fail(ErrorCode::not_found, "no analysis run " + std::to_string(run_id) + " in scenario `" + id + "`",
                  "run");
    return read_run(q);
  });
}

}  // namespace accord::store

// Store: opening, connections, snapshots (the document plus current stances and events).
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "accord/io/scenario_io.hpp"
#include "impl.hpp"
#include "migrations.hpp"

namespace accord::store {

std::string_view to_string(ErrorCode c) {
  switch (c) {
    case ErrorCode::invalid: return "invalid";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::conflict: return "conflict";
    case ErrorCode::internal: return "internal";
  }
  return "internal";
}

std::string_view to_string(AccessRole r) {
  switch (r) {
    case AccessRole::mediator: return "mediator";
    case AccessRole::party: return "party";
    case AccessRole::observer: return "observer";
  }
  return "observer";
}

std::optional<AccessRole> parse_access_role(std::string_view text) {
  if (text == "mediator") return AccessRole::mediator;
  if (text == "party") return AccessRole::party;
  if (text == "observer") return AccessRole::observer;
  return std::nullopt;
}

std::string now_utc() {
  using namespace std::chrono;
  const auto now = system_clock::now();
  const std::time_t t = system_clock::to_time_t(now);
  const auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

std::unique_ptr<Db> open_connection(const std::string& path, bool create, int busy_ms) {
  const int flags = SQLite::OPEN_READWRITE | (create ? SQLite::OPEN_CREATE : 0);
  auto db = std::make_unique<Db>(path, flags, busy_ms);
  db->exec("PRAGMA journal_mode = WAL");
  db->exec("PRAGMA synchronous = NORMAL");  // durable across process crashes (see docs/server.md)
  db->exec("PRAGMA foreign_keys = ON");
  return db;
}

std::string sources_to_json(const std::vector<std::string>& sources) {
  return nlohmann::json(sources).dump();
}

std::vector<std::string> sources_from_json(const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return {};
  std::vector<std::string> out;
  for (const auto& e : j)
    if (e.is_string()) out.push_back(e.get<std::string>());
  return out;
}

std::optional<StanceKind> parse_stance_kind(std::string_view s) {
  if (s == "accept") return StanceKind::accept;
  if (s == "reject") return StanceKind::reject;
  if (s == "conditional") return StanceKind::conditional;
  if (s == "unknown") return StanceKind::unknown;
  return std::nullopt;
}

std::int64_t scenario_revision(Db& db, const std::string& id) {
  SQLite::Statement q(db, "SELECT revision FROM scenarios WHERE id = ?");
  q.bind(1, id);
  return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

void bump_revision(Db& db, const std::string& id, std::int64_t revision, const std::string& at) {
  SQLite::Statement q(db, "UPDATE scenarios SET revision = ?, updated_at = ? WHERE id = ?");
  q.bind(1, revision);
  q.bind(2, at);
  q.bind(3, id);
  q.exec();
}

Error not_found_scenario(const std::string& id) {
  return Error{ErrorCode::not_found, "no scenario `" + id + "`", "scenario", 0};
}

Error conflict(std::string message, std::string field, std::int64_t current) {
  return Error{ErrorCode::conflict, std::move(message), std::move(field), current};
}

// --- Impl ---------------------------------------------------------------------------------

Store::Impl::Reader::Reader(const Impl& impl) : impl_(impl) {
  {
    std::lock_guard lock(impl_.pool_mu);
    if (!impl_.pool.empty()) {
      db_ = std::move(impl_.pool.back());
      impl_.pool.pop_back();
    }
  }
  if (!db_) db_ = open_connection(impl_.path, false, impl_.busy_ms);
}

Store::Impl::Reader::~Reader() {
  std::lock_guard lock(impl_.pool_mu);
  if (impl_.pool.size() < 64) impl_.pool.push_back(std::move(db_));
}

std::shared_ptr<const Scenario> Store::Impl::base_document(Db& db, const std::string& id) const {
  SQLite::Statement q(db, "SELECT revision FROM documents WHERE scenario_id = ? ORDER BY revision DESC LIMIT 1");
  q.bind(1, id);
  if (!q.executeStep()) return nullptr;
  const std::int64_t rev = q.getColumn(0).getInt64();
  {
    std::lock_guard lock(cache_mu);
    auto it = bases.find(id);
    if (it != bases.end() && it->second.revision == rev) return it->second.scenario;
  }
  SQLite::Statement d(db, "SELECT json FROM documents WHERE scenario_id = ? AND revision = ?");
  d.bind(1, id);
  d.bind(2, rev);
  if (!d.executeStep()) return nullptr;
  io::LoadResult loaded = io::load_scenario_text(d.getColumn(0).getString(), id + ".json");
  if (!loaded.ok()) throw std::runtime_error("stored document of `" + id + "` no longer loads");
  auto doc = std::make_shared<const Scenario>(std::move(*loaded.scenario));
  std::lock_guard lock(cache_mu);
  auto& slot = bases[id];
  if (slot.revision < rev) slot = BaseDoc{rev, doc};
  return doc;
}

Result<std::shared_ptr<const Snapshot>> Store::Impl::compose(Db& db, const std::string& id) const {
  SQLite::Statement head(db, "SELECT revision, updated_at FROM scenarios WHERE id = ?");
  head.bind(1, id);
  if (!head.executeStep()) return tl::unexpected(not_found_scenario(id));
  auto snap = std::make_shared<Snapshot>();
  snap->id = id;
  snap->revision = head.getColumn(0).getInt64();
  snap->updated_at = head.getColumn(1).getString();
  const auto base = base_document(db, id);
  if (!base) return fail(ErrorCode::internal, "scenario `" + id + "` has no document");
  snap->scenario = *base;
  Scenario& s = snap->scenario;
  for (auto& v : s.versions)
    v.stances.assign(s.parties.size(), std::vector<Stance>(v.points.size()));
  SQLite::Statement st(db,
                       "SELECT version_id, party_id, point_id, stance, note, sources, estimate FROM stances "
                       "WHERE id IN (SELECT MAX(id) FROM stances WHERE scenario_id = ? "
                       "GROUP BY version_id, party_id, point_id)");
  st.bind(1, id);
  while (st.executeStep()) {
    const VersionIndex v = s.find_version(st.getColumn(0).getString());
    const PartyIndex p = s.find_party(st.getColumn(1).getString());
    if (!v.valid() || !p.valid()) continue;
    Version& ver = s.versions[v.get()];
    const PointIndex k = ver.find_point(st.getColumn(2).getString());
    if (!k.valid()) continue;
    Stance& out = ver.stances[p.get()][k.get()];
    out.kind = parse_stance_kind(st.getColumn(3).getString()).value_or(StanceKind::unknown);
    out.provenance.note = st.getColumn(4).getString();
    out.provenance.sources = sources_from_json(st.getColumn(5).getString());
    out.provenance.estimate = st.getColumn(6).getInt() != 0;
  }
  s.timeline.clear();
  SQLite::Statement ev(db,
                       "SELECT date, kind, text, note, sources, estimate FROM events WHERE scenario_id = ? "
                       "AND removed_revision IS NULL ORDER BY position, id");
  ev.bind(1, id);
  while (ev.executeStep()) {
    Event e;
    e.date = ev.getColumn(0).getString();
    e.kind = ev.getColumn(1).getString();
    e.text = ev.getColumn(2).getString();
    e.provenance.note = ev.getColumn(3).getString();
    e.provenance.sources = sources_from_json(ev.getColumn(4).getString());
    e.provenance.estimate = ev.getColumn(5).getInt() != 0;
    s.timeline.push_back(std::move(e));
  }
  return std::shared_ptr<const Snapshot>(std::move(snap));
}

// --- Store --------------------------------------------------------------------------------

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::open(const std::string& path, const OpenOptions& options) {
  if (!options.create && !std::filesystem::exists(path))
    return fail(ErrorCode::not_found,
                "no database at `" + path + "`; create it with `accord db init --db " + path + "`", "db");
  try {
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->busy_ms = options.busy_timeout_ms;
    impl->writer = open_connection(path, options.create, options.busy_timeout_ms);
    migrate(*impl->writer, options.schema_version.value_or(kSchemaVersion));
    impl->schema = user_version(*impl->writer);
    return std::unique_ptr<Store>(new Store(std::move(impl)));
  } catch (const std::exception& e) {
    return fail(ErrorCode::internal, "cannot open database `" + path + "`: " + e.what(), "db");
  }
}

int Store::schema_version() const {
  std::lock_guard lock(impl_->write_mu);
  return user_version(*impl_->writer);
}

std::string Store::integrity_check() const {
  Impl::Reader r(*impl_);
  SQLite::Statement q(r.db(), "PRAGMA integrity_check");
  std::string out;
  while (q.executeStep()) out += (out.empty() ? "" : "\n") + q.getColumn(0).getString();
  SQLite::Statement fk(r.db(), "PRAGMA foreign_key_check");
  if (fk.executeStep()) out += "\nforeign key violation in table " + fk.getColumn(0).getString();
  return out;
}

std::vector<ScenarioSummary> Store::list_scenarios() const {
  Impl::Reader r(*impl_);
  SQLite::Statement q(r.db(), "SELECT id, title, revision, created_at, updated_at FROM scenarios ORDER BY id");
  std::vector<ScenarioSummary> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt64(),
                   q.getColumn(3).getString(), q.getColumn(4).getString()});
  }
  return out;
}

Result<std::int64_t> Store::revision(const std::string& id) const {
  return guarded([&]() -> Result<std::int64_t> {
    Impl::Reader r(*impl_);
    const std::int64_t rev = scenario_revision(r.db(), id);
    if (rev == 0) return tl::unexpected(not_found_scenario(id));
    return rev;
  });
}

Result<std::shared_ptr<const Snapshot>> Store::snapshot(const std::string& id) const {
  return guarded([&]() -> Result<std::shared_ptr<const Snapshot>> {
    Impl::Reader r(*impl_);
    Tx tx(r.db(), false);
    const std::int64_t rev = scenario_revision(r.db(), id);
    if (rev == 0) return tl::unexpected(not_found_scenario(id));
    {
      std::lock_guard lock(impl_->cache_mu);
      auto it = impl_->snapshots.find(id);
      if (it != impl_->snapshots.end() && it->second->revision == rev) return it->second;
    }
    auto snap = impl_->compose(r.db(), id);
    tx.commit();
    if (!snap) return snap;
    std::lock_guard lock(impl_->cache_mu);
    auto& slot = impl_->snapshots[id];
    if (!slot || slot->revision < (*snap)->revision) slot = *snap;
    return snap;
  });
}

}  // namespace accord::store

// Store: opening, connections, snapshots (the document plus current stances and events).
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "accord/io/scenario_io.hpp"
#include "accord/store/utf8.hpp"
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

std::unique_ptr<Db> open_connection(const std::string& path, OpenMode mode, int busy_ms) {
  if (mode == OpenMode::read_only) {
    // On a read-only file system SQLite cannot create the -shm file; `immutable` tells it no
    // one can change the file there, so it reads without locks (and without -wal/-shm). Not
    // when a write-ahead log with content is left there: its transactions would be ignored.
    struct statvfs fs {};
    struct stat wal {};
    const bool ro_fs = statvfs(path.c_str(), &fs) == 0 && (fs.f_flag & ST_RDONLY) != 0;
    const bool wal_content = ::stat((path + "-wal").c_str(), &wal) == 0 && wal.st_size > 0;
    const std::string uri = "file:" + uri_escape(path) + (ro_fs && !wal_content ? "?immutable=1" : "?mode=ro");
    auto db = std::make_unique<Db>(uri, SQLite::OPEN_READONLY | SQLITE_OPEN_URI, busy_ms);
    db->exec("PRAGMA query_only = ON");
    return db;
  }
  const int flags = SQLite::OPEN_READWRITE | (mode == OpenMode::create ? SQLite::OPEN_CREATE : 0);
  auto db = std::make_unique<Db>(path, flags, busy_ms);
  db->exec("PRAGMA journal_mode = WAL");
  db->exec("PRAGMA synchronous = NORMAL");  // durable across process crashes (see docs/server.md)
  db->exec("PRAGMA foreign_keys = ON");
  return db;
}

std::string uri_escape(const std::string& path) {
  std::string out;
  for (const char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<Error> check_utf8(std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
  for (const auto& [value, field] : fields) {
    if (const auto at = first_invalid_utf8(value))
      return Error{ErrorCode::invalid,
                   std::string(field) + " is not valid UTF-8 (byte " + std::to_string(*at + 1) + ")",
                   std::string(field), 0};
  }
  return std::nullopt;
}

std::optional<Error> check_utf8(const std::vector<std::string>& values, std::string_view field) {
  for (const std::string& v : values)
    if (auto e = check_utf8({{v, field}})) return e;
  return std::nullopt;
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

std::int64_t scenario_revision(Db& db, const std::string& id) {
  SQLite::Statement q(db, "SELECT revision FROM scenarios WHERE id = ?");
  q.bind(1, id);
  return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

Result<std::int64_t> write_revision(Db& db, const std::string& id, std::optional<std::int64_t> base_revision) {
  const std::int64_t rev = scenario_revision(db, id);
  if (rev == 0) return tl::unexpected(not_found_scenario(id));
  if (base_revision && *base_revision > rev)
    return fail(ErrorCode::invalid, "revision " + std::to_string(*base_revision) +
                                        " is ahead of the scenario (revision " + std::to_string(rev) + ")",
                "revision");
  return rev;
}

std::int64_t document_revision(Db& db, const std::string& id) {
  SQLite::Statement d(db, "SELECT MAX(revision) FROM documents WHERE scenario_id = ?");
  d.bind(1, id);
  return d.executeStep() ? d.getColumn(0).getInt64() : 0;
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
  if (!db_)
    db_ = open_connection(impl_.path, impl_.read_only ? OpenMode::read_only : OpenMode::read_write, impl_.busy_ms);
}

Store::Impl::Reader::~Reader() {
  std::lock_guard lock(impl_.pool_mu);
  if (impl_.pool.size() < 64) impl_.pool.push_back(std::move(db_));
}

namespace {

std::string skeleton_of(const std::string& document_json) {
  const auto doc = nlohmann::ordered_json::parse(document_json);
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const char* key : {"format", "id", "title", "parties", "issues"})
    if (doc.contains(key)) out[key] = doc[key];
  return out.dump();
}

// One party's preferences from a preference row ("null": none), read through the scenario
// reader like a PUT body is.
Preferences read_row(const std::string& skeleton, const std::string& party, const std::string& row) {
  auto doc = nlohmann::ordered_json::parse(skeleton);
  auto value = nlohmann::ordered_json::parse(row);
  if (!value.is_null()) doc["preferences"][party] = std::move(value);
  io::LoadResult loaded = io::load_scenario_text(doc.dump(), party + ".preferences.json");
  if (!loaded.ok()) throw std::runtime_error("stored preferences of `" + party + "` no longer load");
  const PartyIndex p = loaded.scenario->find_party(party);
  if (!p.valid()) throw std::runtime_error("stored preferences of `" + party + "` name no party");
  return loaded.scenario->preferences[p];
}

// Applies preference rows (party, json, row id) to `s`; returns the last row id applied.
std::int64_t apply_rows(SQLite::Statement& rows, const std::string& skeleton, Scenario& s, std::int64_t last) {
  while (rows.executeStep()) {
    const std::string party = rows.getColumn(0).getString();
    last = std::max(last, rows.getColumn(2).getInt64());
    const PartyIndex p = s.find_party(party);
    if (!p.valid()) continue;  // a party the document no longer has
    s.preferences[p] = read_row(skeleton, party, rows.getColumn(1).getString());
  }
  return last;
}

}  // namespace

std::shared_ptr<const Scenario> Store::Impl::base_document(Db& db, const std::string& id) const {
  SQLite::Statement q(db, "SELECT revision FROM documents WHERE scenario_id = ? ORDER BY revision DESC LIMIT 1");
  q.bind(1, id);
  if (!q.executeStep()) return nullptr;
  const std::int64_t doc_rev = q.getColumn(0).getInt64();
  std::int64_t prefs_rev = 0;  // the last preference row written after that document
  if (schema >= 5) {
    SQLite::Statement p(db, "SELECT MAX(revision) FROM preferences WHERE scenario_id = ? AND revision > ?");
    p.bind(1, id);
    p.bind(2, doc_rev);
    if (p.executeStep() && !p.getColumn(0).isNull()) prefs_rev = p.getColumn(0).getInt64();
  }
  const std::int64_t rev = std::max(doc_rev, prefs_rev);
  BaseDoc cached;
  {
    std::lock_guard lock(cache_mu);
    auto it = bases.find(id);
    if (it != bases.end()) cached = it->second;
  }
  if (cached.scenario && cached.revision == rev) return cached.scenario;
  BaseDoc next;
  next.revision = rev;
  next.doc_revision = doc_rev;
  if (cached.scenario && cached.doc_revision == doc_rev && cached.revision < rev && cached.skeleton) {
    // Same document, newer preference rows: apply only those to the cached state.
    auto s = std::make_shared<Scenario>(*cached.scenario);
    SQLite::Statement rows(db, "SELECT party_id, json, id FROM preferences WHERE scenario_id = ? AND revision > ? "
                               "AND id > ? ORDER BY id");
    rows.bind(1, id);
    rows.bind(2, doc_rev);
    rows.bind(3, cached.last_row);
    next.last_row = apply_rows(rows, *cached.skeleton, *s, cached.last_row);
    next.skeleton = cached.skeleton;
    next.scenario = std::move(s);
  } else {
    SQLite::Statement d(db, "SELECT json FROM documents WHERE scenario_id = ? AND revision = ?");
    d.bind(1, id);
    d.bind(2, doc_rev);
    if (!d.executeStep()) return nullptr;
    const std::string text = d.getColumn(0).getString();
    io::LoadResult loaded = io::load_scenario_text(text, id + ".json");
    if (!loaded.ok()) throw std::runtime_error("stored document of `" + id + "` no longer loads");
    auto s = std::make_shared<Scenario>(std::move(*loaded.scenario));
    next.skeleton = std::make_shared<const std::string>(skeleton_of(text));
    if (prefs_rev > 0) {
      // The latest row per party written after the document.
      SQLite::Statement rows(db, "SELECT party_id, json, id FROM preferences WHERE id IN (SELECT MAX(id) FROM "
                                 "preferences WHERE scenario_id = ? AND revision > ? GROUP BY party_id) ORDER BY id");
      rows.bind(1, id);
      rows.bind(2, doc_rev);
      next.last_row = apply_rows(rows, *next.skeleton, *s, 0);
    }
    next.scenario = std::move(s);
  }
  std::lock_guard lock(cache_mu);
  auto& slot = bases[id];
  if (slot.revision < rev) slot = next;
  return next.scenario;
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
    v.stances.assign(s.parties.size(), IndexedVector<PointIndex, Stance>(v.points.size()));
  SQLite::Statement st(db,
                       "SELECT version_id, party_id, point_id, stance, note, sources, estimate FROM stances "
                       "WHERE id IN (SELECT MAX(id) FROM stances WHERE scenario_id = ? "
                       "GROUP BY version_id, party_id, point_id)");
  st.bind(1, id);
  while (st.executeStep()) {
    const VersionIndex v = s.find_version(st.getColumn(0).getString());
    const PartyIndex p = s.find_party(st.getColumn(1).getString());
    if (!v.valid() || !p.valid()) continue;
    Version& ver = s.versions[v];
    const PointIndex k = ver.find_point(st.getColumn(2).getString());
    if (!k.valid()) continue;
    Stance& out = ver.stances[p][k];
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
    e.kind = parse_event_kind(ev.getColumn(1).getString()).value_or(EventKind::other);
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

namespace {

// `db init` on a missing file: create it 0600 (it holds every party's private preferences);
// SQLite gives the -wal and -shm files the database file's permissions.
void create_private_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return;
    throw std::runtime_error(std::strerror(errno));
  }
  ::fchmod(fd, 0600);  // whatever the umask
  ::close(fd);
}

}  // namespace

Result<std::unique_ptr<Store>> Store::open(const std::string& path, const OpenOptions& options) {
  if (!options.create && !std::filesystem::exists(path))
    return fail(ErrorCode::not_found,
                "no database at `" + path + "`; create it with `accord db init --db " + path + "`", "db");
  try {
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->busy_ms = options.busy_timeout_ms;
    if (options.read_only) {
      impl->read_only = true;
      auto db = open_connection(path, OpenMode::read_only, options.busy_timeout_ms);
      impl->schema = user_version(*db);
      if (impl->schema != kSchemaVersion)
        return fail(ErrorCode::invalid,
                    "the database `" + path + "` has schema version " + std::to_string(impl->schema) +
                        " and this build reads version " + std::to_string(kSchemaVersion) +
                        (impl->schema < kSchemaVersion ? "; migrate it with `accord db init --db " + path + "`"
                                                       : "; use a newer build of accord"),
                    "db");
      impl->pool.push_back(std::move(db));
      return std::unique_ptr<Store>(new Store(std::move(impl)));
    }
    if (options.create) create_private_file(path);
    impl->writer = open_connection(path, options.create ? OpenMode::create : OpenMode::read_write,
                                   options.busy_timeout_ms);
    migrate(*impl->writer, options.schema_version.value_or(kSchemaVersion));
    impl->schema = user_version(*impl->writer);
    return std::unique_ptr<Store>(new Store(std::move(impl)));
  } catch (const std::exception& e) {
    return fail(ErrorCode::internal, "cannot open database `" + path + "`: " + e.what(), "db");
  }
}

int Store::schema_version() const {
  if (impl_->read_only) {
    Impl::Reader r(*impl_);
    return user_version(r.db());
  }
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

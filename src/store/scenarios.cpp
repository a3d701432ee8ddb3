// Importing a scenario: a new document revision, the normalised framework, and a history
// row for every stance and event that changed since the previous import.
#include <algorithm>

#include "accord/io/scenario_io.hpp"
#include "impl.hpp"

namespace accord::store {
namespace {

void replace_framework(Db& db, const Scenario& s) {
  for (const char* table : {"parties", "points", "versions"}) {
    SQLite::Statement del(db, std::string("DELETE FROM ") + table + " WHERE scenario_id = ?");
    del.bind(1, s.id);
    del.exec();
  }
  SQLite::Statement party(db, "INSERT INTO parties(scenario_id, party_id, ord, name, role) VALUES(?,?,?,?,?)");
  for (const PartyIndex p : s.parties.indices()) {
    party.bind(1, s.id);
    party.bind(2, s.parties[p].id);
    party.bind(3, static_cast<std::int64_t>(p.get()));
    party.bind(4, s.parties[p].name);
    party.bind(5, std::string(to_string(s.parties[p].role)));
    party.exec();
    party.reset();
  }
  SQLite::Statement ver(db, "INSERT INTO versions(scenario_id, version_id, ord, label, date) VALUES(?,?,?,?,?)");
  SQLite::Statement pt(db,
                       "INSERT INTO points(scenario_id, version_id, point_id, ord, number, text) VALUES(?,?,?,?,?,?)");
  for (const VersionIndex v : s.versions.indices()) {
    const Version& version = s.versions[v];
    ver.bind(1, s.id);
    ver.bind(2, version.id);
    ver.bind(3, static_cast<std::int64_t>(v.get()));
    ver.bind(4, version.label);
    ver.bind(5, version.date);
    ver.exec();
    ver.reset();
    for (std::size_t k = 0; k < version.points.size(); ++k) {
      pt.bind(1, s.id);
      pt.bind(2, version.id);
      pt.bind(3, version.points[PointIndex(k)].id);
      pt.bind(4, static_cast<std::int64_t>(k));
      pt.bind(5, version.points[PointIndex(k)].number);
      pt.bind(6, version.points[PointIndex(k)].text);
      pt.exec();
      pt.reset();
    }
  }
}

Stance stance_at(const Scenario& s, const std::string& version, const std::string& party,
                 const std::string& point) {
  const VersionIndex v = s.find_version(version);
  const PartyIndex p = s.find_party(party);
  if (!v.valid() || !p.valid()) return {};
  const Version& ver = s.versions[v];
  const PointIndex k = ver.find_point(point);
  if (!ver.stances.contains(p) || !ver.stances[p].contains(k)) return {};
  return ver.stances[p][k];
}

std::size_t record_stances(Db& db, const Scenario& s, const Scenario* before, std::int64_t rev,
                           const std::string& by, const std::string& at, ImportResult& out) {
  SQLite::Statement ins(db,
                        "INSERT INTO stances(scenario_id, version_id, party_id, point_id, stance, note, sources, "
                        "estimate, set_by, set_at, revision) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
  std::size_t changed = 0;
  for (const Version& v : s.versions) {
    for (const PartyIndex p : s.parties.indices()) {
      if (!v.stances.contains(p)) break;
      for (std::size_t k = 0; k < v.points.size() && k < v.stances[p].size(); ++k) {
        const Stance& now = v.stances[p][PointIndex(k)];
        const Stance prev = before ? stance_at(*before, v.id, s.parties[p].id, v.points[PointIndex(k)].id) : Stance{};
        if (now == prev) continue;
        out.stance_changes.push_back({v.id, s.parties[p].id, v.points[PointIndex(k)].id, prev.kind, now.kind,
                                      prev.provenance.note, now.provenance.note});
        ins.bind(1, s.id);
        ins.bind(2, v.id);
        ins.bind(3, s.parties[p].id);
        ins.bind(4, v.points[PointIndex(k)].id);
        ins.bind(5, std::string(to_string(now.kind)));
        ins.bind(6, now.provenance.note);
        ins.bind(7, sources_to_json(now.provenance.sources));
        ins.bind(8, now.provenance.estimate ? 1 : 0);
        ins.bind(9, by);
        ins.bind(10, at);
        ins.bind(11, rev);
        ins.exec();
        ins.reset();
        ++changed;
      }
    }
  }
  return changed;
}

struct LiveEvent {
  std::int64_t id;
  Event event;
  bool matched = false;
};

void record_events(Db& db, const Scenario& s, std::int64_t rev, const std::string& by, const std::string& at,
                   ImportResult& out) {
  std::vector<LiveEvent> live;
  SQLite::Statement q(db,
                      "SELECT id, date, kind, text, note, sources, estimate FROM events WHERE scenario_id = ? "
                      "AND removed_revision IS NULL ORDER BY position, id");
  q.bind(1, s.id);
  while (q.executeStep()) {
    Event e;
    e.date = q.getColumn(1).getString();
    e.kind = parse_event_kind(q.getColumn(2).getString()).value_or(EventKind::other);
    e.text = q.getColumn(3).getString();
    e.provenance.note = q.getColumn(4).getString();
    e.provenance.sources = sources_from_json(q.getColumn(5).getString());
    e.provenance.estimate = q.getColumn(6).getInt() != 0;
    live.push_back({q.getColumn(0).getInt64(), std::move(e)});
  }
  SQLite::Statement move(db, "UPDATE events SET position = ? WHERE id = ?");
  SQLite::Statement ins(db,
                        "INSERT INTO events(scenario_id, position, date, kind, text, note, sources, estimate, "
                        "added_by, added_at, revision) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
  for (std::size_t i = 0; i < s.timeline.size(); ++i) {
    const Event& e = s.timeline[i];
    auto it = std::find_if(live.begin(), live.end(), [&](const LiveEvent& l) { return !l.matched && l.event == e; });
    if (it != live.end()) {
      it->matched = true;
      move.bind(1, static_cast<std::int64_t>(i));
      move.bind(2, it->id);
      move.exec();
      move.reset();
      continue;
    }
    ins.bind(1, s.id);
    ins.bind(2, static_cast<std::int64_t>(i));
    ins.bind(3, e.date);
    ins.bind(4, std::string(to_string(e.kind)));
    ins.bind(5, e.text);
    ins.bind(6, e.provenance.note);
    ins.bind(7, sources_to_json(e.provenance.sources));
    ins.bind(8, e.provenance.estimate ? 1 : 0);
    ins.bind(9, by);
    ins.bind(10, at);
    ins.bind(11, rev);
    ins.exec();
    ins.reset();
    ++out.events_added;
    out.added_events.push_back(e);
  }
  SQLite::Statement drop(db, "UPDATE events SET removed_revision = ? WHERE id = ?");
  for (const LiveEvent& l : live) {
    if (l.matched) continue;
    drop.bind(1, rev);
    drop.bind(2, l.id);
    drop.exec();
    drop.reset();
    ++out.events_removed;
    out.removed_events.push_back(l.event);
  }
}

// Parties whose preferences an import changes (all of them when the issues change).
std::vector<std::string> changed_preferences(const Scenario& s, const Scenario* before) {
  std::vector<std::string> out;
  const bool same_issues = before && before->issues == s.issues;
  for (const PartyIndex p : s.parties.indices()) {
    if (same_issues) {
      const PartyIndex q = before->find_party(s.parties[p].id);
      if (q.valid() && before->preferences[q] == s.preferences[p]) continue;
    }
    out.push_back(s.parties[p].id);
  }
  return out;
}

void record_preferences(Db& db, const std::string& id, const std::vector<std::string>& parties, std::int64_t rev) {
  SQLite::Statement up(db,
                       "INSERT INTO preference_revisions(scenario_id, party_id, revision) VALUES(?,?,?) "
                       "ON CONFLICT(scenario_id, party_id) DO UPDATE SET revision = excluded.revision");
  for (const std::string& party : parties) {
    up.bind(1, id);
    up.bind(2, party);
    up.bind(3, rev);
    up.exec();
    up.reset();
  }
}

std::optional<Error> check_provenance(const Provenance& p, const std::string& path) {
  if (auto e = check_utf8({{p.note, path + "note"}})) return e;
  return check_utf8(p.sources, path + "sources");
}

// Every text of the scenario that lands in a column of its own (the document itself is JSON
// the writer already made valid).
std::optional<Error> check_scenario_utf8(const Scenario& s) {
  if (auto e = check_utf8({{s.id, "id"}, {s.title, "title"}, {s.description, "description"}, {s.date, "date"}}))
    return e;
  for (const Party& p : s.parties)
    if (auto e = check_utf8({{p.id, "parties"}, {p.name, "parties." + p.id + ".name"}})) return e;
  for (const Version& v : s.versions) {
    const std::string vp = "framework.versions." + v.id;
    if (auto e = check_utf8({{v.id, "framework.versions"}, {v.label, vp + ".label"}, {v.date, vp + ".date"}})) return e;
    for (const Point& k : v.points)
      if (auto e = check_utf8({{k.id, vp + ".points"}, {k.text, vp + ".points." + k.id + ".text"}})) return e;
    for (const auto& row : v.stances)
      for (const Stance& st : row)
        if (auto e = check_provenance(st.provenance, vp + ".stances.")) return e;
  }
  for (std::size_t i = 0; i < s.timeline.size(); ++i) {
    const Event& ev = s.timeline[i];
    const std::string tp = "timeline." + std::to_string(i) + ".";
    if (auto e = check_utf8({{ev.date, tp + "date"}, {ev.text, tp + "text"}})) return e;
    if (ev.kind == EventKind::not_set)
      return Error{ErrorCode::invalid, "the kind of event " + std::to_string(i) + " is not set", tp + "kind", 0};
    if (auto e = check_provenance(ev.provenance, tp)) return e;
  }
  return std::nullopt;
}

}  // namespace

void write_document(const Store::Impl& impl, Db& db, const Scenario& s, const Scenario* before, std::int64_t rev,
                    const std::string& reason, const std::string& by, const std::string& at, ImportResult& out) {
  SQLite::Statement doc(db,
                        "INSERT INTO documents(scenario_id, revision, json, reason, created_by, created_at) "
                        "VALUES(?,?,?,?,?,?)");
  doc.bind(1, s.id);
  doc.bind(2, rev);
  doc.bind(3, io::write_scenario(s, io::TextFormat::json));
  doc.bind(4, reason);
  doc.bind(5, by);
  doc.bind(6, at);
  doc.exec();
  replace_framework(db, s);
  out.stances_changed = record_stances(db, s, before, rev, by, at, out);
  record_events(db, s, rev, by, at, out);
  out.preferences_changed = changed_preferences(s, before);
  if (impl.schema >= 4) record_preferences(db, s.id, out.preferences_changed, rev);
}

Result<ImportResult> Store::import_scenario(const Scenario& s, const std::string& by, const ImportOptions& options) {
  if (auto e = impl_->refuse_write()) return tl::unexpected(*e);
  if (auto e = check_utf8({{by, "by"}})) return tl::unexpected(*e);
  if (auto e = check_scenario_utf8(s)) return tl::unexpected(*e);
  return guarded([&]() -> Result<ImportResult> {
    std::lock_guard lock(impl_->write_mu);
    Db& db = *impl_->writer;
    Tx tx(db, true);
    const std::string at = now_utc();
    ImportResult out;
    out.id = s.id;
    out.dry_run = options.dry_run;
    std::int64_t rev = scenario_revision(db, s.id);
    out.previous_revision = rev;
    if (rev != 0 && options.base_revision && *options.base_revision > rev)
      return fail(ErrorCode::invalid, "revision " + std::to_string(*options.base_revision) + " is ahead of scenario `" +
                                          s.id + "` (revision " + std::to_string(rev) + ")",
                  "revision");
    std::shared_ptr<const Snapshot> before;
    if (rev != 0) {
      auto b = impl_->compose(db, s.id);
      if (!b) return tl::unexpected(b.error());
      before = *b;
      // The same document again: nothing to record, so no empty revision (and nothing to revert,
      // whatever the base revision).
      if (io::write_scenario(before->scenario, io::TextFormat::json) == io::write_scenario(s, io::TextFormat::json)) {
        out.unchanged = true;
        out.revision = rev;
        return out;
      }
    }
    if (rev != 0 && options.base_revision && rev > *options.base_revision)
      return tl::unexpected(conflict("scenario `" + s.id + "` is at revision " + std::to_string(rev) +
                                         ", past the base revision " + std::to_string(*options.base_revision) +
                                         ": importing would revert the writes made since",
                                     "revision", rev));
    if (rev == 0) {
      out.created = true;
      rev = 1;
      SQLite::Statement q(db, "INSERT INTO scenarios(id, title, revision, created_at, updated_at) VALUES(?,?,?,?,?)");
      q.bind(1, s.id);
      q.bind(2, s.title);
      q.bind(3, rev);
      q.bind(4, at);
      q.bind(5, at);
      q.exec();
    } else {
      ++rev;
      SQLite::Statement q(db, "UPDATE scenarios SET title = ?, revision = ?, updated_at = ? WHERE id = ?");
      q.bind(1, s.title);
      q.bind(2, rev);
      q.bind(3, at);
      q.bind(4, s.id);
      q.exec();
    }
    out.revision = rev;
    const Scenario* prev = before ? &before->scenario : nullptr;
    if (prev && impl_->schema >= 8)
      if (auto e = check_frozen(db, *prev, s)) return tl::unexpected(*e);
    write_document(*impl_, db, s, prev, rev, "import", by, at, out);
    if (options.dry_run) return out;  // the transaction rolls back
    tx.commit();
    return out;
  });
}

}  // namespace accord::store

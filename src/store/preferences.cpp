// A party's preferences: each change is one row (the party's entry in the scenario format,
// docs/format.md "Preferences"), applied over the latest imported document when a snapshot is
// composed (Impl::base_document). Before schema 5 each change wrote a whole new document.
#include <nlohmann/json.hpp>

#include "accord/io/scenario_io.hpp"
#include "accord/store/utf8.hpp"
#include "impl.hpp"

namespace accord::store {
namespace {

bool same_parties(const Scenario& a, const Scenario& b) {
  if (a.parties.size() != b.parties.size()) return false;
  for (const PartyIndex p : a.parties.indices())
    if (a.parties[p].id != b.parties[p].id) return false;
  return true;
}

std::int64_t pref_revision(Db& db, const std::string& id, const std::string& party) {
  SQLite::Statement q(db, "SELECT revision FROM preference_revisions WHERE scenario_id = ? AND party_id = ?");
  q.bind(1, id);
  q.bind(2, party);
  return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

// The party's entry as the scenario writer spells it ("null" when it has none). Only the
// parties, issues and preferences are written, so the cost does not grow with the framework.
std::string party_preferences_json(const Scenario& s, PartyIndex p) {
  Scenario mini;
  mini.id = s.id;
  mini.title = s.title;
  mini.parties = s.parties;
  mini.issues = s.issues;
  mini.preferences.assign(s.parties.size(), Preferences{});
  mini.preferences[p] = s.preferences[p];
  const auto doc = nlohmann::json::parse(io::write_scenario(mini, io::TextFormat::json));
  const auto prefs = doc.find("preferences");
  const std::string& party = s.parties[p].id;
  if (prefs == doc.end() || !prefs->contains(party)) return "null";
  return (*prefs)[party].dump();
}

// Schema < 5 (kept so migration tests can write data as those builds did): a whole document.
void insert_document(Db& db, const Scenario& s, const std::string& party, std::int64_t next, const std::string& by,
                     const std::string& at) {
  SQLite::Statement doc(db,
                        "INSERT INTO documents(scenario_id, revision, json, reason, created_by, created_at) "
                        "VALUES(?,?,?,?,?,?)");
  doc.bind(1, s.id);
  doc.bind(2, next);
  doc.bind(3, io::write_scenario(s, io::TextFormat::json));
  doc.bind(4, "preferences " + party);
  doc.bind(5, by);
  doc.bind(6, at);
  doc.exec();
}

void insert_row(Db& db, const Scenario& s, PartyIndex p, std::int64_t next, const std::string& by,
                const std::string& at) {
  SQLite::Statement row(db,
                        "INSERT INTO preferences(scenario_id, party_id, json, set_by, set_at, revision) "
                        "VALUES(?,?,?,?,?,?)");
  row.bind(1, s.id);
  row.bind(2, s.parties[p].id);
  row.bind(3, party_preferences_json(s, p));
  row.bind(4, by);
  row.bind(5, at);
  row.bind(6, next);
  row.exec();
}

}  // namespace

Result<std::int64_t> Store::preferences_revision(const std::string& id, const std::string& party) const {
  return guarded([&]() -> Result<std::int64_t> {
    Impl::Reader r(*impl_);
    Tx tx(r.db(), false);
    if (scenario_revision(r.db(), id) == 0) return tl::unexpected(not_found_scenario(id));
    return pref_revision(r.db(), id, party);
  });
}

Result<WriteResult> Store::set_preferences(const std::string& id, const std::string& party,
                                           const Preferences& prefs, const Scenario& parsed_against,
                                           std::int64_t base_revision, const std::string& by) {
  if (auto e = impl_->refuse_write()) return tl::unexpected(*e);
  if (auto e = check_utf8({{party, "party"}, {by, "by"}})) return tl::unexpected(*e);
  return guarded([&]() -> Result<WriteResult> {
    std::lock_guard lock(impl_->write_mu);
    Db& db = *impl_->writer;
    Tx tx(db, true);
    const auto base = write_revision(db, id, base_revision);
    if (!base) return tl::unexpected(base.error());
    const std::int64_t rev = *base;
    const std::int64_t changed = pref_revision(db, id, party);
    if (changed > base_revision)
      return tl::unexpected(conflict("the preferences of `" + party + "` changed at revision " +
                                         std::to_string(changed) + ", after revision " +
                                         std::to_string(base_revision) + "; re-read them and retry",
                                     "revision", rev));
    auto snap = impl_->compose(db, id);
    if (!snap) return tl::unexpected(snap.error());
    Scenario s = (*snap)->scenario;
    if (s.issues != parsed_against.issues || !same_parties(s, parsed_against))
      return tl::unexpected(conflict("the scenario's parties or issues changed; re-read and retry", "revision", rev));
    const PartyIndex p = s.find_party(party);
    if (!p.valid()) return fail(ErrorCode::not_found, "no party `" + party + "` in scenario `" + id + "`", "party");
    s.preferences[p] = prefs;
    const std::int64_t next = rev + 1;
    const std::string at = now_utc();
    if (impl_->schema >= 5)
      insert_row(db, s, p, next, by, at);
    else
      insert_document(db, s, party, next, by, at);
    SQLite::Statement up(db,
                         "INSERT INTO preference_revisions(scenario_id, party_id, revision) VALUES(?,?,?) "
                         "ON CONFLICT(scenario_id, party_id) DO UPDATE SET revision = excluded.revision");
    up.bind(1, id);
    up.bind(2, party);
    up.bind(3, next);
    up.exec();
    bump_revision(db, id, next, at);
    tx.commit();
    return WriteResult{next};
  });
}

}  // namespace accord::store

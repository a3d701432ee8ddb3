// Mediation rounds (docs/rounds.md): a round circulates one frozen version to some parties;
// answers are an append-only history (the latest row per party and point is current).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "impl.hpp"

namespace accord::store {
namespace {

constexpr std::size_t kMaxAnswerText = 10000;  // bytes of a note or an amendment

std::string acceptable_to_json(const std::vector<AcceptableSettings>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const AcceptableSettings& a : list)
    out.push_back({{"issue", a.issue}, {"options", a.options}, {"values", a.values}});
  return out.dump();
}

std::vector<AcceptableSettings> acceptable_from_json(const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  std::vector<AcceptableSettings> out;
  if (!j.is_array()) return out;
  for (const auto& e : j) {
    if (!e.is_object()) continue;
    AcceptableSettings a;
    a.issue = e.value("issue", "");
    for (const auto& o : e.value("options", nlohmann::json::array()))
      if (o.is_string()) a.options.push_back(o.get<std::string>());
    for (const auto& v : e.value("values", nlohmann::json::array()))
      if (v.is_number()) a.values.push_back(v.get<double>());
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<std::string> strings_from_json(const std::string& text) { return sources_from_json(text); }

constexpr const char* kAnswerColumns =
    "a.point_id, a.answer, a.note, a.amendment, a.acceptable, a.set_by, a.set_at, a.revision, a.party_id";

RoundResponse read_answer(SQLite::Statement& q) {
  RoundResponse r;
  r.point = q.getColumn(0).getString();
  r.answer = parse_round_answer(q.getColumn(1).getString()).value_or(RoundAnswer::no_answer);
  r.note = q.getColumn(2).getString();
  r.amendment = q.getColumn(3).getString();
  r.acceptable = acceptable_from_json(q.getColumn(4).getString());
  r.set_by = q.getColumn(5).getString();
  r.set_at = q.getColumn(6).getString();
  r.revision = q.getColumn(7).getInt64();
  return r;
}

// The round row without answers; nullopt when there is no such round.
std::optional<RoundRecord> read_round_row(Db& db, const std::string& id, std::int64_t number) {
  SQLite::Statement q(db,
                      "SELECT version_id, parties, status, opened_by, opened_at, opened_revision, closed_by, "
                      "closed_at, closed_revision, summary, published_version FROM rounds "
                      "WHERE scenario_id = ? AND number = ?");
  q.bind(1, id);
  q.bind(2, number);
  if (!q.executeStep()) return std::nullopt;
  RoundRecord r;
  r.scenario = id;
  r.number = number;
  r.version = q.getColumn(0).getString();
  r.parties = strings_from_json(q.getColumn(1).getString());
  r.status = parse_round_status(q.getColumn(2).getString()).value_or(RoundStatus::open);
  r.opened_by = q.getColumn(3).getString();
  r.opened_at = q.getColumn(4).getString();
  r.opened_revision = q.getColumn(5).getInt64();
  r.closed_by = q.getColumn(6).getString();
  r.closed_at = q.getColumn(7).getString();
  r.closed_revision = q.getColumn(8).getInt64();
  r.summary_json = q.getColumn(9).getString();
  r.published_version = q.getColumn(10).getString();
  return r;
}

// The round with every addressed party's current answers, in the version's point order.
std::optional<RoundRecord> load_round(Db& db, const std::string& id, std::int64_t number) {
  auto r = read_round_row(db, id, number);
  if (!r) return r;
  for (const std::string& party : r->parties) r->responses.push_back({party, {}});
  SQLite::Statement q(db, std::string("SELECT ") + kAnswerColumns +
                              " FROM round_answers a LEFT JOIN points p ON p.scenario_id = a.scenario_id AND "
                              "p.version_id = ? AND p.point_id = a.point_id WHERE a.id IN (SELECT MAX(id) FROM "
                              "round_answers WHERE scenario_id = ? AND round = ? GROUP BY party_id, point_id) "
                              "ORDER BY p.ord, a.point_id");
  q.bind(1, r->version);
  q.bind(2, id);
  q.bind(3, number);
  while (q.executeStep()) {
    const std::string party = q.getColumn(8).getString();
    for (PartyResponses& pr : r->responses)
      if (pr.party == party) pr.points.push_back(read_answer(q));
  }
  return r;
}

Error no_round(const std::string& id, std::int64_t number) {
  return Error{ErrorCode::not_found, "no round " + std::to_string(number) + " in scenario `" + id + "`", "round", 0};
}

// Checks one answer against the circulated version; the error names the field.
std::optional<Error> check_answer(const Scenario& s, const Version& v, const RoundResponse& a,
                                  const std::string& field) {
  const PointIndex k = v.find_point(a.point);
  if (!k.valid())
    return Error{ErrorCode::not_found, "no point `" + a.point + "` in version `" + v.id + "`", field, 0};
  if (a.answer == RoundAnswer::not_set)
    return Error{ErrorCode::invalid, "the answer is not set", field + ".stance", 0};
  if (auto e = check_utf8({{a.note, field + ".note"}, {a.amendment, field + ".amendment"}})) return e;
  if (a.note.size() > kMaxAnswerText || a.amendment.size() > kMaxAnswerText)
    return Error{ErrorCode::invalid, "a note or an amendment is at most 10000 bytes",
                 field + (a.note.size() > kMaxAnswerText ? ".note" : ".amendment"), 0};
  const Point& pt = v.points[k];
  for (const AcceptableSettings& acc : a.acceptable) {
    const std::string f = field + ".acceptable." + acc.issue;
    const IssueIndex i = s.find_issue(acc.issue);
    if (!i.valid()) return Error{ErrorCode::not_found, "no issue `" + acc.issue + "` in the scenario", f, 0};
    const bool on_point =
        std::any_of(pt.sets.begin(), pt.sets.end(), [&](const PointSetting& ps) { return ps.issue == i; }) ||
        std::find(pt.touches.begin(), pt.touches.end(), i) != pt.touches.end();
    if (!on_point)
      return Error{ErrorCode::invalid, "point `" + a.point + "` does not settle issue `" + acc.issue + "`", f, 0};
    const Issue& issue = s.issues[i];
    if (issue.kind == IssueKind::discrete) {
      if (!acc.values.empty()) return Error{ErrorCode::invalid, "issue `" + acc.issue + "` takes option ids", f, 0};
      for (const std::string& o : acc.options)
        if (!issue.find_option(o).valid())
          return Error{ErrorCode::invalid, "no option `" + o + "` on issue `" + acc.issue + "`", f, 0};
    } else {
      if (!acc.options.empty()) return Error{ErrorCode::invalid, "issue `" + acc.issue + "` takes numbers", f, 0};
      for (const double x : acc.values)
        if (x < issue.range.min || x > issue.range.max)
          return Error{ErrorCode::invalid, "value " + std::to_string(x) + " is outside the range of issue `" +
                                               acc.issue + "`",
                       f, 0};
    }
  }
  return std::nullopt;
}

bool same_setting(const Scenario& a, const PointSetting& x, const Scenario& b, const PointSetting& y) {
  const Issue& ia = a.issues[x.issue];
  const Issue& ib = b.issues[y.issue];
  if (ia.id != ib.id || ia.kind != ib.kind) return false;
  if (ia.kind == IssueKind::numeric) return x.setting.value == y.setting.value;
  return ia.options[x.setting.option].id == ib.options[y.setting.option].id;
}

// The circulated text of a point: id, number, wording, settings, touched issues, `from:`
// links (compared by ids; provenance notes may change).
bool same_point(const Scenario& a, const Point& x, const Scenario& b, const Point& y) {
  if (x.id != y.id || x.number != y.number || x.text != y.text) return false;
  if (x.sets.size() != y.sets.size() || x.touches.size() != y.touches.size() || x.from.size() != y.from.size())
    return false;
  for (std::size_t i = 0; i < x.sets.size(); ++i)
    if (!same_setting(a, x.sets[i], b, y.sets[i])) return false;
  for (std::size_t i = 0; i < x.touches.size(); ++i)
    if (a.issues[x.touches[i]].id != b.issues[y.touches[i]].id) return false;
  for (std::size_t i = 0; i < x.from.size(); ++i) {
    const Version& va = a.versions[x.from[i].version];
    const Version& vb = b.versions[y.from[i].version];
    if (va.id != vb.id || va.points[x.from[i].point].id != vb.points[y.from[i].point].id) return false;
  }
  return true;
}

std::string bad_party_list(const std::vector<std::string>& parties) {
  std::set<std::string> seen;
  for (const std::string& p : parties)
    if (!seen.insert(p).second) return p;
  return {};
}

}  // namespace

std::optional<Error> check_frozen(Db& db, const Scenario& before, const Scenario& s) {
  SQLite::Statement q(db, "SELECT version_id, MIN(number) FROM rounds WHERE scenario_id = ? GROUP BY version_id "
                          "ORDER BY MIN(number)");
  q.bind(1, s.id);
  while (q.executeStep()) {
    const std::string version = q.getColumn(0).getString();
    const std::string round = std::to_string(q.getColumn(1).getInt64());
    const VersionIndex b = before.find_version(version);
    if (!b.valid()) continue;
    const std::string frozen = "version `" + version + "` was circulated in round " + round +
                               " and is frozen; publish a new version instead (`accord round publish`)";
    const VersionIndex v = s.find_version(version);
    const std::string field = "framework.versions." + version;
    if (!v.valid()) return Error{ErrorCode::invalid, "the import drops a frozen version: " + frozen, field, 0};
    const Version& old = before.versions[b];
    const Version& now = s.versions[v];
    for (const PointIndex k : old.points.indices()) {
      const std::string& id = old.points[k].id;
      const PointIndex j = now.find_point(id);
      if (!j.valid() || !same_point(before, old.points[k], s, now.points[j]))
        return Error{ErrorCode::invalid,
                     std::string("the import ") + (j.valid() ? "changes" : "drops") + " point `" + id + "`: " + frozen,
                     field + ".points." + id, 0};
    }
    if (now.points.size() != old.points.size())
      return Error{ErrorCode::invalid, "the import adds points: " + frozen, field + ".points", 0};
  }
  return std::nullopt;
}

Result<RoundRecord> Store::open_round(const std::string& id, const std::string& version,
                                      const std::vector<std::string>& parties, std::int64_t base_revision,
                                      const std::string& by) {
  if (auto e = impl_->refuse_write()) return tl::unexpected(*e);
  if (auto e = check_utf8({{id, "scenario"}, {version, "version"}, {by, "by"}})) return tl::unexpected(*e);
  if (auto e = check_utf8(parties, "parties")) return tl::unexpected(*e);
  if (const std::string dup = bad_party_list(parties); !dup.empty())
    return fail(ErrorCode::invalid, "party `" + dup + "` is named twice", "parties");
  return guarded([&]() -> Result<RoundRecord> {
    std::lock_guard lock(impl_->write_mu);
    Db& db = *impl_->writer;
    Tx tx(db, true);
    const auto base = write_revision(db, id, base_revision);
    if (!base) return tl::unexpected(base.error());
    const std::int64_t rev = *base;
    auto snap = impl_->compose(db, id);
    if (!snap) return tl::unexpected(snap.error());
    const Scenario& s = (*snap)->scenario;
    const VersionIndex v = s.find_version(version);
    if (!v.valid())
      return fail(ErrorCode::not_found, "no version `" + version + "` in scenario `" + id + "`", "version");
    // The version's text must be the one the mediator read: a document written since may
    // have changed it (stance and answer writes do not).
    const std::int64_t doc_rev = document_revision(db, id);
    if (doc_rev > base_revision)
      return tl::unexpected(conflict("scenario `" + id + "` was re-imported at revision " + std::to_string(doc_rev) +
                                         ", after revision " + std::to_string(base_revision) +
                                         "; re-read the version and retry",
                                     "revision", rev));
    std::vector<std::string> addressed;
    if (parties.empty()) {
      for (const PartyIndex p : s.parties.indices())
        if (s.parties[p].role == Role::party && s.preferences[p].present) addressed.push_back(s.parties[p].id);
      if (addressed.empty())
        return fail(ErrorCode::invalid, "no party of role `party` has preferences; name the parties", "parties");
    } else {
      for (const std::string& p : parties)
        if (!s.find_party(p).valid())
          return fail(ErrorCode::not_found, "no party `" + p + "` in scenario `" + id + "`", "parties");
      for (const PartyIndex p : s.parties.indices())  // scenario order
        if (std::find(parties.begin(), parties.end(), s.parties[p].id) != parties.end())
          addressed.push_back(s.parties[p].id);
    }
    SQLite::Statement last(db, "SELECT COALESCE(MAX(number), 0) FROM rounds WHERE scenario_id = ?");
    last.bind(1, id);
    const std::int64_t number = last.executeStep() ? last.getColumn(0).getInt64() + 1 : 1;
    const std::int64_t next = rev + 1;
    const std::string at = now_utc();
    SQLite::Statement ins(db,
                          "INSERT INTO rounds(scenario_id, number, version_id, parties, status, opened_by, opened_at, "
                          "opened_revision) VALUES(?,?,?,?,'open',?,?,?)");
    ins.bind(1, id);
    ins.bind(2, number);
    ins.bind(3, version);
    ins.bind(4, nlohmann::json(addressed).dump());
    ins.bind(5, by);
    ins.bind(6, at);
    ins.bind(7, next);
    ins.exec();
    bump_revision(db, id, next, at);
    auto r = load_round(db, id, number);
    tx.commit();
    return *r;
  });
}

Result<std::vector<RoundRecord>> Store::rounds(const std::string& id) const {
  return guarded([&]() -> Result<std::vector<RoundRecord>> {
    Impl::Reader r(*impl_);
    Tx tx(r.db(), false);
    if (scenario_revision(r.db(), id) == 0) return tl::unexpected(not_found_scenario(id));
    std::vector<std::int64_t> numbers;
    {
      SQLite::Statement q(r.db(), "SELECT number FROM rounds WHERE scenario_id = ? ORDER BY number");
      q.bind(1, id);
      while (q.executeStep()) numbers.push_back(q.getColumn(0).getInt64());
    }
    std::vector<RoundRecord> out;
    for (const std::int64_t n : numbers) out.push_back(*load_round(r.db(), id, n));
    return out;
  });
}

Result<RoundRecord> Store::round(const std::string& id, std::int64_t number) const {
  return guarded([&]() -> Result<RoundRecord> {
    Impl::Reader r(*impl_);
    Tx tx(r.db(), false);
    if (scenario_revision(r.db(), id) == 0) return tl::unexpected(not_found_scenario(id));
    auto round = load_round(r.db(), id, number);
    if (!round) return tl::unexpected(no_round(id, number));
    return *round;
  });
}

Result<WriteResult> Store::set_responses(const std::string& id, std::int64_t number, const std::string& party,
                                         const std::vector<RoundResponse>& responses, std::int64_t base_revision,
                                         const std::string& by) {
  if (auto e = impl_->refuse_write()) return tl::unexpected(*e);
  if (auto e = check_utf8({{id, "scenario"}, {party, "party"}, {by, "by"}})) return tl::unexpected(*e);
  for (const RoundResponse& a : responses)
    if (auto e = check_utf8({{a.point, "responses"}})) return tl::unexpected(*e);
  return guarded([&]() -> Result<WriteResult> {
    std::lock_guard lock(impl_->write_mu);
    Db& db = *impl_->writer;
    Tx tx(db, true);
    const auto base = write_revision(db, id, base_revision);
    if (!base) return tl::unexpected(base.error());
    const std::int64_t rev = *base;
    const auto round = read_round_row(db, id, number);
    if (!round) return tl::unexpected(no_round(id, number));
    if (std::find(round->parties.begin(), round->parties.end(), party) == round->parties.end())
      return fail(ErrorCode::not_found, "party `" + party + "` is not addressed in round " + std::to_string(number),
                  "party");
    if (round->status != RoundStatus::open)
      return tl::unexpected(conflict("round " + std::to_string(number) + " is closed: answers can no longer change",
                                     "round", rev));
    if (responses.empty()) return fail(ErrorCode::invalid, "no responses given", "responses");
    auto snap = impl_->compose(db, id);
    if (!snap) return tl::unexpected(snap.error());
    const Scenario& s = (*snap)->scenario;
    const VersionIndex v = s.find_version(round->version);
    if (!v.valid()) return fail(ErrorCode::internal, "the circulated version `" + round->version + "` is missing");
    SQLite::Statement last(db,
                           "SELECT MAX(revision) FROM round_answers WHERE scenario_id = ? AND round = ? "
                           "AND party_id = ? AND point_id = ?");
    for (const RoundResponse& a : responses) {
      const std::string field = "responses." + a.point;
      if (auto e = check_answer(s, s.versions[v], a, field)) return tl::unexpected(*e);
      last.bind(1, id);
      last.bind(2, number);
      last.bind(3, party);
      last.bind(4, a.point);
      const std::int64_t changed = last.executeStep() && !last.getColumn(0).isNull() ? last.getColumn(0).getInt64() : 0;
      last.reset();
      if (changed > base_revision)
        return tl::unexpected(conflict("the answer of `" + party + "` on `" + a.point + "` changed at revision " +
                                           std::to_string(changed) + ", after revision " +
                                           std::to_string(base_revision) + "; re-read it and retry",
                                       field, rev));
    }
    const std::int64_t next = rev + 1;
    const std::string at = now_utc();
    SQLite::Statement ins(db,
                          "INSERT INTO round_answers(scenario_id, round, party_id, point_id, answer, note, amendment, "
                          "acceptable, set_by, set_at, revision) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
    for (const RoundResponse& a : responses) {
      ins.bind(1, id);
      ins.bind(2, number);
      ins.bind(3, party);
      ins.bind(4, a.point);
      ins.bind(5, std::string(to_string(a.answer)));
      ins.bind(6, a.note);
      ins.bind(7, a.amendment);
      ins.bind(8, acceptable_to_json(a.acceptable));
      ins.bind(9, by);
      ins.bind(10, at);
      ins.bind(11, next);
      ins.exec();
      ins.reset();
    }
    bump_revision(db, id, next, at);
    tx.commit();
    return WriteResult{next};
  });
}

Result<std::vector<RoundResponse>> Store::response_history(const std::string& id, std::int64_t number,
                                                           const std::string& party) const {
  return guarded([&]() -> Result<std::vector<RoundResponse>> {
    Impl::Reader r(*impl_);
    Tx tx(r.db(), false);
    if (scenario_revision(r.db(), id) == 0) return tl::unexpected(not_found_scenario(id));
    if (!read_round_row(r.db(), id, number)) return tl::unexpected(no_round(id, number));
    SQLite::Statement q(r.db(), std::string("SELECT ") + kAnswerColumns +
                                    " FROM round_answers a WHERE a.scenario_id = ? AND a.round = ? AND a.party_id = ? "
                                    "ORDER BY a.id");
    q.bind(1, id);
    q.bind(2, number);
    q.bind(3, party);
    std::vector<RoundResponse> out;
    while (q.executeStep()) out.push_back(read_answer(q));
    return out;
  });
}

Result<RoundRecord> Store::close_round(const std::string& id, std::int64_t number, const std::string& summary_json,
                                       std::int64_t computed_at, const std::string& by) {
  if (auto e = impl_->refuse_write()) return tl::unexpected(*e);
  if (auto e = check_utf8({{by, "by"}, {summary_json, "summary"}})) return tl::unexpected(*e);
  return guarded([&]() -> Result<RoundRecord> {
    std::lock_guard lock(impl_->write_mu);
    Db& db = *impl_->writer;
    Tx tx(db, true);
    const std::int64_t rev = scenario_revision(db, id);
    if (rev == 0) return tl::unexpected(not_found_scenario(id));
    const auto round = read_round_row(db, id, number);
    if (!round) return tl::unexpected(no_round(id, number));
    if (round->status != RoundStatus::open)
      return tl::unexpected(conflict("round " + std::to_string(number) + " is already closed", "round", rev));
    SQLite::Statement q(db, "SELECT MAX(revision) FROM round_answers WHERE scenario_id = ? AND round = ?");
    q.bind(1, id);
    q.bind(2, number);
    const std::int64_t changed = q.executeStep() && !q.getColumn(0).isNull() ? q.getColumn(0).getInt64() : 0;
    if (changed > computed_at)
      return tl::unexpected(conflict("an answer of round " + std::to_string(number) + " changed at revision " +
                                         std::to_string(changed) + ", after revision " + std::to_string(computed_at) +
                                         "; close again",
                                     "round", rev));
    const std::int64_t next = rev + 1;
    const std::string at = now_utc();
    SQLite::Statement up(db,
                         "UPDATE rounds SET status = 'closed', closed_by = ?, closed_at = ?, closed_revision = ?, "
                         "summary = ? WHERE scenario_id = ? AND number = ?");
    up.bind(1, by);
    up.bind(2, at);
    up.bind(3, next);
    up.bind(4, summary_json);
    up.bind(5, id);
    up.bind(6, number);
    up.exec();
    bump_revision(db, id, next, at);
    auto r = load_round(db, id, number);
    tx.commit();
    return *r;
  });
}

Result<WriteResult> Store::publish_round(const std::string& id, std::int64_t number, const Version& version,
                                         std::int64_t base_revision, const std::string& by) {
  if (auto e = impl_->refuse_write()) return tl::unexpected(*e);
  if (auto e = check_utf8({{by, "by"}, {version.id, "id"}, {version.label, "label"}, {version.date, "date"}}))
    return tl::unexpected(*e);
  for (const Point& p : version.points)
    if (auto e = check_utf8({{p.text, "points." + p.id + ".text"}})) return tl::unexpected(*e);
  return guarded([&]() -> Result<WriteResult> {
    std::lock_guard lock(impl_->write_mu);
    Db& db = *impl_->writer;
    Tx tx(db, true);
    const auto base = write_revision(db, id, base_revision);
    if (!base) return tl::unexpected(base.error());
    const std::int64_t rev = *base;
    const auto round = read_round_row(db, id, number);
    if (!round) return tl::unexpected(no_round(id, number));
    if (round->status != RoundStatus::closed)
      return tl::unexpected(conflict("round " + std::to_string(number) + " is open; close it before publishing",
                                     "round", rev));
    if (!round->published_version.empty())
      return tl::unexpected(conflict("round " + std::to_string(number) + " was already published as `" +
                                         round->published_version + "`",
                                     "round", rev));
    // The version was built on the scenario as of base_revision: refuse if a document (an
    // import, another publish) was written since.
    const std::int64_t doc_rev = document_revision(db, id);
    if (doc_rev > base_revision)
      return tl::unexpected(conflict("scenario `" + id + "` got a new document at revision " +
                                         std::to_string(doc_rev) + ", after revision " +
                                         std::to_string(base_revision) + "; publish again",
                                     "revision", rev));
    auto snap = impl_->compose(db, id);
    if (!snap) return tl::unexpected(snap.error());
    const Scenario& before = (*snap)->scenario;
    if (before.find_version(version.id).valid())
      return fail(ErrorCode::invalid, "version `" + version.id + "` already exists", "id");
    Scenario s = before;
    s.versions.push_back(version);
    s.versions.back().stances.assign(s.parties.size(), IndexedVector<PointIndex, Stance>(version.points.size()));
    const std::int64_t next = rev + 1;
    const std::string at = now_utc();
    ImportResult ignored;
    write_document(*impl_, db, s, &before, next, "publish round " + std::to_string(number), by, at, ignored);
    SQLite::Statement up(db, "UPDATE rounds SET published_version = ? WHERE scenario_id = ? AND number = ?");
    up.bind(1, version.id);
    up.bind(2, id);
    up.bind(3, number);
    up.exec();
    bump_revision(db, id, next, at);
    tx.commit();
    return WriteResult{next};
  });
}

}  // namespace accord::store

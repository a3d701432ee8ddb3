#include <map>

#include "io/scenario_sections.hpp"

namespace accord::io {

namespace {

// Where every point id lives, for `from:` links (only earlier versions are visible).
using PointTable = std::map<std::string, PointRef>;

// `earlier`: points of earlier versions (for `from`); `all`: every id seen so far.
void read_point(Reader& r, const YAML::Node& n, const std::string& path, Scenario& s,
                Version& v, VersionIndex vi, const PointTable& earlier, PointTable& all) {
  std::vector<std::string> keys = {"id", "number", "text", "sets", "issues", "from"};
  keys.insert(keys.end(), Reader::provenance_keys().begin(), Reader::provenance_keys().end());
  if (!r.expect_map(n, path, "version " + v.id, keys)) return;
  auto id = r.string(n, "id", path + ".id", "version " + v.id, true);
  if (!id || !r.valid_id(n["id"], *id, path + ".id", "version " + v.id)) return;
  const std::string entity = "point " + *id;
  if (auto prev = all.find(*id); prev != all.end()) {
    const std::string where = prev->second.version.get() < s.versions.size()
                                  ? s.versions[prev->second.version].id
                                  : v.id;
    r.error(n["id"], path + ".id", entity,
            "duplicate point id `" + *id + "` (already used in version `" + where + "`)",
            "point ids must be unique across all versions");
    return;
  }
  Point pt;
  pt.id = *id;
  pt.number = static_cast<int>(
      r.integer(n, "number", path + ".number", entity, false).value_or(static_cast<long long>(v.points.size() + 1)));
  pt.text = r.string(n, "text", path + ".text", entity, false).value_or("");
  pt.provenance = r.provenance(n, path, entity);
  const YAML::Node sets = n["sets"];
  if (sets.IsDefined() && r.expect_map(sets, path + ".sets", entity, {})) {
    for (auto it = sets.begin(); it != sets.end(); ++it) {
      const std::string issue_id = it->first.Scalar();
      const std::string sp = path + ".sets." + issue_id;
      const IssueIndex i = s.find_issue(issue_id);
      if (!i.valid()) {
        r.error(it->first, sp, entity, "unknown issue `" + issue_id + "`; expected an issue id",
                suggest(r, issue_id, s.issues));
        continue;
      }
      YAML::Node value = it->second;
      if (value.IsMap() && value["value"].IsDefined()) {
        std::vector<std::string> vkeys = Reader::provenance_keys();
        vkeys.emplace_back("value");
        if (!r.expect_map(value, sp, entity, vkeys)) continue;
        pt.field_provenance["sets." + issue_id] = r.provenance(value, sp, entity);
        value = value["value"];
      }
      if (auto st = read_setting(r, value, s.issues[i], sp, entity))
        pt.sets.push_back(PointSetting{i, *st});
    }
  }
  const auto touched = r.string_list(n, "issues", path + ".issues", entity);
  for (std::size_t k = 0; k < touched.size(); ++k) {
    const IssueIndex i = s.find_issue(touched[k]);
    if (!i.valid()) {
      r.error(n["issues"][k], path + ".issues[" + std::to_string(k) + "]", entity,
              "unknown issue `" + touched[k] + "`; expected an issue id", suggest(r, touched[k], s.issues));
      continue;
    }
    pt.touches.push_back(i);
  }
  const auto from = r.string_list(n, "from", path + ".from", entity);
  for (std::size_t k = 0; k < from.size(); ++k) {
    auto it = earlier.find(from[k]);
    if (it == earlier.end()) {
      bool later = false;
      for (const auto& p : v.points) later = later || p.id == from[k];
      r.error(n["from"][k], path + ".from[" + std::to_string(k) + "]", entity,
              "unknown point `" + from[k] + "`; expected the id of a point in an earlier version",
              later ? "`from` may only name points of earlier versions" : "");
      continue;
    }
    pt.from.push_back(it->second);
  }
  r.remember("framework." + v.id + "." + pt.id, n);
  all.emplace(pt.id, PointRef{vi, PointIndex(v.points.size())});
  v.points.push_back(std::move(pt));
}

void read_stances(Reader& r, const YAML::Node& node, const std::string& path, const Scenario& s,
                  Version& v) {
  if (!r.expect_map(node, path, "version " + v.id, {})) return;
  const auto party_index = id_index(s.parties);
  const auto point_index = id_index(v.points);
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string party_id = it->first.Scalar();
    const std::string ppath = path + "." + party_id;
    if (r.out_of_time(it->first, ppath)) return;
    const auto found = party_index.find(party_id);
    const PartyIndex p = found == party_index.end() ? PartyIndex() : PartyIndex(found->second);
    if (!p.valid()) {
      r.error(it->first, ppath, "version " + v.id, "unknown party `" + party_id + "`",
              suggest(r, party_id, s.parties));
      continue;
    }
    const std::string entity = "party " + party_id;
    if (!r.expect_map(it->second, ppath, entity, {})) continue;
    for (auto jt = it->second.begin(); jt != it->second.end(); ++jt) {
      const std::string point_id = jt->first.Scalar();
      const std::string sp = ppath + "." + point_id;
      const auto at = point_index.find(point_id);
      const PointIndex pt = at == point_index.end() ? PointIndex() : PointIndex(at->second);
      if (!pt.valid()) {
        r.error(jt->first, sp, entity,
                "unknown point `" + point_id + "`; expected a point of version `" + v.id + "`",
                suggest(r, point_id, v.points));
        continue;
      }
      Stance stance;
      YAML::Node kind = jt->second;
      if (kind.IsMap()) {
        std::vector<std::string> keys = {"stance"};
        keys.insert(keys.end(), Reader::provenance_keys().begin(), Reader::provenance_keys().end());
        if (!r.expect_map(kind, sp, entity, keys)) continue;
        stance.provenance = r.provenance(kind, sp, entity);
        if (!kind["stance"].IsDefined()) {
          r.error(kind, sp + ".stance", entity, "missing required field `stance`");
          continue;
        }
        kind = kind["stance"];
      }
      auto text = r.as_string(kind, sp, entity);
      if (!text) continue;
      auto parsed = parse_stance_kind(*text);
      if (!parsed) {
        r.error(kind, sp, entity,
                "unknown stance `" + *text + "`; expected accept, reject, conditional or unknown");
        continue;
      }
      stance.kind = *parsed;
      v.stances[p][pt] = std::move(stance);
    }
  }
}

}  // namespace

void read_framework(Reader& r, const YAML::Node& node, Scenario& s) {
  std::vector<std::string> keys = {"versions"};
  keys.insert(keys.end(), Reader::provenance_keys().begin(), Reader::provenance_keys().end());
  if (!r.expect_map(node, "framework", "", keys)) return;
  const YAML::Node versions = node["versions"];
  if (!versions.IsDefined()) {
    r.error(node, "framework.versions", "", "missing required field `versions`");
    return;
  }
  if (!r.expect_list(versions, "framework.versions", "")) return;
  PointTable earlier;
  PointTable all;
  for (std::size_t k = 0; k < versions.size(); ++k) {
    const YAML::Node n = versions[k];
    const std::string path = "framework.versions[" + std::to_string(k) + "]";
    std::vector<std::string> vkeys = {"id", "label", "date", "points", "stances"};
    vkeys.insert(vkeys.end(), Reader::provenance_keys().begin(), Reader::provenance_keys().end());
    if (!r.expect_map(n, path, "", vkeys)) continue;
    auto id = r.string(n, "id", path + ".id", "", true);
    if (!id || !r.valid_id(n["id"], *id, path + ".id", "")) continue;
    const std::string entity = "version " + *id;
    if (s.find_version(*id).valid()) {
      r.error(n["id"], path + ".id", entity, "duplicate version id `" + *id + "`",
              "version ids must be unique");
      continue;
    }
    Version v;
    v.id = *id;
    v.label = r.string(n, "label", path + ".label", entity, false).value_or(*id);
    v.date = r.date(n, "date", path + ".date", entity, false).value_or("");
    v.provenance = r.provenance(n, path, entity);
    const VersionIndex vi(s.versions.size());
    if (n["points"].IsDefined() && r.expect_list(n["points"], "framework." + *id + ".points", entity)) {
      for (std::size_t j = 0; j < n["points"].size(); ++j)
        read_point(r, n["points"][j], "framework." + *id + ".points[" + std::to_string(j) + "]", s, v,
                   vi, earlier, all);
    }
    earlier = all;
    r.table_bytes += s.parties.size() * (sizeof(std::vector<Stance>) + v.points.size() * sizeof(Stance));
    if (r.too_large(n, path, r.table_bytes,
                    std::to_string(s.parties.size()) + " parties x " + std::to_string(v.points.size()) +
                        " points of version `" + v.id + "` (with the tables before it)"))
      return;
    v.stances.assign(s.parties.size(), IndexedVector<PointIndex, Stance>(v.points.size()));
    if (n["stances"].IsDefined()) read_stances(r, n["stances"], "framework." + *id + ".stances", s, v);
    r.remember("framework." + v.id, n);
    s.versions.push_back(std::move(v));
  }
}

void read_timeline(Reader& r, const YAML::Node& node, Scenario& s) {
  if (!r.expect_list(node, "timeline", "")) return;
  for (std::size_t k = 0; k < node.size(); ++k) {
    const YAML::Node n = node[k];
    const std::string path = "timeline[" + std::to_string(k) + "]";
    std::vector<std::string> keys = {"date", "kind", "text"};
    keys.insert(keys.end(), Reader::provenance_keys().begin(), Reader::provenance_keys().end());
    if (!r.expect_map(n, path, "", keys)) continue;
    Event e;
    e.date = r.date(n, "date", path + ".date", "", true).value_or("");
    const std::string kind = r.string(n, "kind", path + ".kind", "", false).value_or("other");
    e.text = r.string(n, "text", path + ".text", "", true).value_or("");
    e.provenance = r.provenance(n, path, "");
    if (const auto parsed = parse_event_kind(kind)) {
      e.kind = *parsed;
    } else {
      r.error(n["kind"], path + ".kind", "",
              "unknown event kind `" + kind + "`; expected talks, statement, strike, proposal or other",
              r.did_you_mean(kind, event_kind_names()));
    }
    s.timeline.push_back(std::move(e));
  }
}

}  // namespace accord::io

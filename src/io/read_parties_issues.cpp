#include <set>

#include "io/scenario_sections.hpp"

namespace accord::io {

namespace {

std::string at(const std::string& path, std::size_t k) {
  return path + "[" + std::to_string(k) + "]";
}

void read_options(Reader& r, const YAML::Node& node, Issue& issue, const std::string& path,
                  const std::string& entity) {
  if (!r.expect_list(node, path, entity)) return;
  std::set<std::string> seen;
  for (std::size_t k = 0; k < node.size(); ++k) {
    const YAML::Node o = node[k];
    const std::string opath = at(path, k);
    Option opt;
    if (o.IsScalar()) {  // shorthand: the id alone
      opt.id = o.Scalar();
      opt.label = opt.id;
    } else {
      std::vector<std::string> keys = {"id", "label", "position"};
      keys.insert(keys.end(), Reader::provenance_keys().begin(), Reader::provenance_keys().end());
      if (!r.expect_map(o, opath, entity, keys)) continue;
      auto id = r.string(o, "id", opath + ".id", entity, true);
      if (!id) continue;
      opt.id = *id;
      opt.label = r.string(o, "label", opath + ".label", entity, false).value_or(opt.id);
      opt.position = r.number(o, "position", opath + ".position", entity, false, &opt.field_provenance);
      opt.provenance = r.provenance(o, opath, entity);
    }
    if (!r.valid_id(o, opt.id, opath + ".id", entity)) continue;
    if (!seen.insert(opt.id).second) {
      r.error(o, opath + ".id", entity, "duplicate option id `" + opt.id + "`",
              "option ids must be unique within an issue");
      continue;
    }
    r.remember(path + "." + opt.id, o);
    issue.options.push_back(std::move(opt));
  }
  if (issue.options.empty() && node.IsSequence())
    r.error(node, path, entity, "an issue needs at least one option; found an empty list");
}

void read_range(Reader& r, const YAML::Node& node, Issue& issue, const std::string& path,
                const std::string& entity) {
  if (!r.expect_map(node, path, entity, {"min", "max", "step", "unit"})) return;
  auto mn = r.number(node, "min", path + ".min", entity, true);
  auto mx = r.number(node, "max", path + ".max", entity, true);
  auto st = r.number(node, "step", path + ".step", entity, true);
  issue.range.unit = r.string(node, "unit", path + ".unit", entity, false).value_or("");
  if (!mn || !mx || !st) return;
  issue.range.min = *mn;
  issue.range.max = *mx;
  issue.range.step = *st;
}

}  // namespace

void read_parties(Reader& r, const YAML::Node& node, Scenario& s) {
  if (!r.expect_list(node, "parties", "")) return;
  std::set<std::string> seen;
  for (std::size_t k = 0; k < node.size(); ++k) {
    const YAML::Node p = node[k];
    const std::string path = at("parties", k);
    if (r.out_of_time(p, path)) return;
    std::vector<std::string> keys = {"id", "name", "role", "capability"};
    keys.insert(keys.end(), Reader::provenance_keys().begin(), Reader::provenance_keys().end());
    if (!r.expect_map(p, path, "", keys)) continue;
    auto id = r.string(p, "id", path + ".id", "", true);
    if (!id || !r.valid_id(p["id"], *id, path + ".id", "")) continue;
    const std::string entity = "party " + *id;
    if (!seen.insert(*id).second) {
      r.error(p["id"], path + ".id", entity, "duplicate party id `" + *id + "`",
              "party ids must be unique");
      continue;
    }
    Party party;
    party.id = *id;
    party.name = r.string(p, "name", path + ".name", entity, false).value_or(*id);
    if (auto role = r.string(p, "role", path + ".role", entity, false)) {
      if (auto parsed = parse_role(*role)) {
        party.role = *parsed;
      } else {
        r.error(p["role"], path + ".role", entity,
                "unknown role `" + *role + "`; expected party, mediator or stakeholder");
      }
    }
    party.capability =
        r.number(p, "capability", path + ".capability", entity, false, &party.field_provenance)
            .value_or(1.0);
    party.provenance = r.provenance(p, path, entity);
    r.remember("parties." + party.id, p);
    s.parties.push_back(std::move(party));
  }
  if (s.parties.empty() && node.IsSequence())
    r.error(node, "parties", "", "a scenario needs at least one party; found an empty list");
}

void read_issues(Reader& r, const YAML::Node& node, Scenario& s) {
  if (!r.expect_list(node, "issues", "")) return;
  std::set<std::string> seen;
  for (std::size_t k = 0; k < node.size(); ++k) {
    const YAML::Node n = node[k];
    const std::string path = at("issues", k);
    std::vector<std::string> keys = {"id", "title", "category", "codes", "options", "range"};
    keys.insert(keys.end(), Reader::provenance_keys().begin(), Reader::provenance_keys().end());
    if (!r.expect_map(n, path, "", keys)) continue;
    auto id = r.string(n, "id", path + ".id", "", true);
    if (!id || !r.valid_id(n["id"], *id, path + ".id", "")) continue;
    const std::string entity = "issue " + *id;
    if (!seen.insert(*id).second) {
      r.error(n["id"], path + ".id", entity, "duplicate issue id `" + *id + "`",
              "issue ids must be unique");
      continue;
    }
    Issue issue;
    issue.id = *id;
    issue.title = r.string(n, "title", path + ".title", entity, false).value_or(*id);
    issue.category = r.string(n, "category", path + ".category", entity, false).value_or("");
    issue.codes = r.string_list(n, "codes", path + ".codes", entity);
    issue.provenance = r.provenance(n, path, entity);
    const bool has_options = n["options"].IsDefined();
    const bool has_range = n["range"].IsDefined();
    if (has_options == has_range) {
      r.error(n, path, entity,
              has_options ? "both `options` and `range` given; expected exactly one"
                          : "missing `options` or `range`; expected exactly one",
              "a discrete issue lists options, a numeric issue gives range {min, max, step}");
    } else if (has_options) {
      issue.kind = IssueKind::discrete;
      read_options(r, n["options"], issue, "issues." + *id + ".options", entity);
    } else {
      issue.kind = IssueKind::numeric;
      read_range(r, n["range"], issue, "issues." + *id + ".range", entity);
    }
    r.remember("issues." + issue.id, n);
    s.issues.push_back(std::move(issue));
  }
  if (s.issues.empty() && node.IsSequence())
    r.error(node, "issues", "", "a scenario needs at least one issue; found an empty list");
}

std::optional<Setting> read_setting(Reader& r, const YAML::Node& n, const Issue& issue,
                                    const std::string& path, const std::string& entity) {
  if (issue.kind == IssueKind::numeric) {
    auto v = r.as_number(n, path, entity);
    if (!v) return std::nullopt;
    return Setting{OptionIndex(), *v};
  }
  auto id = r.as_string(n, path, entity);
  if (!id) return std::nullopt;
  const OptionIndex o = issue.find_option(*id);
  if (!o.valid()) {
    r.error(n, path, entity,
            "unknown option `" + *id + "`; expected an option of issue `" + issue.id + "`",
            suggest(r, *id, issue.options));
    return std::nullopt;
  }
  return Setting{o, 0.0};
}

}  // namespace accord::io

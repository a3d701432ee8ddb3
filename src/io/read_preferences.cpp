#include "io/scenario_sections.hpp"

namespace accord::io {

namespace {

void read_red_lines(Reader& r, const YAML::Node& node, const Issue& issue, IssuePreference& ip,
                    const std::string& path, const std::string& entity) {
  if (!r.expect_list(node, path, entity)) return;
  for (std::size_t k = 0; k < node.size(); ++k) {
    const YAML::Node n = node[k];
    const std::string p = path + "[" + std::to_string(k) + "]";
    if (issue.kind == IssueKind::discrete) {
      if (auto s = read_setting(r, n, issue, p, entity)) ip.red_line_options.push_back(s->option);
      continue;
    }
    if (!r.expect_map(n, p, entity, {"min", "max"})) continue;
    ValueRange range;
    range.min = r.number(n, "min", p + ".min", entity, false);
    range.max = r.number(n, "max", p + ".max", entity, false);
    if (!range.min && !range.max)
      r.error(n, p, entity, "a red-line range needs `min`, `max` or both; found neither");
    ip.red_line_ranges.push_back(range);
  }
}

void read_curve(Reader& r, const YAML::Node& node, IssuePreference& ip, const std::string& path,
                const std::string& entity) {
  if (!r.expect_list(node, path, entity)) return;
  for (std::size_t k = 0; k < node.size(); ++k) {
    const YAML::Node n = node[k];
    const std::string p = path + "[" + std::to_string(k) + "]";
    if (!n.IsSequence() || n.size() != 2) {
      r.error(n, p, entity, "expected a point [x, value], found " + Reader::describe(n));
      continue;
    }
    r.remember(p, n);
    auto x = r.as_number(n[0], p + "[0]", entity);
    auto y = r.as_number(n[1], p + "[1]", entity);
    if (x && y) ip.curve.emplace_back(*x, *y);
  }
}

void read_issue_preference(Reader& r, const YAML::Node& node, const Issue& issue,
                           IssuePreference& ip, const std::string& path, const std::string& entity) {
  std::vector<std::string> keys = {"weight", "values", "curve", "red_lines"};
  keys.insert(keys.end(), Reader::provenance_keys().begin(), Reader::provenance_keys().end());
  if (!r.expect_map(node, path, entity, keys)) return;
  ip.present = true;
  ip.weight = r.number(node, "weight", path + ".weight", entity, true, &ip.field_provenance).value_or(0.0);
  ip.provenance = r.provenance(node, path, entity);
  const YAML::Node values = node["values"];
  const YAML::Node curve = node["curve"];
  if (issue.kind == IssueKind::discrete) {
    if (curve.IsDefined())
      r.error(curve, path + ".curve", entity,
              "`curve` is for numeric issues; issue `" + issue.id + "` has options",
              "give `values: {OPTION: value, ...}`");
    if (values.IsDefined() && r.expect_map(values, path + ".values", entity, {})) {
      for (auto it = values.begin(); it != values.end(); ++it) {
        const std::string opt = it->first.Scalar();
        const std::string p = path + ".values." + opt;
        const OptionIndex o = issue.find_option(opt);
        if (!o.valid()) {
          r.error(it->first, p, entity,
                  "unknown option `" + opt + "`; expected an option of issue `" + issue.id + "`",
                  suggest(r, opt, issue.options));
          continue;
        }
        Provenance prov;
        if (auto v = r.as_number(it->second, p, entity, &prov)) {
          ip.option_values[o] = *v;
          if (!prov.empty()) ip.field_provenance["values." + opt] = prov;
        }
      }
    }
  } else {
    if (values.IsDefined())
      r.error(values, path + ".values", entity,
              "`values` is for issues with options; issue `" + issue.id + "` is numeric",
              "give `curve: [[x, value], ...]`");
    if (curve.IsDefined()) read_curve(r, curve, ip, path + ".curve", entity);
  }
  if (node["red_lines"].IsDefined())
    read_red_lines(r, node["red_lines"], issue, ip, path + ".red_lines", entity);
}

void read_rectangles(Reader& r, const YAML::Node& node, const Scenario& s, Preferences& prefs,
                     const std::string& path, const std::string& entity) {
  if (!r.expect_list(node, path, entity)) return;
  for (std::size_t k = 0; k < node.size(); ++k) {
    const YAML::Node n = node[k];
    const std::string p = path + "[" + std::to_string(k) + "]";
    if (!r.expect_map(n, p, entity, {"utility", "where"})) continue;
    Rectangle rect;
    rect.utility = r.number(n, "utility", p + ".utility", entity, true).value_or(0.0);
    const YAML::Node where = n["where"];
    if (!where.IsDefined()) {
      r.error(n, p + ".where", entity, "missing required field `where`");
      continue;
    }
    if (!r.expect_map(where, p + ".where", entity, {})) continue;
    for (auto it = where.begin(); it != where.end(); ++it) {
      const std::string issue_id = it->first.Scalar();
      const std::string wp = p + ".where." + issue_id;
      const IssueIndex i = s.find_issue(issue_id);
      if (!i.valid()) {
        r.error(it->first, wp, entity, "unknown issue `" + issue_id + "`", suggest(r, issue_id, s.issues));
        continue;
      }
      RectangleBound b;
      b.issue = i;
      const Issue& issue = s.issues[i];
      if (issue.kind == IssueKind::discrete) {
        if (!r.expect_list(it->second, wp, entity)) continue;
        for (std::size_t j = 0; j < it->second.size(); ++j)
          if (auto st = read_setting(r, it->second[j], issue, wp + "[" + std::to_string(j) + "]", entity))
            b.options.push_back(st->option);
      } else {
        if (!r.expect_map(it->second, wp, entity, {"min", "max"})) continue;
        b.range.min = r.number(it->second, "min", wp + ".min", entity, false);
        b.range.max = r.number(it->second, "max", wp + ".max", entity, false);
      }
      rect.bounds.push_back(std::move(b));
    }
    prefs.rectangles.push_back(std::move(rect));
  }
}

}  // namespace

void read_preferences(Reader& r, const YAML::Node& node, Scenario& s) {
  if (!r.expect_map(node, "preferences", "", {})) return;
  const auto party_index = id_index(s.parties);
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string party_id = it->first.Scalar();
    const std::string path = "preferences." + party_id;
    if (r.out_of_time(it->first, path)) return;
    const std::string entity = "party " + party_id;
    const auto found = party_index.find(party_id);
    const PartyIndex p = found == party_index.end() ? PartyIndex() : PartyIndex(found->second);
    if (!p.valid()) {
      r.error(it->first, path, entity,
              "unknown party `" + party_id + "`; expected a party id from `parties`",
              suggest(r, party_id, s.parties));
      continue;
    }
    const YAML::Node n = it->second;
    std::vector<std::string> keys = {"reservation", "issues", "rectangles"};
    keys.insert(keys.end(), Reader::provenance_keys().begin(), Reader::provenance_keys().end());
    if (!r.expect_map(n, path, entity, keys)) continue;
    Preferences& prefs = s.preferences[p];
    prefs.present = true;
    prefs.reservation =
        r.number(n, "reservation", path + ".reservation", entity, false, &prefs.field_provenance)
            .value_or(0.0);
    prefs.provenance = r.provenance(n, path, entity);
    const YAML::Node issues = n["issues"];
    if (issues.IsDefined() && r.expect_map(issues, path + ".issues", entity, {})) {
      for (auto jt = issues.begin(); jt != issues.end(); ++jt) {
        const std::string issue_id = jt->first.Scalar();
        const std::string ipath = path + ".issues." + issue_id;
        const IssueIndex i = s.find_issue(issue_id);
        if (!i.valid()) {
          r.error(jt->first, ipath, entity,
                  "unknown issue `" + issue_id + "`; expected an issue id from `issues`",
                  suggest(r, issue_id, s.issues));
          continue;
        }
        read_issue_preference(r, jt->second, s.issues[i], prefs.issues[i], ipath,
                              entity);
      }
    }
    if (n["rectangles"].IsDefined())
      read_rectangles(r, n["rectangles"], s, prefs, path + ".rectangles", entity);
  }
}

}  // namespace accord::io

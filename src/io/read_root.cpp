#include "io/scenario_sections.hpp"

namespace accord::io {

void read_scenario_root(Reader& r, const YAML::Node& root, Scenario& s,
                        const std::vector<std::string>& top_keys) {
  if (!r.expect_map(root, "", "", top_keys)) return;
  if (auto f = r.integer(root, "format", "format", "", true)) {
    if (*f != 1)
      r.error(root["format"], "format", "",
              "unsupported format " + std::to_string(*f) + "; expected `format: 1`",
              "this build of accord reads format 1 only");
    s.format = static_cast<int>(*f);
  }
  if (auto id = r.string(root, "id", "id", "", true)) {
    if (r.valid_id(root["id"], *id, "id", "")) s.id = *id;
  }
  s.title = r.string(root, "title", "title", "", true).value_or("");
  s.description = r.string(root, "description", "description", "", false).value_or("");
  s.date = r.date(root, "date", "date", "", false).value_or("");
  s.provenance = r.provenance(root, "", "");
  // `export`: written by `accord db export` into JSON files (which have no comments) so that
  // `db import` can refuse a stale file; it is not part of the scenario.
  if (const YAML::Node mark = root["export"]; mark.IsDefined() && r.expect_map(mark, "export", "", {"scenario", "revision"})) {
    r.string(mark, "scenario", "export.scenario", "", true);
    if (const auto rev = r.integer(mark, "revision", "export.revision", "", true); rev && *rev < 1)
      r.error(mark["revision"], "export.revision", "", "revision " + std::to_string(*rev) + "; expected a revision number >= 1");
  }
  if (!root["parties"].IsDefined()) {
    r.error(root, "parties", "", "missing required field `parties`; expected a list of parties");
  } else {
    read_parties(r, root["parties"], s);
  }
  if (!root["issues"].IsDefined()) {
    r.error(root, "issues", "", "missing required field `issues`; expected a list of issues");
  } else {
    read_issues(r, root["issues"], s);
  }
  std::size_t per_party = sizeof(Preferences) + s.issues.size() * sizeof(IssuePreference);
  for (const auto& issue : s.issues) per_party += issue.options.size() * sizeof(std::optional<double>);
  r.table_bytes = s.parties.size() * per_party;
  if (r.too_large(root["parties"], "parties", r.table_bytes,
                  std::to_string(s.parties.size()) + " parties x " + std::to_string(s.issues.size()) +
                      " issues of preferences"))
    return;
  s.preferences.assign(s.parties.size(), Preferences{});
  for (auto& p : s.preferences) p.issues.assign(s.issues.size(), IssuePreference{});
  for (const IssueIndex i : s.issues.indices())
    for (auto& p : s.preferences)
      p.issues[i].option_values.assign(s.issues[i].options.size(), std::nullopt);
  if (r.failed()) return;  // later sections refer to parties and issues by id
  if (root["preferences"].IsDefined()) read_preferences(r, root["preferences"], s);
  if (root["framework"].IsDefined()) read_framework(r, root["framework"], s);
  if (root["timeline"].IsDefined()) read_timeline(r, root["timeline"], s);
}

}  // namespace accord::io

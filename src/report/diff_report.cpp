// `accord diff` output: JSON (docs/cli.md) and text.
#include <nlohmann/json.hpp>

#include "accord/report/diff.hpp"
#include "accord/model/plural.hpp"
#include "accord/report/outcome.hpp"

namespace accord::report {

namespace {

std::string point_ids(const Version& v, const std::vector<PointIndex>& ks) {
  std::string out;
  for (PointIndex k : ks) out += (out.empty() ? "" : "+") + v.points[k].id;
  return out.empty() ? "-" : out;
}

}  // namespace

Json diff_json(const Scenario& s, const diff::Result& r, const redline::Result* redline) {
  Json j;
  j["schema"] = kDiffSchema;
  j["scenario"] = s.id;
  add_outcome_json(j, r.outcome);
  if (!r.outcome.ok()) return j;
  const Version& a = s.versions[r.from];
  const Version& b = s.versions[r.to];
  j["from"] = {{"version", a.id}, {"points", r.from_count}};
  j["to"] = {{"version", b.id}, {"points", r.to_count}};
  Json counts = Json::object();
  for (const diff::Change c : diff::kChanges) counts[std::string(diff::to_string(c))] = r.count(c);
  j["counts"] = std::move(counts);
  Json entries = Json::array();
  for (const auto& e : r.entries) {
    Json ej;
    ej["change"] = std::string(diff::to_string(e.change));
    Json olds = Json::array(), news = Json::array(), changed = Json::array();
    for (PointIndex k : e.old_points) olds.push_back(a.points[k].id);
    for (PointIndex k : e.new_points) news.push_back(b.points[k].id);
    for (IssueIndex i : e.changed_settings) changed.push_back(s.issues[i].id);
    ej["from"] = std::move(olds);
    ej["to"] = std::move(news);
    ej["changed_settings"] = std::move(changed);
    ej["matched_by_text"] = e.by_text;
    entries.push_back(std::move(ej));
  }
  j["entries"] = std::move(entries);
  if (redline != nullptr) j["redline"] = redline_json(s, *redline);
  return j;
}

std::string diff_text(const Scenario& s, const diff::Result& r, Style style) {
  if (!r.outcome.ok()) return wrap("Diff: " + r.outcome.message() + ".");
  const Version& a = s.versions[r.from];
  const Version& b = s.versions[r.to];
  std::string out = a.id + " → " + b.id + ": " + std::to_string(r.from_count) + " → " +
                    counted(r.to_count, "point") + " (";
  bool first = true;
  for (const diff::Change c : diff::kChanges) {
    out += (first ? "" : ", ") + std::to_string(r.count(c)) + " " + std::string(diff::to_string(c));
    first = false;
  }
  out += ")";
  out = wrap(out);
  Table t;
  t.header = {"change", a.id, b.id, "what"};
  for (const auto& e : r.entries) {
    std::string what;
    if (!e.new_points.empty()) what = b.points[e.new_points.front()].text;
    else if (!e.old_points.empty()) what = a.points[e.old_points.front()].text;
    if (!e.changed_settings.empty()) {
      std::string issues;
      for (IssueIndex i : e.changed_settings) issues += (issues.empty() ? "" : ", ") + s.issues[i].id;
      what = "[" + issues + "] " + what;
    }
    t.rows.push_back({std::string(diff::to_string(e.change)) + (e.by_text ? "*" : ""),
                      point_ids(a, e.old_points), point_ids(b, e.new_points), what});
  }
  out += t.render(style, text_width(), 3);
  if (!r.entries.empty() && r.entries.front().by_text)
    out += "* matched by text similarity: the later version has no `from:` links\n";
  return out;
}

}  // namespace accord::report

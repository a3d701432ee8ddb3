// Framework section: versions, and each step of the text's evolution side by side with counts.
#include "accord/engines/diff.hpp"
#include "accord/report/table.hpp"
#include "sections.hpp"
#include "svg.hpp"

namespace accord::report::html {
namespace {

constexpr diff::Change kChanges[] = {diff::Change::kept,    diff::Change::amended, diff::Change::merged,
                                     diff::Change::split,   diff::Change::dropped, diff::Change::added};

std::string points_cell(const Version& v, const std::vector<PointIndex>& pts) {
  std::string out;
  for (const PointIndex p : pts) {
    const Point& pt = v.points[p];
    out += "<div title=\"" + esc(pt.text) + "\"><b>" + esc(pt.id) + "</b> " + esc(point_label(pt, 90)) + "</div>";
  }
  return out.empty() ? "—" : out;
}

// One horizontal stacked bar of the change counts.
std::string counts_bar(const diff::Result& d) {
  std::size_t total = 0;
  for (const auto c : kChanges) total += d.count(c);
  Svg svg(640, 46, "Counts of kept, amended, merged, split, dropped and added points");
  const Scale sx{0, static_cast<double>(std::max<std::size_t>(total, 1)), 0, 640};
  double x = 0;
  for (const auto c : kChanges) {
    const std::size_t n = d.count(c);
    if (n == 0) continue;
    const double w = sx(static_cast<double>(n));
    const std::string name(diff::to_string(c));
    svg.rect(x, 4, w, 22, "chg-" + name);
    if (w > 24) svg.text(x + w / 2, 20, std::to_string(n), "bar-label", "middle");
    x += w;
  }
  return svg.str();
}

std::string diff_block(const Scenario& s, const diff::Result& d, bool open) {
  const Version& from = s.versions[d.from];
  const Version& to = s.versions[d.to];
  std::string out = "<h3>" + esc(from.id) + " (" + std::to_string(d.from_count) + " points) → " + esc(to.id) + " (" +
                    std::to_string(d.to_count) + " points)</h3>\n<ul class=\"counts\">";
  for (const auto c : kChanges) {
    const std::string name(diff::to_string(c));
    out += "<li class=\"chip chg-" + name + "\">" + name + ": <b>" + std::to_string(d.count(c)) + "</b></li>";
  }
  out += "</ul>\n<div class=\"chart\">" + counts_bar(d) + "</div>\n";
  out += "<details" + std::string(open ? " open" : "") + "><summary>Points side by side</summary>";
  out += "<div class=\"scroll\"><table class=\"diff\"><thead><tr><th scope=\"col\">change</th><th scope=\"col\">" +
         esc(from.id) + "</th><th scope=\"col\">" + esc(to.id) + "</th><th scope=\"col\">settings changed</th></tr></thead><tbody>";
  for (const auto& e : d.entries) {
    const std::string name(diff::to_string(e.change));
    std::string changed;
    for (const IssueIndex i : e.changed_settings) changed += (changed.empty() ? "" : ", ") + s.issues[i].id;
    if (e.by_text) changed += (changed.empty() ? "" : "; ") + std::string("matched by text");
    out += "<tr class=\"chg-row-" + name + "\"><td><span class=\"chip chg-" + name + "\">" + name + "</span></td><td>" +
           points_cell(from, e.old_points) + "</td><td>" + points_cell(to, e.new_points) + "</td><td>" +
           esc(changed) + "</td></tr>";
  }
  return out + "</tbody></table></div></details>\n";
}

}  // namespace

std::string framework_section(const Context& c) {
  const Scenario& s = c.s;
  if (s.versions.empty()) return section("framework", "Framework", para("The scenario has no framework versions."));
  std::string body = "<table class=\"versions\"><thead><tr><th scope=\"col\">version</th><th scope=\"col\">date</th>"
                     "<th scope=\"col\">points</th><th scope=\"col\">label</th><th scope=\"col\">sources</th></tr>"
                     "</thead><tbody>";
  for (const auto& v : s.versions) {
    const Citation cv = c.analysis.sources.version(v);
    body += "<tr><td>" + esc(v.id) + estimate_html(cv.estimate) + "</td><td>" + esc(v.date) + "</td><td class=\"num\">" +
            std::to_string(v.points.size()) + "</td><td>" + esc(v.label) + "</td><td>" + cite(cv) + "</td></tr>";
  }
  body += "</tbody></table>\n";
  const std::vector<diff::Result>& steps = c.analysis.evolution;
  for (std::size_t k = 0; k < steps.size(); ++k) body += diff_block(s, steps[k], k + 1 == steps.size());
  return section("framework", "Framework: how the text evolved", body);
}

}  // namespace accord::report::html

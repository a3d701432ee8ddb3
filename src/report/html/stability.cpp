// Stability section (GMCR): states × decision makers × concepts, equilibria, status-quo paths.
#include <algorithm>

#include "accord/engines/gmcr.hpp"
#include "accord/report/gmcr.hpp"
#include "accord/report/gmcr_graph.hpp"
#include "sections.hpp"
#include "svg.hpp"

namespace accord::report::html {
namespace {

std::string path_text(const gmcr::Analysis& a, const Conflict& cf, const std::vector<gmcr::PathStep>& path) {
  std::string out;
  for (const auto& step : path) {
    if (!out.empty()) out += " → ";
    if (step.mover.valid()) out += "(" + cf.display_name(step.mover) + ") ";
    out += a.pattern(step.state);
  }
  return out;
}

// The state graph as inline SVG (docs/gmcr.md "The graph"), collapsed past kGmcrGraphMaxNodes.
std::string graph_html(const Conflict& cf, const gmcr::RunResult& run) {
  const GmcrGraph g = gmcr_graph(cf, run);
  if (!g.drawn) return "<h3>The graph</h3>" + para(g.note);
  return "<h3>The graph</h3>" + para(g.note + " Hover over a state or a move for its details.") +
         "<div class=\"scroll graph\">" + gmcr_graph_svg(cf, *run.analysis, g) + "</div>\n";
}

}  // namespace

std::string stability_section(const Context& c) {
  if (!c.s.conflict) return section("stability", "Stability", para("The scenario has no `conflict:` section (docs/gmcr.md)."));
  if (!c.analysis.stability)
    return section("stability", "Stability", skipped("The stability analysis", c.analysis.section("stability")));
  std::string html = gmcr_html(c.s, *c.analysis.stability, c.options.max_state_rows);
  std::string answer;
  for (const std::string& line : ceasefire_lines(c.s, c.analysis)) answer += para(line);
  const std::size_t end = html.rfind("</section>");
  if (!answer.empty() && end != std::string::npos) html.insert(end, answer);
  return html;
}

}  // namespace accord::report::html

namespace accord::report {

std::string gmcr_html(const Scenario& s, const gmcr::RunResult& run, std::size_t max_state_rows) {
  using namespace html;
  if (!s.conflict) return section("stability", "Stability", para("The scenario has no `conflict:` section (docs/gmcr.md)."));
  const Conflict& cf = *s.conflict;
  if (!run.ok()) {
    const std::string why = run.outcome.message();
    return section("stability", "Stability", para(why.empty() ? "the stability analysis could not run" : why));
  }
  const gmcr::Analysis& a = *run.analysis;
  std::string body = "<p>States are one Y/N per option, in this order:</p><ol class=\"options\">";
  for (const auto& o : cf.options) body += "<li><b>" + esc(o.id) + "</b>" + (o.label.empty() ? "" : " — " + esc(o.label)) + "</li>";
  body += "</ol>\n";
  // Rows: equilibria and the status quo first, then other states up to the limit.
  std::vector<bool> eq(a.states.size(), false);
  for (const auto c2 : a.concepts) {
    const auto& e = a.equilibria[c2];
    if (e) for (const auto k : e->members()) eq[k] = true;
  }
  std::vector<gmcr::StateIndex> rows;
  for (gmcr::StateIndex k = 0; k < a.states.size(); ++k)
    if (eq[k] || (a.status_quo && *a.status_quo == k)) rows.push_back(k);
  for (gmcr::StateIndex k = 0; k < a.states.size() && rows.size() < std::max(max_state_rows, rows.size()); ++k)
    if (!(eq[k] || (a.status_quo && *a.status_quo == k))) rows.push_back(k);
  std::sort(rows.begin(), rows.end());
  std::string t = "<div class=\"scroll\"><table class=\"stability\"><caption>✓ = stable for that decision maker under "
                  "that concept; highlighted rows are equilibria; SQ = status quo</caption><thead><tr><th scope=\"col\" "
                  "rowspan=\"2\">state</th>";
  for (const auto& dm : a.decision_makers)
    t += "<th scope=\"colgroup\" colspan=\"" + std::to_string(a.concepts.size()) + "\">" + esc(dm.name) + "</th>";
  t += "<th scope=\"col\" rowspan=\"2\">equilibrium under</th></tr><tr>";
  for (std::size_t d = 0; d < a.decision_makers.size(); ++d)
    for (const auto c2 : a.concepts) t += "<th scope=\"col\">" + esc(std::string(gmcr::to_string(c2))) + "</th>";
  t += "</tr></thead><tbody>";
  for (const gmcr::StateIndex k : rows) {
    const bool sq = a.status_quo && *a.status_quo == k;
    std::string under;
    for (const auto c2 : a.concepts) {
      const auto& e = a.equilibria[c2];
      if (e && e->test(k)) under += (under.empty() ? "" : ", ") + std::string(gmcr::to_string(c2));
    }
    t += "<tr class=\"" + std::string(eq[k] ? "eq" : "") + (sq ? " sq" : "") + "\"><th scope=\"row\"><code>" +
         esc(a.pattern(k)) + "</code>" + (sq ? " SQ" : "") + "</th>";
    for (const auto& dm : a.decision_makers)
      for (const auto c2 : a.concepts) {
        const auto& st = dm.stable[c2];
        const bool yes = st && st->test(k);
        t += "<td class=\"" + std::string(yes ? "yes" : "") + "\">" + (yes ? "✓" : "") + "</td>";
      }
    t += "<td>" + esc(under) + "</td></tr>";
  }
  t += "</tbody></table></div>\n";
  body += "<p>" + std::to_string(a.states.size()) + " feasible states; " +
          (rows.size() < a.states.size() ? "showing " + std::to_string(rows.size()) + " (every equilibrium and the status quo)." : "all shown.") +
          "</p>" + t;
  if (!a.status_quo_paths.empty()) {
    body += "<h3>From the status quo</h3><ul class=\"paths\">";
    for (const auto& r : a.status_quo_paths) {
      std::string under;
      for (const auto c2 : r.equilibrium_under) under += (under.empty() ? "" : ", ") + std::string(gmcr::to_string(c2));
      body += "<li><code>" + esc(a.pattern(r.target)) + "</code> (equilibrium under " + esc(under) + "): ";
      if (r.by_improvements) body += "by unilateral improvements: <code>" + esc(path_text(a, cf, *r.by_improvements)) + "</code>";
      else if (r.by_moves) body += "not by improvements; by moves: <code>" + esc(path_text(a, cf, *r.by_moves)) + "</code>";
      else body += "unreachable";
      body += "</li>";
    }
    body += "</ul>\n";
  }
  body += graph_html(cf, run);
  return section("stability", "Stability (GMCR)", body);
}

}  // namespace accord::report

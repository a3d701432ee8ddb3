// Helpers shared by the HTML report's sections.
#include "accord/report/table.hpp"
#include "sections.hpp"
#include "svg.hpp"

namespace accord::report::html {

std::string section(const std::string& id, const std::string& title, const std::string& body) {
  return "<section id=\"" + esc(id) + "\" aria-labelledby=\"h-" + esc(id) + "\"><h2 id=\"h-" + esc(id) + "\">" +
         esc(title) + "</h2>\n" + body + "</section>\n";
}

std::string para(const std::string& text) { return "<p>" + esc(text) + "</p>\n"; }

std::string point_label(const Point& pt, std::size_t width) {
  return std::to_string(pt.number) + ". " + cut(pt.text, width);
}

std::string skipped(const std::string& what, const Termination& t) {
  return para(what + " not computed or summarised (" + std::string(to_string(t.stop)) + ": " + t.detail + ").");
}

std::string party_id(const Scenario& s, PartyIndex p) { return p.valid() ? s.parties[p].id : "?"; }

std::string setting_text(const Issue& issue, const Setting& setting) {
  if (issue.kind == IssueKind::numeric)
    return num(setting.value, 3) + (issue.range.unit.empty() ? "" : " " + issue.range.unit);
  if (!setting.option.valid() || setting.option.get() >= issue.options.size()) return "?";
  const Option& o = issue.options[setting.option];
  return (o.label.empty() ? o.id : o.label) + " (" + o.id + ")";
}

std::string package_html(const Scenario& s, const Package& x) {
  std::string out = "<dl class=\"package\">";
  for (const IssueIndex i : s.issues.indices()) {
    const Issue& issue = s.issues[i];
    out += "<dt>" + esc(issue.title.empty() ? issue.id : issue.title) + "</dt><dd>";
    out += x.contains(i) && x[i] ? esc(setting_text(issue, *x[i])) : "<em>open</em>";
    out += "</dd>";
  }
  return out + "</dl>";
}

}  // namespace accord::report::html

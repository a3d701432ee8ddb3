#pragma once
// Private to the HTML report: one function per section, each returning an HTML fragment
// (a <section> with a heading, charts as inline SVG and the same data as tables).
#include <string>
#include <vector>

#include "accord/report/analysis.hpp"
#include "accord/report/html.hpp"

namespace accord::report::html {

// What every section reads: the analysis computed once, and how to draw it.
struct Context {
  const Scenario& s;
  const ScenarioAnalysis& analysis;
  const HtmlOptions& options;
  const std::vector<evaluate::Result>& evals;  // analysis.evaluations: one per version
  SectionTerminations* ends = nullptr;  // how each section ended (never null in html_report)

  [[nodiscard]] const ReportLimits& limits() const { return analysis.options.limits; }
  // A share of the time left, for an engine a section still runs itself (the forecast).
  [[nodiscard]] Deadline share(double fraction) const { return deadline_share(analysis.options.deadline, fraction); }
  // Sets how a section ended (replacing the analysis's entry for it).
  void record(const std::string& name, const Termination& t) const { set_section(*ends, name, t); }
  [[nodiscard]] bool many_parties() const { return s.parties.size() > limits().listed_parties; }
};

// "Not computed (size_limit: …)." as a paragraph.
[[nodiscard]] std::string skipped(const std::string& what, const Termination& t);

[[nodiscard]] std::string section(const std::string& id, const std::string& title, const std::string& body);
// An explanatory paragraph (escaped).
[[nodiscard]] std::string para(const std::string& text);
// A short label for a point: "12. text…".
[[nodiscard]] std::string point_label(const Point& pt, std::size_t width = 80);
[[nodiscard]] std::string party_id(const Scenario& s, PartyIndex p);

[[nodiscard]] std::string framework_section(const Context& c);
[[nodiscard]] std::string stances_section(const Context& c);
[[nodiscard]] std::string utilities_section(const Context& c);
[[nodiscard]] std::string bargain_section(const Context& c);
[[nodiscard]] std::string forecast_section(const Context& c);
[[nodiscard]] std::string stability_section(const Context& c);
[[nodiscard]] std::string timeline_section(const Context& c);
[[nodiscard]] std::string rounds_section(const Context& c);
[[nodiscard]] std::string negotiations_section(const Context& c);

// Source citations and estimate marks (html/sources.cpp; numbers from analysis.sources).
// "[1, 3]" as links to the list of sources, "" without notes.
[[nodiscard]] std::string cite(const Citation& c);
// The estimate mark (with a tooltip) when `estimate`, else "".
[[nodiscard]] std::string estimate_html(bool estimate);
// The legend of the marks with the one count of estimates.
[[nodiscard]] std::string legend_html(const ScenarioAnalysis& a);
// The table of what each party's preferences rest on ("" without preferences).
[[nodiscard]] std::string preference_inputs_html(const Context& c);
// The numbered list of sources (the last section; "" when the scenario cites none).
[[nodiscard]] std::string sources_section(const Context& c);

}  // namespace accord::report::html

namespace accord::report::html {
// "label (ID)" of an option, or "value unit" of a numeric setting.
[[nodiscard]] std::string setting_text(const Issue& issue, const Setting& setting);
// A package as a <dl>: issue title → setting ("open" when unset).
[[nodiscard]] std::string package_html(const Scenario& s, const Package& x);
}  // namespace accord::report::html

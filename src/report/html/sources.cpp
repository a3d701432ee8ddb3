// Citations, the estimate legend and the list of sources in the HTML report (the numbers are
// the analysis's SourceNotes, the same as in the text, Markdown and JSON).
#include "accord/report/sources.hpp"

#include "sections.hpp"
#include "svg.hpp"

namespace accord::report::html {

namespace {

bool is_link(const std::string& src) { return src.rfind("https://", 0) == 0 || src.rfind("http://", 0) == 0; }

}  // namespace

std::string cite(const Citation& c) {
  if (c.notes.empty()) return "";
  std::string out = "<sup class=\"cite\">[";
  for (std::size_t k = 0; k < c.notes.size(); ++k) {
    const std::string n = std::to_string(c.notes[k]);
    out += (k == 0 ? "" : ", ") + std::string("<a href=\"#src-") + n + "\">" + n + "</a>";
  }
  return out + "]</sup>";
}

std::string estimate_html(bool estimate) {
  return estimate ? "<span class=\"est-mark\" title=\"estimate: true\">" + std::string(kEstimateMark) + "</span>" : "";
}

std::string legend_html(const ScenarioAnalysis& a) {
  return "<p class=\"warn legend\">" + esc(legend_text(a)) + "</p>";
}

std::string preference_inputs_html(const Context& c) {
  const Scenario& s = c.s;
  std::string rows;
  std::size_t listed = 0;
  for (const PartyIndex p : s.parties.indices()) {
    const Preferences& pr = s.preferences[p];
    if (!pr.present || listed++ >= c.limits().listed_parties) continue;
    const PreferenceInputs in = preference_inputs(pr);
    auto of = [&in](std::size_t n) { return std::to_string(n) + "/" + std::to_string(in.issues); };
    rows += "<tr><td>" + esc(s.parties[p].id) + "</td><td class=\"num\">" + num(pr.reservation, 3) +
            estimate_html(in.reservation_estimated) + "</td><td class=\"num\">" + of(in.weights_sourced) +
            "</td><td class=\"num\">" + of(in.weights_estimated) + "</td><td class=\"num\">" + of(in.values_sourced) +
            "</td><td class=\"num\">" + of(in.values_estimated) + "</td><td>" +
            cite(c.analysis.sources.preferences(pr)) + "</td></tr>";
  }
  if (rows.empty()) return "";
  const std::string mark(kEstimateMark);
  return "<div class=\"scroll\"><table class=\"inputs\"><caption>What the preferences rest on: per party, of the "
         "issues its preferences list, how many weights and issue codings (values and red lines) cite a source and "
         "how many are marked " + mark + " (estimate: true, wholly or in part)</caption><thead><tr>"
         "<th scope=\"col\">party</th><th scope=\"col\">reservation</th><th scope=\"col\">weights sourced</th>"
         "<th scope=\"col\">weights " + mark + "</th><th scope=\"col\">values sourced</th><th scope=\"col\">values " +
         mark + "</th><th scope=\"col\">sources</th></tr></thead><tbody>" + rows + "</tbody></table></div>\n";
}

std::string sources_section(const Context& c) {
  const auto& sources = c.analysis.sources.sources();
  if (sources.empty()) return "";
  std::string items;
  for (std::size_t n = 1; n <= sources.size(); ++n) {
    const std::string& src = sources[n - 1];
    items += "<li id=\"src-" + std::to_string(n) + "\">" +
             (is_link(src) ? "<a href=\"" + esc(src) + "\" rel=\"noreferrer\">" + esc(src) + "</a>" : esc(src)) +
             "</li>";
  }
  return section("sources", "Sources",
                 para("Numbered as cited in this report ([n]); the text, Markdown and JSON formats use the same "
                      "numbers.") +
                     "<ol class=\"sources\">" + items + "</ol>\n");
}

}  // namespace accord::report::html

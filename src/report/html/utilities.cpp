// Utilities section: each party's utility of each version against its reservation value.
#include "sections.hpp"
#include "svg.hpp"

namespace accord::report::html {

std::string utilities_section(const Context& c) {
  const Scenario& s = c.s;
  if (s.versions.empty() || c.evals.front().parties.empty())
    return section("utilities", "Utilities", para("No party has preferences, or there are no versions."));
  if (c.many_parties())
    return section("utilities", "Utilities",
                   para("The chart is not drawn for " + std::to_string(s.parties.size()) +
                        " parties; `accord report --json` lists every party's utility."));
  const std::size_t parties = c.evals.front().parties.size(), versions = s.versions.size();
  const double row = 18, gap = 14, left = 120, right = 30, top = 10;
  const double height = top + parties * (versions * row + gap) + 40;
  Svg svg(760, height, "Utility of each version for each party, against its reservation value");
  const Scale sx{0, 1, left, 760 - right};
  for (const double t : ticks(0, 1, 10)) svg.line(sx(t), top, sx(t), height - 40, "grid");
  double y = top;
  std::string rows;
  for (std::size_t k = 0; k < parties; ++k) {
    const PartyIndex p = c.evals.front().parties[k].party;
    const std::string id = party_id(s, p);
    svg.text(4, y + versions * row / 2 + 4, id, "series-label");
    for (std::size_t v = 0; v < versions; ++v) {
      const auto& pr = c.evals[v].parties[k];
      const std::string verdict(evaluate::to_string(pr.verdict));
      svg.text(left - 6, y + row * 0.7, s.versions[VersionIndex(v)].id, "tick", "end");
      svg.rect(sx(0), y + 2, sx(pr.utility.min) - sx(0), row - 4, "bar v-" + verdict);
      if (pr.utility.max - pr.utility.min > 1e-9)
        svg.rect(sx(pr.utility.min), y + 2, sx(pr.utility.max) - sx(pr.utility.min), row - 4, "bar open-range");
      std::string util = num(pr.utility.min, 3);
      if (pr.utility.max - pr.utility.min > 1e-9) util += "–" + num(pr.utility.max, 3);
      rows += "<tr><td>" + esc(id) + "</td><td>" + esc(s.versions[VersionIndex(v)].id) + "</td><td class=\"num\">" + util +
              "</td><td class=\"num\">" + num(pr.reservation, 3) + "</td><td class=\"v-" + verdict + "\">" + verdict +
              "</td><td class=\"num\">" + std::to_string(pr.red_lines_crossed.size()) + "</td></tr>";
      y += row;
    }
    const double r = c.evals.front().parties[k].reservation;
    svg.line(sx(r), y - versions * row, sx(r), y, "reservation");
    y += gap;
  }
  svg.x_axis(sx, height - 40, ticks(0, 1, 5), "utility (bar: worst settlement; light: open range; red line: reservation)");
  std::string body = para("Each bar is a party's utility of a version: solid up to the worst way its open issues could "
                          "settle, light up to the best. The red line is the party's reservation value (no agreement). "
                          "Colour: green acceptable, red unacceptable, amber open.");
  body += "<div class=\"chart\">" + svg.str() + "</div>\n";
  body += "<details><summary>Table</summary><div class=\"scroll\"><table><thead><tr><th scope=\"col\">party</th><th "
          "scope=\"col\">version</th><th scope=\"col\">utility</th><th scope=\"col\">reservation</th><th "
          "scope=\"col\">verdict</th><th scope=\"col\">red lines crossed</th></tr></thead><tbody>" +
          rows + "</tbody></table></div></details>\n";
  return section("utilities", "Utilities of each version", body);
}

}  // namespace accord::report::html

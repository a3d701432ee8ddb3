// Simulated negotiations (report/negotiations.hpp): the same sentences as the text report.
#include "accord/report/negotiations.hpp"
#include "sections.hpp"
#include "svg.hpp"

namespace accord::report::html {

std::string negotiations_section(const Context& c) {
  const std::vector<std::string> lines = negotiations_lines(c.s, c.analysis.negotiations);
  const Termination end = c.analysis.section("negotiations");
  if (lines.empty())
    return section("negotiations", "Simulated negotiations",
                   end.finished() ? para("No negotiation simulated (it needs a framework version and two bargaining "
                                         "parties).")
                                  : skipped("Simulated negotiations", end));
  if (lines.size() == 1) return section("negotiations", "Simulated negotiations", para(lines.front()));
  std::string body = "<p class=\"warn\">" + esc(lines.front()) + "</p>\n<ul>";
  for (std::size_t k = 1; k < lines.size(); ++k) body += "<li>" + esc(lines[k]) + "</li>";
  return section("negotiations", "Simulated negotiations (model output)", body + "</ul>\n");
}

}  // namespace accord::report::html

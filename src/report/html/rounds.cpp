// Simulated rounds: each version replayed as a round (report/rounds.hpp), the engine's
// suggestions beside what the next version did. Model output on estimated preferences.
#include "accord/report/rounds.hpp"
#include "sections.hpp"
#include "svg.hpp"

namespace accord::report::html {

std::string rounds_section(const Context& c) {
  const Scenario& s = c.s;
  const auto& rounds = c.analysis.rounds;
  const Termination end = c.analysis.section("rounds");
  if (rounds.empty())
    return section("rounds", "Simulated rounds",
                   end.finished() ? para("The scenario has no framework versions.") : skipped("Simulated rounds", end));
  std::string body = "<p class=\"warn\">" + esc(rounds_label(s)) + "</p>\n";
  std::size_t n = 0;
  for (const SimulatedRound& r : rounds) {
    const Version& v = s.versions[r.circulated];
    const suggest::Result& res = r.result;
    body += "<h3>Round " + std::to_string(++n) + ": " + esc(v.id) + " circulated</h3>\n";
    if (!res.outcome.ok()) {
      body += para(res.outcome.message());
      continue;
    }
    body += "<p class=\"readiness" + std::string(res.readiness.near_final ? " ok" : "") + "\">Readiness: " +
            (res.readiness.near_final ? "near-final" : "not near-final") + " — " + esc(res.readiness.reason) + "</p>\n";
    body += "<div class=\"scroll\"><table><caption>The engine's suggestions (from the recorded stances as answers) and "
            "what the next version did</caption><thead><tr><th scope=\"col\">#</th><th scope=\"col\">kind</th>"
            "<th scope=\"col\">suggestion</th><th scope=\"col\">" +
            (r.next.valid() ? esc(s.versions[r.next].id) : std::string("next version")) + "</th></tr></thead><tbody>";
    std::size_t k = 0;
    for (const suggest::Suggestion* sug : shown_suggestions(r)) {
      const std::string f = followed_text(s, r, *sug);
      body += "<tr><td class=\"num\">" + std::to_string(++k) + "</td><td>" + esc(std::string(suggest::to_string(sug->kind))) +
              "</td><td>" + esc(sug->sentence) + "</td><td>" + (f.empty() ? "—" : esc(f)) + "</td></tr>";
    }
    if (k == 0) body += "<tr><td colspan=\"4\">No suggestion.</td></tr>";
    body += "</tbody></table></div>\n";
    if (r.next.valid()) {
      std::string ids;
      for (const PointIndex p : r.changed) ids += (ids.empty() ? "" : ", ") + v.points[p].id;
      body += para("What the text did: " + s.versions[r.next].id + " amended, merged, split or dropped " +
                   std::to_string(r.changed.size()) + " of " + std::to_string(v.points.size()) + " points" +
                   (ids.empty() ? "." : " (" + ids + ")."));
    } else {
      body += para("The record ends with " + v.id + ".");
    }
  }
  return section("rounds", "Simulated rounds (model output)", body);
}

}  // namespace accord::report::html

// Timeline section: events and versions on a time axis; stances round by round, and each
// party's stance changes along the `from:` links between consecutive versions.
#include <algorithm>
#include <cstdlib>
#include <optional>

#include "sections.hpp"
#include "svg.hpp"

namespace accord::report::html {
namespace {

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" as a day count (approximate months; for placement only).
std::optional<double> day_of(const std::string& date) {
  if (date.size() < 4) return std::nullopt;
  const int y = std::atoi(date.substr(0, 4).c_str());
  const int m = date.size() >= 7 ? std::atoi(date.substr(5, 2).c_str()) : 1;
  const int d = date.size() >= 10 ? std::atoi(date.substr(8, 2).c_str()) : 1;
  if (y <= 0 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  return y * 365.25 + (m - 1) * 30.44 + (d - 1);
}

constexpr StanceKind kKinds[] = {StanceKind::accept, StanceKind::conditional, StanceKind::reject, StanceKind::unknown};

std::string time_chart(const Scenario& s) {
  std::vector<double> days;
  for (const auto& e : s.timeline) if (auto d = day_of(e.date)) days.push_back(*d);
  for (const auto& v : s.versions) if (auto d = day_of(v.date)) days.push_back(*d);
  if (days.empty()) return "";
  const auto [lo, hi] = std::minmax_element(days.begin(), days.end());
  const double pad = std::max(2.0, (*hi - *lo) * 0.03);
  const double w = 820, h = 150, axis = 90;
  Svg svg(w, h, "Timeline of events and framework versions");
  const Scale sx{*lo - pad, *hi + pad, 20, w - 20};
  svg.line(sx.r0, axis, sx.r1, axis, "axis");
  for (std::size_t k = 0; k < s.timeline.size(); ++k) {
    const auto d = day_of(s.timeline[k].date);
    if (!d) continue;
    const double x = sx(*d), y = axis - 14 - static_cast<double>(k % 4) * 16;
    svg.line(x, y, x, axis, "stem");
    svg.raw("<g class=\"ev ev-" + esc(std::string(to_string(s.timeline[k].kind))) + "\"><circle cx=\"" + num(x) + "\" cy=\"" + num(y) +
            "\" r=\"7\"/><text x=\"" + num(x) + "\" y=\"" + num(y + 4) + "\" text-anchor=\"middle\">" +
            std::to_string(k + 1) + "</text><title>" + esc(s.timeline[k].date + " " + std::string(to_string(s.timeline[k].kind)) + ": " +
                                                        s.timeline[k].text) + "</title></g>");
  }
  for (const auto& v : s.versions) {
    const auto d = day_of(v.date);
    if (!d) continue;
    const double x = sx(*d);
    svg.raw("<path class=\"version-mark\" d=\"M" + num(x) + " " + num(axis + 4) + "l6 10h-12z\"/>");
    svg.text(x, axis + 28, v.id, "tick", "middle");
  }
  // The first and last dates at the ends of the axis.
  std::string first, last;
  double first_day = 0, last_day = 0;
  auto note_date = [&](const std::string& date) {
    const auto d = day_of(date);
    if (!d) return;
    if (first.empty() || *d < first_day) first = date, first_day = *d;
    if (last.empty() || *d > last_day) last = date, last_day = *d;
  };
  for (const auto& e : s.timeline) note_date(e.date);
  for (const auto& v : s.versions) note_date(v.date);
  svg.text(sx.r0, h - 6, first, "tick").text(sx.r1, h - 6, last, "tick", "end");
  return "<div class=\"chart\">" + svg.str() + "</div>\n";
}

std::string rounds_chart(const Scenario& s) {
  const std::size_t parties = s.parties.size(), versions = s.versions.size();
  const double bar = 16, gap = 12, left = 120, w = 760, top = 10;
  const double h = top + parties * (versions * bar + gap) + 30;
  Svg svg(w, h, "Share of accept, conditional, reject and unknown stances per party and version");
  const Scale sx{0, 1, left, w - 20};
  double y = top;
  for (const PartyIndex p : s.parties.indices()) {
    svg.text(4, y + versions * bar / 2 + 4, s.parties[p].id, "series-label");
    for (const Version& ver : s.versions) {
      svg.text(left - 6, y + bar * 0.75, ver.id, "tick", "end");
      const double n = std::max<double>(1.0, static_cast<double>(ver.points.size()));
      double x = 0;
      for (const StanceKind k : kKinds) {
        std::size_t count = 0;
        for (const auto& st : ver.stances[p]) count += st.kind == k;
        if (count == 0) continue;
        const double share = count / n;
        svg.rect(sx(x), y + 1, sx(x + share) - sx(x), bar - 2, "st-" + std::string(to_string(k)));
        if (sx(x + share) - sx(x) > 18) svg.text(sx(x + share / 2), y + bar - 4, std::to_string(count), "bar-label", "middle");
        x += share;
      }
      y += bar;
    }
    y += gap;
  }
  svg.x_axis(sx, h - 30, ticks(0, 1, 4), "");
  std::string legend = "<ul class=\"legend\">";
  for (const StanceKind k : kKinds)
    legend += "<li><span class=\"swatch st-" + std::string(to_string(k)) + "\"></span>" + std::string(to_string(k)) + "</li>";
  return legend + "</ul><div class=\"chart\">" + svg.str() + "</div>\n";
}

std::string changes_table(const Scenario& s) {
  std::string rows;
  std::size_t n = 0;
  for (std::size_t v = 1; v < s.versions.size(); ++v) {
    const Version& now = s.versions[VersionIndex(v)];
    for (const PointIndex q : now.points.indices())
      for (const PointRef& ref : now.points[q].from) {
        if (!ref.version.valid() || ref.version.get() + 1 != v) continue;
        const Version& before = s.versions[ref.version];
        for (const PartyIndex p : s.parties.indices()) {
          const StanceKind a = before.stances[p][ref.point].kind, b = now.stances[p][q].kind;
          if (a == b || ++n > 300) continue;
          rows += "<tr><td>" + esc(s.parties[p].id) + "</td><td>" + esc(before.id + " " + before.points[ref.point].id) +
                  "</td><td class=\"st-" + std::string(to_string(a)) + "\">" + std::string(to_string(a)) + "</td><td>" +
                  esc(now.id + " " + now.points[q].id) + "</td><td class=\"st-" + std::string(to_string(b)) + "\">" +
                  std::string(to_string(b)) + "</td><td>" + esc(point_label(now.points[q], 80)) + "</td></tr>";
        }
      }
  }
  if (rows.empty()) return para("No stance changed along the links between consecutive versions.");
  return "<details><summary>Stance changes between consecutive versions (" + std::to_string(n) +
         ")</summary><div class=\"scroll\"><table><thead><tr><th scope=\"col\">party</th><th scope=\"col\">before</th><th "
         "scope=\"col\">stance</th><th scope=\"col\">after</th><th scope=\"col\">stance</th><th scope=\"col\">point</th>"
         "</tr></thead><tbody>" + rows + "</tbody></table></div></details>\n";
}

}  // namespace

std::string timeline_section(const Context& c) {
  const SourceNotes& notes = c.analysis.sources;
  const Scenario& s = c.s;
  std::string body = time_chart(s);
  if (!s.timeline.empty()) {
    body += "<div class=\"scroll\"><table class=\"events\"><thead><tr><th scope=\"col\">#</th><th scope=\"col\">date</th>"
            "<th scope=\"col\">kind</th><th scope=\"col\">event</th><th scope=\"col\">sources</th></tr></thead><tbody>";
    for (std::size_t k = 0; k < s.timeline.size(); ++k) {
      const Event& e = s.timeline[k];
      body += "<tr><td class=\"num\">" + std::to_string(k + 1) + "</td><td>" + esc(e.date) + "</td><td>" + esc(std::string(to_string(e.kind))) +
              "</td><td>" + esc(e.text) + estimate_html(e.provenance.estimate) + "</td><td>" + cite(notes.event(e)) +
              "</td></tr>";
    }
    body += "</tbody></table></div>\n";
  } else {
    body += para("The scenario records no timeline events.");
  }
  if (!s.versions.empty()) {
    body += c.many_parties() ? para("Stances round by round are not drawn for " + std::to_string(s.parties.size()) + " parties.")
                             : "<h3>Stances round by round</h3>" + rounds_chart(s) + changes_table(s);
  }
  return section("timeline", "Timeline", body);
}

}  // namespace accord::report::html

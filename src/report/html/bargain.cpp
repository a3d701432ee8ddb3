// Bargaining section: for each pair of bargaining parties, the Pareto frontier of the pair, the
// n-party frontier projected onto the pair, the reservations, the current draft, the Nash,
// Kalai–Smorodinsky, egalitarian and utilitarian packages and the closest acceptable package.
// Every marker is focusable; clicking it (or Enter) shows its package beside the chart. The
// draft is drawn as its worst and best completions per party, never as a midpoint, and a
// caveat names the red lines each marked package crosses.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "accord/engines/bargain.hpp"
#include "accord/model/utility.hpp"
#include "accord/report/bargain.hpp"
#include "sections.hpp"
#include "svg.hpp"

namespace accord::report::html {
namespace {

using Json = nlohmann::ordered_json;

constexpr double kW = 520, kH = 440, kL = 60, kR = 20, kT = 20, kB = 50;

// The css class of a marker (html_report.cpp's style sheet).
std::string mark_class(const std::string& key) {
  if (key == "kalai_smorodinsky") return "ks";
  if (key == "egalitarian") return "egal";
  if (key == "utilitarian") return "util";
  return key;
}

// Compact package description for the data-p attribute (rendered by the inline script).
Json package_data(const Scenario& s, const std::string& title, const std::vector<std::string>& ids,
                  const std::vector<double>& u, const Package& x, bool labels) {
  Json j = {{"t", title}};
  Json uj = Json::object();
  for (std::size_t k = 0; k < ids.size() && k < u.size(); ++k) uj[ids[k]] = std::round(u[k] * 1000) / 1000;
  j["u"] = std::move(uj);
  Json xs = Json::array();
  for (const IssueIndex i : s.issues.indices()) {
    const Issue& issue = s.issues[i];
    std::string value = "open";
    if (x.contains(i) && x[i]) {
      value = labels ? setting_text(issue, *x[i])
                     : (issue.kind == IssueKind::numeric ? num(x[i]->value, 3) : issue.options[x[i]->option].id);
    }
    xs.push_back(Json::array({labels ? (issue.title.empty() ? issue.id : issue.title) : issue.id, value}));
  }
  j["x"] = std::move(xs);
  return j;
}

std::string mark_attr(const Json& data, const std::string& aria) {
  return " tabindex=\"0\" role=\"button\" aria-label=\"" + esc(aria) + "\" data-p=\"" + esc(data.dump()) + "\"";
}

// The draft as its completions, never a midpoint: per bargaining party its utility if the
// draft's open issues settle worst for it and best for it (the evaluation of the draft's
// version; bargaining's own bounds for a bare draft package).
struct DraftRange {
  std::string label;  // "draft v20"
  std::vector<double> worst, best;  // per bargaining party
  Package package;
  std::size_t open = 0;  // issues the draft leaves open
};

std::optional<DraftRange> draft_range(const Context& c, const bargain::Result& r) {
  if (!r.draft) return std::nullopt;
  DraftRange d{"draft", {}, {}, *r.draft, 0};
  for (const auto& x : *r.draft) d.open += x ? 0 : 1;
  const evaluate::Result* e = nullptr;
  if (r.draft_version.valid()) {
    d.label += " " + c.s.versions[r.draft_version].id;
    if (r.draft_version.get() < c.evals.size()) e = &c.evals[r.draft_version.get()];
  }
  for (std::size_t q = 0; q < r.parties.size(); ++q) {
    UtilityBounds u = q < r.draft_utilities.size() ? r.draft_utilities[q] : UtilityBounds{};
    if (e != nullptr)
      for (const auto& pr : e->parties)
        if (pr.party == r.parties[q]) u = pr.utility;
    d.worst.push_back(u.min);
    d.best.push_back(u.max);
  }
  return d;
}

bool is_point(const DraftRange& d) {
  for (std::size_t q = 0; q < d.worst.size(); ++q)
    if (d.best[q] - d.worst[q] > 1e-9) return false;
  return true;
}

// Two squares joined by a segment (worst: hollow, best: filled), or one square when the draft
// settles every issue.
std::string draft_marks(const Scenario& s, const DraftRange& d, std::size_t a, std::size_t b, const Scale& sx,
                        const Scale& sy, const std::vector<std::string>& ids) {
  auto square = [&](const std::vector<double>& u, const std::string& cls, const std::string& label,
                    const std::string& title, double dy) {
    const double x = sx(u[a]), y = sy(u[b]);
    const std::string aria = title + ": " + ids[a] + " " + num(u[a], 3) + ", " + ids[b] + " " + num(u[b], 3);
    return "<g class=\"mark m-draft" + cls + "\"" + mark_attr(package_data(s, title, ids, u, d.package, true), aria) +
           "><rect x=\"" + num(x - 6) + "\" y=\"" + num(y - 6) + "\" width=\"12\" height=\"12\"/>" +
           (x > kW * 0.7 ? "<text x=\"" + num(x - 9) + "\" y=\"" + num(y + dy) + "\" text-anchor=\"end\">"
                         : "<text x=\"" + num(x + 9) + "\" y=\"" + num(y + dy) + "\">") +
           esc(label) + "</text></g>";
  };
  if (is_point(d)) return square(d.worst, "", d.label, d.label, 4);
  const std::string open = std::to_string(d.open) + " open issue" + (d.open == 1 ? "" : "s");
  return "<line x1=\"" + num(sx(d.worst[a])) + "\" y1=\"" + num(sy(d.worst[b])) + "\" x2=\"" + num(sx(d.best[a])) +
         "\" y2=\"" + num(sy(d.best[b])) + "\" class=\"draft-range\"/>" +
         square(d.worst, " worst", d.label + " worst", d.label + ", each party's worst completion of its " + open, 14) +
         square(d.best, " best", d.label + " best", d.label + ", each party's best completion of its " + open, -8);
}

// "UA 0.669–0.974, RU 0.3–0.5": the draft's range per bargaining party.
std::string draft_utilities_text(const DraftRange& d, const std::vector<std::string>& ids) {
  std::string u;
  for (std::size_t k = 0; k < ids.size() && k < d.worst.size(); ++k) {
    u += (u.empty() ? "" : ", ") + ids[k] + " " + num(d.worst[k], 3);
    if (d.best[k] - d.worst[k] > 1e-9) u += "–" + num(d.best[k], 3);
  }
  return u;
}

// The red-line caveat: whose red lines (bargaining or not: every party with preferences) each
// marked package crosses, by the definition of evaluate (a set issue at a red-line option or
// in a red-line range). The draft's open issues cross nothing until they settle.
std::string red_line_caveat(const Scenario& s, const bargain::Result& r, const std::vector<PairMarker>& marks) {
  std::string out;
  for (const PairMarker& m : marks) {
    std::string crossed;
    for (const PartyIndex p : s.parties.indices()) {
      if (!s.preferences[p].present) continue;
      std::string issues;
      for (const IssueIndex i : red_lines_crossed(s, p, m.package))
        issues += (issues.empty() ? "" : ", ") + s.issues[i].id;
      if (issues.empty()) continue;
      const bool bargains = std::find(r.parties.begin(), r.parties.end(), p) != r.parties.end();
      crossed += (crossed.empty() ? "" : "; ") + s.parties[p].id + (bargains ? "" : " (not bargaining)") + " on " +
                 issues;
    }
    if (!crossed.empty()) out += "<li><b>" + esc(m.label) + "</b> crosses red lines of " + esc(crossed) + ".</li>";
  }
  if (out.empty())
    return "<p class=\"note\">No marked package crosses a red line of any party with preferences.</p>\n";
  return "<div class=\"warn\"><p><b>Red lines.</b> A package that crosses a party's red line is unacceptable to it "
         "whatever its utility (the utilities below do not show this):</p><ul>" + out + "</ul></div>\n";
}

std::string pair_chart(const Context& c, const bargain::Result& full, std::size_t a, std::size_t b,
                       const std::vector<PairMarker>& marks, const std::vector<std::string>& ids) {
  const Scenario& s = c.s;
  const PartyIndex pa = full.parties[a], pb = full.parties[b];
  const std::string ida = party_id(s, pa), idb = party_id(s, pb);
  const bargain::Frontier pair = bargain::pair_frontier(s, pa, pb, bargain::kPairFrontierLimit, c.share(0.5));
  const Scale sx{0, 1, kL, kW - kR}, sy{0, 1, kH - kB, kT};
  Svg svg(kW, kH, "Pareto frontier for " + ida + " and " + idb);
  const double ra = full.reservations[a], rb = full.reservations[b];
  svg.rect(sx(ra), sy(1), sx(1) - sx(ra), sy(rb) - sy(1), "acceptable-area");
  for (const double t : ticks(0, 1, 5)) svg.line(sx(t), sy(0), sx(t), sy(1), "grid").line(sx(0), sy(t), sx(1), sy(t), "grid");
  svg.line(sx(ra), sy(0), sx(ra), sy(1), "reservation").line(sx(0), sy(rb), sx(1), sy(rb), "reservation");
  svg.text(sx(ra) + 3, sy(1) + 12, "r(" + ida + ")", "tick").text(sx(1) - 3, sy(rb) - 4, "r(" + idb + ")", "tick", "end");
  // The n-party frontier projected onto the pair (sampled evenly when large).
  const auto& np = full.pareto.points;
  const std::size_t cap = std::max<std::size_t>(c.options.max_projected_points, 1);
  const std::size_t stride = np.size() > cap ? (np.size() + cap - 1) / cap : 1;
  std::string dots;
  for (std::size_t k = 0; k < np.size(); k += stride)
    dots += "<circle cx=\"" + num(sx(np[k].utilities[a])) + "\" cy=\"" + num(sy(np[k].utilities[b])) + "\" r=\"1.6\"/>";
  svg.raw("<g class=\"projected\">" + dots + "</g>");
  // The pair's own frontier: a line and clickable points.
  std::vector<std::pair<double, double>> line;
  for (const auto& pt : pair.points) line.emplace_back(sx(pt.utilities[0]), sy(pt.utilities[1]));
  std::sort(line.begin(), line.end());
  svg.polyline(line, "frontier");
  std::string pts = "<g class=\"frontier-points\">";
  const std::vector<std::string> pair_ids = {ida, idb};
  const std::size_t fstride = pair.points.size() > 200 ? (pair.points.size() + 199) / 200 : 1;
  for (std::size_t k = 0; k < pair.points.size(); k += fstride) {
    const auto& pt = pair.points[k];
    const std::string title = "Frontier point " + ida + " " + num(pt.utilities[0], 3) + ", " + idb + " " + num(pt.utilities[1], 3);
    pts += "<circle class=\"mark fp\" cx=\"" + num(sx(pt.utilities[0])) + "\" cy=\"" + num(sy(pt.utilities[1])) +
           "\" r=\"3.5\"" + mark_attr(package_data(s, title, pair_ids, pt.utilities, pt.package, false), title) + "/>";
  }
  svg.raw(pts + "</g>");
  const std::optional<DraftRange> draft = draft_range(c, full);
  if (draft) svg.raw(draft_marks(s, *draft, a, b, sx, sy, ids));
  for (const PairMarker& m : marks) {
    if (m.key == "draft") continue;  // drawn above as its range
    const double x = sx(m.utilities[a]), y = sy(m.utilities[b]);
    const std::string title = m.label + ": " + ida + " " + num(m.utilities[a], 3) + ", " + idb + " " + num(m.utilities[b], 3);
    const std::string attr = mark_attr(package_data(s, m.label, ids, m.utilities, m.package, true), title);
    svg.raw("<g class=\"mark m-" + mark_class(m.key) + "\"" + attr + "><circle cx=\"" + num(x) + "\" cy=\"" + num(y) +
            "\" r=\"7\"/><text x=\"" + num(x + 9) + "\" y=\"" + num(y - 8) + "\">" + esc(m.label) + "</text></g>");
  }
  svg.x_axis(sx, sy(0), ticks(0, 1, 5), "utility of " + ida);
  svg.y_axis(sy, sx(0), ticks(0, 1, 5), "utility of " + idb);
  std::string out = "<div class=\"pair\"><h3>" + esc(ida) + " × " + esc(idb) + "</h3><div class=\"pair-body\"><div class=\"chart\">" +
                    svg.str() + "</div><div class=\"pkg-panel\" aria-live=\"polite\"><p>Select a point (click, or Tab "
                    "then Enter) to see its package.</p></div></div>";
  out += "<p class=\"note\">Line: Pareto frontier of the whole package space for " + esc(ida) + " and " + esc(idb) + " (" +
         std::to_string(pair.points.size()) + " points); grey dots: the " + std::to_string(full.parties.size()) +
         "-party frontier (" + std::to_string(np.size()) + " points" + (stride > 1 ? ", sampled" : "") +
         ") seen from this pair; shaded: both above their reservation." +
         (!draft ? std::string()
          : is_point(*draft)
              ? " Square: " + esc(draft->label) + "."
              : " Squares joined by a segment: " + esc(draft->label) + ", which leaves " + std::to_string(draft->open) +
                    " issues open — the hollow square is where each party stands if they settle worst for it, the "
                    "filled one if they settle best for it (each party's own worst or best completion, which may be "
                    "different packages); the draft is no single point until they settle.") +
         "</p></div>\n";
  return out;
}

}  // namespace

std::string bargain_section(const Context& c) {
  const Scenario& s = c.s;
  if (!c.analysis.bargain)
    return section("bargain", "Bargaining", skipped("Bargaining", c.analysis.section("bargain")));
  const bargain::Result& full = *c.analysis.bargain;
  if (!full.outcome.ok())
    return section("bargain", "Bargaining", para("The bargaining analysis could not run: " + full.outcome.message()));
  if (full.parties.size() < 2)
    return section("bargain", "Bargaining", para("Fewer than two bargaining parties have preferences."));
  std::vector<std::string> ids;
  for (const PartyIndex p : full.parties) ids.push_back(party_id(s, p));
  const std::vector<PairMarker> marks = bargain_markers(s, full);
  std::string body;
  const bool zone = full.finding == bargain::Finding::zone_exists;
  body += "<p class=\"finding " + std::string(zone ? "ok" : "no") + "\"><b>" +
          (zone ? "A zone of agreement exists" : full.finding == bargain::Finding::too_large
                                                     ? "The package space is too large to decide"
                                                     : "There is no zone of agreement") +
          "</b>: " + esc(full.zone.decimal) + " of " + esc(full.space.decimal) +
          " packages are acceptable to every bargaining party (" + esc([&] {
            std::string l;
            for (const auto& id : ids) l += (l.empty() ? "" : ", ") + id;
            return l;
          }()) + ").</p>\n";
  if (!zone && full.closest)
    body += para("Without a zone, the marked package \"least shortfall\" is the one that minimises the largest "
                 "shortfall below any party's reservation; the fair packages (Nash, Kalai–Smorodinsky, egalitarian) "
                 "exist only inside a zone.");
  if (!full.blocked_issues.empty()) {
    std::string l;
    for (const IssueIndex i : full.blocked_issues) l += (l.empty() ? "" : ", ") + s.issues[i].id;
    body += para("Issues on which every option crosses some party's red line: " + l + ".");
  }
  body += red_line_caveat(s, full, marks);
  std::size_t shown = 0;
  for (std::size_t a = 0; a < full.parties.size(); ++a)
    for (std::size_t b = a + 1; b < full.parties.size() && shown < 6; ++b, ++shown)
      body += pair_chart(c, full, a, b, marks, ids);
  body += "<details><summary>Packages (draft, solutions, closest)</summary>";
  const std::optional<DraftRange> draft = draft_range(c, full);
  for (const PairMarker& m : marks) {
    std::string u;
    for (std::size_t k = 0; k < ids.size(); ++k) u += (u.empty() ? "" : ", ") + ids[k] + " " + num(m.utilities[k], 3);
    if (m.key == "draft" && draft) u = draft_utilities_text(*draft, ids) + " (worst–best completion of its open issues)";
    body += "<h4>" + esc(m.label) + " — " + esc(u) + "</h4>" + package_html(s, m.package);
  }
  body += "</details>\n";
  return section("bargain", "Bargaining: frontier and fair packages", body);
}

}  // namespace accord::report::html

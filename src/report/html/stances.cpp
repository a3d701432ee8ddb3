// Stance matrix section: parties × points heat map per version, blocking points highlighted,
// readiness (near-final or what stands between the text and near-final).
#include "accord/report/sources.hpp"
#include "sections.hpp"
#include "svg.hpp"

namespace accord::report::html {
namespace {

const char* stance_letter(StanceKind k) {
  switch (k) {
    case StanceKind::accept: return "A";
    case StanceKind::reject: return "R";
    case StanceKind::conditional: return "C";
    case StanceKind::unknown: return "?";
  }
  return "?";
}

std::string party_list(const Scenario& s, const std::vector<PartyIndex>& ps) {
  std::string out;
  for (const PartyIndex p : ps) out += (out.empty() ? "" : ", ") + party_id(s, p);
  return out;
}

std::string matrix(const Scenario& s, const Version& v, const evaluate::Result& r) {
  const std::string mark(kEstimateMark);
  std::string out = "<div class=\"scroll\"><table class=\"heat\"><caption>Stances on " + esc(v.id) +
                    ": A accept, C conditional, R reject, ? unknown; " + mark + " inferred, not reported (estimate: "
                    "true; " + std::to_string(estimated_stances(v)) + " of them); a red column is blocked</caption>"
                    "<thead><tr><th scope=\"col\">party</th>";
  for (const auto& pr : r.points) {
    const Point& pt = v.points[pr.point];
    const bool blocked = pr.stated == evaluate::Consensus::blocked;
    out += "<th scope=\"col\" class=\"pt" + std::string(blocked ? " blocked" : "") + "\" title=\"" +
           esc(point_label(pt, 400)) + (blocked ? " — blocked by " + esc(party_list(s, pr.stated_blockers)) : "") +
           "\">" + std::to_string(pt.number) + "</th>";
  }
  out += "</tr></thead><tbody>";
  for (const PartyIndex p : s.parties.indices()) {
    out += "<tr><th scope=\"row\">" + esc(s.parties[p].id) + "</th>";
    for (const auto& pr : r.points) {
      const Stance& st = v.stances[p][pr.point];
      const std::string kind(to_string(st.kind));
      const bool blocked = pr.stated == evaluate::Consensus::blocked;
      std::string title = s.parties[p].id + " on point " + std::to_string(v.points[pr.point].number) + ": " + kind;
      if (st.provenance.estimate) title += " (estimate: inferred, not reported)";
      if (!st.provenance.note.empty()) title += " — " + st.provenance.note;
      out += "<td class=\"st-" + kind + (blocked ? " blocked" : "") + (st.provenance.estimate ? " inferred" : "") +
             "\" title=\"" + esc(title) + "\">" + stance_letter(st.kind) + (st.provenance.estimate ? mark : "") +
             "</td>";
    }
    out += "</tr>";
  }
  return out + "</tbody></table></div>\n";
}

std::string readiness(const Scenario& s, const Version& v, const evaluate::Result& r) {
  const auto& rd = r.readiness;
  std::string out = "<div class=\"readiness " + std::string(rd.near_final ? "ok" : "no") + "\"><p><b>Near-final: " +
                    (rd.near_final ? "yes" : "no") + "</b>. " + esc(rd.reason) + "</p>";
  if (!rd.standing_between.empty()) {
    out += "<p>Standing between the text and near-final:</p><ul>";
    for (const PointIndex p : rd.standing_between) {
      const Point& pt = v.points[p];
      std::string who;
      for (const auto& pr : r.points)
        if (pr.point == p) {
          if (!pr.stated_blockers.empty()) who += "rejected by " + party_list(s, pr.stated_blockers);
          if (!pr.stated_conditional.empty())
            who += (who.empty() ? "" : "; ") + std::string("conditional for ") + party_list(s, pr.stated_conditional);
          if (!pr.predicted_blockers.empty())
            who += (who.empty() ? "" : "; ") + std::string("predicted blockers ") + party_list(s, pr.predicted_blockers);
        }
      out += "<li><b>" + esc(pt.id) + "</b> " + esc(point_label(pt, 120)) + (who.empty() ? "" : " — " + esc(who)) + "</li>";
    }
    out += "</ul>";
  }
  return out + "</div>\n";
}

std::string blocking_table(const Scenario& s, const Version& v, const evaluate::Result& r) {
  std::string rows;
  for (const auto& pr : r.points) {
    if (pr.stated != evaluate::Consensus::blocked && pr.predicted != evaluate::Consensus::blocked) continue;
    const Point& pt = v.points[pr.point];
    rows += "<tr><td>" + esc(pt.id) + "</td><td>" + esc(point_label(pt, 100)) + "</td><td>" +
            esc(party_list(s, pr.stated_blockers)) + "</td><td>" + esc(party_list(s, pr.predicted_blockers)) +
            "</td><td class=\"num\">" + num(pr.max_salience, 3) + "</td></tr>";
  }
  if (rows.empty()) return para("No point of " + v.id + " is blocked, by stance or by prediction.");
  return "<div class=\"scroll\"><table><caption>Blocking points of " + esc(v.id) +
         "</caption><thead><tr><th scope=\"col\">point</th><th scope=\"col\">text</th><th scope=\"col\">rejected by "
         "(stated)</th><th scope=\"col\">blocked by (predicted from preferences)</th><th scope=\"col\">salience</th>"
         "</tr></thead><tbody>" + rows + "</tbody></table></div>\n";
}

// Each point of the version with the sources of the point and of the stances on it.
std::string points_table(const SourceNotes& notes, const Version& v, const evaluate::Result& r) {
  std::string rows;
  for (const auto& pr : r.points) {
    const Point& pt = v.points[pr.point];
    const Citation c = notes.point(v, pr.point);
    rows += "<tr><td class=\"num\">" + std::to_string(pt.number) + "</td><td>" + esc(pt.id) + estimate_html(c.estimate) +
            "</td><td>" + esc(pt.text) + "</td><td>" + cite(c) + "</td></tr>";
  }
  return "<details><summary>Points of " + esc(v.id) + " and their sources</summary><div class=\"scroll\"><table>"
         "<thead><tr><th scope=\"col\">#</th><th scope=\"col\">point</th><th scope=\"col\">text</th><th "
         "scope=\"col\">sources (point and stances)</th></tr></thead><tbody>" + rows + "</tbody></table></div>"
         "</details>\n";
}

}  // namespace

std::string stances_section(const Context& c) {
  const Scenario& s = c.s;
  if (s.versions.empty()) return section("stances", "Stance matrix", para("The scenario has no framework versions."));
  std::string body;
  for (std::size_t k = s.versions.size(); k-- > 0;) {
    const Version& v = s.versions[VersionIndex(k)];
    const bool latest = k + 1 == s.versions.size();
    body += "<details" + std::string(latest ? " open" : "") + "><summary>" + esc(v.id) + " — " + esc(v.label) +
            (c.evals[k].readiness.near_final ? " (near-final)" : " (not near-final)") + "</summary>\n";
    body += (c.many_parties() ? para("The matrix is not drawn for " + std::to_string(s.parties.size()) +
                                     " parties (the report draws up to " +
                                     std::to_string(c.limits().listed_parties) + ").")
                              : matrix(s, v, c.evals[k])) +
            points_table(c.analysis.sources, v, c.evals[k]) + readiness(s, v, c.evals[k]) +
            blocking_table(s, v, c.evals[k]);
    body += "</details>\n";
  }
  return section("stances", "Stance matrix and readiness", body);
}

}  // namespace accord::report::html

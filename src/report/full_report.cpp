// `accord report`: the whole analysis of a scenario in one document.
#include <nlohmann/json.hpp>

#include "accord/report/forecast.hpp"
#include "accord/report/bargain.hpp"
#include "accord/report/gmcr.hpp"
#include "accord/report/sections.hpp"

namespace accord::report {

namespace {

std::size_t count_estimates(const Scenario& s) {
  std::size_t n = 0;
  auto fields = [&n](const FieldProvenance& fp) {
    for (const auto& [_, p] : fp) n += p.estimate ? 1 : 0;
  };
  for (const auto& p : s.parties) n += p.provenance.estimate, fields(p.field_provenance);
  for (const auto& i : s.issues) n += i.provenance.estimate, fields(i.field_provenance);
  for (const auto& pr : s.preferences) {
    n += pr.provenance.estimate;
    fields(pr.field_provenance);
    for (const auto& ip : pr.issues) n += ip.provenance.estimate, fields(ip.field_provenance);
  }
  for (const auto& v : s.versions) {
    n += v.provenance.estimate;
    for (const auto& pt : v.points) n += pt.provenance.estimate, fields(pt.field_provenance);
    for (const auto& row : v.stances)
      for (const auto& st : row) n += st.provenance.estimate;
  }
  return n;
}

std::string heading(const std::string& title, Style style) {
  if (style == Style::markdown) return "\n## " + title + "\n\n";
  return "\n" + title + "\n" + std::string(display_width(title), '=') + "\n";
}

std::vector<diff::Result> evolution(const Scenario& s) {
  std::vector<diff::Result> out;
  for (std::size_t v = 1; v < s.versions.size(); ++v)
    out.push_back(diff::run(s, VersionIndex(v - 1), VersionIndex(v)));
  if (s.versions.size() > 2)
    out.push_back(diff::run(s, VersionIndex(std::size_t{0}), VersionIndex(s.versions.size() - 1)));
  return out;
}

std::string verdict_mark(evaluate::Verdict v) {
  switch (v) {
    case evaluate::Verdict::acceptable: return "yes";
    case evaluate::Verdict::unacceptable: return "NO";
    case evaluate::Verdict::open: return "open";
  }
  return "?";
}

std::string ids(const Scenario& s, const std::vector<PartyIndex>& ps) {
  std::string out;
  for (PartyIndex p : ps) out += (out.empty() ? "" : ", ") + s.parties[p.get()].id;
  return out;
}

// The answers a mediator asks for first, one line each, computed from the sections below.
std::string summary_text(const Scenario& s, const ReportOptions& options, const bargain::Result& b) {
  std::string out;
  auto bullet = [&out](const std::string& text) {
    std::string w = wrap(text, 100, "  ");  // indented continuation lines
    out += w.replace(0, 2, "- ");
  };
  if (!s.versions.empty()) {
    const VersionIndex last(s.versions.size() - 1);
    const evaluate::Result e = evaluate::run_version(s, last, options.evaluate);
    std::vector<PartyIndex> yes, no, open;
    std::string crossed;
    for (const auto& pr : e.parties) {
      (pr.verdict == evaluate::Verdict::acceptable ? yes
       : pr.verdict == evaluate::Verdict::unacceptable ? no : open).push_back(pr.party);
      if (!pr.red_lines_crossed.empty()) {
        std::string issues;
        for (IssueIndex i : pr.red_lines_crossed) issues += (issues.empty() ? "" : ", ") + s.issues[i.get()].id;
        crossed += (crossed.empty() ? "" : "; ") + s.parties[pr.party.get()].id + ": " + issues;
      }
    }
    const std::string vid = s.versions[last.get()].id;
    std::string line = "Latest text " + vid + ": acceptable to " + (yes.empty() ? "none" : ids(s, yes)) +
                       "; unacceptable to " + (no.empty() ? "none" : ids(s, no));
    if (!open.empty()) line += "; depends on its open issues for " + ids(s, open);
    line += ".";
    if (!crossed.empty()) line += " Red lines crossed — " + crossed + ".";
    bullet(line);
    std::string ready = "Readiness of " + vid + ": " + (e.readiness.near_final ? "near-final" : "not near-final");
    if (!e.readiness.standing_between.empty())
      ready += "; " + std::to_string(e.readiness.standing_between.size()) + " points stand between it and near-final";
    bullet(ready + ".");
  }
  if (b.status == bargain::Status::ok) {
    if (b.finding == bargain::Finding::zone_exists) {
      std::string z = "A zone of agreement exists among " + ids(s, b.parties) + ".";
      if (b.solutions.nash) z += " See the Nash and Kalai–Smorodinsky packages below.";
      if (b.closest && b.closest->zone_exists)
        z += " The closest acceptable change to the latest text changes " +
             std::to_string(b.closest->changed_issues) + " of its settled issues.";
      bullet(z);
    } else if (b.finding == bargain::Finding::no_zone) {
      std::string z = "No package is acceptable to all of " + ids(s, b.parties) + ".";
      if (!b.blocked_issues.empty()) {
        std::string issues;
        for (IssueIndex i : b.blocked_issues) issues += (issues.empty() ? "" : ", ") + s.issues[i.get()].id;
        z += " On " + issues + " every option crosses some party's red line, so no deal exists unless a "
             "red line there moves.";
      }
      if (b.closest && !b.closest->shortfall.empty()) {
        double worst = 0.0;
        for (double x : b.closest->shortfall) worst = std::max(worst, x);
        z += worst <= kUtilityEps ? " Apart from those red lines, a package exists that gives every party at "
                                    "least its reservation"
                                  : " The smallest largest shortfall below reservation is " + fixed(worst);
        if (!s.versions.empty())
          z += "; the closest such package changes " + std::to_string(b.closest->changed_issues) + " of the issues " +
               s.versions.back().id + " settles (below)";
        z += ".";
      }
      bullet(z);
    }
  }
  if (s.conflict) {
    const nlohmann::ordered_json g = gmcr_headline_json(s);
    if (g.contains("status_quo")) {
      const auto& sq = g["status_quo"];
      std::string under;
      for (const auto& c : sq["equilibrium_under"]) under += (under.empty() ? "" : ", ") + c.get<std::string>();
      bullet("Stability: the status quo " + sq["state"].get<std::string>() + " is " +
             (under.empty() ? "not an equilibrium" : "an equilibrium under " + under) + "; " +
             std::to_string(sq["reachable_by_improvements"].size()) +
             " other equilibria are reachable from it by unilateral improvements.");
    }
  }
  return out;
}

// Bargaining over the latest version as the draft: the closest acceptable change to it.
bargain::Params bargain_params(const Scenario& s) {
  bargain::Params p;
  if (!s.versions.empty()) p.draft = s.version_package(VersionIndex(s.versions.size() - 1));
  return p;
}

// Bargaining, stability and forecast, each a section when the scenario supports it.
std::string engine_sections(const Scenario& s, const bargain::Result& b, Style style) {
  std::string out;
  std::string draft = s.versions.empty() ? "" : " (draft: " + s.versions.back().id + ")";
  out += heading("Bargaining: zone of agreement, fair packages, closest deal" + draft, style);
  out += bargain_text(s, b, style);
  if (const std::string g = gmcr_headline_text(s, style); !g.empty()) {
    out += heading("Stability of outcomes (Graph Model for Conflict Resolution)", style);
    out += g;
  }
  out += forecast_headline_text(s, style);
  return out;
}

}  // namespace

Json full_report_json(const Scenario& s, const ReportOptions& options) {
  Json j;
  j["scenario"] = {{"id", s.id}, {"title", s.title}, {"description", s.description},
                   {"date", s.date}, {"estimates", count_estimates(s)}};
  Json parties = Json::array();
  for (const auto& p : s.parties)
    parties.push_back({{"id", p.id}, {"name", p.name}, {"role", std::string(to_string(p.role))},
                       {"capability", p.capability}, {"has_preferences", s.preferences[&p - s.parties.data()].present}});
  j["parties"] = std::move(parties);
  Json versions = Json::array();
  for (const auto& v : s.versions)
    versions.push_back({{"id", v.id}, {"label", v.label}, {"date", v.date}, {"points", v.points.size()}});
  j["versions"] = std::move(versions);
  Json diffs = Json::array();
  for (const auto& d : evolution(s)) diffs.push_back(diff_json(s, d));
  j["evolution"] = std::move(diffs);
  Json evals = Json::array();
  for (std::size_t v = 0; v < s.versions.size(); ++v)
    evals.push_back(evaluate_json(s, evaluate::run_version(s, VersionIndex(v), options.evaluate), options.evaluate));
  j["evaluations"] = std::move(evals);
  j["bargain"] = bargain_json(s, bargain::run(s, bargain_params(s)), 0);  // sizes, no point lists
  j["gmcr"] = gmcr_headline_json(s);
  j["forecast"] = forecast_headline_json(s);
  return j;
}

std::string full_report_text(const Scenario& s, const ReportOptions& options, Style style) {
  std::string out;
  const std::string title = "Accord report: " + s.title;
  out += style == Style::markdown ? "# " + title + "\n\n" : title + "\n" + std::string(display_width(title), '#') + "\n";
  std::string intro = "Scenario `" + s.id + "`" + (s.date.empty() ? "" : ", " + s.date) + ". ";
  if (!s.description.empty()) intro += s.description;
  out += wrap(intro);
  const std::size_t estimates = count_estimates(s);
  if (estimates > 0)
    out += wrap(std::to_string(estimates) +
                " values in this scenario are marked as estimates (estimate: true); treat results "
                "as scenario analysis, not fact.");

  const bargain::Result bargain = bargain::run(s, bargain_params(s));
  out += heading("Summary", style);
  out += summary_text(s, options, bargain);

  out += heading("Parties", style);
  Table parties;
  parties.header = {"id", "name", "role", "capability", "preferences"};
  parties.right_align = {false, false, false, true, false};
  for (std::size_t p = 0; p < s.parties.size(); ++p) {
    const Party& party = s.parties[p];
    const auto it = party.field_provenance.find("capability");
    const bool est = it != party.field_provenance.end() && it->second.estimate;
    parties.rows.push_back({party.id, party.name, std::string(to_string(party.role)),
                            fixed(party.capability, 0) + (est ? "~" : ""),
                            s.preferences[p].present ? "yes" : "no"});
  }
  out += parties.render(style, 100, 1);
  if (s.versions.empty()) return out + engine_sections(s, bargain, style);
  out += heading("Framework versions", style);
  Table versions;
  versions.header = {"version", "date", "points", "label"};
  versions.right_align = {false, false, true, false};
  for (const auto& v : s.versions)
    versions.rows.push_back({v.id, v.date, std::to_string(v.points.size()), v.label});
  out += versions.render(style, 100, 3);

  out += heading("How the text evolved", style);
  for (const auto& d : evolution(s)) out += diff_text(s, d, style) + "\n";

  std::vector<evaluate::Result> evals;
  for (std::size_t v = 0; v < s.versions.size(); ++v)
    evals.push_back(evaluate::run_version(s, VersionIndex(v), options.evaluate));

  out += heading("Each party's utility of each version (against its reservation)", style);
  Table util;
  util.header = {"party", "reservation"};
  for (const auto& v : s.versions) util.header.push_back(v.id);
  util.right_align.assign(util.header.size(), true);
  util.right_align[0] = false;
  for (std::size_t k = 0; k < evals.front().parties.size(); ++k) {
    const PartyIndex p = evals.front().parties[k].party;
    std::vector<std::string> row = {s.parties[p.get()].id, fixed(evals.front().parties[k].reservation)};
    for (const auto& e : evals) {
      const auto& pr = e.parties[k];
      std::string cell = fixed(pr.utility.min, 2);
      if (pr.utility.max - pr.utility.min > 1e-9) cell += "–" + fixed(pr.utility.max, 2);
      cell += " " + verdict_mark(pr.verdict);
      if (!pr.red_lines_crossed.empty()) cell += " (" + std::to_string(pr.red_lines_crossed.size()) + " RL)";
      row.push_back(cell);
    }
    util.rows.push_back(std::move(row));
  }
  out += util.render(style, 100);
  out += wrap("yes = acceptable, NO = unacceptable (red line crossed or below reservation), open = "
              "depends on issues the version leaves open (shown as a range); (n RL) = n red lines "
              "crossed.");

  for (std::size_t v = 0; v < s.versions.size(); ++v) {
    const Version& ver = s.versions[v];
    out += heading("Stances on " + ver.id + " (" + std::to_string(ver.points.size()) + " points)", style);
    out += stance_matrix_text(s, evals[v], style);
    out += readiness_text(s, evals[v]);
  }
  return out + engine_sections(s, bargain, style);
}

}  // namespace accord::report

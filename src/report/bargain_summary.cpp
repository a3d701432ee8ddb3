// The report summary's bargaining sentence (docs/bargain.md, "Summary sentence").
#include <algorithm>

#include "accord/model/utility.hpp"
#include "accord/report/bargain.hpp"
#include "accord/report/table.hpp"
#include "bargain_red_lines.hpp"

namespace accord::report {

namespace {

namespace parts = bargain_parts;

std::string join_and(const std::vector<std::string>& xs) {
  std::string out;
  for (std::size_t j = 0; j < xs.size(); ++j)
    out += (j == 0 ? "" : j + 1 == xs.size() ? " and " : ", ") + xs[j];
  return out;
}

std::vector<std::string> party_ids(const Scenario& s, const std::vector<PartyIndex>& ps) {
  std::vector<std::string> out;
  for (const PartyIndex p : ps) out.push_back(s.parties[p].id);
  return out;
}

// "all 4 estimates" | "2 sourced, 1 estimate" | ...: what the red lines rest on.
std::string strength_summary(const std::vector<Provenance>& ps) {
  std::size_t n[3] = {0, 0, 0};
  for (const Provenance& p : ps) ++n[bargain::red_line_strength(p)];
  const char* names[3] = {"estimate", "without source", "sourced"};
  std::vector<std::string> parts;
  for (int k = 2; k >= 0; --k) {
    if (n[k] == 0) continue;
    std::string w = std::to_string(n[k]) + " " + names[k];
    if (k == 0 && n[k] > 1) w += "s";
    parts.push_back(w);
  }
  if (parts.size() == 1 && ps.size() > 1) return "all " + parts.front();
  return join_and(parts);
}

// "UA R_DEJURE, R_DEFACTO28 and RU R_LINE_ONLY, R_DEFER on territory_recognition; ..."
std::string blocked_red_lines(const Scenario& s, const bargain::Result& r, std::vector<Provenance>& used) {
  std::vector<std::string> per_issue;
  for (const bargain::BlockedIssue& b : r.blocked) {
    std::vector<std::string> lines;
    for (const auto& rl : b.red_lines) {
      std::vector<std::string> what;
      for (const OptionIndex o : rl.options) what.push_back(s.issues[b.issue].options[o].id);
      if (!rl.ranges.empty()) what.push_back(std::to_string(rl.ranges.size()) + " range(s)");
      std::string line = s.parties[rl.party].id + " ";
      for (std::size_t j = 0; j < what.size(); ++j) line += (j ? ", " : "") + what[j];
      lines.push_back(line);
      used.push_back(rl.provenance);
    }
    per_issue.push_back(join_and(lines) + " on " + s.issues[b.issue].id);
  }
  std::string out;
  for (const auto& x : per_issue) out += (out.empty() ? "" : "; ") + x;
  return out;
}

// "UA's red lines on territory_recognition (R_DEJURE) and foreign_troops (T_NONE)", per party.
std::string crossed_phrase(const Scenario& s, const std::vector<bargain::RedLineCrossing>& c) {
  std::vector<std::string> per_party;
  for (std::size_t j = 0; j < c.size();) {
    std::vector<std::string> where;
    std::size_t k = j;
    for (; k < c.size() && c[k].party == c[j].party; ++k)
      where.push_back(s.issues[c[k].issue].id + " (" + parts::value_text(s, c[k].issue, c[k].setting) + ")");
    per_party.push_back(s.parties[c[j].party].id + "'s red line" + (where.size() > 1 ? "s" : "") + " on " +
                        join_and(where));
    j = k;
  }
  return join_and(per_party);
}

// What the closest package and the Nash package mean for the parties that did not bargain.
std::string stakeholder_sentence(const Scenario& s, const std::string& name,
                                 const std::vector<bargain::StakeholderEffect>& effects) {
  std::vector<bargain::RedLineCrossing> crossed;
  std::vector<std::string> below;
  for (const auto& e : effects) {
    crossed.insert(crossed.end(), e.red_lines.begin(), e.red_lines.end());
    if (!e.reaches_reservation) below.push_back(s.parties[e.party].id);
  }
  std::vector<std::string> what;
  if (!crossed.empty()) {
    std::vector<Provenance> used;
    for (const auto& c : crossed) used.push_back(c.provenance);
    what.push_back("crosses " + crossed_phrase(s, crossed) + " — " + strength_summary(used));
  }
  if (!below.empty()) what.push_back("leaves " + join_and(below) + " below " + (below.size() > 1 ? "their" : "its") +
                                     " reservation");
  if (what.empty()) return {};
  return " The " + name + " " + join_and(what) + ".";
}

}  // namespace

std::string bargain_summary(const Scenario& s, const bargain::Result& r, const std::string& draft_id) {
  if (!r.outcome.ok() || r.finding == bargain::Finding::too_large) return {};
  const std::string who = join_and(party_ids(s, r.parties));
  const std::string others =
      r.stakeholders.empty() ? "" : " (" + join_and(party_ids(s, r.stakeholders)) + ", with preferences, did not bargain)";
  const bargain::Closest* c = r.closest && !r.closest->package.empty() ? &*r.closest : nullptr;
  const std::string to_draft = draft_id.empty() ? "" : " to " + draft_id;
  const std::string changes =
      c && !draft_id.empty() ? " changes " + std::to_string(c->changed_issues) + " of the issues it settles" : "";
  if (r.finding == bargain::Finding::zone_exists) {
    std::string z = "A zone of agreement exists among " + who + others + ".";
    if (r.solutions.nash) z += " See the Nash and Kalai–Smorodinsky packages below.";
    if (c && !draft_id.empty()) z += " The closest acceptable package" + to_draft + changes + ".";
    if (r.solutions.nash) z += stakeholder_sentence(s, "Nash package", r.solutions.nash->stakeholders);
    if (c) z += stakeholder_sentence(s, "closest acceptable package", c->stakeholders);
    return z;
  }
  std::string z = "No package is acceptable to all of " + who + others + ".";
  if (!r.blocked.empty()) {
    std::vector<std::string> issues;
    for (const auto& b : r.blocked) issues.push_back(s.issues[b.issue].id);
    std::vector<Provenance> used;
    const std::string lines = blocked_red_lines(s, r, used);
    z += " On " + join_and(issues) + " every option crosses a red line of a bargaining party, so there is no deal " +
         "unless one of these red lines moves: " + lines + " (" + strength_summary(used) + ").";
  }
  if (!c) return z;
  z += r.blocked.empty() ? " Among the packages with the least largest shortfall below reservation, the closest" + to_draft
                         : " If they moved, the closest package" + to_draft;
  z += changes.empty() ? " is the one below" : changes;
  double worst = 0.0;
  std::vector<std::string> reach;
  for (std::size_t q = 0; q < c->shortfall.size(); ++q) {
    if (!c->shortfall[q]) continue;  // red line crossed: no shortfall stated
    worst = std::max(worst, *c->shortfall[q]);
    reach.push_back(s.parties[r.parties[q]].id);
  }
  if (!c->red_lines_crossed.empty()) z += " and crosses " + crossed_phrase(s, c->red_lines_crossed);
  if (reach.empty()) {
    z += ".";
  } else if (worst <= kUtilityEps) {
    z += "; " + join_and(reach) + (reach.size() > 1 ? " reach their reservations." : " reaches its reservation.");
  } else {
    z += "; the largest shortfall below reservation" + std::string(c->red_lines_crossed.empty() ? "" : " among " + join_and(reach)) +
         " is " + fixed(worst) + ".";
  }
  return z + stakeholder_sentence(s, r.blocked.empty() ? "package" : "closest package", c->stakeholders);
}

}  // namespace accord::report

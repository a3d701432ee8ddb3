// Red lines in bargaining: blocked issues, the values offered on them, what a package crosses
// and what it means for stakeholders (docs/bargain.md, "Blocked issues" and "Stakeholders").
#include <algorithm>
#include <array>

#include "accord/engines/bargain.hpp"
#include "accord/model/utility.hpp"

namespace accord::bargain {

namespace {

// Per strength (estimate, unmarked, sourced): how many of `crosses` there are.
std::array<std::size_t, 3> strengths(const std::vector<RedLineCrossing>& crosses) {
  std::array<std::size_t, 3> n{};
  for (const RedLineCrossing& c : crosses) ++n[static_cast<std::size_t>(red_line_strength(c.provenance))];
  return n;
}

// Smaller is less sourced: the sourced red lines crossed, then those given without sources.
std::array<std::size_t, 2> sourcing_key(const std::vector<RedLineCrossing>& crosses) {
  const auto n = strengths(crosses);
  return {n[2], n[1]};
}

std::vector<RedLineCrossing> crossings_at(const Scenario& s, const std::vector<PartyIndex>& parties,
                                          IssueIndex i, const Setting& x) {
  std::vector<RedLineCrossing> out;
  const Issue& issue = s.issues[i];
  for (const PartyIndex p : parties)
    if (s.preferences[p].issues[i].crosses_red_line(issue, x))
      out.push_back({p, i, x, red_line_provenance(s, p, i)});
  return out;
}

}  // namespace

std::vector<PartyIndex> parties_with_preferences(const Scenario& s) {
  std::vector<PartyIndex> out;
  for (const PartyIndex i : s.parties.indices())
    if (s.preferences.contains(i) && s.preferences[i].present) out.push_back(i);
  return out;
}

const Provenance& red_line_provenance(const Scenario& s, PartyIndex p, IssueIndex i) {
  const IssuePreference& ip = s.preferences[p].issues[i];
  const auto it = ip.field_provenance.find("red_lines");
  return it != ip.field_provenance.end() ? it->second : ip.provenance;
}

int red_line_strength(const Provenance& p) {
  if (p.estimate) return 0;
  return p.sources.empty() ? 1 : 2;
}

std::vector<RedLineCrossing> red_line_crossings(const Scenario& s, const std::vector<PartyIndex>& parties,
                                                const Package& x) {
  std::vector<RedLineCrossing> out;
  for (const PartyIndex p : parties)
    for (const IssueIndex i : red_lines_crossed(s, p, x))
      out.push_back({p, i, *x[i], red_line_provenance(s, p, i)});
  return out;
}

BlockedIssue blocked_issue(const Scenario& s, const std::vector<PartyIndex>& parties, IssueIndex i) {
  BlockedIssue out;
  out.issue = i;
  const Issue& issue = s.issues[i];
  for (const PartyIndex p : parties) {
    const IssuePreference& ip = s.preferences[p].issues[i];
    if (ip.red_line_options.empty() && ip.red_line_ranges.empty()) continue;
    out.red_lines.push_back({p, ip.red_line_options, ip.red_line_ranges, red_line_provenance(s, p, i)});
  }
  // The fewest crossings over the grid, then the least sourced among those values.
  std::vector<BlockedIssue::Offered> all;
  std::size_t fewest = parties.size() + 1;
  for (std::size_t g = 0; g < issue.value_count(); ++g) {
    const Setting x = grid_setting(issue, g);
    std::vector<RedLineCrossing> c = crossings_at(s, parties, i, x);
    if (c.size() > fewest) continue;
    if (c.size() < fewest) fewest = c.size(), all.clear();
    all.push_back({x, std::move(c)});
  }
  out.fewest = all.empty() ? 0 : fewest;
  if (all.empty()) return out;
  auto least = sourcing_key(all.front().crosses);
  for (const auto& o : all) least = std::min(least, sourcing_key(o.crosses));
  for (auto& o : all)
    if (sourcing_key(o.crosses) == least) out.offered.push_back(std::move(o));
  return out;
}

std::vector<StakeholderEffect> stakeholder_effects(const Scenario& s, const std::vector<PartyIndex>& stakeholders,
                                                   const Package& x) {
  std::vector<StakeholderEffect> out;
  for (const PartyIndex p : stakeholders) {
    StakeholderEffect e;
    e.party = p;
    e.utility = utility(s, p, x);
    e.reservation = s.preferences[p].reservation;
    e.reaches_reservation = e.utility >= e.reservation - kUtilityEps;
    e.red_lines = red_line_crossings(s, {p}, x);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace accord::bargain

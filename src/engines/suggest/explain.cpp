// One sentence per suggestion, true by the definitions in docs/rounds-suggestions.md, naming
// the estimated inputs it rests on.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "accord/model/utility.hpp"
#include "internal.hpp"

namespace accord::suggest::detail {

bool same_setting(const Issue& issue, const Setting& a, const Setting& b) {
  return issue.kind == IssueKind::discrete ? a.option == b.option : a.value == b.value;
}

std::vector<IssueIndex> set_issues(const Point& pt) {
  std::vector<IssueIndex> out;
  for (const PointSetting& ps : pt.sets) out.push_back(ps.issue);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string setting_text(const Issue& issue, const Setting& x) { return describe(issue, x); }

std::string join_and(const std::vector<std::string>& xs) {
  std::string out;
  for (std::size_t j = 0; j < xs.size(); ++j) out += (j == 0 ? "" : j + 1 == xs.size() ? " and " : ", ") + xs[j];
  return out;
}

namespace {

std::string fixed3(double x, bool sign) {
  char buf[32];
  std::snprintf(buf, sizeof buf, sign ? "%+.3f" : "%.3f", std::abs(x) < 5e-4 ? 0.0 : x);
  return buf;
}

bool estimated_issue(const Preferences& prefs, IssueIndex i) {
  if (prefs.provenance.estimate) return true;
  const IssuePreference& ip = prefs.issues[i];
  if (ip.provenance.estimate) return true;
  return std::any_of(ip.field_provenance.begin(), ip.field_provenance.end(),
                     [](const auto& f) { return f.second.estimate; });
}

bool estimated_reservation(const Preferences& prefs) {
  if (prefs.provenance.estimate) return true;
  const auto it = prefs.field_provenance.find("reservation");
  return it != prefs.field_provenance.end() && it->second.estimate;
}

// "UA, RU and US preferences on army_cap" (parties grouped by the same estimated issues), then
// "UA's reservation".
std::vector<std::string> rests_on(const Scenario& s, const std::vector<PartyIndex>& parties,
                                  const std::vector<IssueIndex>& issues, const std::vector<PartyIndex>& reservations) {
  std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> groups;  // issues -> parties
  for (const PartyIndex p : parties) {
    if (!s.preferences[p].present) continue;
    std::vector<std::string> est;
    for (const IssueIndex i : issues)
      if (estimated_issue(s.preferences[p], i)) est.push_back(s.issues[i].id);
    if (est.empty()) continue;
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == est; });
    if (it == groups.end()) groups.push_back({est, {s.parties[p].id}});
    else it->second.push_back(s.parties[p].id);
  }
  std::vector<std::string> out;
  for (const auto& g : groups) {
    std::vector<std::string> named = g.first;
    if (named.size() > 4) {  // a sentence to read out: the first few, then a count
      const std::size_t more = named.size() - 3;
      named.resize(3);
      named.push_back(std::to_string(more) + " more issues");
    }
    out.push_back(join_and(g.second) + " preferences on " + join_and(named));
  }
  std::vector<std::string> res;
  for (const PartyIndex p : reservations)
    if (s.preferences[p].present && estimated_reservation(s.preferences[p])) res.push_back(s.parties[p].id);
  if (!res.empty()) out.push_back(join_and(res) + (res.size() == 1 ? "'s reservation" : " reservations"));
  return out;
}

// "army_cap 600 → 750 thousand personnel" (the unit once), "nato_membership N_LEGAL_BAN → N_POLITICAL".
std::string edit_text(const Issue& issue, const Edit& e) {
  if (!e.from) return issue.id + " (open) → " + setting_text(issue, e.to);
  if (issue.kind == IssueKind::numeric) {
    const std::string to = setting_text(issue, e.to), unit = issue.range.unit;
    std::string from = setting_text(issue, *e.from);
    if (!unit.empty() && from.size() > unit.size() + 1 && from.ends_with(" " + unit))
      from.resize(from.size() - unit.size() - 1);
    return issue.id + " " + from + " → " + to;
  }
  return issue.id + " " + setting_text(issue, *e.from) + " → " + setting_text(issue, e.to);
}

std::string edits_text(const Scenario& s, const std::vector<Edit>& edits) {
  std::vector<std::string> parts;
  for (const Edit& e : edits) parts.push_back(edit_text(s.issues[e.issue], e));
  return join_and(parts);
}

std::string effect_text(const Scenario& s, const PartyEffect& e) {
  std::string out = s.parties[e.party].id + " " + fixed3(e.delta, true);
  if (!e.red_lines_crossed.empty()) {
    std::vector<std::string> ids;
    for (const IssueIndex i : e.red_lines_crossed) ids.push_back(s.issues[i].id);
    out += " (crosses its red line" + std::string(ids.size() > 1 ? "s" : "") + " on " + join_and(ids) + ")";
  }
  return out;
}

std::string others_text(const Scenario& s, const Suggestion& sug) {
  std::vector<std::string> parts;
  for (const PartyEffect& e : sug.effects)
    if (e.party != sug.party) parts.push_back(effect_text(s, e));
  std::string out;
  for (const std::string& x : parts) out += (out.empty() ? "" : ", ") + x;
  return out;
}

// "; its modelled utility -0.019" when the objector is a bargaining party ("" otherwise): a
// repair it accepts may still cost it, and the sentence says so.
std::string own_text(const Suggestion& sug, const std::string& whose = "its") {
  for (const PartyEffect& e : sug.effects)
    if (e.party == sug.party) return "; " + whose + " modelled utility " + fixed3(e.delta, true);
  return "";
}

std::string basis_text(const Scenario& s, const Suggestion& sug) {
  const std::string who = s.parties[sug.party].id;
  if (sug.basis == Basis::answer) {
    const std::string own = own_text(sug);
    return who + " said in its answer it could accept" + (own.empty() ? "" : " (" + own.substr(2) + ")");
  }
  return who + " accepts by its preferences (no red line of its, each setting worth at least its reservation " +
         fixed3(s.preferences[sug.party].reservation, false) + " to it" + own_text(sug) + ")";
}

std::string rests_text(const Suggestion& sug) {
  if (sug.rests_on.empty()) return "";
  return " Rests on estimates: " + [&] {
    std::string out;
    for (std::size_t j = 0; j < sug.rests_on.size(); ++j) out += (j ? "; " : "") + sug.rests_on[j];
    return out;
  }() + ".";
}

std::vector<std::string> ids(const Scenario& s, const std::vector<PartyIndex>& ps) {
  std::vector<std::string> out;
  for (const PartyIndex p : ps) out.push_back(s.parties[p].id);
  return out;
}

}  // namespace

std::vector<std::string> estimated_inputs(const Scenario& s, const std::vector<PartyIndex>& parties,
                                          const std::vector<IssueIndex>& issues,
                                          const std::vector<PartyIndex>& reservations) {
  return rests_on(s, parties, issues, reservations);
}

std::string rests_sentence(const Suggestion& sug) { return rests_text(sug); }

namespace {

void closest_sentence(const Context& c, const Result& r, Suggestion& sug) {
  const Scenario& s = c.s;
  const std::string vid = s.versions[c.v].id;
  const bargain::Closest& cl = *r.closest;
  std::size_t changed = 0, settled = 0;
  for (const Edit& e : sug.edits) (e.from ? changed : settled) += 1;
  std::string what = changed ? "changes " + std::to_string(changed) + " of the issues " + vid + " sets" : "";
  if (settled)
    what += (changed ? " and settles " + std::to_string(settled) + " it leaves open"
                     : "settles " + std::to_string(settled) + " issue" + (settled == 1 ? "" : "s") + " " + vid +
                           " leaves open");
  what += ": " + edits_text(s, sug.edits);
  if (cl.zone_exists && sug.edits.empty()) {
    sug.sentence = "The circulated text " + vid + " is already acceptable to every one of " +
                   join_and(ids(s, r.parties)) + " (the closest package changes nothing).";
  } else if (cl.zone_exists) {
    sug.sentence = "The closest package acceptable to every one of " + join_and(ids(s, r.parties)) +
                   " (fewest changed issues, then Nash product) " + what + ".";
  } else {
    sug.sentence = "No package is acceptable to all of " + join_and(ids(s, r.parties)) +
                   "; the closest (least largest shortfall below reservation, then fewest changes) " + what;
    std::vector<std::string> crossed, reach, short_of;
    for (std::size_t q = 0; q < r.parties.size() && q < cl.shortfall.size(); ++q) {
      const std::string id = s.parties[r.parties[q]].id;
      if (!cl.shortfall[q]) crossed.push_back(id);
      else if (*cl.shortfall[q] <= kUtilityEps) reach.push_back(id);
      else short_of.push_back(id + " by " + fixed3(*cl.shortfall[q], false));
    }
    std::vector<std::string> clauses;
    for (const std::string& id : crossed) {
      std::vector<std::string> where;
      for (const bargain::RedLineCrossing& x : cl.red_lines_crossed)
        if (s.parties[x.party].id == id) where.push_back(s.issues[x.issue].id);
      clauses.push_back("it crosses " + id + "'s red lines on " + join_and(where) + ", so it is unacceptable to " + id +
                        " whatever its utility");
    }
    if (!reach.empty()) clauses.push_back(join_and(reach) + (reach.size() == 1 ? " reaches its" : " reach their") +
                                          " reservation");
    if (!short_of.empty()) clauses.push_back("it falls short of the reservation of " + join_and(short_of));
    for (const std::string& x : clauses) sug.sentence += "; " + x;
    sug.sentence += ".";
  }
  std::vector<IssueIndex> issues;
  for (const Edit& e : sug.edits) issues.push_back(e.issue);
  sug.rests_on = rests_on(s, r.parties, issues, r.parties);
  sug.sentence += rests_text(sug);
}

}  // namespace

void explain(const Context& c, const Result& r, Suggestion& sug) {
  const Scenario& s = c.s;
  const Version& ver = s.versions[c.v];
  switch (sug.kind) {
    case Kind::pareto_repair:
    case Kind::least_cost_repair: {
      const std::string pid = ver.points[sug.point].id;
      std::vector<IssueIndex> issues;
      for (const Edit& e : sug.edits) issues.push_back(e.issue);
      if (sug.kind == Kind::pareto_repair) {
        sug.sentence = "Repair " + pid + ": " + edits_text(s, sug.edits) + "; " + basis_text(s, sug) +
                       ", and no other bargaining party loses utility or has a red line crossed (" +
                       others_text(s, sug) + ")";
        if (sug.found > 1) sug.sentence += "; 1 of " + std::to_string(sug.found) + " such repairs";
        sug.sentence += ".";
      } else {
        sug.sentence = "No change to " + pid + " that " + s.parties[sug.party].id +
                       (sug.basis == Basis::answer ? " said it could accept"
                                                   : " accepts by its preferences (no red line of its, each setting "
                                                     "worth at least its reservation " +
                                                         fixed3(s.preferences[sug.party].reservation, false) + ")") +

                       " leaves every other bargaining party as well off; the least costly to them is " +
                       edits_text(s, sug.edits) + " (" + others_text(s, sug) + own_text(sug, s.parties[sug.party].id + "'s") + ").";
      }
      std::vector<PartyIndex> res;
      if (sug.basis == Basis::preferences) res.push_back(sug.party);
      std::vector<PartyIndex> who = r.parties;
      if (sug.basis == Basis::preferences && std::find(who.begin(), who.end(), sug.party) == who.end())
        who.push_back(sug.party);
      if (sug.basis == Basis::answer) who.erase(std::remove(who.begin(), who.end(), sug.party), who.end());
      sug.rests_on = rests_on(s, who, issues, res);
      sug.sentence += rests_text(sug);
      return;
    }
    case Kind::closest_package:
      closest_sentence(c, r, sug);
      return;
    case Kind::bracket: {
      // The rule's wording and what it rests on are added by the caller, which knows K and S.
      std::vector<std::string> pts;
      for (const PointIndex k : sug.points) pts.push_back(ver.points[k].id);
      const std::size_t rest = ver.points.size() - sug.points.size();
      sug.sentence = "Bracket " + join_and(pts) + " (leave " + (pts.size() == 1 ? "it" : "them") + " open): the other " +
                     std::to_string(rest) + " point" + (rest == 1 ? " is" : "s are") +
                     " then near-final by the readiness rule";
      return;
    }
    case Kind::not_set: return;
  }
}

}  // namespace accord::suggest::detail

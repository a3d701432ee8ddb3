// `accord bargain` output: JSON (docs/bargain.md) and text.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "accord/model/utility.hpp"
#include "accord/model/plural.hpp"
#include "accord/report/bargain.hpp"
#include "accord/report/evaluate.hpp"
#include "accord/report/outcome.hpp"
#include "bargain_red_lines.hpp"

namespace accord::report {

namespace {

using bargain::Result;
namespace parts = bargain_parts;

Json count_json(const bargain::Count& c) {
  Json j;
  if (c.exact && c.lower < 1.8e19) {
    j["count"] = static_cast<std::uint64_t>(std::stoull(c.decimal));
  } else {
    j["count"] = c.exact ? c.lower : c.value;
  }
  j["exact"] = c.exact;
  if (c.exact) {
    j["count_decimal"] = c.decimal;
  } else {
    j["lower"] = c.lower;
    j["upper"] = c.upper;
  }
  return j;
}

Json frontier_json(const Scenario& s, const bargain::Frontier& f, std::size_t max_points) {
  Json j;
  j["computed"] = f.computed;
  j["truncated"] = f.truncated;
  j["method"] = f.method;
  if (f.truncated) j["stop"] = std::string(to_string(f.stop));
  j["size"] = f.computed && !f.truncated ? Json(f.points.size()) : Json(nullptr);
  Json pts = Json::array();
  for (std::size_t k = 0; k < f.points.size() && k < max_points; ++k)
    pts.push_back({{"utilities", f.points[k].utilities}, {"package", package_json(s, f.points[k].package)}});
  j["points"] = std::move(pts);
  return j;
}

Json concessions_json(const Scenario& s, const Result& r, const Package& x) {
  Json j = Json::object();
  for (const bargain::Concession& c : bargain::concessions(s, r.parties, x)) {
    Json issues = Json::object();
    for (const auto& ic : c.issues)
      if (ic.given_up > kUtilityEps) issues[s.issues[ic.issue].id] = ic.given_up;
    j[s.parties[c.party].id] = {{"utility", c.utility}, {"ideal", c.ideal},
                                      {"given_up", c.ideal - c.utility}, {"issues", std::move(issues)}};
  }
  return j;
}

Json solution_json(const Scenario& s, const SourceNotes& notes, const Result& r,
                   const std::optional<bargain::Solution>& x) {
  if (!x) return nullptr;
  Json j = {{"utilities", x->utilities}, {"objective", x->objective}};
  if (x->bound) {  // a budget stopped the search: not proven optimal
    j["bound"] = *x->bound;
    j["gap"] = *x->bound - x->objective;
  }
  j["package"] = package_json(s, x->package);
  j["concessions"] = concessions_json(s, r, x->package);
  j["stakeholders"] = parts::effects_json(s, notes, x->stakeholders);
  return j;
}

std::string setting_text(const Scenario& s, IssueIndex i, const std::optional<Setting>& x) {
  return x ? describe(s.issues[i], *x) : std::string("(open)");
}

std::string count_text(const bargain::Count& c) {
  if (c.exact) {
    if (c.decimal.size() <= 15) return c.decimal;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4e", c.lower);
    return buf;
  }
  char buf[96];
  std::snprintf(buf, sizeof buf, "between %.4g and %.4g (count not exact: search budget reached)", c.lower, c.upper);
  return buf;
}

std::string ids(const Scenario& s, const Result& r) {
  std::string out;
  for (const PartyIndex p : r.parties) out += (out.empty() ? "" : ", ") + s.parties[p].id;
  return out;
}

std::string package_text(const Scenario& s, const Package& x) {
  std::string out;
  for (const IssueIndex i : x.indices())
    out += (out.empty() ? "" : ", ") + s.issues[i].id + "=" + setting_text(s, i, x[i]);
  return out;
}

std::string frontier_line(const bargain::Frontier& f) {
  if (!f.computed) return "not computed (non-additive preferences and too many packages to enumerate)";
  if (f.truncated) return "more points than --max-frontier; solutions found by branch and bound";
  return counted(f.points.size(), "point") + " (" + f.method + ")";
}

// Who did not bargain: every party with preferences outside Result::parties.
std::string stakeholders_line(const Scenario& s, const Result& r) {
  if (r.stakeholders.empty()) return "Every party with preferences bargained.";
  std::string out;
  for (const PartyIndex p : r.stakeholders)
    out += (out.empty() ? "" : ", ") + s.parties[p].id + " (" + std::string(to_string(s.parties[p].role)) + ")";
  return "Not bargaining, with preferences: " + out + ".";
}

// "UA red line crossed, RU 0.000": never a number for a party whose red line is crossed.
std::string shortfall_text(const Scenario& s, const Result& r, const bargain::Closest& c) {
  std::string sf;
  for (std::size_t q = 0; q < c.shortfall.size(); ++q)
    sf += (sf.empty() ? "" : ", ") + s.parties[r.parties[q]].id + " " +
          (c.shortfall[q] ? fixed(*c.shortfall[q]) : std::string("red line crossed"));
  return sf;
}

std::string partial_note(const Result& r) {
  const Termination& t = r.outcome.termination;
  if (t.finished() || t.stop == Stop::not_set) return {};
  return wrap("PARTIAL RESULT (" + std::string(to_string(t.stop)) + ", see --max-seconds/--max-nodes): " +
              t.detail + ".");
}

Json ids_json(const Scenario& s, const std::vector<PartyIndex>& ps) {
  Json j = Json::array();
  for (const PartyIndex p : ps) j.push_back(s.parties[p].id);
  return j;
}

Json draft_json(const Scenario& s, const Result& r) {
  if (!r.draft) return nullptr;
  Json u = Json::array();
  for (const UtilityBounds& b : r.draft_utilities) u.push_back({{"min", b.min}, {"max", b.max}});
  return {{"version", r.draft_version.valid() ? Json(s.versions[r.draft_version].id) : Json(nullptr)},
          {"package", package_json(s, *r.draft)},
          {"utilities", std::move(u)}};
}

std::size_t position(const Result& r, PartyIndex p) {
  return static_cast<std::size_t>(std::find(r.parties.begin(), r.parties.end(), p) - r.parties.begin());
}

// The pair's frontier is listed in full (it is asked for to be drawn; Params::max_frontier bounds it).
Json pair_json(const Scenario& s, const Result& r) {
  if (!r.pair) return nullptr;
  const bargain::PairFrontier& pf = *r.pair;
  const std::size_t a = position(r, pf.parties[0]), b = position(r, pf.parties[1]);
  Json markers = Json::array();
  for (const PairMarker& m : bargain_markers(s, r)) {
    Json x = {{"key", m.key}, {"label", m.label}, {"utilities", {m.utilities[a], m.utilities[b]}}};
    if (!m.best.empty()) x["best"] = {m.best[a], m.best[b]};  // the draft: utilities are its worst completion
    markers.push_back(std::move(x));
  }
  return {{"parties", ids_json(s, {pf.parties[0], pf.parties[1]})},
          {"reservations", {pf.reservations[0], pf.reservations[1]}},
          {"frontier", frontier_json(s, pf.frontier, pf.frontier.points.size())},
          {"markers", std::move(markers)}};
}

}  // namespace

std::vector<PairMarker> bargain_markers(const Scenario& s, const Result& r) {
  std::vector<PairMarker> out;
  const std::pair<const char*, const std::optional<bargain::Solution>*> solutions[] = {
      {"nash", &r.solutions.nash},
      {"kalai_smorodinsky", &r.solutions.kalai_smorodinsky},
      {"egalitarian", &r.solutions.egalitarian},
      {"utilitarian", &r.solutions.utilitarian}};
  const char* labels[] = {"Nash", "Kalai–Smorodinsky", "egalitarian", "utilitarian"};
  for (std::size_t j = 0; j < 4; ++j)
    if (*solutions[j].second)
      out.push_back({solutions[j].first, labels[j], (*solutions[j].second)->utilities, (*solutions[j].second)->package, {}});
  if (r.closest && !r.closest->package.empty())
    out.push_back({"closest", r.closest->zone_exists ? "closest acceptable" : "least shortfall", r.closest->utilities,
                   r.closest->package, {}});
  if (r.draft) {
    PairMarker m{"draft", "draft", {}, *r.draft, {}};
    if (r.draft_version.valid()) m.label += " " + s.versions[r.draft_version].id;
    // Never a midpoint (no package has it): the worst and the best completion of the open issues.
    for (const UtilityBounds& b : r.draft_utilities) {
      m.utilities.push_back(b.min);
      m.best.push_back(b.max);
    }
    out.push_back(std::move(m));
  }
  return out;
}

Json bargain_json(const Scenario& s, const Result& r, std::size_t max_points) {
  const SourceNotes notes(s);  // red lines cite the numbered sources by id
  Json j;
  j["schema"] = kBargainSchema;
  j["scenario"] = s.id;
  add_outcome_json(j, r.outcome);
  if (!r.outcome.ok()) return j;
  j["parties"] = ids_json(s, r.parties);
  j["reservations"] = r.reservations;
  j["stakeholders"] = parts::stakeholders_json(s, r);
  j["additive"] = r.additive;
  j["finding"] = std::string(bargain::to_string(r.finding));
  j["space"] = count_json(r.space);
  j["filtered"] = count_json(r.filtered);
  Json blocked = Json::array();
  for (const IssueIndex i : r.blocked_issues) blocked.push_back(s.issues[i].id);
  j["blocked_issues"] = std::move(blocked);
  j["blocked"] = parts::blocked_json(s, notes, r.blocked);
  Json zone = count_json(r.zone);
  zone["exists"] = r.finding == bargain::Finding::too_large ? Json(nullptr)
                                                             : Json(r.finding == bargain::Finding::zone_exists);
  zone["pareto"] = frontier_json(s, r.zone_pareto, max_points);
  j["zone"] = std::move(zone);
  j["pareto"] = frontier_json(s, r.pareto, max_points);
  Json sol;
  sol["method"] = r.solutions.method;
  sol["exact"] = r.solutions.exact;
  sol["disagreement"] = r.reservations;
  sol["ideal"] = r.solutions.ideal.empty() ? Json(nullptr) : Json(r.solutions.ideal);
  sol["nash"] = solution_json(s, notes, r, r.solutions.nash);
  sol["kalai_smorodinsky"] = solution_json(s, notes, r, r.solutions.kalai_smorodinsky);
  sol["egalitarian"] = solution_json(s, notes, r, r.solutions.egalitarian);
  sol["utilitarian"] = solution_json(s, notes, r, r.solutions.utilitarian);
  j["solutions"] = std::move(sol);
  j["draft"] = draft_json(s, r);
  j["closest"] = nullptr;
  if (r.closest) {
    const bargain::Closest& c = *r.closest;
    Json cj;
    cj["zone_exists"] = c.zone_exists;
    cj["exact"] = c.exact;
    cj["changed_issues"] = c.changed_issues;
    cj["utilities"] = c.utilities;
    cj["package"] = c.package.empty() ? Json(nullptr) : package_json(s, c.package);
    Json changes = Json::array();
    for (const bargain::Change& ch : c.changes) {
      Json delta = Json::object();
      for (std::size_t q = 0; q < r.parties.size(); ++q) delta[s.parties[r.parties[q]].id] = ch.delta[q];
      changes.push_back({{"issue", s.issues[ch.issue].id},
                         {"from", ch.from ? parts::value_json(s, ch.issue, *ch.from) : Json(nullptr)},
                         {"to", parts::value_json(s, ch.issue, ch.to)},
                         {"delta", std::move(delta)}});
    }
    cj["changes"] = std::move(changes);
    Json shortfall = Json::object();  // null: the package crosses the party's red line
    for (std::size_t q = 0; q < c.shortfall.size(); ++q)
      shortfall[s.parties[r.parties[q]].id] = c.shortfall[q] ? Json(*c.shortfall[q]) : Json(nullptr);
    cj["shortfall"] = std::move(shortfall);
    cj["red_lines_crossed"] = parts::crossings_json(s, notes, c.red_lines_crossed);
    Json cb = Json::array();
    for (const IssueIndex i : c.blocked_issues) cb.push_back(s.issues[i].id);
    cj["blocked_issues"] = std::move(cb);
    if (!c.package.empty()) cj["concessions"] = concessions_json(s, r, c.package);
    cj["stakeholders"] = parts::effects_json(s, notes, c.stakeholders);
    j["closest"] = std::move(cj);
  }
  j["pair"] = pair_json(s, r);
  j["sources"] = parts::cited_sources_json(notes, j);  // what the note ids in it stand for
  return j;
}

std::string bargain_headline(const Scenario& s, const Result& r, Style style) {
  const SourceNotes notes(s);  // red lines cite the numbered sources by id
  if (!r.outcome.ok()) return wrap("Bargaining: " + r.outcome.message() + ".");
  std::string out;
  out += wrap("Bargaining parties: " + ids(s, r) + ". " + stakeholders_line(s, r) + " Package space: " +
              count_text(r.space) + " packages, " + count_text(r.filtered) +
              " crossing no red line of a bargaining party.");
  if (!r.blocked.empty()) {
    out += parts::blocked_text(s, notes, r.blocked);
  } else if (r.finding == bargain::Finding::zone_exists) {
    out += wrap("Zone of agreement: exists, " + count_text(r.zone) +
                " packages acceptable to every bargaining party.");
  } else if (r.finding == bargain::Finding::no_zone) {
    out += wrap("NO ZONE OF AGREEMENT: no package is acceptable to every bargaining party; "
                "there is no Nash, Kalai–Smorodinsky, egalitarian or utilitarian package.");
  } else {
    out += wrap("Zone of agreement: undecided (the space is too large for the search budget).");
  }
  out += wrap("Pareto frontier: whole space " + frontier_line(r.pareto) + "; zone " +
              frontier_line(r.zone_pareto) + ".");
  if (r.pair)
    out += wrap("Pareto frontier of " + s.parties[r.pair->parties[0]].id + " and " +
                s.parties[r.pair->parties[1]].id + " alone (whole space, red lines ignored): " +
                frontier_line(r.pair->frontier) + ".");
  if (r.finding != bargain::Finding::zone_exists || r.solutions.method == "skipped")
    return out + partial_note(r);
  Table t;
  t.header = {"solution"};
  for (const PartyIndex p : r.parties) t.header.push_back(s.parties[p].id);
  t.header.push_back("package");
  t.right_align.assign(t.header.size(), true);
  t.right_align.front() = false;
  t.right_align.back() = false;
  const std::pair<const char*, const std::optional<bargain::Solution>*> rows[] = {
      {"Nash", &r.solutions.nash},
      {"Kalai–Smorodinsky", &r.solutions.kalai_smorodinsky},
      {"egalitarian", &r.solutions.egalitarian},
      {"utilitarian", &r.solutions.utilitarian}};
  for (const auto& [name, sol] : rows) {
    std::vector<std::string> row{name};
    for (std::size_t q = 0; q < r.parties.size(); ++q)
      row.push_back(*sol ? fixed((*sol)->utilities[q]) : "—");
    row.push_back(*sol ? package_text(s, (*sol)->package) : "none");
    t.rows.push_back(std::move(row));
  }
  std::vector<std::string> res{"(reservation)"};
  for (const double x : r.reservations) res.push_back(fixed(x));
  res.push_back("");
  t.rows.push_back(std::move(res));
  out += t.render(style, text_width(), static_cast<int>(t.header.size()) - 1);
  if (!r.solutions.exact) out += wrap("(search budget reached: best packages found, not proven optimal)");
  for (const auto& [name, sol] : rows)
    if (*sol) out += parts::effects_text(s, notes, name, (*sol)->stakeholders);
  return out + partial_note(r);
}

std::string bargain_text(const Scenario& s, const Result& r, Style style) {
  std::string out = bargain_headline(s, r, style);
  const SourceNotes notes(s);  // red lines cite the numbered sources by id
  if (!r.closest) return out;
  const bargain::Closest& c = *r.closest;
  out += "\n";
  if (c.package.empty()) return out + wrap("Closest package: none found.");
  if (c.zone_exists) {
    out += wrap("Closest acceptable package to the draft: " + std::to_string(c.changed_issues) +
                " issue(s) changed, then the highest Nash product.");
  } else {
    const std::string scope =
        c.blocked_issues.empty()
            ? "Among packages crossing no red line of a bargaining party, the one"
            : "If those red lines moved: among packages crossing no red line of a bargaining party except on the "
              "blocked issues, where each takes one of the options listed above, the one";
    out += wrap("No package is acceptable to all. " + scope + " with the smallest largest shortfall below "
                "reservation — what each side would have to concede, in utility, for a deal — and, among "
                "those, the fewest changes to the draft (" + std::to_string(c.changed_issues) + "):");
    out += wrap("Shortfall: " + shortfall_text(s, r, c) + ".", text_width(), "  ");
    if (!c.red_lines_crossed.empty()) {
      std::vector<PartyIndex> whose;
      for (const auto& x : c.red_lines_crossed)
        if (std::find(whose.begin(), whose.end(), x.party) == whose.end()) whose.push_back(x.party);
      std::string names;
      for (const PartyIndex p : whose) names += (names.empty() ? "" : ", ") + s.parties[p].id;
      out += wrap("This package crosses red lines of bargaining parties — " +
                      parts::crossings_text(s, notes, c.red_lines_crossed) + " — so it is unacceptable to " + names +
                      " whatever the utility (every package crosses a red line on the blocked issues).",
                  text_width(), "  ");
    }
  }
  Table t;
  t.header = {"issue", "draft", "closest", "gains", "loses"};
  for (const bargain::Change& ch : c.changes) {
    std::string gains, loses;
    for (std::size_t q = 0; q < ch.delta.size(); ++q) {
      const std::string who = s.parties[r.parties[q]].id;
      if (ch.delta[q] > kUtilityEps) gains += (gains.empty() ? "" : ", ") + who + " +" + fixed(ch.delta[q]);
      if (ch.delta[q] < -kUtilityEps) loses += (loses.empty() ? "" : ", ") + who + " " + fixed(ch.delta[q]);
    }
    t.rows.push_back({s.issues[ch.issue].id, setting_text(s, ch.issue, ch.from),
                      setting_text(s, ch.issue, ch.to), gains, loses});
  }
  if (!t.rows.empty()) out += t.render(style, text_width());
  std::string u;
  for (std::size_t q = 0; q < c.utilities.size(); ++q)
    u += (u.empty() ? "" : ", ") + s.parties[r.parties[q]].id + " " + fixed(c.utilities[q]);
  out += wrap("Utilities: " + u + ".");
  return out + parts::effects_text(s, notes, c.zone_exists ? "Closest acceptable package" : "Closest package", c.stakeholders);
}

std::string bargain_sources_text(const Scenario& s, const Result& r) {
  const SourceNotes notes(s);
  const Json cited = parts::cited_sources_json(notes, bargain_json(s, r, 0));
  if (cited.empty()) return {};
  std::string out = "\nSources:\n";
  for (const Json& c : cited) {
    std::string line(1, '[');  // appended piece by piece: GCC 12 misreads "[" + … (-Wrestrict)
    line += std::to_string(c["id"].get<std::size_t>());
    line += "] ";
    line += c["source"].get<std::string>();
    out += wrap(line, text_width(), "    ");
  }
  return out;
}

std::string bargain_stakeholders_text(const Scenario& s, const Result& r) {
  const SourceNotes notes(s);  // red lines cite the numbered sources by id
  if (!r.outcome.ok()) return {};
  std::string out = wrap(stakeholders_line(s, r));
  const std::pair<const char*, const std::optional<bargain::Solution>*> rows[] = {
      {"Nash", &r.solutions.nash},
      {"Kalai–Smorodinsky", &r.solutions.kalai_smorodinsky},
      {"egalitarian", &r.solutions.egalitarian},
      {"utilitarian", &r.solutions.utilitarian}};
  for (const auto& [name, sol] : rows)
    if (*sol) out += parts::effects_text(s, notes, name, (*sol)->stakeholders);
  if (r.closest && !r.closest->package.empty())
    out += parts::effects_text(s, notes, "Closest package", r.closest->stakeholders);
  return out;
}

Termination bargain_termination(const bargain::Result& r) {
  if (!r.outcome.ok()) return {Stop::size_limit, r.outcome.message()};
  if (r.finding == bargain::Finding::too_large) return {Stop::size_limit, "the package space is too large to decide"};
  return r.outcome.termination.stop == Stop::not_set ? Termination::done() : r.outcome.termination;
}

}  // namespace accord::report

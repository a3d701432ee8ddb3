// The text renderer of a stability result: what `accord gmcr` prints (docs/gmcr.md).
#include <algorithm>
#include <ostream>
#include <sstream>

#include "accord/report/gmcr.hpp"
#include "gmcr_summary.hpp"

namespace accord::report {

namespace {

using gmcr::Analysis;
using gmcr::Concept;
using Sets = gmcr::PerConcept<std::optional<gmcr::StateSet>>;

// SIM: M (simultaneous); SEQ+SIM: B (both).
const char* concept_letter(Concept k) {
  switch (k) {
    case Concept::nash: return "R";
    case Concept::gmr: return "G";
    case Concept::smr: return "S";
    case Concept::seq: return "Q";
    case Concept::sim: return "M";
    case Concept::seq_sim: return "B";
    case Concept::not_set: break;
  }
  return "?";
}

std::string pad(std::string s, std::size_t w) {
  if (s.size() < w) s.append(w - s.size(), ' ');
  return s;
}

void trim_right(std::string& s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
}

// States as rows, (player × concept) as columns; `*` = stable. Only equilibria (at most
// kGmcrTextRows) unless `all`.
void write_table(std::ostream& os, const Analysis& a, const std::vector<gmcr::PlayerResult>& players,
                 const Sets& eq, bool all) {
  const std::size_t w = std::max<std::size_t>(a.option_count, 5) + 2;
  const std::size_t cell = a.concepts.size() * 2 + 2;
  std::vector<std::size_t> widths;
  for (const auto& p : players) widths.push_back(std::max(cell, p.name.size() + 2));
  widths.push_back(cell);
  std::string head = pad("state", w);
  for (std::size_t p = 0; p < players.size(); ++p) head += pad(players[p].name, widths[p]);
  head += "equilibrium\n" + pad("", w);
  std::string letters;
  for (Concept k : a.concepts) letters += std::string(concept_letter(k)) + " ";
  for (std::size_t p = 0; p <= players.size(); ++p) head += pad(letters, widths[p]);
  trim_right(head);
  os << head << "\n";
  const auto cells = [&](const Sets& sets, std::size_t s, std::size_t width) {
    std::string c;
    for (Concept k : a.concepts) c += !sets[k] ? "- " : sets[k]->test(s) ? "* " : ". ";
    return pad(c, width);
  };
  std::size_t shown = 0, equilibria = 0;
  for (std::size_t s = 0; s < a.states.size(); ++s) {
    bool any_eq = false;
    for (Concept k : a.concepts) any_eq = any_eq || (eq[k] && eq[k]->test(s));
    if (!all && !any_eq) continue;
    if (!all && ++equilibria > kGmcrTextRows) continue;  // counted, not shown
    ++shown;
    std::string row = pad(a.pattern(static_cast<gmcr::StateIndex>(s)), w);
    for (std::size_t p = 0; p < players.size(); ++p) row += cells(players[p].stable, s, widths[p]);
    row += cells(eq, s, cell);
    trim_right(row);
    os << row << "\n";
  }
  if (!all && equilibria > kGmcrTextRows)
    os << "(" << shown << " of " << equilibria << " equilibrium states shown, of " << a.states.size()
       << " states; --all or --json shows every state)\n";
  else if (!all)
    os << "(" << shown << " of " << a.states.size() << " states shown: the equilibria; --all shows every state)\n";
}

std::string path_text(const Conflict& c, const Analysis& a, const std::optional<std::vector<gmcr::PathStep>>& p) {
  if (!p) return "unreachable";
  std::string t;
  for (const auto& step : *p)
    t += step.mover.valid() ? " -" + c.decision_makers[step.mover].id + "-> " + a.pattern(step.state)
                            : a.pattern(step.state);
  return t;
}

void write_equilibria(std::ostream& os, const Analysis& a, const Sets& sets, const std::vector<Concept>& concepts) {
  for (Concept k : concepts) {
    const auto& set = sets[k];
    os << "  " << pad(std::string(gmcr::to_string(k)), 8);
    if (!set) {
      os << "not computed (budget)\n";
      continue;
    }
    os << set->count() << ":";
    std::size_t n = 0;
    for (gmcr::StateIndex s : set->members()) {
      if (++n > 20) {
        os << " …";
        break;
      }
      os << " " << a.pattern(s);
    }
    os << "\n";
  }
}

void write_paths(std::ostream& os, const Conflict& c, const Analysis& a, const Termination& t, bool all) {
  const std::string sq = a.pattern(*a.status_quo);
  if (!a.status_quo_paths_computed) {
    os << "\nFrom the status quo " << sq << ": paths not computed (" << to_string(t.stop) << ")\n";
    return;
  }
  os << "\nFrom the status quo " << sq << ":\n";
  std::size_t listed = 0;
  for (const auto& r : a.status_quo_paths) {
    if (!all && ++listed > kGmcrTextPaths) {
      os << "  … and " << a.status_quo_paths.size() - kGmcrTextPaths
         << " more equilibria (--all or --json lists every path)\n";
      break;
    }
    os << "  " << a.pattern(r.target) << " (";
    for (std::size_t k = 0; k < r.equilibrium_under.size(); ++k)
      os << (k ? "," : "") << gmcr::to_string(r.equilibrium_under[k]);
    os << ")\n    by improvements: " << path_text(c, a, r.by_improvements)
       << "\n    by any moves:    " << path_text(c, a, r.by_moves) << "\n";
  }
}

void write_explanation(std::ostream& os, const Conflict& c, const gmcr::ExplainResult& e) {
  const std::size_t n = c.options.size();
  const std::string at = state_pattern(e.state, n);
  os << "\nWhy " << at << " is stable or not:\n";
  for (const gmcr::Explanation& x : e.explanations) {
    const std::string& id = c.decision_makers[x.decision_maker].id;
    os << "  " << id << " " << gmcr::to_string(x.kind) << ": ";
    if (!x.complete)
      os << "not determined (the time budget ran out after " << x.improvements.size() << " improvement"
         << (x.improvements.size() == 1 ? "" : "s") << "; raise --max-seconds)";
    else
      os << (x.stable ? "stable" : "unstable") << (x.improvements.empty() ? " (no unilateral improvement)" : "");
    os << "\n";
    for (const auto& det : x.improvements) {
      os << "    improves to " << state_pattern(det.improvement, n) << ": ";
      if (x.kind == Concept::nash) {
        os << "nothing deters it under Nash\n";
      } else if (det.deterred) {
        os << "sanctioned: " << state_pattern(det.sanction.front().first, n);  // the improvement itself
        for (std::size_t k = 1; k < det.sanction.size(); ++k)
          os << " -" << c.decision_makers[det.sanction[k].second].id << "-> "
             << state_pattern(det.sanction[k].first, n);
        os << "\n";
      } else {
        os << "no sanction by the others leaves " << id << " no better off than at " << at << "\n";
      }
    }
  }
}

}  // namespace

void write_gmcr_text(std::ostream& os, const Conflict& c, const gmcr::RunResult& r, const GmcrTextOptions& o) {
  if (o.summary) {
    os << detail::gmcr_summary_text(c, r, o.style, o.scenario);
    return;
  }
  if (!r.ok()) {
    os << "Stability analysis failed: " << (r.outcome.message().empty() ? "unknown error" : r.outcome.message())
       << "\n";
    return;
  }
  const Analysis& a = *r.analysis;
  os << "Options: ";
  for (const ConflictOptionIndex k : c.options.indices())
    os << (k.get() ? ", " : "") << k.get() + 1 << "." << c.options[k].id;
  os << "\nStates: " << a.states.size() << " feasible; a state is one Y/N per option, in that order.\n";
  os << "Columns:";
  for (std::size_t k = 0; k < a.concepts.size(); ++k)
    os << (k ? ", " : " ") << concept_letter(a.concepts[k]) << " " << detail::concept_title(a.concepts[k]);
  os << "; * stable, . unstable, - not computed.\n";
  if (a.sanctions == gmcr::Sanctions::gmcr_py)
    os << "Sanction rule: gmcr-py (a sanction is one move by one opponent; SEQ+SIM = SEQ or SIM).\n";
  os << "\n";
  const bool every_row = o.all || a.states.size() <= 64;
  write_table(os, a, a.decision_makers, a.equilibria, every_row);
  os << "\nEquilibria:\n";
  write_equilibria(os, a, a.equilibria, a.concepts);
  if (a.coalition) {
    os << "\nCoalition " << a.coalition->players.front().name
       << " (moves as one; an improvement must help every member):\n";
    write_table(os, a, a.coalition->players, a.coalition->equilibria, every_row);
  }
  if (a.coalitional) {
    os << "\nCoalition stability (Inohara & Hipel 2008): a state is stable for a DM when it is stable for "
          "every coalition containing it; SIM and SEQ+SIM have no coalition form (-):\n";
    write_table(os, a, a.coalitional->decision_makers, a.coalitional->equilibria, every_row);
    os << "\nCoalitional equilibria:\n";
    if (a.coalitional->concepts.empty()) os << "  none asked: only Nash, GMR, SMR and SEQ have a coalition form\n";
    write_equilibria(os, a, a.coalitional->equilibria, a.coalitional->concepts);
  }
  if (a.status_quo) write_paths(os, c, a, r.outcome.termination, o.all);
  if (o.explanation != nullptr && o.explanation->ok()) write_explanation(os, c, *o.explanation);
}

std::string gmcr_text(const Conflict& c, const gmcr::RunResult& r, const GmcrTextOptions& o) {
  std::ostringstream os;
  write_gmcr_text(os, c, r, o);
  return os.str();
}

namespace detail {

const char* concept_title(gmcr::Concept k) {
  switch (k) {
    case gmcr::Concept::nash: return "Nash";
    case gmcr::Concept::gmr: return "GMR";
    case gmcr::Concept::smr: return "SMR";
    case gmcr::Concept::seq: return "SEQ";
    case gmcr::Concept::sim: return "SIM";
    case gmcr::Concept::seq_sim: return "SEQ+SIM";
    case gmcr::Concept::not_set: break;
  }
  return "?";
}

}  // namespace detail

}  // namespace accord::report

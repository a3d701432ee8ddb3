// The summary form of the stability text renderer: the report's section (docs/gmcr.md).
#include "gmcr_summary.hpp"

#include "accord/report/table.hpp"

namespace accord::report::detail {

namespace {

using gmcr::Analysis;
using gmcr::Concept;
using gmcr::StateIndex;

constexpr std::size_t kListed = 8;  // equilibria spelled out per concept in the text

// "ua_accept, ru_sign" — the options taken in a state (or "none").
std::string options_taken(const Conflict& c, StateCode code) {
  std::string out;
  for (const ConflictOptionIndex k : c.options.indices())
    if ((code >> k.get()) & 1u) out += (out.empty() ? "" : ", ") + c.options[k].id;
  return out.empty() ? "none" : out;
}

std::string path_text(const Conflict& c, const Analysis& a, const std::vector<gmcr::PathStep>& path) {
  std::string out;
  for (const auto& step : path) {
    if (step.mover.valid()) out += " -" + c.display_name(step.mover) + "-> ";
    out += a.pattern(step.state);
  }
  return out;
}

std::vector<StateIndex> equilibria(const Analysis& a, Concept k) {
  const auto& set = a.equilibria[k];
  return set ? set->members() : std::vector<StateIndex>{};
}

}  // namespace

std::string gmcr_summary_text(const Conflict& c, const gmcr::RunResult& run, Style style, const std::string& scenario) {
  if (!run.ok())
    return wrap("Stability analysis failed: " +
                (run.outcome.message().empty() ? std::string("unknown error") : run.outcome.message()));
  const Analysis& a = *run.analysis;
  const Termination& end = run.outcome.termination;
  std::string legend;
  for (const auto& o : c.options) legend += (legend.empty() ? "" : " ") + o.id;
  std::string out = wrap(std::to_string(c.decision_makers.size()) + " decision makers, " +
                         std::to_string(c.options.size()) + " options, " + std::to_string(a.states.size()) +
                         " feasible states. States are written one Y/N per option, in the order: " + legend + ".");
  Table t;
  t.header = {"concept", "equilibria", "e.g. (options taken)"};
  t.right_align = {false, true, false};
  for (Concept k : a.concepts) {
    if (!a.equilibria[k]) {
      t.rows.push_back({std::string(gmcr::to_string(k)), "-", "not computed (time budget)"});
      continue;
    }
    const auto eq = equilibria(a, k);
    std::string examples;
    for (std::size_t n = 0; n < eq.size() && n < 2; ++n)
      examples += (examples.empty() ? "" : "; ") + a.pattern(eq[n]) + " (" + options_taken(c, a.states[eq[n]]) + ")";
    if (eq.size() > 2) examples += "; …";
    t.rows.push_back({std::string(gmcr::to_string(k)), std::to_string(eq.size()), examples.empty() ? "-" : examples});
  }
  out += t.render(style, text_width(), 2);
  if (a.status_quo) {
    const StateIndex sq = *a.status_quo;
    std::string under;
    for (Concept k : a.concepts) {
      const auto& set = a.equilibria[k];
      if (set && set->test(sq)) under += (under.empty() ? "" : ", ") + std::string(gmcr::to_string(k));
    }
    out += wrap("Status quo " + a.pattern(sq) + " (" + options_taken(c, a.states[sq]) + "): " +
                (under.empty() ? "not an equilibrium" : "an equilibrium under " + under) + ".");
    std::size_t listed = 0, reachable = 0;
    std::string paths;
    for (const auto& r : a.status_quo_paths) {
      if (!r.by_improvements || r.target == sq) continue;
      ++reachable;
      if (listed++ < kListed) paths += wrap(path_text(c, a, *r.by_improvements), text_width(), "  ");
    }
    out += wrap(reachable == 0 ? "No other equilibrium can be reached from it by unilateral improvements."
                               : std::to_string(reachable) +
                                     " equilibria can be reached from it by unilateral improvements (shortest paths):");
    out += paths;
  }
  if (!end.finished())
    out += wrap("The analysis stopped early (" + std::string(to_string(end.stop)) + ": " +
                end.detail + "); the result is partial.");
  // A state that exists (the status quo, else the first), so the command runs as printed.
  const std::string state = a.status_quo ? a.pattern(*a.status_quo)
                            : a.states.empty() ? std::string("STATE") : a.pattern(StateIndex(0));
  out += wrap("Details, explanations and coalitions: accord gmcr " + scenario + " --explain " + state + ".");
  return out;
}

}  // namespace accord::report::detail

// Model-level checks of a `conflict:` section (docs/gmcr.md). Paths use ids where the
// entity has one (conflict.decision_makers.UA.ranking[2]) so readers can place them.
#include <set>
#include <utility>

#include "accord/model/conflict.hpp"

namespace accord {

namespace {

struct Checker {
  Diagnostics out;
  void error(std::string path, std::string entity, std::string msg, std::string hint = {}) {
    out.push_back({Severity::error, "", 0, 0, std::move(path), std::move(entity), std::move(msg),
                   std::move(hint)});
  }
};

void check_options(const Conflict& c, Checker& ck) {
  if (c.options.empty())
    ck.error("conflict.options", "", "a conflict needs at least one option; found none");
  if (c.options.size() > kMaxConflictOptions)
    ck.error("conflict.options", "",
             "found " + std::to_string(c.options.size()) + " options; expected at most " +
                 std::to_string(kMaxConflictOptions) + " (2^24 states)",
             "merge options or split the conflict");
  // The controller of each option; invalid while none is seen.
  IndexedVector<ConflictOptionIndex, DecisionMakerIndex> owner(c.options.size());
  for (const DecisionMakerIndex d : c.decision_makers.indices()) {
    const DecisionMaker& dm = c.decision_makers[d];
    for (ConflictOptionIndex o : dm.options) {
      if (!c.options.contains(o)) continue;
      if (owner[o].valid() && owner[o] != d)
        ck.error("conflict.decision_makers." + dm.id + ".options", "decision maker " + dm.id,
                 "option `" + c.options[o].id + "` is already controlled by `" +
                     c.decision_makers[owner[o]].id + "`; expected each option to have one controller");
      owner[o] = d;
    }
  }
  for (const ConflictOptionIndex o : c.options.indices())
    if (!owner[o].valid())
      ck.error("conflict.options." + c.options[o].id, "option " + c.options[o].id,
               "no decision maker controls option `" + c.options[o].id + "`",
               "list it under one decision maker's `options`");
}

void check_ranking(const Conflict& c, const DecisionMaker& dm, Checker& ck) {
  const std::string path = "conflict.decision_makers." + dm.id + ".ranking";
  const std::string entity = "decision maker " + dm.id;
  if (dm.ranking.empty()) {
    ck.error(path, entity, "the ranking is empty; expected every feasible state, best first");
    return;
  }
  // Any number of options the engine takes (kMaxConflictOptions): a ranking lists the feasible
  // states only, so infeasible rules and exclusive groups keep it short.
  if (c.options.size() > kMaxConflictOptions) return;  // reported for the options already
  const std::size_t n = c.options.size();
  std::vector<std::uint8_t> seen(std::size_t{1} << n, 0);
  for (std::size_t t = 0; t < dm.ranking.size(); ++t)
    for (StateCode s : dm.ranking[t]) {
      const std::string at = path + "[" + std::to_string(t) + "]";
      if (s >> n) {
        ck.error(at, entity, "state code " + std::to_string(s) + " is out of range");
      } else if (!is_feasible(c, s)) {
        ck.error(at, entity, "state " + state_pattern(s, n) + " is infeasible; expected only feasible states");
      } else if (std::exchange(seen[s], std::uint8_t{1}) != 0) {
        ck.error(at, entity, "state " + state_pattern(s, n) + " is ranked twice; expected it once");
      }
    }
  std::string missing;
  std::size_t count = 0;
  for (StateCode s = 0; s < (StateCode{1} << n); ++s)
    if (!seen[s] && is_feasible(c, s)) {
      if (++count <= 5) missing += (missing.empty() ? "" : ", ") + state_pattern(s, n);
    }
  if (count > 0)
    ck.error(path, entity,
             "the ranking omits " + std::to_string(count) + " feasible state(s): " + missing +
                 (count > 5 ? ", …" : "") + "; expected every feasible state exactly once");
}

void check_literals(const Conflict& c, const Conjunction& conj, const std::string& path,
                    const std::string& entity, Checker& ck) {
  for (const Literal& l : conj.literals)
    if (!c.options.contains(l.option))
      ck.error(path, entity, "refers to option index " + std::to_string(l.option.value) +
                                 "; expected an index below " + std::to_string(c.options.size()));
}

}  // namespace

Diagnostics validate_conflict(const Conflict& c) {
  Checker ck;
  check_options(c, ck);
  if (c.decision_makers.size() < 2)
    ck.error("conflict.decision_makers", "",
             "found " + std::to_string(c.decision_makers.size()) +
                 " decision maker(s); expected at least two");
  std::set<std::string> ids;
  for (const DecisionMaker& dm : c.decision_makers) {
    const std::string base = "conflict.decision_makers." + dm.id;
    const std::string entity = "decision maker " + dm.id;
    if (!ids.insert(dm.id).second)
      ck.error(base + ".id", entity, "duplicate decision maker id `" + dm.id + "`");
    if (dm.options.empty())
      ck.error(base + ".options", entity, "controls no option; expected at least one");
    if (dm.preference_kind == PreferenceKind::ranking) {
      if (c.options.size() <= kMaxConflictOptions) check_ranking(c, dm, ck);
      continue;
    }
    if (dm.statements.size() > kMaxPreferenceStatements)
      ck.error(base + ".preferences", entity,
               "found " + std::to_string(dm.statements.size()) + " statements; expected at most " +
                   std::to_string(kMaxPreferenceStatements));
    for (std::size_t k = 0; k < dm.statements.size(); ++k)
      for (const Conjunction& conj : dm.statements[k].condition.any)
        check_literals(c, conj, base + ".preferences[" + std::to_string(k) + "]", entity, ck);
  }
  for (std::size_t k = 0; k < c.infeasible.size(); ++k)
    check_literals(c, c.infeasible[k].when, "conflict.infeasible[" + std::to_string(k) + "]", "", ck);
  for (std::size_t k = 0; k < c.exclusive.size(); ++k)
    if (c.exclusive[k].options.size() < 2)
      ck.error("conflict.exclusive[" + std::to_string(k) + "]", "",
               "a mutually exclusive group needs at least two options; found " +
                   std::to_string(c.exclusive[k].options.size()));
  if (has_errors(ck.out) || c.options.size() > kMaxConflictOptions) return ck.out;
  if (c.status_quo) {
    if (*c.status_quo >> c.options.size())
      ck.error("conflict.status_quo", "", "status quo code is out of range");
    else if (!is_feasible(c, *c.status_quo))
      ck.error("conflict.status_quo", "",
               "the status quo " + state_pattern(*c.status_quo, c.options.size()) +
                   " is infeasible; expected a feasible state");
  }
  bool any_feasible = false;
  for (StateCode s = 0; s < (StateCode{1} << c.options.size()) && !any_feasible; ++s)
    any_feasible = is_feasible(c, s);
  if (!any_feasible)
    ck.error("conflict.infeasible", "", "every state is infeasible; expected at least one feasible state");
  return ck.out;
}

}  // namespace accord

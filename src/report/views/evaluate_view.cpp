// What each reader may see of an evaluate result (`accord evaluate --json`).
#include <nlohmann/json.hpp>

#include "views.hpp"

namespace accord::report::views {
namespace {

using Json = nlohmann::ordered_json;

// acceptable | unacceptable | open: the draft's standing with every party, without saying
// which party holds which verdict.
Json acceptable_to_all(const Json& full) {
  std::string verdict = "acceptable";
  const auto it = full.find("parties");
  if (it == full.end() || !it->is_array()) return "open";
  for (const Json& p : *it) {
    const std::string v = p.is_object() ? p.value("verdict", "open") : "open";
    if (v == "unacceptable") return "unacceptable";
    if (v != "acceptable") verdict = "open";
  }
  return verdict;
}

constexpr ViewRule kRules[] = {
    {"", kMediator},
    {"/scenario", kParty},
    {"/version", kParty},
    {"/package", kParty},
    {"/open_issues", kParty},
    // Its own utility, reservation, verdict, red lines crossed, per-issue contributions, best
    // and worst settlements and deciding issues; never another party's (they reveal its
    // preferences).
    {"/parties/{party}", kParty},
    // Stances are public (every role reads them); the predicted blockers and saliences
    // come from private preferences.
    {"/points/*/point", kParty},
    {"/points/*/number", kParty},
    {"/points/*/stances", kParty},
    {"/points/*/estimated_stances", kParty},  // which of those stances are inferred
    {"/points/*/stated", kParty},
    {"/points/*/stated_blockers", kParty},
    {"/points/*/conditional", kParty},
    {"/readiness/near_final", kParty},
    {"/readiness/open_points", kParty},
    // standing_between and its split (rejected, conditional, unknown) stay the mediator's: when
    // few points are open they are the points salient to some signatory (private weights).
};

constexpr ViewDerivation kDerived[] = {{"acceptable_to_all", kParty, acceptable_to_all}};

}  // namespace

const ViewTable kEvaluate{"evaluate", kSchemas01, "/parties", kRules, kDerived};

}  // namespace accord::report::views

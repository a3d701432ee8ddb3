// What each reader may see of a mediation round's documents (report::round_json, rounds_json,
// responses_json, round_summary_json; docs/rounds.md "Who sees what"): a party its own
// answers only, an observer who has answered (no content); the per-point tallies, readiness,
// convergence and suggestions are the mediator's (they reveal how each party answered).
#include "views.hpp"

namespace accord::report::views {
namespace {

constexpr ViewRule kRules[] = {
    {"", kMediator},
    {"/scenario", kEveryone},
    {"/round", kEveryone},
    {"/version", kEveryone},
    {"/status", kEveryone},
    {"/parties", kEveryone},
    {"/answered", kEveryone},
    {"/not_answered", kEveryone},
    {"/opened", kEveryone},
    {"/closed", kEveryone},
    {"/published_version", kEveryone},
    {"/party", kParty},
    {"/responses/{party}", kParty},
    {"/history/{party}", kParty},
    {"/rounds/*/round", kEveryone},
    {"/rounds/*/version", kEveryone},
    {"/rounds/*/status", kEveryone},
    {"/rounds/*/parties", kEveryone},
    {"/rounds/*/answered", kEveryone},
    {"/rounds/*/not_answered", kEveryone},
    {"/rounds/*/opened", kEveryone},
    {"/rounds/*/closed", kEveryone},
    {"/rounds/*/published_version", kEveryone},
};

constexpr int kSchemas[] = {1};

}  // namespace

const ViewTable kRound{"round", kSchemas, "/parties", kRules, {}};

}  // namespace accord::report::views

// What each reader may see of a stability result (`accord gmcr --json`).
#include "views.hpp"

namespace accord::report::views {
namespace {

// A party learns which states are stable for everyone (also coalitionally); not who holds which option, each
// decision maker's stability, the status quo or the paths to each equilibrium (the conflict
// section they come from is the mediator's). The same holds for "graph" (params.graph: the
// state graph with every decision maker's moves and the status quo): the mediator's only.
constexpr ViewRule kRules[] = {
    {"", kMediator},
    {"/scenario", kParty},
    {"/equilibria", kParty},
    {"/coalitional/concepts", kParty},
    {"/coalitional/equilibria", kParty},
};

}  // namespace

const ViewTable kGmcr{"gmcr", kSchemas01, "", kRules, {}};

}  // namespace accord::report::views

// What each reader may see of a forecast result (`accord forecast --json`).
#include "views.hpp"

namespace accord::report::views {
namespace {

// A party learns where each issue settles under which model, whether the model converged and
// how the model did on real decisions (public figures); not the actors' positions, saliences or
// capabilities, their moves turn by turn, the Monte Carlo band or whose red lines the forecast
// lands on (another party's red lines are private).
constexpr ViewRule kRules[] = {
    {"", kMediator},
    {"/scenario", kParty},
    {"/model", kParty},
    {"/converged", kParty},
    {"/forecast", kParty},
    {"/accuracy", kParty},
};

}  // namespace

const ViewTable kForecast{"forecast", kSchemas01, "", kRules, {}};

}  // namespace accord::report::views

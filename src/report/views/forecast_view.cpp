// What each reader may see of a forecast result (`accord forecast --json`).
#include "views.hpp"

namespace accord::report::views {
namespace {

// A party learns where each issue settles under which model; not the actors' positions,
// saliences or capabilities, their moves turn by turn, or the Monte Carlo band.
constexpr ViewRule kRules[] = {
    {"", kMediator},
    {"/scenario", kParty},
    {"/model", kParty},
    {"/forecast", kParty},
};

}  // namespace

const ViewTable kForecast{"forecast", kSchemas01, "", kRules, {}};

}  // namespace accord::report::views

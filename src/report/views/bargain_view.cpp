// What each reader may see of a bargain result (`accord bargain --json`).
#include "views.hpp"

namespace accord::report::views {
namespace {

// A party learns whether there is a zone of agreement, the proposed packages and its own
// utility of each; never the reservations, zone sizes, frontier, concessions, objectives or
// another party's utility. `{party}` in a utilities array is the reader's index in /parties.
constexpr ViewRule kRules[] = {
    {"", kMediator},
    {"/scenario", kParty},
    {"/finding", kParty},
    {"/zone/exists", kParty},
    {"/parties/{party}", kParty},
    {"/solutions/nash/package", kParty},
    {"/solutions/nash/utilities/{party}", kParty},
    {"/solutions/kalai_smorodinsky/package", kParty},
    {"/solutions/kalai_smorodinsky/utilities/{party}", kParty},
    {"/solutions/egalitarian/package", kParty},
    {"/solutions/egalitarian/utilities/{party}", kParty},
    {"/solutions/utilitarian/package", kParty},
    {"/solutions/utilitarian/utilities/{party}", kParty},
    {"/closest/draft", kParty},
    {"/closest/package", kParty},
    {"/closest/zone_exists", kParty},
    {"/closest/utilities/{party}", kParty},
};

}  // namespace

const ViewTable kBargain{"bargain", kSchemas01, "/parties", kRules, {}};

}  // namespace accord::report::views

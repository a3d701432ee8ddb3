// What each reader may see of a bargain result (`accord bargain --json`).
#include "views.hpp"

namespace accord::report::views {
namespace {

// A party learns whether there is a zone of agreement, the proposed packages and its own
// utility of each; never the reservations, zone sizes, frontier, concessions, objectives or
// another party's utility. The draft's version id is public (the text was circulated).
// `{party}` in a utilities array is the reader's index in /parties.
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
    {"/draft/version", kParty},
    {"/closest/package", kParty},
    {"/closest/zone_exists", kParty},
    {"/closest/utilities/{party}", kParty},
};

// Runs stored before schema 1 have the server's own older shape: solutions and closest keyed
// by party (`utilities: {P: u}`), the draft's version under closest.
constexpr ViewRule kRulesV0[] = {
    {"", kMediator},
    {"/scenario", kParty},
    {"/finding", kParty},
    {"/solutions/*/package", kParty},
    {"/solutions/*/utilities/{party}", kParty},
    {"/closest/draft", kParty},
    {"/closest/package", kParty},
    {"/closest/zone_exists", kParty},
    {"/closest/utilities/{party}", kParty},
};
constexpr int kSchema0[] = {0};
constexpr int kSchema1[] = {1};

}  // namespace

const ViewTable kBargain{"bargain", kSchema1, "/parties", kRules, {}};
const ViewTable kBargainV0{"bargain", kSchema0, "", kRulesV0, {}};

}  // namespace accord::report::views

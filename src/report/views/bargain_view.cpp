// What each reader may see of a bargain result (`accord bargain --json`).
#include "views.hpp"

namespace accord::report::views {
namespace {

// A party learns whether there is a zone of agreement, the proposed packages and its own
// utility of each; never another party's reservation, red lines or utility, nor the zone
// sizes, frontier, concessions, objectives or the blocked-issue analysis (it names every
// party's red lines). The draft's version id is public (the text was circulated).
// Its own (schema 2): the red lines of its own the closest package crosses (its shortfall
// stays hidden, as the reservations do), and, when it did not
// bargain (a stakeholder), its own stakeholder entries (utility, reservation, its red lines
// crossed) for each chosen package. Another party's stakeholder entries or crossings: nothing,
// not even that they exist. `{party}` in a utilities array is the reader's index in /parties;
// in an object, the key equal to the reader's id.
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
    {"/closest/red_lines_crossed/{party}", kParty},
    {"/closest/stakeholders/{party}", kParty},
    {"/solutions/nash/stakeholders/{party}", kParty},
    {"/solutions/kalai_smorodinsky/stakeholders/{party}", kParty},
    {"/solutions/egalitarian/stakeholders/{party}", kParty},
    {"/solutions/utilitarian/stakeholders/{party}", kParty},
    {"/stakeholders/{party}", kParty},
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
// Schema 2 adds keys (stakeholders, blocked, red lines crossed) and makes a shortfall null when
// the party's red line is crossed; schema 3 makes a red line's `sources` note ids and adds the
// table `sources` of the notes cited (shown to the mediator only: it lists the sources of
// every party's red lines). Every schema-1 rule names the same field in all three.
constexpr int kSchema12[] = {1, 2, 3};

}  // namespace

const ViewTable kBargain{"bargain", kSchema12, "/parties", kRules, {}};
const ViewTable kBargainV0{"bargain", kSchema0, "", kRulesV0, {}};

}  // namespace accord::report::views

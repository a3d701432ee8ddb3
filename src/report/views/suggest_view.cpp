// What each reader may see of a closed round's analysis (suggest_json): the mediator only. The
// tally names every party's private answers and the suggestions are computed from the
// mediator's models of every party's preferences (reservations, weights, red lines), so any
// part of it would tell a party about another's answers or preferences. A party reads its own
// answers through the rounds routes, not through this result.
#include "views.hpp"

namespace accord::report::views {
namespace {

constexpr ViewRule kRules[] = {{"", kMediator}};
constexpr int kSchemas[] = {1};

}  // namespace

const ViewTable kSuggest{"suggest", kSchemas, "", kRules, {}};

}  // namespace accord::report::views

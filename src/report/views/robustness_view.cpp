// What each reader may see of a robustness result (`accord robustness --json`, the server's
// robustness analysis).
#include "views.hpp"

namespace accord::report::views {
namespace {

// A threshold is a private input seen from the other side: "holds unless RU's reservation rises
// above 0.75" is RU's reservation. So a party sees only its own verdict's robustness
// (`/verdicts/{party}`): that finding moves only the party's own reservation, weights, values and
// red lines, so its thresholds are on its own inputs. Nothing of the zone, the closest deal, the
// readiness (its salience test reads every signatory's weights), the status quo or the forecast
// (they move every bargaining party's or actor's inputs), nor the bargaining parties' list.
// Observers see nothing but the envelope.
constexpr ViewRule kRules[] = {
    {"", kMediator},
    {"/scenario", kParty},
    {"/version", kParty},
    {"/verdicts/{party}", kParty},
};
constexpr int kSchema1[] = {1};

}  // namespace

// The party list only names readers for the contract test; `{party}` here is an object key.
const ViewTable kRobustness{"robustness", kSchema1, "/bargaining_parties", kRules, {}};

}  // namespace accord::report::views

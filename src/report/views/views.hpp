#pragma once
// Private to accord_report: the party-view table of each engine (one file each).
#include "accord/report/visibility.hpp"

namespace accord::report::views {

extern const ViewTable kEvaluate;
extern const ViewTable kBargain;
extern const ViewTable kBargainV0;  // runs stored before schema 1 (the server's older shape)
extern const ViewTable kGmcr;
extern const ViewTable kForecast;
extern const ViewTable kRobustness;  // a party: its own verdict's robustness only
extern const ViewTable kDiff;
extern const ViewTable kSuggest;  // mediator-only
extern const ViewTable kRound;  // mediation rounds (not an analysis run)

// The schemas of results written before documents carried "schema" (0) and the first
// versioned shapes (1): the party-visible fields are where the tables say in both.
inline constexpr int kSchemas01[] = {0, 1};

}  // namespace accord::report::views

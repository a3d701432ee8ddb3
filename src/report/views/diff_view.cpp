// What each reader may see of a framework diff (`accord diff --json`): all of it. A diff
// compares the versions' public text, which every role reads.
#include "views.hpp"

namespace accord::report::views {
namespace {

constexpr ViewRule kRules[] = {{"", kEveryone}};

}  // namespace

const ViewTable kDiff{"diff", kSchemas01, "", kRules, {}};

}  // namespace accord::report::views

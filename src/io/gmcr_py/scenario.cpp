// A complete scenario around an imported conflict, so every command accepts it.
#include "accord/io/gmcr_py.hpp"

namespace accord::io {

Scenario scenario_from_conflict(const Conflict& c, const std::string& id, const std::string& title) {
  Scenario s;
  s.id = id.empty() ? "imported" : id;
  s.title = title.empty() ? s.id : title;
  Conflict linked = c;
  for (const DecisionMakerIndex d : c.decision_makers.indices()) {
    const DecisionMaker& dm = c.decision_makers[d];
    Party p;
    p.id = dm.id;
    p.name = dm.name.empty() ? dm.id : dm.name;
    s.parties.push_back(std::move(p));
    linked.decision_makers[d].party = PartyIndex(d.get());
  }
  for (const ConflictOption& o : c.options) {  // each yes/no option as an issue
    Issue issue;
    issue.id = o.id;
    issue.title = o.label.empty() ? o.id : o.label;
    issue.options = {Option{"N", "no", std::nullopt, {}, {}}, Option{"Y", "yes", std::nullopt, {}, {}}};
    s.issues.push_back(std::move(issue));
  }
  s.preferences.assign(s.parties.size(), Preferences{});
  for (auto& p : s.preferences) {
    p.issues.assign(s.issues.size(), IssuePreference{});
    for (auto& ip : p.issues) ip.option_values.assign(2, std::nullopt);
  }
  s.conflict = std::move(linked);
  return s;
}

}  // namespace accord::io

#include <nlohmann/json.hpp>

#include "accord/store/history.hpp"

namespace accord::store {

nlohmann::ordered_json history_json(const std::string& scenario, const std::vector<StanceRecord>* stances,
                                    const std::vector<EventRecord>* events) {
  using Json = nlohmann::ordered_json;
  Json out = {{"schema", kHistorySchema}, {"scenario", scenario}};
  if (stances != nullptr) {
    auto& arr = out["stances"] = Json::array();
    for (const auto& r : *stances)
      arr.push_back({{"id", r.id}, {"version", r.version}, {"party", r.party}, {"point", r.point},
                     {"stance", std::string(to_string(r.kind))}, {"note", r.note}, {"sources", r.sources},
                     {"estimate", r.estimate}, {"set_by", r.set_by}, {"set_at", r.set_at},
                     {"revision", r.revision}});
  }
  if (events != nullptr) {
    auto& arr = out["events"] = Json::array();
    for (const auto& r : *events)
      arr.push_back({{"id", r.id}, {"date", r.event.date}, {"kind", std::string(to_string(r.event.kind))},
                     {"text", r.event.text}, {"sources", r.event.sources}, {"added_by", r.added_by},
                     {"added_at", r.added_at}, {"revision", r.revision},
                     {"removed_revision", r.removed_revision ? Json(*r.removed_revision) : Json(nullptr)}});
  }
  return out;
}

}  // namespace accord::store

// Temporary reader of `conflict:` until the stability engine defines the model (docs/gmcr.md).
#include "io/sections.hpp"

namespace accord::io {

std::optional<Conflict> read_conflict(Reader& r, const YAML::Node& node, const Scenario&) {
  if (!r.expect_map(node, "conflict", "", {"note", "source", "sources", "estimate"})) return {};
  Conflict c;
  c.note = r.string(node, "note", "conflict.note", "", false).value_or("");
  c.provenance = r.provenance(node, "conflict", "");
  return c;
}

nlohmann::ordered_json write_conflict(const Conflict& c, const Scenario&) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  if (!c.note.empty()) j["note"] = c.note;
  return j;
}

}  // namespace accord::io

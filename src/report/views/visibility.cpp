// The one place a result is reduced to what its reader may see (tables: <engine>_view.cpp).
#include "accord/report/visibility.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <vector>

#include "views.hpp"

namespace accord::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr ViewRule kEnvelope[] = {
    {"/schema", kEveryone},
    {"/status", kEveryone},
    {"/termination", kEveryone},
    {"/diagnostics", kMediator},  // messages may name any party's inputs
};

constexpr const ViewTable* kTables[] = {&views::kEvaluate, &views::kBargain, &views::kBargainV0, &views::kGmcr, &views::kForecast, &views::kRobustness,
                                        &views::kDiff, &views::kSuggest, &views::kRound};

std::vector<std::string> split(std::string_view pattern) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < pattern.size()) {  // "/a/b" -> {"a", "b"}; "" -> {}
    const std::size_t next = pattern.find('/', at + 1);
    out.emplace_back(pattern.substr(at + 1, next == std::string_view::npos ? std::string_view::npos : next - at - 1));
    at = next == std::string_view::npos ? pattern.size() : next;
  }
  return out;
}

// A rule part-way through its pattern.
struct Cursor {
  const std::vector<std::string>* segments;
  std::size_t at;
};

struct Reader {
  const std::string& party;
  long party_index;
};

bool matches_key(const std::string& seg, const std::string& key, const Reader& r) {
  if (seg == "*") return true;
  if (seg == "{party}") return !r.party.empty() && key == r.party;
  return seg == key;
}

bool matches_index(const std::string& seg, std::size_t index, const Reader& r) {
  if (seg == "*") return true;
  if (seg == "{party}") return r.party_index >= 0 && index == static_cast<std::size_t>(r.party_index);
  return seg == std::to_string(index);
}

// The part of `node` the cursors reach: a cursor at the end of its pattern takes the whole
// subtree; containers reached part-way keep the children some cursor continues into (empty
// when none does); a null reached part-way stays (it says "absent", nothing more); any other
// value reached part-way is dropped.
std::optional<Json> keep(const Json& node, const std::vector<Cursor>& cursors, const Reader& r) {
  for (const Cursor& c : cursors)
    if (c.at == c.segments->size()) return node;
  if (node.is_null()) return node;
  if (!node.is_object() && !node.is_array()) return std::nullopt;
  Json out = node.is_object() ? Json::object() : Json::array();
  std::size_t index = 0;
  for (auto it = node.begin(); it != node.end(); ++it, ++index) {
    std::vector<Cursor> next;
    for (const Cursor& c : cursors) {
      const std::string& seg = (*c.segments)[c.at];
      if (node.is_object() ? matches_key(seg, it.key(), r) : matches_index(seg, index, r))
        next.push_back({c.segments, c.at + 1});
    }
    if (next.empty()) continue;
    std::optional<Json> child = keep(*it, next, r);
    if (!child) continue;
    if (node.is_object()) out[it.key()] = std::move(*child);
    else out.push_back(std::move(*child));
  }
  return out;
}

Json unknown_schema(std::string_view engine, int schema) {
  return {{"schema", schema},
          {"engine", std::string(engine)},
          {"note", "this result's shape (" + std::string(engine) + " schema " + std::to_string(schema) +
                       ") has no declared party view on this server; ask the mediator"}};
}

bool table_grants(const ViewTable& t, Audience a) {
  const Audiences bit = audience_bit(a);
  return std::any_of(t.rules.begin(), t.rules.end(), [&](const ViewRule& rule) { return rule.audiences & bit; }) ||
         std::any_of(t.derived.begin(), t.derived.end(), [&](const ViewDerivation& d) { return d.audiences & bit; });
}

}  // namespace

std::span<const ViewRule> envelope_rules() { return kEnvelope; }

std::span<const ViewTable* const> view_tables() { return kTables; }

const ViewTable* view_table(std::string_view engine, int schema) {
  for (const ViewTable* t : kTables)
    if (t->engine == engine && std::find(t->schemas.begin(), t->schemas.end(), schema) != t->schemas.end()) return t;
  return nullptr;
}

bool may_see_engine(std::string_view engine, Audience audience) {
  if (audience == Audience::mediator) return true;
  return std::any_of(std::begin(kTables), std::end(kTables),
                     [&](const ViewTable* t) { return t->engine == engine && table_grants(*t, audience); });
}

long party_index(const ViewTable& table, const Json& doc, const std::string& party) {
  if (table.party_list.empty() || party.empty()) return -1;
  const Json::json_pointer ptr{std::string(table.party_list)};
  if (!doc.contains(ptr) || !doc.at(ptr).is_array()) return -1;
  const Json& list = doc.at(ptr);
  for (std::size_t k = 0; k < list.size(); ++k) {
    const Json& e = list[k];
    if ((e.is_string() && e.get<std::string>() == party) ||
        (e.is_object() && e.contains("party") && e["party"] == party))
      return static_cast<long>(k);
  }
  return -1;
}

Json result_view(std::string_view engine, int schema, const Json& full, Audience audience, const std::string& party) {
  if (audience == Audience::mediator) return full;
  const ViewTable* table = view_table(engine, schema);
  if (!table) return unknown_schema(engine, schema);
  if (!table_grants(*table, audience)) return Json::object();
  const Audiences bit = audience_bit(audience);
  std::vector<std::vector<std::string>> patterns;
  for (const auto& rules : {std::span<const ViewRule>(kEnvelope), table->rules})
    for (const ViewRule& rule : rules)
      if (rule.audiences & bit) patterns.push_back(split(rule.pattern));
  std::vector<Cursor> cursors;
  for (const auto& p : patterns) cursors.push_back({&p, 0});
  const std::string reader_party = audience == Audience::party ? party : std::string();
  const Reader reader{reader_party, party_index(*table, full, reader_party)};
  Json out = full.is_object() ? keep(full, cursors, reader).value_or(Json::object()) : Json::object();
  for (const ViewDerivation& d : table->derived)
    if ((d.audiences & bit) && d.derive) out[std::string(d.key)] = d.derive(full);
  return out;
}

}  // namespace accord::report

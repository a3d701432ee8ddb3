#pragma once
// What the mediator, a party and an observer may see of each result type: declared as tables
// of rules (one per engine, src/report/views/<engine>_view.cpp) and enforced by one function,
// result_view(). Anything no rule declares visible to the reader is removed (a whitelist), so
// a field renamed or added in a serialiser stays hidden from parties until a table says
// otherwise; tests/server/party_view_contract_test.cpp checks every route and role against
// these tables, and that every rule still names a field the serialisers write.
#include <nlohmann/json_fwd.hpp>

#include <span>
#include <string>
#include <string_view>

namespace accord::report {

// Who reads a result. A party token outside the scenario reads as an observer.
enum class Audience { not_set = 0, mediator, party, observer };

// A set of audiences (bit per Audience).
using Audiences = unsigned;
[[nodiscard]] constexpr Audiences audience_bit(Audience a) { return 1u << static_cast<unsigned>(a); }
inline constexpr Audiences kMediator = audience_bit(Audience::mediator);
inline constexpr Audiences kParty = audience_bit(Audience::party);
inline constexpr Audiences kObserver = audience_bit(Audience::observer);
inline constexpr Audiences kEveryone = kMediator | kParty | kObserver;

// A JSON pointer pattern naming a subtree, and who may see it. Segments: a key or array
// index, `*` (any key or index) or `{party}` (the reader's own party: the object key equal to
// its id, or in an array the index at which it appears in the table's party list).
// "" names the whole document.
struct ViewRule {
  std::string_view pattern;
  Audiences audiences = 0;
};

// A top-level field computed from the full result for readers who may not see its inputs
// (e.g. whether every party accepts a draft, without any party's verdict).
struct ViewDerivation {
  std::string_view key;
  Audiences audiences = 0;
  nlohmann::ordered_json (*derive)(const nlohmann::ordered_json& full) = nullptr;
};

struct ViewTable {
  std::string_view engine;
  std::span<const int> schemas;  // the result schemas whose shape these rules were written for
  // JSON pointer to the result's list of party ids (strings, or objects with a "party" key)
  // that `{party}` array indices refer to; "" when none.
  std::string_view party_list;
  std::span<const ViewRule> rules;
  std::span<const ViewDerivation> derived;
};

// Rules every result shares (the envelope: schema, status, termination, diagnostics), applied
// with each table's own: a reader sees the envelope of any result it may see at all.
[[nodiscard]] std::span<const ViewRule> envelope_rules();

// Every table, one per engine (schemas listed in each).
[[nodiscard]] std::span<const ViewTable* const> view_tables();
// The table of `engine` for results of `schema`, or nullptr.
[[nodiscard]] const ViewTable* view_table(std::string_view engine, int schema);
// Whether `audience` may see anything of `engine`'s results (any table, any schema).
[[nodiscard]] bool may_see_engine(std::string_view engine, Audience audience);

// The stored result `full` of `engine` at `schema` as `audience` (with `party`, the reader's
// party id, for Audience::party) may see it: the fields the table declares visible to it plus
// its declared derivations. The mediator's view is the result itself. A result whose engine or
// schema has no table is shown to others as {"schema", "engine", "note"} only.
[[nodiscard]] nlohmann::ordered_json result_view(std::string_view engine, int schema,
                                                 const nlohmann::ordered_json& full, Audience audience,
                                                 const std::string& party);

// The index of `party` in the table's party list of `doc`, or -1 (for `{party}` array indices).
[[nodiscard]] long party_index(const ViewTable& table, const nlohmann::ordered_json& doc, const std::string& party);

}  // namespace accord::report

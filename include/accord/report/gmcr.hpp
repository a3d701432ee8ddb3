#pragma once
// The stability (GMCR) result for people and scripts: one JSON serialiser (as a tree or written
// to a stream, same shape) and one text renderer, used by `accord gmcr`, `accord report` and the
// server. Shape and rules: docs/gmcr.md "JSON".
#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/engines/gmcr.hpp"
#include "accord/model/budget.hpp"
#include "accord/model/outcome.hpp"
#include "accord/model/scenario.hpp"
#include "accord/report/table.hpp"

namespace accord::report {

// Version of the JSON shape below; bumped when it changes incompatibly.
inline constexpr int kGmcrSchema = 1;

// The parts of a result that list states. A part not listed is still given as counts.
struct GmcrParts {
  bool equilibria = false;  // equilibria per concept (+ the coalition's), states reachable from the status quo
  bool stability = false;   // the states stable for each decision maker per concept (+ coalition players)
  bool paths = false;       // the status-quo paths
  bool states = false;      // every feasible state
  [[nodiscard]] static GmcrParts all() { return {true, true, true, true}; }
  bool operator==(const GmcrParts&) const = default;
};
// The parts read from a list: set when the status is ok; otherwise invalid_input with one
// error naming the bad word.
struct GmcrPartsParse {
  std::optional<GmcrParts> parts;
  Outcome outcome;
  [[nodiscard]] bool ok() const { return outcome.ok() && parts.has_value(); }
};
// "equilibria,stability,paths,states" in any order and subset, "all" or "none".
[[nodiscard]] GmcrPartsParse parse_gmcr_parts(std::string_view list);

// Without an explicit choice, a part with more entries than this is given as counts only, and
// the output says so ("omitted").
inline constexpr std::size_t kGmcrListedByDefault = 65536;

struct GmcrJsonOptions {
  GmcrParts include = GmcrParts::all();
  // An included part with more entries than this is left out (counts only, named in
  // "omitted"); 0 = no limit. Entries: states, the members of each state set, path steps.
  std::size_t max_listed = kGmcrListedByDefault;
  std::string scenario;                              // the "scenario" key; none when empty
  const gmcr::ExplainResult* explanation = nullptr;  // adds "explanation" when set
};

struct GmcrOmitted {
  std::string part;     // equilibria | stability | paths | states
  std::size_t entries;  // what listing it would have taken
};
// The included parts that `max_listed` leaves out, in document order.
[[nodiscard]] std::vector<GmcrOmitted> gmcr_omitted(const gmcr::RunResult& r, const GmcrJsonOptions& o);

// `c` is the conflict that was analysed (names, options).
[[nodiscard]] nlohmann::ordered_json gmcr_json(const Conflict& c, const gmcr::RunResult& r,
                                               const GmcrJsonOptions& o = {});
// The same document as gmcr_json(...).dump(2), written as it is produced: memory stays near
// one entry however many states are listed. Returns false when the stream failed.
bool write_gmcr_json(std::ostream& os, const Conflict& c, const gmcr::RunResult& r, const GmcrJsonOptions& o = {});

// Text output lists at most kGmcrTextRows equilibrium rows and kGmcrTextPaths status-quo paths
// unless `all` (the JSON lists them all).
inline constexpr std::size_t kGmcrTextRows = 200;
inline constexpr std::size_t kGmcrTextPaths = 50;
struct GmcrTextOptions {
  bool all = false;                                  // every state in the tables, every path
  const gmcr::ExplainResult* explanation = nullptr;  // appends "Why STATE is stable or not"
  // The summary form (the report's section): equilibria per concept with examples, the status
  // quo and what it leads to, in `style`; `scenario` names the `accord gmcr` command for more.
  bool summary = false;
  Style style = Style::text;
  std::string scenario;
};
// What `accord gmcr` prints: the stability table, equilibria, coalition, status-quo paths (or
// the summary form).
void write_gmcr_text(std::ostream& os, const Conflict& c, const gmcr::RunResult& r, const GmcrTextOptions& o = {});
[[nodiscard]] std::string gmcr_text(const Conflict& c, const gmcr::RunResult& r, const GmcrTextOptions& o = {});

// The report's stability section, rendering a result the caller computed (gmcr::run on `s`).
// JSON: gmcr_json listing the equilibria only (the report's summary form). Null / empty when
// the scenario has no conflict section.
[[nodiscard]] nlohmann::ordered_json gmcr_headline_json(const Scenario& s, const gmcr::RunResult& r);
// `scenario`: the word the suggested `accord gmcr` command names (default: the scenario's id).
[[nodiscard]] std::string gmcr_headline_text(const Scenario& s, const gmcr::RunResult& r, Style style,
                                             const std::string& scenario = {});
// The HTML report's stability section body: at most `max_state_rows` rows besides the
// equilibria and the status quo.
[[nodiscard]] std::string gmcr_html(const Scenario& s, const gmcr::RunResult& r, std::size_t max_state_rows);

}  // namespace accord::report

#pragma once
// Mediation rounds (docs/rounds.md) as JSON and text: the one serialiser and renderer the CLI
// (`accord round … --json`) and the server (/api/scenarios/{id}/rounds…) call. What each
// role may see of these documents is declared in src/report/views/round_view.cpp (engine
// "round"): a party sees only its own answers, an observer only who has answered.
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "accord/engines/round.hpp"
#include "accord/engines/suggest.hpp"
#include "accord/model/round.hpp"
#include "accord/report/table.hpp"

namespace accord::report {

using Json = nlohmann::ordered_json;

// Bump when the shape of any round document changes incompatibly.
inline constexpr int kRoundSchema = 1;
// The engine name of round documents in the view tables (report::result_view).
inline constexpr const char* kRoundView = "round";

// One round: addressed parties, who answered, every addressed party's answers (every point of
// the circulated version; unanswered ones `no_answer` with null set_by), the convergence
// `live` computed from the answers (null when not given) and the stored close summary (null
// while open).
[[nodiscard]] Json round_json(const Scenario& s, const RoundRecord& r, const rounds::Summary* live);
// Every round of a scenario, oldest first, each with its convergence (`live[i]` for round i).
[[nodiscard]] Json rounds_json(const Scenario& s, const std::vector<RoundRecord>& list,
                               const std::vector<rounds::Summary>& live);
// One party's answers in a round, with every revision of them when `history` is given.
[[nodiscard]] Json responses_json(const Scenario& s, const RoundRecord& r, const std::string& party,
                                  const std::vector<RoundResponse>* history);
// The close summary: per point who accepts, rejects, is conditional or silent (and the
// amendments proposed), readiness, convergence, and the engine's suggestions (`suggestions`,
// null when none were computed).
[[nodiscard]] Json round_summary_json(const Scenario& s, const RoundRecord& r, const rounds::Summary& sum,
                                      const Json& suggestions);
// The engine's input: the round's answers with ids resolved (unknown ids are left out; the
// store checked every id when the answer was written).
[[nodiscard]] std::vector<suggest::PartyAnswers> suggest_answers(const Scenario& s, const RoundRecord& r);
// The close summary of `r` on `s` (rounds::summarize, and `suggestions`: the suggest engine's
// document, report::suggest_json, for the answers), as `accord round close` and
// POST …/rounds/{n}/close store and return it.
[[nodiscard]] Json close_summary_json(const Scenario& s, const RoundRecord& r, const Deadline& deadline);
[[nodiscard]] Json convergence_json(const Scenario& s, const rounds::Summary& sum);
// The version published from a round, with what happened to each point.
[[nodiscard]] Json published_json(const Scenario& s, const RoundRecord& r, const rounds::NextVersion& next,
                                  std::int64_t revision);

[[nodiscard]] std::string round_text(const Scenario& s, const RoundRecord& r, const rounds::Summary* live, Style style);
[[nodiscard]] std::string rounds_text(const Scenario& s, const std::vector<RoundRecord>& list,
                                      const std::vector<rounds::Summary>& live, Style style);
[[nodiscard]] std::string round_summary_text(const Scenario& s, const RoundRecord& r, const rounds::Summary& sum,
                                             Style style);
[[nodiscard]] std::string published_text(const Scenario& s, const rounds::NextVersion& next, Style style);

// --- request bodies shared by the server and the CLI -------------------------------------

// A parse error: what is wrong and the field it names (JSON path).
struct BodyError {
  std::string message;
  std::string field;
};

// {"P20_04": "accept" | {"stance", "note", "amendment", "acceptable": {ISSUE: [OPTION | NUMBER]}}}
[[nodiscard]] std::optional<BodyError> parse_responses(const Json& responses, std::vector<RoundResponse>& out);
// Applies `"adopt": [i, …]` of a publish body: suggestion i of the round's stored close
// summary (`summary["suggestions"]["suggestions"][i]`) becomes edits in `body`: a repair sets
// its point's issues as suggested; the closest package sets each issue it changes on every
// circulated point that sets that issue, and adds a point for an issue the text leaves open.
// Hand edits in `body["amend"]` win over adopted ones on the same point and issue. A bracket
// has no edit (an error, as is an index out of range or a round closed without suggestions).
[[nodiscard]] std::optional<BodyError> adopt_suggestions(const Scenario& s, const RoundRecord& r, Json& body);
// {"version", "label"?, "date"?, "amend"?: {POINT: {"text"?, "sets"?: {ISSUE: OPTION | NUMBER | null}}},
//  "drop"?: [POINT], "add"?: [{"text", "sets"?, "after"?, "from"?: [POINT]}]}
[[nodiscard]] std::optional<BodyError> parse_edits(const Json& body, rounds::Edits& out);

}  // namespace accord::report

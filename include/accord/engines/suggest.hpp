#pragma once
// suggest: a mediation round closed — each addressed party's private answers to a circulated
// text, tallied per point, the text's readiness (evaluate's near-final rule) and the engine's
// suggestions for the next text: Pareto-improving repairs of rejected or conditional points,
// the least costly repair when none is Pareto-improving, the closest package acceptable to
// every party (the bargaining engine's), and the points to bracket so the rest is near-final.
// Pure: no I/O, deterministic. Definitions, order and sentences: docs/rounds-suggestions.md.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/engines/bargain.hpp"
#include "accord/engines/evaluate.hpp"
#include "accord/model/budget.hpp"
#include "accord/model/outcome.hpp"
#include "accord/model/scenario.hpp"

namespace accord::suggest {

// ---------------------------------------------------------------------------------- input

// A party's answer to one point of the circulated text. Append new values at the end.
enum class PointAnswerKind { not_set = 0, accept, reject, conditional, no_answer };

// Settings of one issue the answering party says it could accept (discrete: options; numeric:
// values, on the issue's grid or not).
struct AcceptableSettings {
  IssueIndex issue;
  std::vector<Setting> settings;
};

struct PointAnswer {
  PointIndex point;  // in the circulated version
  PointAnswerKind kind = PointAnswerKind::not_set;  // not_set counts as no_answer
  std::string note;
  std::string amendment;  // free text, reported, not interpreted
  std::vector<AcceptableSettings> acceptable;  // issues the point sets; others are ignored (a warning)
};

// One addressed party's answers; a point it does not answer is `no_answer` (silent).
struct PartyAnswers {
  PartyIndex party;
  std::vector<PointAnswer> answers;
};

struct Params {
  // Time budget (default: none). Past it the result keeps what was computed and the
  // termination says which step stopped.
  Deadline deadline;
  // The parties whose utilities a repair must not lower and whom the closest package must
  // satisfy; empty: bargain::default_bargaining_parties (roles party and mediator, with
  // preferences).
  std::vector<PartyIndex> parties;
  // The near-final rule's K and S (evaluate::Params::max_open_points / max_open_salience).
  evaluate::Params readiness;
  // Pareto-improving repairs listed per objection, best first (0: all); Suggestion::found
  // says how many there are.
  std::size_t max_repairs = 3;
  // Settings of one point's issues tried per objection; beyond it the objection's search
  // stops (node_limit) and what was found is kept.
  std::uint64_t max_candidates = 1'000'000;
  bool closest = true;  // (3): run the bargaining engine's closest package
  // When set, used as the closest package instead of running the bargaining engine (a caller
  // that already bargained with the circulated text as the draft and the same parties).
  std::optional<bargain::Closest> known_closest;
  std::uint64_t max_search_nodes = 50'000'000;  // bargain::Params::max_search_nodes
};

// --------------------------------------------------------------------------------- output

// Append new values at the end.
enum class Kind { not_set = 0, pareto_repair, least_cost_repair, closest_package, bracket };
// Where a repair's acceptability to the objecting party comes from. Append at the end.
enum class Basis { not_set = 0, answer, preferences };

// Per point: who of the addressed parties answered what, and the point's consensus and
// salience as the readiness rule sees them (evaluate on the text with the answers as stances).
struct PointTally {
  PointIndex point;
  std::vector<PartyIndex> accept, reject, conditional, silent;  // addressed parties, in order
  evaluate::Consensus consensus = evaluate::Consensus::not_set;  // of the signatories
  double max_salience = 0.0;
  std::vector<std::string> amendments;  // "UA: text", addressed-party order
};

// One issue's setting before and after a suggestion.
struct Edit {
  IssueIndex issue;
  std::optional<Setting> from;  // nullopt: the circulated text leaves the issue open
  Setting to;
};

// What a suggestion does to one party of Result::parties.
struct PartyEffect {
  PartyIndex party;
  double delta = 0.0;  // U(after) - U(before), accord::utility (open issues count 0 in both)
  // The party's red lines the suggestion newly crosses (issues; not crossed by the text).
  std::vector<IssueIndex> red_lines_crossed;
};

struct Suggestion {
  Kind kind = Kind::not_set;
  PointIndex point;    // repairs: the point repaired
  PartyIndex party;    // repairs: the objecting party
  Basis basis = Basis::not_set;
  std::vector<Edit> edits;            // repairs and closest: the changed issues, issue order
  std::vector<PartyEffect> effects;   // repairs and closest: Result::parties order
  double nash = 0.0;                  // Π max(0, U_p - r_p) over Result::parties, after
  double sum = 0.0;                   // Σ U_p over Result::parties, after
  double largest_loss = 0.0;          // least_cost_repair: max over the others of -delta
  std::size_t found = 0;              // pareto_repair: Pareto-improving repairs of this objection
  std::vector<PointIndex> points;     // bracket: the points to bracket; closest: points it amends
  std::vector<std::string> rests_on;  // the estimated inputs it rests on ("UA preferences on army_cap")
  std::string sentence;               // one sentence a mediator can read out
};

struct Result {
  // invalid_input for a version the scenario does not have or answers naming unknown parties
  // or points; the termination: finished, or the budget and the step it stopped in.
  Outcome outcome;
  VersionIndex version;
  std::vector<PartyIndex> parties;    // bargaining parties (Params::parties)
  std::vector<PartyIndex> addressed;  // parties that were sent the text (the answers' parties)
  std::vector<double> utilities;      // U_p of the circulated text (open issues count 0)
  std::vector<PointTally> points;     // every point of the circulated version
  // The near-final rule on the circulated text with the answers as stances (signatories not
  // addressed keep their recorded stances).
  evaluate::Readiness readiness;
  std::vector<Suggestion> suggestions;  // repairs (point order), closest, bracket
  std::optional<bargain::Closest> closest;  // the bargaining engine's, when run
  bool closest_zone_exists = false;
};

// The round's analysis: `answers` to the circulated version `circulated`.
[[nodiscard]] Result run(const Scenario& s, VersionIndex circulated, const std::vector<PartyAnswers>& answers,
                         const Params& params = {});

// A version's recorded stances as answers (accept / reject / conditional; unknown is
// no_answer; notes kept), for `parties` (empty: every party with preferences).
[[nodiscard]] std::vector<PartyAnswers> answers_from_stances(const Scenario& s, VersionIndex v,
                                                             const std::vector<PartyIndex>& parties = {});

[[nodiscard]] StanceKind to_stance(PointAnswerKind k);  // no_answer / not_set: unknown

[[nodiscard]] std::string_view to_string(PointAnswerKind k);
[[nodiscard]] std::string_view to_string(Kind k);
[[nodiscard]] std::string_view to_string(Basis b);
[[nodiscard]] std::optional<PointAnswerKind> parse_point_answer_kind(std::string_view text);
[[nodiscard]] std::optional<Kind> parse_kind(std::string_view text);
[[nodiscard]] std::optional<Basis> parse_basis(std::string_view text);

}  // namespace accord::suggest

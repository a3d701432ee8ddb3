#pragma once
// "Simulated rounds" in `accord report`: the framework's versions replayed as mediation rounds
// (each version circulated, the recorded stances as the answers of the bargaining parties), the
// engine's suggestions for each next text (accord::suggest) beside what the next version did.
// Model output on estimated preferences (docs/rounds-suggestions.md "Simulated rounds").
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "accord/engines/bargain.hpp"
#include "accord/engines/diff.hpp"
#include "accord/engines/suggest.hpp"
#include "accord/report/table.hpp"

namespace accord::report {

using Json = nlohmann::ordered_json;

struct SimulatedRound {
  VersionIndex circulated;
  VersionIndex next;            // invalid for the last version (the record ends there)
  suggest::Result result;       // the round closed with the recorded stances as answers
  std::vector<PointIndex> changed;  // points of `circulated` the next version amends, merges, splits or drops
  std::optional<Package> next_package;  // what the next version sets
};

// Suggestions per objection in the report (the rest are counted in `found`).
inline constexpr std::size_t kReportRepairsPerObjection = 1;

// One round per version, in order. `evolution` is ScenarioAnalysis::evolution (consecutive
// diffs first); `latest_closest` the report's closest package to the latest version (reused,
// not recomputed; without a bargaining run, no round computes a closest package). Stops (the rest not simulated) when `deadline` passes.
[[nodiscard]] std::vector<SimulatedRound> simulate_rounds(const Scenario& s, const std::vector<diff::Result>& evolution,
                                                          const std::optional<bargain::Result>& latest,
                                                          const evaluate::Params& readiness, const Deadline& deadline);

// The label every format shows above the section: model output, on estimated preferences
// (when any preference input is `estimate: true`), from the recorded stances.
[[nodiscard]] std::string rounds_label(const Scenario& s);
// What the next version did with a suggestion's edits ("v19 made this edit (…)", "v19 made 0 of
// these 1 edits; instead: army_cap 800 …"), or for a bracket how many of its points the next
// version changed; "" for the last round.
[[nodiscard]] std::string followed_text(const Scenario& s, const SimulatedRound& r, const suggest::Suggestion& sug);
// Suggestions shown in text and HTML per round (JSON has them all): at most `repairs` repairs,
// Pareto-improving ones first, then the closest package and the bracket.
inline constexpr std::size_t kShownRepairs = 2;
[[nodiscard]] std::vector<const suggest::Suggestion*> shown_suggestions(const SimulatedRound& r,
                                                                        std::size_t repairs = kShownRepairs);
[[nodiscard]] Json rounds_json(const Scenario& s, const std::vector<SimulatedRound>& rounds);
[[nodiscard]] std::string rounds_text(const Scenario& s, const std::vector<SimulatedRound>& rounds, Style style);

}  // namespace accord::report

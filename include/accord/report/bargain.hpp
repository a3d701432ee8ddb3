#pragma once
// Bargaining results (accord::bargain) as JSON (shape in docs/bargain.md) and text: the one
// serialiser and renderer the CLI, `accord report` and the server call.
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "accord/engines/bargain.hpp"
#include "accord/report/table.hpp"

namespace accord::report {

// Bump when the shape of bargain_json changes incompatibly.
inline constexpr int kBargainSchema = 3;  // 3: red lines cite note ids (sources: [3, 7])

// `max_points`: points listed of the n-party frontiers (`pareto`, `zone.pareto`; their size is
// always given). The two-party frontier (`pair`) is listed in full.
[[nodiscard]] nlohmann::ordered_json bargain_json(const Scenario& s, const bargain::Result& r,
                                                  std::size_t max_points = 1000);
// The full text report of `accord bargain`.
[[nodiscard]] std::string bargain_text(const Scenario& s, const bargain::Result& r, Style style);
// What the note numbers in bargain_text stand for ("Sources: [37] …"), for output that does not
// end with the report's list of sources (`accord bargain`); empty when it cites none.
[[nodiscard]] std::string bargain_sources_text(const Scenario& s, const bargain::Result& r);
// A few lines for `accord report`: zone, frontier size, the four solutions.
[[nodiscard]] std::string bargain_headline(const Scenario& s, const bargain::Result& r, Style style);
// Who did not bargain (parties with preferences outside the bargaining parties) and what each
// chosen package means for them: for `accord report` when it does not print bargain_text.
[[nodiscard]] std::string bargain_stakeholders_text(const Scenario& s, const bargain::Result& r);
// The report summary's bargaining sentence (empty when the run failed or could not decide):
// the finding, the red lines that block a deal, the closest package to `draft_id` (the
// latest version) and what the chosen packages mean for stakeholders. Definitions:
// docs/bargain.md "Summary sentence".
[[nodiscard]] std::string bargain_summary(const Scenario& s, const bargain::Result& r, const std::string& draft_id);
// How a bargaining run ended, for a report section: the engine's termination, or why it
// could not run (an error or a space too large to decide).
[[nodiscard]] Termination bargain_termination(const bargain::Result& r);

// A marked package of a two-party chart: a solution, the closest package or the draft.
struct PairMarker {
  std::string key;    // nash | kalai_smorodinsky | egalitarian | utilitarian | closest | draft
  std::string label;  // for people: "Nash", "least shortfall", "draft v20", ...
  std::vector<double> utilities;  // per bargaining party (the draft: each party's worst completion)
  Package package;
  std::vector<double> best;  // the draft: each party's best completion; empty for the others
};
// The solutions, the closest package and the draft, in that order (those the result has).
[[nodiscard]] std::vector<PairMarker> bargain_markers(const Scenario& s, const bargain::Result& r);

}  // namespace accord::report

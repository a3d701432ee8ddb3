#pragma once
// Evaluation results (accord::evaluate) as JSON (shape in docs/cli.md "evaluate --json") and
// text: the one serialiser and renderer the CLI, `accord report` and the server call.
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "accord/engines/evaluate.hpp"
#include "accord/report/table.hpp"

namespace accord::report {

using Json = nlohmann::ordered_json;

// Bump when the shape of evaluate_json changes incompatibly.
inline constexpr int kEvaluateSchema = 1;

// A package: {issue id: option id | number | null (open)} for every issue.
[[nodiscard]] Json package_json(const Scenario& s, const Package& x);
// Above `listed_parties` parties, each point gives stance counts instead of every party's
// stance, and parties carry no per-issue rows (the output says so).
[[nodiscard]] Json evaluate_json(const Scenario& s, const evaluate::Result& r,
                                 const evaluate::Params& params,
                                 std::size_t listed_parties = static_cast<std::size_t>(-1));
// The whole text of `accord evaluate`: the version heading, the parties' utilities, and for a
// version its stance matrix and readiness.
[[nodiscard]] std::string evaluate_text(const Scenario& s, const evaluate::Result& r, Style style);
// Parts of it for `accord report`. Above `listed_parties` parties, the party columns become
// counts of each stance. A stance marked estimate: true carries kEstimateMark (report/sources.hpp);
// with `notes`, each point cites its sources and those of the stances on it.
class SourceNotes;
[[nodiscard]] std::string stance_matrix_text(const Scenario& s, const evaluate::Result& r, Style style,
                                             std::size_t listed_parties = 40, const SourceNotes* notes = nullptr);
[[nodiscard]] std::string readiness_text(const Scenario& s, const evaluate::Result& r);
// One party's verdict over the open issues with its best and worst settlement (docs/cli.md).
[[nodiscard]] std::string verdict_sentence(const Scenario& s, const evaluate::Result& r,
                                           const evaluate::PartyResult& pr);
// "13 points stand between it and near-final: 5 rejected (P20_04 …), 2 conditional (…), 6 with
// no recorded stance from some signatory (…)", from the readiness split.
[[nodiscard]] std::string blockers_sentence(const Version& v, const evaluate::Readiness& rd);

}  // namespace accord::report

#pragma once
// Engine results rendered for people (text, Markdown) and scripts (JSON, stable shapes
// documented in docs/cli.md).
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "accord/engines/diff.hpp"
#include "accord/engines/evaluate.hpp"
#include "accord/report/table.hpp"

namespace accord::report {

using Json = nlohmann::ordered_json;

[[nodiscard]] Json package_json(const Scenario& s, const Package& x);
[[nodiscard]] Json evaluate_json(const Scenario& s, const evaluate::Result& r,
                                 const evaluate::Params& params);
[[nodiscard]] std::string evaluate_text(const Scenario& s, const evaluate::Result& r, Style style);
[[nodiscard]] std::string stance_matrix_text(const Scenario& s, const evaluate::Result& r, Style style);
[[nodiscard]] std::string readiness_text(const Scenario& s, const evaluate::Result& r);

[[nodiscard]] Json diff_json(const Scenario& s, const diff::Result& r);
[[nodiscard]] std::string diff_text(const Scenario& s, const diff::Result& r, Style style);

struct ReportOptions {
  evaluate::Params evaluate;
};
[[nodiscard]] Json full_report_json(const Scenario& s, const ReportOptions& options);
[[nodiscard]] std::string full_report_text(const Scenario& s, const ReportOptions& options, Style style);

}  // namespace accord::report

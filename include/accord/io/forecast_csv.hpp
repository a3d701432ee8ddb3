#pragma once
// Readers of forecast inputs in the formats the field already uses (docs/forecast.md#csv):
// - KTAB SMP CSV (KAPSARC's KTAB examples): name,desc,N,D / header / N actor rows;
// - EUM CSV: header `Actor,Capability,Position,Salience`, one dimension;
// - the DEU III data set (tab-separated) with the actual outcome of each issue.
// Every problem is a Diagnostic naming file:line:column, the field and what was expected.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/model/diagnostic.hpp"
#include "accord/model/forecast_settings.hpp"

namespace accord::io {

// Size limits of the CSV readers (docs/forecast.md#csv): larger inputs are refused with a
// diagnostic naming the limit and the size found. Past kMaxCsvDiagnostics errors the rest are
// counted in one last diagnostic ("… and N more").
inline constexpr std::size_t kMaxForecastCsvBytes = 16u << 20;  // 16 MiB
inline constexpr long kMaxForecastCsvActors = 10000;
inline constexpr long kMaxForecastCsvDimensions = 1000;
inline constexpr std::size_t kMaxCsvDiagnostics = 20;

struct ForecastCsvResult {
  std::optional<ForecastProblem> problem;  // set when there is no error
  Diagnostics diagnostics;
  [[nodiscard]] bool ok() const { return problem.has_value(); }
};

// Positions 0..100 (dimension scale 0..100), saliences 0..100 divided by 100 (KTAB's scale).
[[nodiscard]] ForecastCsvResult read_ktab_csv(std::string_view text, const std::string& name);
// Saliences in [0, 1]; the dimension's scale is [min, max] of the positions.
[[nodiscard]] ForecastCsvResult read_eum_csv(std::string_view text, const std::string& name);
// Reads a file and picks the format from its first line (EUM when it is the EUM header).
[[nodiscard]] ForecastCsvResult read_forecast_csv_file(const std::string& path);

struct Deu3Issue {
  std::string id;           // the `isnrnmc`-style issue id (column `isnr`)
  ForecastProblem problem;  // one dimension on 0..100; actors with a position and a salience
  double outcome = 0.0;     // the actual decision outcome (`out`)
};
struct Deu3Result {
  std::vector<Deu3Issue> issues;
  std::size_t skipped = 0;  // rows without an outcome or with fewer than two actors
  Diagnostics diagnostics;
  [[nodiscard]] bool ok() const { return !has_errors(diagnostics); }
};
[[nodiscard]] Deu3Result read_deu3(std::string_view text, const std::string& name);
[[nodiscard]] Deu3Result read_deu3_file(const std::string& path);

}  // namespace accord::io

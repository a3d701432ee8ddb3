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

#include "accord/model/forecast_settings.hpp"
#include "accord/model/outcome.hpp"

namespace accord::io {

// Size limits of the CSV readers (docs/forecast.md#csv): larger inputs are refused with a
// diagnostic naming the limit and the size found. Past kMaxCsvDiagnostics errors the rest are
// counted in one last diagnostic ("… and N more").
inline constexpr std::size_t kMaxForecastCsvBytes = 16u << 20;  // 16 MiB
inline constexpr long kMaxForecastCsvActors = 10000;
inline constexpr long kMaxForecastCsvDimensions = 1000;
inline constexpr std::size_t kMaxCsvDiagnostics = 20;

// outcome: ok, or invalid_input with the diagnostics (the file's problems, or "cannot open").
struct ForecastCsvResult {
  Outcome outcome;
  std::optional<ForecastProblem> problem;  // set when ok
  [[nodiscard]] bool ok() const { return outcome.ok(); }
};

// Positions 0..100 (dimension scale 0..100), saliences 0..100 divided by 100 (KTAB's scale).
[[nodiscard]] ForecastCsvResult read_ktab_csv(std::string_view text, const std::string& name);
// Saliences in [0, 1]; the dimension's scale is [min, max] of the positions. The problem is
// named after the file, without folders and extension ("ec" for data/ec.csv).
[[nodiscard]] ForecastCsvResult read_eum_csv(std::string_view text, const std::string& name);
// Reads a file and picks the format from its first line (EUM when it is the EUM header).
[[nodiscard]] ForecastCsvResult read_forecast_csv_file(const std::string& path);

// data.cases: one per issue with an outcome (id: column `isnr`; one dimension on 0..100; actors
// with a position and a positive salience; outcome: column `out`); data.skipped: rows without
// an outcome or with fewer than two actors; data.name: the file name without folders.
// outcome: ok, or invalid_input with the diagnostics.
struct Deu3Result {
  Outcome outcome;
  ForecastDataSet data;
  [[nodiscard]] bool ok() const { return outcome.ok(); }
};
[[nodiscard]] Deu3Result read_deu3(std::string_view text, const std::string& name);
[[nodiscard]] Deu3Result read_deu3_file(const std::string& path);

}  // namespace accord::io

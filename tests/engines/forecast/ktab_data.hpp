#pragma once
// Helpers for tests that use KTAB's example scenarios (skipped when the data is absent).
#include <filesystem>
#include <optional>
#include <string>

#include "accord/io/forecast_csv.hpp"

namespace accord::forecast::testing {

inline std::string ktab_path(const std::string& file) {
  return std::string(ACCORD_SHARED_DATA_DIR) + "/ktab-smp/" + file;
}

inline std::optional<ForecastProblem> load_ktab(const std::string& file) {
  const std::string path = ktab_path(file);
  if (!std::filesystem::exists(path)) return std::nullopt;
  auto r = io::read_forecast_csv_file(path);
  if (!r.ok()) return std::nullopt;
  return r.problem;
}

}  // namespace accord::forecast::testing

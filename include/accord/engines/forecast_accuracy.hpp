#pragma once
// Forecast accuracy on decisions whose outcome is known (DEU III: docs/forecast.md#accuracy):
// every model with its published defaults on every case, the mean absolute error against the
// actual outcome. Nothing is tuned to the data. Pure: oneTBB over cases, errors summed in case
// order, so any thread count gives the same figures.
#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "accord/engines/forecast.hpp"

namespace accord::forecast {

// The baselines first, then the bargaining models (the order of the published tables).
inline constexpr std::array<Model, 4> kAccuracyModels = {Model::mean, Model::median, Model::smp, Model::eum};

struct AccuracyParams {
  std::vector<Model> models{kAccuracyModels.begin(), kAccuracyModels.end()};
  Deadline deadline;  // checked before each case; cases not run count as failed
  int threads = 0;    // 0 = oneTBB default
};

struct ModelAccuracy {
  Model model = Model::not_set;
  double mae = 0.0;           // mean absolute error over the cases that ran (NaN when none did)
  std::size_t cases = 0;      // cases that ran
  std::size_t failed = 0;     // cases the model refused (or the deadline left out)
  double mean_turns = 0.0;    // bargaining turns (EUM: rounds) per case; 0 for the baselines
};

struct AccuracyResult {
  // ok; termination finished, or time_limit: "412 of 1412 model runs done".
  Outcome outcome;
  std::string data;              // the data set's name
  std::size_t cases = 0;         // cases with an outcome
  std::size_t skipped_rows = 0;  // rows the reader left out
  std::vector<ModelAccuracy> models;  // in AccuracyParams::models order
};

// "weighted mean", "smp (KTAB defaults)", ...: how each model is run here, for people.
[[nodiscard]] std::string accuracy_label(Model m);

[[nodiscard]] AccuracyResult accuracy(const ForecastDataSet& data, const AccuracyParams& params = {});

}  // namespace accord::forecast

#pragma once
// Inputs of the forecast engine (docs/forecast.md), as plain values:
// - ForecastSettings: the optional `forecast:` section of a scenario — per-party, per-issue
//   overrides of the position and salience the engine derives from preferences, and
//   optional default model parameters.
// - ForecastProblem: the engine's own input (actors on dimensions), built from a scenario
//   or read from a KTAB SMP / EUM CSV file.
// - ForecastDataSet: problems whose real outcome is known (DEU III), for measuring accuracy.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/model/ids.hpp"
#include "accord/model/provenance.hpp"

namespace accord::forecast {

// The forecast models (docs/forecast.md); the engine is accord/engines/forecast.hpp. Here, in
// the model layer, so the scenario reader parses `forecast.model` with the engine's names.
// Append new values at the end.
enum class Model : std::uint8_t { not_set = 0, smp, eum, mean, median };
inline constexpr std::array<Model, 4> kModels = {Model::smp, Model::eum, Model::mean, Model::median};
[[nodiscard]] std::string_view to_string(Model m);
[[nodiscard]] std::optional<Model> parse_model(std::string_view text);  // "smp", ...; not "not_set"

}  // namespace accord::forecast

namespace accord {

// One override of `forecast.actors.<party>.<issue>`.
struct ForecastOverride {
  PartyIndex party;
  IssueIndex issue;
  std::optional<double> position;  // discrete issue: 0..100; numeric issue: in its range
  std::optional<double> salience;  // 0..100 (the engine divides by 100)
  Provenance provenance;
  bool operator==(const ForecastOverride&) const = default;
};

struct ForecastSettings {
  std::vector<ForecastOverride> overrides;  // in file order; at most one per (party, issue)
  std::optional<forecast::Model> model;      // never not_set
  std::optional<long long> runs;            // Monte Carlo runs (0 = none)
  std::optional<std::uint64_t> seed;
  std::optional<double> noise;              // Monte Carlo noise scale (1 = documented defaults)
  Provenance provenance;
  bool operator==(const ForecastSettings&) const = default;
};

// --- the engine's input ------------------------------------------------------------------

struct ForecastDimension {
  std::string id;
  std::string title;
  double lo = 0.0;   // the scale the positions are given on (KTAB: 0..100)
  double hi = 100.0;
  bool operator==(const ForecastDimension&) const = default;
};

struct ForecastActor {
  std::string id;
  std::string description;
  double capability = 1.0;        // > 0
  std::vector<double> position;   // one per dimension, in [lo, hi]
  std::vector<double> salience;   // one per dimension, in [0, 1]; sum <= 1 for SMP inputs
  bool operator==(const ForecastActor&) const = default;
};

struct ForecastProblem {
  std::string name;
  std::vector<ForecastDimension> dimensions;
  std::vector<ForecastActor> actors;
  bool operator==(const ForecastProblem&) const = default;
};

// One decision whose outcome is known: the problem as the actors saw it, and where it landed.
struct ForecastCase {
  std::string id;           // e.g. DEU III's issue id
  ForecastProblem problem;  // one dimension
  double outcome = 0.0;     // the actual outcome, on the problem's scale
  bool operator==(const ForecastCase&) const = default;
};

struct ForecastDataSet {
  std::string name;                 // e.g. "deu3.csv"
  std::vector<ForecastCase> cases;
  std::size_t skipped = 0;          // rows the reader left out (no outcome, fewer than two actors)
  bool operator==(const ForecastDataSet&) const = default;
};

}  // namespace accord

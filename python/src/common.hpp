#pragma once
// Shared pieces of the `accord._accord` extension (docs/python.md): the scenario handle, the
// raw engine result the Python classes wrap, and raising accord.ScenarioError.
#include <pybind11/pybind11.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accord/model/budget.hpp"
#include "accord/model/diagnostic.hpp"
#include "accord/model/forecast_settings.hpp"
#include "accord/model/outcome.hpp"
#include "accord/model/scenario.hpp"

namespace accord::python {

namespace py = pybind11;

// A scenario as Python holds it: an immutable snapshot, replaced whole by an edit, so an engine
// running without the GIL never sees a scenario change under it.
struct ScenarioHandle {
  std::shared_ptr<const Scenario> scenario;
  Diagnostics warnings;  // what the reader or importer warned about
  [[nodiscard]] const Scenario& get() const { return *scenario; }
};

// A forecast input read from a CSV file (KTAB SMP or EUM).
struct ProblemHandle {
  std::shared_ptr<const ForecastProblem> problem;
  Diagnostics warnings;
};

// What an engine call hands to the Python result class: the typed C++ result kept alive
// behind closures, so the serialiser runs (once, without the GIL) only when the JSON is
// first asked for, and numeric tables are copied only when read. `json()` is the text the
// CLI prints with --json.
struct RawResult {
  Diagnostics warnings;
  std::function<std::string()> serialise;
  // 2-D tables by name (rows × columns): "pareto", "zone_pareto", "pair", "samples".
  std::function<std::optional<std::vector<std::vector<double>>>(const std::string&)> table;
  std::function<std::vector<std::vector<std::vector<double>>>()> history;  // forecast: turn × actor × dim
  std::optional<std::string> json_text;

  const std::string& json() {
    if (json_text) return *json_text;
    std::string text;
    {
      py::gil_scoped_release release;
      text = serialise();
    }
    if (!json_text) json_text = std::move(text);  // under the GIL: another thread may have been first
    return *json_text;
  }
};

// accord.ScenarioError, defined in accord/__init__.py and registered at import.
void set_error_class(py::object cls);
// Raises accord.ScenarioError(message, diagnostics). `strip_positions`: the text was generated
// (an edit), so file, line and column mean nothing to the user.
[[noreturn]] void raise_scenario_error(const std::string& message, Diagnostics diagnostics,
                                       bool strip_positions = false);
// Raises for a failed outcome: ScenarioError for invalid input, RuntimeError otherwise.
[[noreturn]] void raise_outcome(const std::string& what, const Outcome& outcome);

// Raises ScenarioError with one diagnostic at `path` (a bad engine argument).
[[noreturn]] void raise_argument(const std::string& path, const std::string& message);
// The warnings among an outcome's diagnostics.
[[nodiscard]] Diagnostics warnings_of(const Outcome& o);
// A result's warnings, and no tables until the engine adds its own.
[[nodiscard]] RawResult envelope(const Outcome& o);

// A time budget in seconds, as the CLI's --max-seconds (0: none).
[[nodiscard]] inline Deadline deadline_after(double max_seconds) { return Deadline::after(max_seconds); }

// {issue id: option id | number} onto `base` (the CLI's --set); raises ScenarioError.
[[nodiscard]] Package apply_settings(const Scenario& s, Package base, const py::dict& settings);
// The CLI's --parties (cli::resolve_parties): the given ids, or the roles party and mediator
// with preferences; raises ScenarioError for an unknown id or a party without preferences.
[[nodiscard]] std::vector<PartyIndex> parties_or_default(const Scenario& s, const std::vector<std::string>& ids);
// A version id to its index; raises ScenarioError naming the known versions.
[[nodiscard]] VersionIndex version_or_raise(const Scenario& s, const std::string& id);

void bind_scenario(py::module_& m);
void bind_engines(py::module_& m);
void bind_negotiation(py::module_& m);  // negotiation.cpp
void bind_agents(py::module_& m);       // agents.cpp

}  // namespace accord::python

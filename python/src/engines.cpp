// The engines from Python: each call reads its arguments under the GIL, then runs the engine
// and its report serialiser with the GIL released, exactly as the matching CLI command does
// (apps/accord/cmd_*.cpp), and hands back the serialiser's JSON plus numeric tables.
#include <pybind11/stl.h>

#include <array>
#include <nlohmann/json.hpp>

#include "accord/engines/bargain.hpp"
#include "accord/engines/diff.hpp"
#include "accord/engines/evaluate.hpp"
#include "accord/engines/forecast_analysis.hpp"
#include "accord/engines/gmcr.hpp"
#include "accord/engines/robustness.hpp"
#include "accord/io/gmcr_py.hpp"
#include "accord/report/bargain.hpp"
#include "accord/report/diff.hpp"
#include "accord/report/evaluate.hpp"
#include "accord/report/forecast.hpp"
#include "accord/report/gmcr.hpp"
#include "accord/report/robustness.hpp"
#include "common.hpp"

namespace accord::python {
namespace {

std::string dump(const nlohmann::ordered_json& j) { return j.dump(2); }

// --- evaluate (accord evaluate) ------------------------------------------------------------

RawResult run_evaluate(const ScenarioHandle& h, const std::optional<std::string>& version, const py::dict& sets,
                       std::size_t max_open_points, double max_open_salience, double max_seconds) {
  const auto snapshot = h.scenario;
  const Scenario& s = *snapshot;
  evaluate::Params params;
  params.max_open_points = max_open_points;
  params.max_open_salience = max_open_salience;
  params.deadline = deadline_after(max_seconds);
  // The same choice of draft as the CLI: a bare package, a version, or a version with settings.
  std::optional<Package> package;
  VersionIndex v;
  if (!sets.empty() && !version && s.versions.empty()) {
    package = apply_settings(s, {}, sets);
  } else {
    if (s.versions.empty())
      raise_argument("version", "the scenario has no framework versions; give set={issue: option}");
    v = version ? version_or_raise(s, *version) : VersionIndex(s.versions.size() - 1);
    if (!sets.empty()) package = apply_settings(s, s.version_package(v), sets);
  }
  py::gil_scoped_release release;
  evaluate::Result r;
  if (package) {
    r = evaluate::run_package(s, *package, params);
    r.version = VersionIndex();
  } else {
    r = evaluate::run_version(s, v, params);
  }
  if (!r.outcome.ok()) {
    py::gil_scoped_acquire acquire;
    raise_outcome("evaluate", r.outcome);
  }
  auto kept = std::make_shared<const evaluate::Result>(std::move(r));
  RawResult out = envelope(kept->outcome);
  out.serialise = [snapshot, kept, params] { return dump(report::evaluate_json(*snapshot, *kept, params)); };
  return out;
}

// --- diff (accord diff) ---------------------------------------------------------------------

RawResult run_diff(const ScenarioHandle& h, const std::string& from, const std::string& to, double max_seconds) {
  const auto snapshot = h.scenario;
  const Scenario& s = *snapshot;
  const VersionIndex a = version_or_raise(s, from), b = version_or_raise(s, to);
  py::gil_scoped_release release;
  auto r = std::make_shared<const diff::Result>(diff::run(s, a, b, {deadline_after(max_seconds)}));
  if (!r->outcome.ok()) {
    py::gil_scoped_acquire acquire;
    raise_outcome("diff", r->outcome);
  }
  RawResult out = envelope(r->outcome);
  out.serialise = [snapshot, r] { return dump(report::diff_json(*snapshot, *r)); };
  return out;
}

// --- bargain (accord bargain) ---------------------------------------------------------------

std::vector<std::vector<double>> utilities(const bargain::Frontier& f) {
  std::vector<std::vector<double>> out;
  out.reserve(f.points.size());
  for (const bargain::Point& p : f.points) out.push_back(p.utilities);
  return out;
}

std::vector<PartyIndex> bargaining_parties(const Scenario& s, const py::object& parties) {
  if (parties.is_none()) return parties_or_default(s, {});
  if (py::isinstance<py::str>(parties)) {
    if (parties.cast<std::string>() == "all") return bargain::parties_with_preferences(s);
    raise_argument("parties", "expected a list of party ids or \"all\"");
  }
  std::vector<std::string> ids;
  for (const auto& item : parties) ids.push_back(py::str(item));
  if (ids.empty()) return {};  // the engine's own default, as before
  return parties_or_default(s, ids);
}

RawResult run_bargain(const ScenarioHandle& h, const std::optional<std::string>& version, const py::dict& sets,
                      const py::object& parties, const std::optional<std::vector<std::string>>& pair,
                      std::optional<std::size_t> max_frontier, std::size_t max_points, std::uint64_t max_nodes, double max_seconds) {
  const auto snapshot = h.scenario;
  const Scenario& s = *snapshot;
  bargain::Params params;
  params.max_frontier = max_frontier;
  params.parties = bargaining_parties(s, parties);
  if (pair) {
    if (pair->size() != 2) raise_argument("pair", "expected two party ids");
    std::array<PartyIndex, 2> two;
    for (std::size_t j = 0; j < 2; ++j)
      if (!(two[j] = s.find_party((*pair)[j])).valid()) raise_argument("pair", "unknown party `" + (*pair)[j] + "`");
    params.pair = two;
  }
  if (max_nodes > 0) params.max_search_nodes = params.max_count_nodes = max_nodes;
  if (version || !sets.empty()) {
    Package draft(s.issues.size());
    if (version) {
      const VersionIndex v = version_or_raise(s, *version);
      draft = s.version_package(v);
      if (sets.empty()) params.draft_version = v;
    }
    params.draft = apply_settings(s, draft, sets);
  }
  params.deadline = deadline_after(max_seconds);
  py::gil_scoped_release release;
  auto r = std::make_shared<const bargain::Result>(bargain::run(s, params));
  if (!r->outcome.ok()) {
    py::gil_scoped_acquire acquire;
    raise_outcome("bargain", r->outcome);
  }
  RawResult out = envelope(r->outcome);
  out.serialise = [snapshot, r, max_points] { return dump(report::bargain_json(*snapshot, *r, max_points)); };
  out.table = [r](const std::string& name) -> std::optional<std::vector<std::vector<double>>> {
    if (name == "pareto") return utilities(r->pareto);
    if (name == "zone_pareto") return utilities(r->zone_pareto);
    if (name == "pair" && r->pair) return utilities(r->pair->frontier);
    return std::nullopt;
  };
  return out;
}

// --- gmcr (accord gmcr) ---------------------------------------------------------------------

RawResult run_gmcr_on(std::shared_ptr<const Conflict> conflict, const std::string& scenario_id, const std::vector<std::string>& concepts,
                      const std::string& sanctions, bool compare_sanctions,
                      const std::vector<std::string>& coalition, const std::optional<std::string>& explain,
                      const std::optional<std::string>& include, double max_memory_mib, double max_seconds) {
  const Conflict& c = *conflict;
  gmcr::Params p;
  p.deadline = deadline_after(max_seconds);
  p.max_memory = static_cast<std::uint64_t>(max_memory_mib * 1048576.0);
  p.concepts.clear();
  for (const std::string& name : concepts) {
    const auto k = gmcr::parse_concept(name);
    if (!k) raise_argument("concepts", "unknown concept `" + name + "`; expected nash, gmr, smr, seq, sim or seq_sim");
    p.concepts.push_back(*k);
  }
  const auto rule = gmcr::parse_sanctions(sanctions);
  if (!rule) raise_argument("sanctions", "unknown rule `" + sanctions + "`; expected standard or gmcr-py");
  p.sanctions = *rule;
  p.compare_sanctions = compare_sanctions;  // as the CLI does for .gmcr files
  for (const std::string& id : coalition) {
    const DecisionMakerIndex d = c.find_decision_maker(id);
    if (!d.valid()) raise_argument("coalition", "unknown decision maker `" + id + "`");
    p.coalition.push_back(d);
  }
  report::GmcrJsonOptions json;
  if (include) {
    const report::GmcrPartsParse parts = report::parse_gmcr_parts(*include);
    if (!parts.ok()) raise_scenario_error("include: " + parts.outcome.message(), parts.outcome.diagnostics);
    json.include = *parts.parts;
    json.max_listed = 0;  // what the caller asked for, whatever its size
  }
  json.scenario = scenario_id;
  std::optional<StateCode> code;
  if (explain) {
    code = parse_state_pattern(*explain, c.options.size());
    if (!code)
      raise_argument("explain", "`" + *explain + "`: expected " + std::to_string(c.options.size()) +
                                    " characters Y or N");
  }
  py::gil_scoped_release release;
  auto r = std::make_shared<const gmcr::RunResult>(gmcr::analyse(*conflict, p));
  if (!r->ok()) {
    py::gil_scoped_acquire acquire;
    raise_outcome("gmcr", r->outcome);
  }
  std::shared_ptr<const gmcr::ExplainResult> why;
  if (code) {
    why = std::make_shared<const gmcr::ExplainResult>(gmcr::explain(*conflict, *code, r->analysis->concepts));
    if (!why->ok()) {
      py::gil_scoped_acquire acquire;
      raise_outcome("gmcr explain", why->outcome);
    }
  }
  RawResult out = envelope(r->outcome);
  json.explanation = why.get();  // owned by `why`, which the closure keeps alive
  out.serialise = [conflict, r, why, json] { return dump(report::gmcr_json(*conflict, *r, json)); };
  return out;
}

RawResult run_gmcr(const ScenarioHandle& h, const std::vector<std::string>& concepts, const std::string& sanctions,
                   const std::vector<std::string>& coalition, const std::optional<std::string>& explain,
                   const std::optional<std::string>& include, double max_memory_mib, double max_seconds) {
  const auto snapshot = h.scenario;
  if (!snapshot->conflict)
    raise_argument("conflict", "the scenario has no `conflict:` section; expected one (docs/gmcr.md)");
  // Shares the snapshot's lifetime: the conflict lives inside the scenario.
  std::shared_ptr<const Conflict> conflict(snapshot, &*snapshot->conflict);
  return run_gmcr_on(conflict, snapshot->id, concepts, sanctions, false, coalition, explain, include,
                     max_memory_mib, max_seconds);
}

// --- forecast (accord forecast) -------------------------------------------------------------

forecast::AnalysisParams forecast_params(const std::optional<std::string>& model, std::optional<long long> runs,
                                         std::optional<long long> seed, std::optional<double> noise,
                                         std::size_t sensitivity, int threads, std::size_t max_actors,
                                         std::uint64_t max_nodes, double max_seconds) {
  forecast::AnalysisParams params;
  params.engine.deadline = deadline_after(max_seconds);
  params.engine.max_actors = max_actors;
  if (max_nodes > 0) {  // as --max-nodes: at most this many SMP turns / EUM rounds
    const int cap = static_cast<int>(std::min<std::uint64_t>(max_nodes, 1'000'000));
    params.engine.smp.max_turns = cap;
    params.engine.smp.min_turns = std::min(params.engine.smp.min_turns, cap);
    params.engine.eum.max_rounds = cap;
  }
  if (model) {
    const auto m = forecast::parse_model(*model);
    if (!m) raise_argument("model", "unknown model `" + *model + "`; expected smp, eum, mean or median");
    params.model = *m;
  }
  if (runs) {
    if (*runs < 0 || *runs > 10'000'000) raise_argument("runs", "runs must be in [0, 10000000]");
    params.runs = static_cast<std::size_t>(*runs);
  }
  if (seed) {
    if (*seed < 0) raise_argument("seed", "seed must be >= 0");
    params.seed = static_cast<std::uint64_t>(*seed);
  }
  if (noise) {
    if (!(*noise >= 0 && *noise <= 10)) raise_argument("noise", "noise must be in [0, 10]");
    params.noise = *noise;
  }
  params.sensitivity = sensitivity;
  params.threads = threads;
  return params;
}

RawResult forecast_result(forecast::Analysis analysis) {
  if (!analysis.ok()) {
    py::gil_scoped_acquire acquire;
    raise_outcome("forecast", analysis.outcome);
  }
  auto a = std::make_shared<const forecast::Analysis>(std::move(analysis));
  RawResult out = envelope(a->outcome);
  out.serialise = [a] { return dump(report::forecast_json(*a)); };
  out.table = [a](const std::string& name) -> std::optional<std::vector<std::vector<double>>> {
    if (name == "samples" && a->monte_carlo) return a->monte_carlo->samples;
    return std::nullopt;
  };
  out.history = [a] { return a->run.history; };
  return out;
}

RawResult run_forecast(const py::object& source, const std::optional<std::string>& model,
                       std::optional<long long> runs, std::optional<long long> seed, std::optional<double> noise,
                       std::size_t sensitivity, int threads, std::size_t max_actors, std::uint64_t max_nodes,
                       double max_seconds) {
  const forecast::AnalysisParams params =
      forecast_params(model, runs, seed, noise, sensitivity, threads, max_actors, max_nodes, max_seconds);
  if (py::isinstance<ProblemHandle>(source)) {
    const auto problem = source.cast<const ProblemHandle&>().problem;
    py::gil_scoped_release release;
    return forecast_result(forecast::analyse(*problem, params));
  }
  const auto snapshot = source.cast<const ScenarioHandle&>().scenario;
  py::gil_scoped_release release;
  return forecast_result(forecast::analyse(*snapshot, params));
}

// --- robustness (accord robustness) ---------------------------------------------------------

RawResult run_robustness(const ScenarioHandle& h, const std::vector<std::string>& findings,
                         const std::optional<std::string>& version, bool all_inputs, bool smallest, double tolerance,
                         std::uint64_t max_nodes, double max_seconds) {
  const auto snapshot = h.scenario;
  const Scenario& s = *snapshot;
  if (!(tolerance > 0.0 && tolerance < 1.0)) raise_argument("tolerance", "tolerance must be in (0, 1)");
  robustness::Params params;
  for (const std::string& f : findings) {
    const auto k = robustness::parse_finding_kind(f);
    if (!k) raise_argument("findings", "unknown finding `" + f + "`; expected zone, closest, verdicts, status_quo or forecast");
    params.findings.push_back(*k);
  }
  if (version) params.version = version_or_raise(s, *version);
  params.estimates_only = !all_inputs;
  params.smallest_only = smallest;
  params.tolerance = tolerance;
  if (max_nodes > 0) params.max_evaluations = max_nodes;
  params.deadline = deadline_after(max_seconds);
  py::gil_scoped_release release;
  auto r = std::make_shared<const robustness::Result>(robustness::run(s, params));
  if (!r->outcome.ok()) {
    py::gil_scoped_acquire acquire;
    raise_outcome("robustness", r->outcome);
  }
  RawResult out = envelope(r->outcome);
  out.serialise = [snapshot, r] { return dump(report::robustness_json(*snapshot, *r)); };
  return out;
}

}  // namespace

void bind_engines(py::module_& m) {
  py::class_<RawResult>(m, "RawResult")
      .def_property_readonly("json", &RawResult::json)
      .def_readonly("warnings", &RawResult::warnings)
      .def("table", [](const RawResult& r, const std::string& name) { return r.table(name); })
      .def("history", [](const RawResult& r) { return r.history(); });

  m.def("evaluate", &run_evaluate, py::arg("scenario"), py::arg("version"), py::arg("set"),
        py::arg("max_open_points"), py::arg("max_open_salience"), py::arg("max_seconds"));
  m.def("diff", &run_diff, py::arg("scenario"), py::arg("from_version"), py::arg("to_version"),
        py::arg("max_seconds"));
  m.def("bargain", &run_bargain, py::arg("scenario"), py::arg("version"), py::arg("set"), py::arg("parties"),
        py::arg("pair"), py::arg("max_frontier"), py::arg("max_points"), py::arg("max_nodes"),
        py::arg("max_seconds"));
  m.def("gmcr", &run_gmcr, py::arg("scenario"), py::arg("concepts"), py::arg("sanctions"), py::arg("coalition"), py::arg("explain"),
        py::arg("include"), py::arg("max_memory_mib"), py::arg("max_seconds"));
  m.def("gmcr_file", [](const std::string& path, const std::vector<std::string>& concepts, const std::string& sanctions,
                        const std::vector<std::string>& coalition, const std::optional<std::string>& explain,
                        const std::optional<std::string>& include, double max_memory_mib, double max_seconds) {
    io::GmcrPyImport r;
    {
      py::gil_scoped_release release;
      r = io::import_gmcr_py_file(path);
    }
    if (!r.ok()) raise_scenario_error(path + ": cannot import the gmcr-py file: " + r.outcome.message(),
                                      r.outcome.diagnostics);
    return run_gmcr_on(std::make_shared<const Conflict>(std::move(*r.conflict)), "", concepts, sanctions, true, coalition, explain,
                       include, max_memory_mib, max_seconds);
  });
  m.def("forecast", &run_forecast, py::arg("source"), py::arg("model"), py::arg("runs"), py::arg("seed"),
        py::arg("noise"), py::arg("sensitivity"), py::arg("threads"), py::arg("max_actors"), py::arg("max_nodes"),
        py::arg("max_seconds"));
  m.def("default_max_actors", [] { return forecast::kDefaultMaxActors; });
  m.def("robustness", &run_robustness, py::arg("scenario"), py::arg("findings"), py::arg("version"),
        py::arg("all_inputs"), py::arg("smallest"), py::arg("tolerance"), py::arg("max_nodes"),
        py::arg("max_seconds"));
}

}  // namespace accord::python

// accord forecast [SOURCE] [--model smp|eum|mean|median] [--runs N] [--seed S] [--noise X]
//                          [--sensitivity K] [--json] [-o FILE]
// SOURCE: a scenario (built-in name or YAML/JSON file; default geneva-2025), a KTAB SMP CSV or
// an EUM CSV. The analysis and its JSON/text live in the library (forecast_analysis.hpp,
// report/forecast.hpp).
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>

#include "accord/engines/forecast_analysis.hpp"
#include "accord/io/forecast_csv.hpp"
#include "accord/report/forecast.hpp"
#include "accord/model/plural.hpp"
#include "cli.hpp"
#ifdef ACCORD_MPI
#include "accord_mpi.hpp"
#endif

namespace accord::cli {
namespace {

struct Opts {
  std::string source = "geneva-2025", output = "-", model;
  long long runs = -1;  // -1: the scenario's, else none
  long long seed = -1;
  double noise = -1;
  int threads = 0;
  std::size_t sensitivity = 0;
  bool json = false;
  BudgetFlags budget;
  std::size_t max_actors = forecast::kDefaultMaxActors;
};

bool is_csv(const std::string& s) {
  const std::string ext = std::filesystem::path(s).extension().string();
  return ext == ".csv" || ext == ".CSV";
}

forecast::AnalysisParams analysis_params(const Opts& o) {
  forecast::AnalysisParams params;
  params.engine.deadline = o.budget.deadline();
  params.engine.max_actors = o.max_actors;
  forecast::cap_iterations(params.engine, o.budget.max_nodes);
  if (!o.model.empty()) params.model = forecast::parse_model(o.model);  // CLI11 checked the name
  if (o.runs >= 0) params.runs = static_cast<std::size_t>(o.runs);
  if (o.seed >= 0) params.seed = static_cast<std::uint64_t>(o.seed);
  if (o.noise >= 0) params.noise = o.noise;
  params.sensitivity = o.sensitivity;
  params.threads = o.threads;
  return params;
}

forecast::Analysis analyse(const Opts& o, forecast::AnalysisParams params) {
  if (!is_csv(o.source)) return forecast::analyse(load_or_exit(o.source, o.json), params);
  io::ForecastCsvResult csv = io::read_forecast_csv_file(o.source);
  for (const auto& d : csv.outcome.diagnostics) std::cerr << d.to_string() << "\n";
  if (!csv.ok()) throw Exit{kExitInvalidInput, o.source + ": invalid forecast CSV"};
  if (csv.problem->name.empty()) csv.problem->name = std::filesystem::path(o.source).stem().string();
  return forecast::analyse(std::move(*csv.problem), params);
}

void run_forecast(const Opts& o) {
  forecast::AnalysisParams params = analysis_params(o);
  std::mutex mu;
  // Monte Carlo progress on a terminal (stderr), from worker threads: one line, rate-limited.
  const ProgressFn bar = terminal_progress("Monte Carlo");
  if (bar)
    params.progress = [&mu, &bar](std::size_t done) {
      std::lock_guard<std::mutex> lock(mu);
      bar(-1.0, counted(done, "run"));
    };
#ifdef ACCORD_MPI
  params.distribute = mpi::distributor(static_cast<std::size_t>(std::max(0, o.threads)));  // empty unless under mpirun
#endif
  const forecast::Analysis a = analyse(o, std::move(params));
#ifdef ACCORD_MPI
  if (mpi::worker_rank()) return;  // rank 0 reports (without --runs every rank ran the same)
#endif
  if (bar && a.monte_carlo) bar(1.0, "");  // clears the progress line
  if (!a.ok()) throw Exit{kExitInvalidInput, o.source + ": " + a.outcome.message()};
  warn_if_partial(a.run.outcome.termination, "the forecast");
  if (a.monte_carlo) warn_if_partial(a.monte_carlo->outcome.termination, "the Monte Carlo analysis");
  if (a.sensitivity) warn_if_partial(a.sensitivity->outcome.termination, "the sensitivity analysis");
  write_output(o.output, o.json ? report::forecast_json(a).dump(2) + "\n" : report::forecast_text(a));
}

void add_forecast(CLI::App& app) {
  auto* cmd = app.add_subcommand("forecast", "Forecast where each issue lands (SMP, EUM, baselines)")
                  ->footer("Examples:\n  accord forecast                              # built-in geneva-2025\n"
                           "  accord forecast geneva-2025 --model eum --runs 1000 --seed 7\n"
                           "  accord forecast SOE-Pol-Comp.csv --json     # KTAB SMP CSV\n"
                           "  accord forecast ec.csv --model eum           # Actor,Capability,Position,Salience\n"
                           "Equations and every variant choice: docs/forecast.md.");
  auto o = std::make_shared<Opts>();
  cmd->add_option("SOURCE", o->source, "Scenario (built-in name or YAML/JSON), KTAB SMP CSV or EUM CSV")
      ->capture_default_str();
  cmd->add_option("--model", o->model, "smp | eum | mean | median (default: the scenario's, else smp)")
      ->check(CLI::IsMember({"smp", "eum", "mean", "median"}));
  cmd->add_option("--runs", o->runs, "Monte Carlo runs over perturbed inputs (default: the scenario's, else 0)");
  cmd->add_option("--seed", o->seed, "Monte Carlo seed (default: the scenario's, else 1)");
  cmd->add_option("--noise", o->noise, "Scale of the documented Monte Carlo noise (default: the scenario's, else 1)");
  cmd->add_option("--threads", o->threads, "Worker threads (default: all cores)");
  cmd->add_option("--sensitivity", o->sensitivity, "Show the K inputs that move the forecast most");
  cmd->add_flag("--json", o->json, "Print JSON (shape in docs/forecast.md#json)");
  cmd->add_option("-o,--output", o->output, "Write to a file instead of standard output");
  add_budget_options(cmd, o->budget, "At most this many SMP turns / EUM rounds");
  cmd->add_option("--max-actors", o->max_actors, "Refuse smp/eum runs with more actors than this")
      ->capture_default_str();
  cmd->callback([o] {
    if (o->runs < -1 || o->runs > 10'000'000) throw Exit{kExitInvalidInput, "--runs must be in [0, 10000000]"};
    if (o->noise < -1 || o->noise > 10) throw Exit{kExitInvalidInput, "--noise must be in [0, 10]"};
    run_forecast(*o);
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("forecast", 6, add_forecast);

}  // namespace accord::cli

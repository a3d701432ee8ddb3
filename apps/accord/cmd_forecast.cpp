// accord forecast SOURCE [--model smp|eum|mean|median] [--runs N] [--seed S] [--noise X]
//                        [--sensitivity K] [--json]
// SOURCE: a scenario (built-in name or YAML/JSON file), a KTAB SMP CSV or an EUM CSV.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>

#include "accord/engines/forecast.hpp"
#include "accord/io/forecast_csv.hpp"
#include "accord/report/sections.hpp"
#include "cli.hpp"

namespace accord::cli {
namespace {

using Json = nlohmann::ordered_json;

struct Opts {
  std::string source, output = "-", model;
  long long runs = -1;
  long long seed = -1;
  double noise = -1;
  int threads = 0;
  std::size_t sensitivity = 0;
  bool json = false;
  BudgetFlags budget;
  std::size_t max_actors = forecast::kDefaultMaxActors;
};

struct Input {
  ForecastProblem problem;
  std::vector<std::string> notes;
  std::optional<ForecastSettings> settings;
  std::optional<Scenario> scenario;
};

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Input load_input(const std::string& source, bool quiet) {
  Input in;
  if (ends_with(source, ".csv") || ends_with(source, ".CSV")) {
    io::ForecastCsvResult r = io::read_forecast_csv_file(source);
    for (const auto& d : r.diagnostics) std::cerr << d.to_string() << "\n";
    if (!r.ok()) throw Exit{kExitInvalidInput, source + ": invalid forecast CSV"};
    in.problem = std::move(*r.problem);
    return in;
  }
  Scenario s = load_or_exit(source, quiet);
  forecast::Conversion c = forecast::from_scenario(s);
  in.problem = std::move(c.problem);
  in.notes = std::move(c.notes);
  in.settings = s.forecast;
  in.scenario = std::move(s);
  return in;
}

// The option nearest a forecast value on a discrete issue, for the text output.
std::string nearest_option(const Input& in, std::size_t dim, double x) {
  if (!in.scenario || dim >= in.scenario->issues.size()) return "";
  const Issue& issue = in.scenario->issues[dim];
  if (issue.kind != IssueKind::discrete || issue.options.empty()) return "";
  std::size_t best = 0;
  double best_d = 1e300;
  for (std::size_t o = 0; o < issue.options.size(); ++o) {
    const double pos = issue.options[o].position.value_or(
        issue.options.size() < 2 ? 50.0 : 100.0 * static_cast<double>(o) / static_cast<double>(issue.options.size() - 1));
    if (std::fabs(pos - x) < best_d) {
      best_d = std::fabs(pos - x);
      best = o;
    }
  }
  return issue.options[best].id;
}

std::string fmt(double x, int prec = 2) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", prec, x);
  return buf;
}

std::vector<double> column(const std::vector<std::vector<double>>& state, std::size_t k) {
  std::vector<double> out;
  for (const auto& a : state) out.push_back(a[k]);
  return out;
}

Json per_dim(const ForecastProblem& p, const std::vector<double>& v) {
  Json j = Json::object();
  for (std::size_t k = 0; k < p.dimensions.size() && k < v.size(); ++k) j[p.dimensions[k].id] = v[k];
  return j;
}

void run_forecast(const Opts& o) {
  Input in = load_input(o.source, o.json);
  const ForecastProblem& p = in.problem;
  const ForecastSettings settings = in.settings.value_or(ForecastSettings{});

  forecast::Params params;
  const std::string model_name = !o.model.empty() ? o.model : settings.model.value_or("smp");
  const auto model = forecast::model_from_string(model_name);
  if (!model) throw Exit{kExitInvalidInput, "unknown --model `" + model_name + "`; expected smp, eum, mean or median"};
  params.model = *model;
  params.deadline = o.budget.deadline();
  params.max_actors = o.max_actors;
  if (o.budget.max_nodes > 0) {  // --max-nodes: at most this many SMP turns / EUM rounds
    const int cap = static_cast<int>(std::min<std::uint64_t>(o.budget.max_nodes, 1'000'000));
    params.smp.max_turns = cap;
    params.smp.min_turns = std::min(params.smp.min_turns, cap);
    params.eum.max_rounds = cap;
  }

  const forecast::Result r = forecast::run(p, params);
  if (!r.ok()) throw Exit{kExitInvalidInput, o.source + ": " + r.error};
  warn_if_partial(r.termination, "the forecast");

  // Baselines of the input positions (weights = capability x salience).
  std::vector<double> base_mean, base_median;
  for (std::size_t k = 0; k < p.dimensions.size(); ++k) {
    std::vector<double> w;
    for (const auto& a : p.actors) w.push_back(a.capability * a.salience[k]);
    base_mean.push_back(forecast::weighted_mean(column(r.history.front(), k), w));
    base_median.push_back(forecast::weighted_median(column(r.history.front(), k), w));
  }

  const long long runs = o.runs >= 0 ? o.runs : settings.runs.value_or(0);
  std::optional<forecast::MonteCarloResult> mc;
  forecast::MonteCarloParams mcp;
  if (runs > 0) {
    mcp.runs = static_cast<std::size_t>(runs);
    mcp.seed = o.seed >= 0 ? static_cast<std::uint64_t>(o.seed) : settings.seed.value_or(1);
    mcp.noise.scale = o.noise >= 0 ? o.noise : settings.noise.value_or(1.0);
    mcp.threads = o.threads;
    std::mutex mu;
    // Progress on a terminal (stderr), from worker threads: one line, rate-limited.
    const ProgressFn bar = mcp.runs >= 20 ? terminal_progress("Monte Carlo") : nullptr;
    if (bar)
      mcp.progress = [&mu, &bar, total = mcp.runs](std::size_t done) {
        std::lock_guard<std::mutex> lock(mu);
        bar(static_cast<double>(done) / static_cast<double>(total),
            std::to_string(done) + "/" + std::to_string(total) + " runs");
      };
    mc = forecast::monte_carlo(p, params, mcp);
    if (bar) bar(1.0, "");
    if (!mc->ok()) throw Exit{kExitInvalidInput, o.source + ": " + mc->error};
    warn_if_partial(mc->termination, "the Monte Carlo analysis");
  }
  std::optional<forecast::SensitivityResult> sens;
  if (o.sensitivity > 0) {
    forecast::SensitivityParams sp;
    sp.threads = o.threads;
    sens = forecast::sensitivity(p, params, sp);
    if (!sens->ok()) throw Exit{kExitInvalidInput, o.source + ": " + sens->error};
    warn_if_partial(sens->termination, "the sensitivity analysis");
  }

  if (o.json) {
    Json j;
    j["source"] = o.source;
    j["model"] = std::string(forecast::to_string(params.model));
    j["turns"] = r.turns;
    j["converged"] = r.converged;
    j["termination"] = report::termination_json(r.termination);
    j["dimensions"] = Json::array();
    for (const auto& d : p.dimensions)
      j["dimensions"].push_back({{"id", d.id}, {"title", d.title}, {"lo", d.lo}, {"hi", d.hi}});
    j["actors"] = Json::array();
    for (const auto& a : p.actors)
      j["actors"].push_back({{"id", a.id}, {"capability", a.capability}, {"position", a.position},
                             {"salience", a.salience}});
    j["forecast"] = per_dim(p, r.forecast);
    j["baselines"] = {{"weighted_mean", per_dim(p, base_mean)}, {"weighted_median", per_dim(p, base_median)}};
    j["history"] = Json::array();
    for (const auto& state : r.history) {
      Json t = Json::object();
      for (std::size_t i = 0; i < p.actors.size(); ++i) t[p.actors[i].id] = state[i];
      j["history"].push_back(std::move(t));
    }
    Json fin = Json::object();
    for (std::size_t i = 0; i < p.actors.size(); ++i) fin[p.actors[i].id] = r.final_positions()[i];
    j["final_positions"] = std::move(fin);
    if (!r.probabilities.empty()) {
      Json pr = Json::object();
      for (std::size_t i = 0; i < p.actors.size(); ++i) pr[p.actors[i].id] = r.probabilities[i];
      j["probabilities"] = std::move(pr);
    }
    if (mc) {
      Json m;
      m["runs"] = mc->runs;
      m["completed"] = mc->completed;
      m["termination"] = report::termination_json(mc->termination);
      m["seed"] = mcp.seed;
      m["noise"] = {{"position_sd", mcp.noise.position_sd}, {"salience_sd", mcp.noise.salience_sd},
                    {"capability_sd", mcp.noise.capability_sd}, {"scale", mcp.noise.scale}};
      m["failed"] = mc->failed;
      Json dims = Json::object();
      for (std::size_t k = 0; k < p.dimensions.size(); ++k) {
        const auto& s = mc->dimensions[k];
        dims[p.dimensions[k].id] = {{"mean", s.mean}, {"sd", s.sd}, {"p05", s.p05}, {"median", s.median}, {"p95", s.p95}};
      }
      m["dimensions"] = std::move(dims);
      j["monte_carlo"] = std::move(m);
    }
    if (sens) {
      Json arr = Json::array();
      for (std::size_t k = 0; k < sens->inputs.size() && k < o.sensitivity; ++k) {
        const auto& s = sens->inputs[k];
        Json e;
        e["actor"] = p.actors[s.actor].id;
        e["input"] = std::string(forecast::to_string(s.input));
        if (s.input != forecast::Input::capability) e["dimension"] = p.dimensions[s.input_dim].id;
        e["step"] = s.step;
        e["slope"] = per_dim(p, s.slope);
        e["impact"] = s.impact;
        arr.push_back(std::move(e));
      }
      j["sensitivity"] = std::move(arr);
      j["sensitivity_termination"] = report::termination_json(sens->termination);
    }
    j["notes"] = in.notes;
    return write_output(o.output, j.dump(2) + "\n");
  }

  std::ostringstream out;
  out << "Forecast (" << forecast::to_string(params.model) << ") of " << (p.name.empty() ? o.source : p.name)
      << ": " << p.actors.size() << " actors, " << p.dimensions.size() << " dimensions";
  if (params.model == forecast::Model::smp || params.model == forecast::Model::eum)
    out << "; " << r.turns << " turns"
        << (!r.termination.finished() ? " (stopped by the time budget: partial)"
                                       : r.converged ? "" : " (turn limit reached)");
  out << "\n\n";
  for (std::size_t k = 0; k < p.dimensions.size(); ++k) {
    const auto& d = p.dimensions[k];
    out << "  " << d.id << ": " << fmt(r.forecast[k]);
    const std::string opt = nearest_option(in, k, r.forecast[k]);
    if (!opt.empty()) out << " (nearest option " << opt << ")";
    out << "   [weighted mean " << fmt(base_mean[k]) << ", weighted median " << fmt(base_median[k])
        << "; scale " << fmt(d.lo, 0) << ".." << fmt(d.hi, 0) << "]\n";
    if (mc && k < mc->dimensions.size())
      out << "      Monte Carlo (" << (mc->termination.finished() ? std::to_string(mc->runs)
                                                                  : std::to_string(mc->completed) + " of " + std::to_string(mc->runs))
          << " runs): mean " << fmt(mc->dimensions[k].mean)
          << ", 5-95% " << fmt(mc->dimensions[k].p05) << " .. " << fmt(mc->dimensions[k].p95) << "\n";
  }
  if (params.model == forecast::Model::smp || params.model == forecast::Model::eum) {
    out << "\nFinal positions:\n";
    for (std::size_t i = 0; i < p.actors.size(); ++i) {
      out << "  " << p.actors[i].id << ":";
      for (double x : r.final_positions()[i]) out << " " << fmt(x, 1);
      if (!r.probabilities.empty()) out << "   (P win " << fmt(r.probabilities[i], 4) << ")";
      out << "\n";
    }
  }
  if (sens) {
    out << "\nInputs that move the forecast most (one step each):\n";
    for (std::size_t k = 0; k < sens->inputs.size() && k < o.sensitivity; ++k) {
      const auto& s = sens->inputs[k];
      out << "  " << p.actors[s.actor].id << " " << forecast::to_string(s.input);
      if (s.input != forecast::Input::capability) out << " on " << p.dimensions[s.input_dim].id;
      out << ": moves the forecast by up to " << fmt(s.impact) << " points (of 100)\n";
    }
  }
  for (const auto& n : in.notes) out << "note: " << n << "\n";
  write_output(o.output, out.str());
}

void add_forecast(CLI::App& app) {
  auto* cmd = app.add_subcommand("forecast", "Forecast where each issue lands (SMP, EUM, baselines)")
                  ->footer("Examples:\n  accord forecast geneva-2025\n"
                           "  accord forecast geneva-2025 --model eum --runs 1000 --seed 7\n"
                           "  accord forecast SOE-Pol-Comp.csv --json     # KTAB SMP CSV\n"
                           "  accord forecast ec.csv --model eum           # Actor,Capability,Position,Salience\n"
                           "Equations and every variant choice: docs/forecast.md.");
  auto o = std::make_shared<Opts>();
  cmd->add_option("SOURCE", o->source, "Scenario (built-in name or YAML/JSON), KTAB SMP CSV or EUM CSV")
      ->required();
  cmd->add_option("--model", o->model, "smp | eum | mean | median (default: the scenario's, else smp)")
      ->check(CLI::IsMember({"smp", "eum", "mean", "median"}));
  cmd->add_option("--runs", o->runs, "Monte Carlo runs over perturbed inputs (default 0)");
  cmd->add_option("--seed", o->seed, "Monte Carlo seed (default 1)");
  cmd->add_option("--noise", o->noise, "Scale of the documented Monte Carlo noise (default 1)");
  cmd->add_option("--threads", o->threads, "Worker threads (default: all cores)");
  cmd->add_option("--sensitivity", o->sensitivity, "Show the K inputs that move the forecast most");
  cmd->add_flag("--json", o->json, "Print JSON (shape in docs/forecast.md)");
  cmd->add_option("-o,--output", o->output, "Write to a file instead of standard output");
  add_budget_options(cmd, o->budget);
  cmd->add_option("--max-actors", o->max_actors, "Refuse smp/eum runs with more actors than this")
      ->capture_default_str();
  cmd->callback([o] {
    if (o->runs < -1 || o->runs > 10'000'000) throw Exit{kExitInvalidInput, "--runs must be in [0, 10000000]"};
    if (o->noise < -1 || o->noise > 10) throw Exit{kExitInvalidInput, "--noise must be in [0, 10]"};
    run_forecast(*o);
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("forecast", 20, add_forecast);

}  // namespace accord::cli

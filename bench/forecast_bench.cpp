// Forecast engine benchmarks (issue 5 targets):
//   SMP on the first 20/50/100 actors of KTAB's dummyData-a160.csv (KTAB: 1.4 s / 39 s / 544 s),
//   SMP on a 50-actor, 3-dimension synthetic case, EUM with 100 actors x 100 rounds,
//   Monte Carlo of 1,000 SMP runs on the Geneva scenario (2 threads).
#include <benchmark/benchmark.h>

#include <filesystem>

#include "accord/engines/forecast.hpp"
#include "accord/io/builtin.hpp"
#include "accord/io/forecast_csv.hpp"
#include "engines/forecast/random.hpp"

namespace {

using namespace accord;

std::optional<ForecastProblem> a160() {
  static const std::optional<ForecastProblem> p = [] {
    const std::string path = std::string(ACCORD_SHARED_DATA_DIR) + "/ktab-smp/dummyData-a160.csv";
    if (!std::filesystem::exists(path)) return std::optional<ForecastProblem>();
    auto r = io::read_forecast_csv_file(path);
    return r.ok() ? r.problem : std::optional<ForecastProblem>();
  }();
  return p;
}

ForecastProblem synthetic(std::size_t n, std::size_t d, std::uint64_t seed) {
  forecast::detail::Rng rng(seed, 0);
  ForecastProblem p;
  for (std::size_t k = 0; k < d; ++k) p.dimensions.push_back({"d" + std::to_string(k), "", 0, 100});
  for (std::size_t i = 0; i < n; ++i) {
    ForecastActor a;
    a.id = "a" + std::to_string(i);
    a.capability = 10 + 190 * rng.uniform();
    double total = 0;
    for (std::size_t k = 0; k < d; ++k) {
      a.position.push_back(100 * rng.uniform());
      a.salience.push_back(0.1 + rng.uniform());
      total += a.salience.back();
    }
    const double s = 0.75 + 0.24 * rng.uniform();
    for (double& x : a.salience) x *= s / total;
    p.actors.push_back(std::move(a));
  }
  return p;
}

void BM_SmpKtabA160FirstN(benchmark::State& state) {
  auto p = a160();
  if (!p) {
    state.SkipWithError("ktab-smp data not available");
    return;
  }
  p->actors.resize(static_cast<std::size_t>(state.range(0)));
  int turns = 0;
  for (auto _ : state) {
    const forecast::Result r = forecast::run(*p, forecast::Params{});
    turns = r.turns;
    benchmark::DoNotOptimize(r.forecast.data());
  }
  state.counters["turns"] = turns;
}
BENCHMARK(BM_SmpKtabA160FirstN)->Arg(20)->Arg(50)->Arg(100)->Unit(benchmark::kMillisecond);

void BM_SmpSynthetic50x3(benchmark::State& state) {
  const ForecastProblem p = synthetic(50, 3, 42);
  int turns = 0;
  for (auto _ : state) {
    const forecast::Result r = forecast::run(p, forecast::Params{});
    turns = r.turns;
    benchmark::DoNotOptimize(r.forecast.data());
  }
  state.counters["turns"] = turns;
}
BENCHMARK(BM_SmpSynthetic50x3)->Unit(benchmark::kMillisecond);

void BM_Eum100x100(benchmark::State& state) {
  const ForecastProblem p = synthetic(100, 1, 7);
  forecast::Params params;
  params.model = forecast::Model::eum;
  params.eum.max_rounds = 100;
  params.eum.move_tolerance = -1;  // never stop early: exactly 100 rounds
  int turns = 0;
  for (auto _ : state) {
    const forecast::Result r = forecast::run(p, params);
    turns = r.turns;
    benchmark::DoNotOptimize(r.forecast.data());
  }
  state.counters["rounds"] = turns;
}
BENCHMARK(BM_Eum100x100)->Unit(benchmark::kMillisecond);

void BM_MonteCarloGeneva1000Smp(benchmark::State& state) {
  io::LoadResult s = io::load_scenario("geneva-2025");
  if (!s.ok()) {
    state.SkipWithError("geneva-2025 scenario not available");
    return;
  }
  const forecast::Conversion c = forecast::from_scenario(*s.scenario);
  forecast::MonteCarloParams mc;
  mc.runs = 1000;
  mc.seed = 1;
  mc.threads = 2;
  for (auto _ : state) {
    const forecast::MonteCarloResult r = forecast::monte_carlo(c.problem, forecast::Params{}, mc);
    benchmark::DoNotOptimize(r.dimensions.data());
  }
  state.counters["actors"] = static_cast<double>(c.problem.actors.size());
  state.counters["dims"] = static_cast<double>(c.problem.dimensions.size());
}
BENCHMARK(BM_MonteCarloGeneva1000Smp)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();

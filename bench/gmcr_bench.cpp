// Stability engine benchmarks (issue 4):
//   1. 2 DMs, 12 free options (4,096 states), random strict prioritisations, all concepts.
//   2. 3 DMs, 20 options (2^20 states), all concepts for all DMs.
//   3. 4 DMs, 16 options in mutually exclusive pairs (6,561 states), status-quo reachability.
//   4. SIM and SEQ+SIM alone (issue 13): 4,096 states (2 DMs), target <= 50 ms; 2^20 states
//      (3 DMs), target <= 15 s.
//   5. Coalition stability (Inohara-Hipel, every coalition): 2^12 states, 3 DMs.
// Run one at a time under /usr/bin/time -v for peak memory:
//   accord_gmcr_bench --benchmark_filter=ThreeDms
#include <benchmark/benchmark.h>

#include <random>

#include "accord/engines/gmcr.hpp"

namespace accord::gmcr {
namespace {

// Options split evenly among `dms`; each DM ranks states by a random strict prioritisation
// (one literal per option, random sign, random order: every state has its own score).
Conflict random_conflict(int dms, int options, unsigned seed) {
  std::mt19937 rng(seed);
  Conflict c;
  for (int o = 0; o < options; ++o) c.options.push_back({"o" + std::to_string(o), "", Direction::both, {}});
  for (int d = 0; d < dms; ++d) {
    DecisionMaker dm;
    dm.id = "D" + std::to_string(d);
    for (int o = d; o < options; o += dms) dm.options.emplace_back(o);
    std::vector<int> order(static_cast<std::size_t>(options));
    for (int o = 0; o < options; ++o) order[static_cast<std::size_t>(o)] = o;
    std::shuffle(order.begin(), order.end(), rng);
    for (int o : order) {
      Condition cond;
      cond.any.push_back(Conjunction{{Literal{ConflictOptionIndex(o), (rng() & 1u) != 0}}});
      dm.statements.push_back({cond, {}});
    }
    c.decision_makers.push_back(std::move(dm));
  }
  return c;
}

void run_all(benchmark::State& state, const Conflict& c, const Params& p = {}) {
  std::size_t states = 0;
  for (auto _ : state) {
    RunResult r = analyse(c, p);
    if (!r.ok()) state.SkipWithError("invalid conflict");
    else states = r.analysis->states.size();
    benchmark::DoNotOptimize(r);
  }
  state.counters["states"] = static_cast<double>(states);
}

void BM_TwoDms12Options(benchmark::State& state) { run_all(state, random_conflict(2, 12, 1)); }
BENCHMARK(BM_TwoDms12Options)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

void BM_ThreeDms20Options(benchmark::State& state) { run_all(state, random_conflict(3, 20, 2)); }
BENCHMARK(BM_ThreeDms20Options)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(true);

Params simultaneous_only() {
  Params p;
  p.concepts = {Concept::sim, Concept::seq_sim};
  return p;
}

void BM_SimTwoDms12Options(benchmark::State& state) { run_all(state, random_conflict(2, 12, 1), simultaneous_only()); }
BENCHMARK(BM_SimTwoDms12Options)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

void BM_SimThreeDms20Options(benchmark::State& state) {
  run_all(state, random_conflict(3, 20, 2), simultaneous_only());
}
BENCHMARK(BM_SimThreeDms20Options)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(true);

// Inohara-Hipel coalition stability (Nash, GMR, SMR, SEQ over all 7 coalitions) on 2^12 states,
// 3 DMs of 4 reversible options each: the grand coalition's component is all 4,096 states.
void BM_CoalitionsThreeDms12Options(benchmark::State& state) {
  Params p;
  p.concepts = {Concept::nash, Concept::gmr, Concept::smr, Concept::seq};
  p.coalitions = true;
  run_all(state, random_conflict(3, 12, 4), p);
}
BENCHMARK(BM_CoalitionsThreeDms12Options)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

void BM_FourDms16OptionsExclusivePairs(benchmark::State& state) {
  std::mt19937 rng(3);
  Conflict c;
  for (int o = 0; o < 16; ++o) c.options.push_back({"o" + std::to_string(o), "", Direction::both, {}});
  for (int pair = 0; pair < 8; ++pair)
    c.exclusive.push_back({{ConflictOptionIndex(2 * pair), ConflictOptionIndex(2 * pair + 1)}, {}});
  for (int d = 0; d < 4; ++d) {
    DecisionMaker dm;
    dm.id = "D" + std::to_string(d);
    for (int o = 4 * d; o < 4 * d + 4; ++o) dm.options.emplace_back(o);
    for (int k = 0; k < 10; ++k) {
      Condition cond;
      Conjunction conj;
      conj.literals.push_back({ConflictOptionIndex(static_cast<int>(rng() % 16)), (rng() & 1u) != 0});
      if (rng() & 1u) conj.literals.push_back({ConflictOptionIndex(static_cast<int>(rng() % 16)), (rng() & 1u) != 0});
      cond.any.push_back(conj);
      dm.statements.push_back({cond, {}});
    }
    c.decision_makers.push_back(std::move(dm));
  }
  c.status_quo = 0;
  std::size_t paths = 0;
  for (auto _ : state) {
    RunResult r = analyse(c);
    if (!r.ok()) state.SkipWithError(r.outcome.message().c_str());
    else paths = r.analysis->status_quo_paths.size();
    benchmark::DoNotOptimize(r);
  }
  state.counters["equilibria_with_paths"] = static_cast<double>(paths);
}
BENCHMARK(BM_FourDms16OptionsExclusivePairs)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

}  // namespace
}  // namespace accord::gmcr

BENCHMARK_MAIN();

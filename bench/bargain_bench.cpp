// Bargaining engine benchmarks (issue 3). Run: build/bench/accord_bargain_bench
#include <benchmark/benchmark.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "accord/engines/bargain.hpp"
#include "accord/io/genius.hpp"
#include "../tests/engines/bargain/opposed_scenario.hpp"
#include "../tests/hostile/bargain_util.hpp"

namespace {

using namespace accord;

// `parties` parties, `issues` discrete issues of `options` options each, random additive
// preferences; with two parties the second values each option 1 - the first's (opposed).
Scenario synthetic(std::size_t parties, std::size_t issues, std::size_t options, double reservation,
                   std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  Scenario s;
  s.id = "bench";
  for (std::size_t p = 0; p < parties; ++p)
    s.parties.push_back(Party{"P" + std::to_string(p), "", Role::party, 1.0, {}, {}});
  for (std::size_t i = 0; i < issues; ++i) {
    Issue issue;
    issue.id = "i" + std::to_string(i);
    for (std::size_t o = 0; o < options; ++o)
      issue.options.push_back(Option{"o" + std::to_string(o), "", std::nullopt, {}, {}});
    s.issues.push_back(issue);
  }
  std::vector<std::vector<double>> first(issues, std::vector<double>(options));
  for (auto& row : first)
    for (double& v : row) v = unit(rng);
  for (std::size_t p = 0; p < parties; ++p) {
    Preferences prefs;
    prefs.present = true;
    prefs.reservation = reservation;
    std::vector<double> w(issues);
    double total = 0;
    for (double& x : w) total += (x = unit(rng) + 0.1);
    for (std::size_t i = 0; i < issues; ++i) {
      IssuePreference ip;
      ip.present = true;
      ip.weight = w[i] / total;
      for (std::size_t o = 0; o < options; ++o)
        ip.option_values.push_back(parties == 2 ? (p == 0 ? first[i][o] : 1.0 - first[i][o])
                                                : unit(rng));
      prefs.issues.push_back(ip);
    }
    s.preferences.push_back(prefs);
  }
  return s;
}

void report(benchmark::State& state, const bargain::Result& r) {
  state.counters["frontier"] = static_cast<double>(r.zone_pareto.points.size());
  state.counters["nash"] = r.solutions.nash ? r.solutions.nash->objective : -1.0;
}

// 1. 2 parties, 6 issues x 10 values (10^6 packages): zone count, both frontiers, all four.
void BM_TwoParties_1e6(benchmark::State& state) {
  const Scenario s = synthetic(2, 6, 10, 0.3, 1);
  bargain::Result r;
  for (auto _ : state) {
    r = bargain::run(s);
    benchmark::DoNotOptimize(r);
  }
  report(state, r);
  state.counters["whole_frontier"] = static_cast<double>(r.pareto.points.size());
}
BENCHMARK(BM_TwoParties_1e6)->Unit(benchmark::kMillisecond);

// 2. 2 parties, 30 issues x 10 values (10^30): exact frontier of the zone + the solutions.
void BM_TwoParties_1e30(benchmark::State& state) {
  const Scenario s = synthetic(2, 30, 10, 0.3, 2);
  bargain::Params params;
  params.whole_space_frontier = false;
  params.max_count_nodes = 0;  // counting 10^30 packages is not part of this benchmark
  params.max_frontier = 2'000'000;
  bargain::Result r;
  for (auto _ : state) {
    r = bargain::run(s, params);
    benchmark::DoNotOptimize(r);
  }
  report(state, r);
}
BENCHMARK(BM_TwoParties_1e30)->Unit(benchmark::kMillisecond);

// 3. 5 parties, 20 issues x 5 options: exact solutions by search + closest to a draft.
void BM_FiveParties_20x5(benchmark::State& state) {
  const Scenario s = synthetic(5, 20, 5, 0.55, 3);
  bargain::Params params;
  params.whole_space_frontier = false;
  params.max_frontier = 20000;
  params.max_count_nodes = 0;
  Package draft(s.issues.size());
  for (const IssueIndex i : draft.indices()) draft[i] = Setting{OptionIndex(i.get() % 5), 0.0};
  params.draft = draft;
  bargain::Result r;
  for (auto _ : state) {
    r = bargain::run(s, params);
    benchmark::DoNotOptimize(r);
  }
  report(state, r);
  state.counters["exact"] = r.solutions.exact && r.closest->exact ? 1 : 0;
  state.counters["changes"] = static_cast<double>(r.closest->changed_issues);
}
BENCHMARK(BM_FiveParties_20x5)->Unit(benchmark::kMillisecond);

// 4. KillerRobot (ANAC 2015, 5 parties, 240,000 packages): full frontier.
void BM_KillerRobot(benchmark::State& state) {
  const std::string dir = std::string(ACCORD_SHARED_DATA_DIR) + "/genius-anac/y2015/group9-killer_robot/";
  if (!std::filesystem::exists(dir)) {
    state.SkipWithError("genius-anac data not found");
    return;
  }
  std::vector<std::string> profiles;
  for (int j = 1; j <= 5; ++j) profiles.push_back(dir + "KillerRobot_util" + std::to_string(j) + ".xml");
  const io::GeniusImport imp = io::import_genius(dir + "KillerRobot.xml", profiles);
  if (!imp.scenario) {
    state.SkipWithError("import failed");
    return;
  }
  bargain::Result r;
  for (auto _ : state) {
    r = bargain::run(*imp.scenario);
    benchmark::DoNotOptimize(r);
  }
  report(state, r);
  state.counters["whole_frontier"] = static_cast<double>(r.pareto.points.size());
}
BENCHMARK(BM_KillerRobot)->Unit(benchmark::kMillisecond);

// 5-7. Two opposed camps (issue 10 item 20; tests/engines/bargain/opposed_scenario.hpp):
// the four solutions and the ideal point, exact, by branch and bound with LP bounds.
void opposed(benchmark::State& state, std::size_t k, std::size_t n, std::size_t m) {
  const Scenario s = testing::opposed_camps(k, n, m, 1);
  bargain::Params params;
  params.whole_space_frontier = false;
  params.max_frontier = 1000;
  params.max_count_nodes = 0;  // counting the zone is not part of this benchmark
  bargain::Result r;
  for (auto _ : state) {
    r = bargain::run(s, params);
    benchmark::DoNotOptimize(r);
  }
  report(state, r);
  state.counters["exact"] = r.solutions.exact ? 1 : 0;
}
void BM_Opposed_5x20x5(benchmark::State& state) { opposed(state, 5, 20, 5); }
void BM_Opposed_3x30x10(benchmark::State& state) { opposed(state, 3, 30, 10); }
void BM_Opposed_5x30x10(benchmark::State& state) { opposed(state, 5, 30, 10); }
BENCHMARK(BM_Opposed_5x20x5)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Opposed_3x30x10)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Opposed_5x30x10)->Unit(benchmark::kMillisecond)->Iterations(3);

// 8. GENIUS nonlinear profiles (issue 10 item 21): 7 issues x 10 values, 2 profiles of 100
// hyperrectangles (tests/hostile/bargain_util.hpp): one enumeration of 10^7 packages gives
// the zone count, both frontiers and the solutions.
void BM_GeniusRectangles_100(benchmark::State& state) {
  const std::string dir = test::bargain_hostile::temp_dir("bench-genius");
  const auto files = test::bargain_hostile::write_genius_rectangles(dir, 7, 10, 2, 100, 7);
  const io::GeniusImport imp =
      io::import_genius(files[0], std::vector<std::string>(files.begin() + 1, files.end()));
  std::filesystem::remove_all(dir);
  if (!imp.scenario) {
    state.SkipWithError("import failed");
    return;
  }
  bargain::Result r;
  for (auto _ : state) {
    r = bargain::run(*imp.scenario);
    benchmark::DoNotOptimize(r);
  }
  report(state, r);
  state.counters["exact"] = r.outcome.termination.finished() ? 1 : 0;
}
BENCHMARK(BM_GeniusRectangles_100)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();

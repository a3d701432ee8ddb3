// Negotiation engine benchmarks (issue 17). Run: build/bench/accord_negotiate_bench
// Domains are built once (set-up); each iteration is one whole negotiation, agents included.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "accord/engines/agent.hpp"
#include "accord/engines/negotiate.hpp"
#include "accord/io/builtin.hpp"
#include "accord/io/genius.hpp"
#include "accord/io/genius_folder.hpp"

namespace {

using namespace accord;

std::string anac(const std::string& folder) { return std::string(ACCORD_SHARED_DATA_DIR) + "/genius-anac/" + folder; }

std::shared_ptr<const negotiate::Domain> genius_domain(const std::string& folder) {
  const io::GeniusFolder f = io::find_genius_folder(anac(folder));
  if (!f.ok()) return nullptr;
  const io::GeniusImport imp = io::import_genius(f.domain, f.profiles);
  if (!imp.ok()) return nullptr;
  return negotiate::Domain::build(*imp.scenario).domain;
}

// Two opposed parties on `issues` issues of `options` options (random weights and values).
Scenario opposed(std::size_t issues, std::size_t options, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  Scenario s;
  s.id = "bench";
  for (int p = 0; p < 2; ++p) s.parties.push_back(Party{p == 0 ? "A" : "B", "", Role::party, 1.0, {}, {}});
  for (std::size_t i = 0; i < issues; ++i) {
    Issue issue;
    issue.id = std::string("i").append(std::to_string(i));
    for (std::size_t o = 0; o < options; ++o) issue.options.push_back(Option{std::string("o").append(std::to_string(o)), "", std::nullopt, {}, {}});
    s.issues.push_back(issue);
  }
  std::vector<std::vector<double>> v(issues, std::vector<double>(options));
  for (auto& row : v)
    for (double& x : row) x = unit(rng);
  for (int p = 0; p < 2; ++p) {
    Preferences prefs;
    prefs.present = true;
    prefs.reservation = 0.2;
    std::vector<double> w(issues);
    double total = 0;
    for (double& x : w) total += (x = unit(rng) + 0.1);
    for (std::size_t i = 0; i < issues; ++i) {
      IssuePreference ip;
      ip.present = true;
      ip.weight = w[i] / total;
      for (std::size_t o = 0; o < options; ++o) ip.option_values.push_back(p == 0 ? v[i][o] : 1.0 - v[i][o]);
      prefs.issues.push_back(ip);
    }
    s.preferences.push_back(prefs);
  }
  return s;
}

void run_negotiations(benchmark::State& state, const negotiate::Domain* d, const negotiate::Params& p) {
  if (d == nullptr) {
    state.SkipWithError("domain not available (../shared/data/genius-anac)");
    return;
  }
  std::size_t actions = 0, agreements = 0;
  for (auto _ : state) {
    const negotiate::Result r = negotiate::run(*d, p);
    benchmark::DoNotOptimize(r.actions);
    actions = r.actions;
    agreements += r.agreement ? 1 : 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));  // negotiations/s
  state.counters["actions"] = static_cast<double>(actions);
  state.counters["agreed"] = static_cast<double>(agreements) / static_cast<double>(state.iterations());
  state.counters["packages"] = static_cast<double>(d->size());
}

// Issue target: >= 30,000 negotiations/s on one core (NegMAS: 28.6/s).
void BM_ItexvsCypress_BoulwareVsConceder_100(benchmark::State& state) {
  static const auto d = genius_domain("y2010/ItexvsCypress");
  negotiate::Params p;
  p.agents = {"boulware", "conceder"};
  p.rounds = 100;
  run_negotiations(state, d.get(), p);
}
BENCHMARK(BM_ItexvsCypress_BoulwareVsConceder_100);

// Issue target: <= 50 ms per negotiation after set-up (5 parties, 240,000 packages).
void BM_KillerRobot_5TimeDependent_1000(benchmark::State& state) {
  static const auto d = genius_domain("y2015/group9-killer_robot");
  negotiate::Params p;
  p.agents = {"hardliner", "boulware", "linear", "conceder", "timedep:0.5"};
  p.rounds = 1000;
  run_negotiations(state, d.get(), p);
}
BENCHMARK(BM_KillerRobot_5TimeDependent_1000)->Unit(benchmark::kMillisecond);

// The same without a hardliner, so that the run can end in agreement.
void BM_KillerRobot_5Conceding_1000(benchmark::State& state) {
  static const auto d = genius_domain("y2015/group9-killer_robot");
  negotiate::Params p;
  p.agents = {"boulware", "linear", "conceder", "timedep:0.5", "timedep:3"};
  p.rounds = 1000;
  run_negotiations(state, d.get(), p);
}
BENCHMARK(BM_KillerRobot_5Conceding_1000)->Unit(benchmark::kMillisecond);

// Set-up of the KillerRobot domain: utilities of 240,000 packages for 5 parties, sorted.
void BM_KillerRobot_DomainBuild(benchmark::State& state) {
  const io::GeniusFolder f = io::find_genius_folder(anac("y2015/group9-killer_robot"));
  if (!f.ok()) return state.SkipWithError("domain not available");
  const io::GeniusImport imp = io::import_genius(f.domain, f.profiles);
  for (auto _ : state) benchmark::DoNotOptimize(negotiate::Domain::build(*imp.scenario).domain);
}
BENCHMARK(BM_KillerRobot_DomainBuild)->Unit(benchmark::kMillisecond);

// 10^12 packages (12 issues x 10 options): offers by search (meet in the middle), never sorted.
const Scenario& large() {
  static const Scenario s = opposed(12, 10, 7);
  return s;
}
void BM_Large1e12_DomainBuild(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(negotiate::Domain::build(large()).domain);
}
BENCHMARK(BM_Large1e12_DomainBuild)->Unit(benchmark::kMillisecond);

void BM_Large1e12_LinearVsConceder_100(benchmark::State& state) {
  static const auto d = negotiate::Domain::build(large()).domain;
  negotiate::Params p;
  p.agents = {"linear", "conceder"};
  p.rounds = 100;
  run_negotiations(state, d.get(), p);
}
BENCHMARK(BM_Large1e12_LinearVsConceder_100)->Unit(benchmark::kMillisecond);

// The Geneva scenario's whole space (23 issues, 6.3e12 packages), UA vs RU.
void BM_GenevaWholeSpace_LinearVsLinear_50(benchmark::State& state) {
  static const auto d = [] {
    const io::LoadResult r = io::load_scenario("geneva-2025");
    negotiate::DomainParams dp;
    dp.parties = {r.scenario->find_party("UA"), r.scenario->find_party("RU")};
    return negotiate::Domain::build(*r.scenario, dp).domain;
  }();
  negotiate::Params p;
  p.agents = {"linear", "linear"};
  p.rounds = 50;
  run_negotiations(state, d.get(), p);
}
BENCHMARK(BM_GenevaWholeSpace_LinearVsLinear_50)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

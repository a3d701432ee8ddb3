// Tournament benchmark (issue 17): 4 agents × 16 ordered pairs × 500 repeats on ANAC
// ItexvsCypress, 100 rounds — the GENIUS import, the domain, the reference (one bargaining
// run) and the 8,000 negotiations, as `accord tournament` does them (output not included;
// the whole process is timed in docs/mediate-and-tournament.md). Also the mediated
// single-text protocol on the built-in Geneva scenario. Skips when ../shared/data is absent.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "accord/engines/mediate.hpp"
#include "accord/engines/tournament.hpp"
#include "accord/io/builtin.hpp"
#include "accord/io/genius.hpp"
#include "accord/io/scenario_io.hpp"

namespace accord {
namespace {

void BM_Tournament_Itex_4x16x500(benchmark::State& state) {
  const std::string dir = std::string(ACCORD_SHARED_DATA_DIR) + "/genius-anac/y2010/ItexvsCypress/ItexvsCypress_";
  if (!std::filesystem::exists(dir + "domain.xml")) {
    state.SkipWithError("genius-anac data not found");
    return;
  }
  for (auto _ : state) {
    const io::GeniusImport imp = io::import_genius(dir + "domain.xml", {dir + "Cypress.xml", dir + "Itex.xml"});
    const negotiate::DomainBuild built = negotiate::Domain::build(*imp.scenario, {});
    tournament::Params params;
    params.agents = {"boulware", "conceder", "linear", "hardliner"};
    params.rounds = 100;
    params.repeats = 500;
    params.threads = static_cast<std::size_t>(state.range(0));
    const tournament::Result r = tournament::run({{"ItexvsCypress", built.domain}}, params);
    if (r.negotiations != 8000) state.SkipWithError("the tournament did not run 8,000 negotiations");
    benchmark::DoNotOptimize(r.per_agent);
  }
  state.SetItemsProcessed(state.iterations() * 8000);
}
BENCHMARK(BM_Tournament_Itex_4x16x500)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Mediate_Geneva_Anneal_10000(benchmark::State& state) {
  const io::LoadResult loaded = io::load_scenario_text(*io::builtin_scenario_text("geneva-2025"), "geneva-2025");
  const Scenario& s = *loaded.scenario;
  mediate::Params params;
  params.voters = {mediate::Voter::anneal};
  params.steps = 10000;
  params.metrics = state.range(0) != 0;
  for (auto _ : state) benchmark::DoNotOptimize(mediate::run(s, params));
}
BENCHMARK(BM_Mediate_Geneva_Anneal_10000)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace accord

BENCHMARK_MAIN();

// Opposed camps (issue 10 item 20): exact against brute force on small instances, fast on
// large ones, and honest about budgets.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "accord/engines/bargain.hpp"
#include "accord/io/scenario_io.hpp"
#include "engines/bargain/opposed_scenario.hpp"

namespace accord::bargain {
namespace {

// ACCORD_WRITE_OPPOSED_DIR=DIR writes the generated scenarios as YAML (to time the CLI on
// them, e.g. the base binary: scripts/hostile/bargain_opposed.sh).
TEST(BargainOpposed, WriteScenarioFilesOnRequest) {
  const char* dir = std::getenv("ACCORD_WRITE_OPPOSED_DIR");
  if (!dir) GTEST_SKIP() << "set ACCORD_WRITE_OPPOSED_DIR to write the files";
  struct Case { std::size_t k, n, m; std::uint32_t seed; };
  for (const Case c : {Case{5, 20, 5, 1}, Case{5, 20, 5, 2}, Case{5, 20, 5, 3}, Case{3, 30, 10, 1},
                       Case{5, 30, 10, 1}}) {
    const Scenario s = testing::opposed_camps(c.k, c.n, c.m, c.seed);
    const std::string path = std::string(dir) + "/opposed-" + std::to_string(c.k) + "x" +
                             std::to_string(c.n) + "x" + std::to_string(c.m) + "-s" +
                             std::to_string(c.seed) + ".yaml";
    std::ofstream(path) << io::write_scenario(s, io::TextFormat::yaml);
  }
}

}  // namespace
}  // namespace accord::bargain

#include <chrono>
#include <iostream>
#include "engines/bargain/search.hpp"
namespace accord::bargain {
TEST(BargainOpposedScratch, DISABLED_Timings) {
  const char* env = std::getenv("OPP");
  std::size_t k = 5, n = 20, m = 5;
  if (env) std::sscanf(env, "%zux%zux%zu", &k, &n, &m);
  const Scenario s = testing::opposed_camps(k, n, m, 1);
  auto parties = default_bargaining_parties(s);
  detail::Problem p = detail::build_problem(s, parties, true, nullptr);
  detail::merge_equal_values(p);
  detail::drop_dominated_values(p);
  detail::Spec base;
  base.d = p.r;
  std::vector<double> scale(k);
  for (std::size_t q = 0; q < k; ++q) {
    detail::Spec spec = base;
    spec.goal = detail::Goal::party;
    spec.party = q;
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = detail::search(p, spec, 50'000'000);
    const double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << "party " << q << " nodes " << r.nodes << " time " << dt << "\n";
    scale[q] = 1.0 / (r.tied[0].u[q] - p.r[q]);
  }
  for (int gg = 0; gg < 5; ++gg) {
    int g = gg == 4 ? 2 : gg;
    detail::Spec spec = base;
    if (gg == 4) spec.zone = false;
    spec.goal = static_cast<detail::Goal>(g);
    spec.party = 0;
    if (spec.goal == detail::Goal::kalai_smorodinsky) spec.scale = scale;
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = detail::search(p, spec, 50'000'000);
    const double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << "goal " << g << " nodes " << r.nodes << " time " << dt << " complete " << r.complete
              << " tied " << r.tied.size() << " bound " << r.bound << "\n";
  }
}
}  // namespace accord::bargain
namespace accord::bargain {
TEST(BargainOpposedScratch, DISABLED_RunTimings) {
  const char* env = std::getenv("OPP");
  std::size_t k = 5, n = 20, m = 5;
  if (env) std::sscanf(env, "%zux%zux%zu", &k, &n, &m);
  const Scenario s = testing::opposed_camps(k, n, m, 1);
  for (int par = 0; par < 2; ++par) {
    Params params;
    params.max_count_nodes = 0;
    params.whole_space_frontier = false;
    params.max_frontier = 1000;
    params.parallel = par == 1;
    const auto t0 = std::chrono::steady_clock::now();
    const Result r = run(s, params);
    const double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << "parallel " << par << " time " << dt << " exact " << r.solutions.exact << " nash "
              << r.solutions.nash->objective << " ks " << r.solutions.kalai_smorodinsky->objective << " egal "
              << r.solutions.egalitarian->objective << "\n";
  }
}
}  // namespace accord::bargain

#pragma once
// Shared by the forecast, KTAB and gmcr hostile tests: run the real `accord` binary as a
// child with its output in files, and measure its wall time and peak memory (wait4's rusage
// of that child alone). Generators of large inputs with fixed seeds.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "hostile/child.hpp"

namespace accord::hostile::engines {

using Child = test::ChildRun;
using test::run_accord;

inline std::string temp_path(const std::string& name) {
  return std::string(::testing::TempDir()) + "accord_hostile_" + std::to_string(getpid()) + "_" + name;
}

inline void write_file(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

inline std::size_t count_lines(const std::string& s) {
  std::size_t n = 0;
  for (char ch : s) n += ch == '\n' ? 1 : 0;
  return n;
}

// Generous ceilings that hold under ASan+UBSan on 2 shared cores (the budgets are small).
inline constexpr double kMaxWallSeconds = 30.0;
inline constexpr long kMaxRssKb = 1536L * 1024;  // 1.5 GiB

// --- generators (same shapes as scripts/hostile/engines_inputs.py) --------------------------

inline std::string fixed(double x, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
}

// KTAB SMP CSV: n actors x d dimensions, saliences summing to at most 100.
inline std::string ktab_csv(int n, int d, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::ostringstream out;
  out << "Hostile" << n << "x" << d << ",generated," << n << "," << d << ",\n";
  out << "Actor,Description,Power";
  for (int k = 1; k <= d; ++k) out << ",Pos" << k << ",Sal" << k;
  out << ",\n";
  for (int i = 0; i < n; ++i) {
    out << "A" << i << ",gen," << fixed(1 + 199 * u(rng), 3);
    for (int k = 0; k < d; ++k) out << "," << fixed(100 * u(rng), 2) << "," << fixed(100.0 / d * u(rng), 2);
    out << ",\n";
  }
  return out.str();
}

// A scenario of n parties with preferences over `issues` issues of four options each.
inline std::string scenario_yaml(int n, int issues, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::ostringstream out;
  out << "format: 1\nid: hostile-" << n << "\ntitle: " << n << " parties\nparties:\n";
  for (int i = 0; i < n; ++i)
    out << "  - {id: P" << i << ", name: Party " << i << ", role: party, capability: " << 1 + rng() % 100 << "}\n";
  out << "issues:\n";
  for (int k = 0; k < issues; ++k)
    out << "  - {id: i" << k << ", title: Issue " << k << ", options: [o" << k << "_0, o" << k << "_1, o" << k
        << "_2, o" << k << "_3]}\n";
  out << "preferences:\n";
  for (int i = 0; i < n; ++i) {
    std::vector<double> w(static_cast<std::size_t>(issues));
    double sum = 0.0;
    for (double& x : w) sum += (x = u(rng));
    out << "  P" << i << ":\n    reservation: 0.3\n    issues:\n";
    for (int k = 0; k < issues; ++k) {
      out << "      i" << k << ": {weight: " << fixed(w[static_cast<std::size_t>(k)] / sum, 4) << ", values: {";
      for (int o = 0; o < 4; ++o) out << (o ? ", " : "") << "o" << k << "_" << o << ": " << fixed(u(rng), 3);
      out << "}}\n";
    }
  }
  return out.str();
}

// A conflict of `dms` decision makers controlling `opts` options each, 8 random
// prioritisation statements each, status quo all N.
inline std::string conflict_yaml(int dms, int opts, unsigned seed) {
  std::mt19937 rng(seed);
  std::ostringstream out;
  out << "format: 1\nid: gmcr-large\ntitle: large conflict\nparties:\n";
  for (int d = 0; d < dms; ++d) out << "  - {id: D" << d << ", name: DM " << d << ", role: party, capability: 1}\n";
  out << "issues:\n  - {id: x, title: X, options: [a, b]}\nconflict:\n  options:\n";
  std::vector<std::string> names;
  for (int d = 0; d < dms; ++d)
    for (int k = 0; k < opts; ++k) names.push_back("o" + std::to_string(d) + "_" + std::to_string(k));
  for (const auto& nm : names) out << "    - " << nm << "\n";
  out << "  decision_makers:\n";
  for (int d = 0; d < dms; ++d) {
    out << "    - id: D" << d << "\n      options: [";
    for (int k = 0; k < opts; ++k) out << (k ? ", " : "") << names[static_cast<std::size_t>(d * opts + k)];
    out << "]\n      preferences:\n";
    for (int s = 0; s < 8; ++s) {
      const auto& a = names[rng() % names.size()];
      const auto& b = names[rng() % names.size()];
      out << "        - \"" << (rng() % 2 ? "not " : "") << a << " & " << (rng() % 2 ? "not " : "") << b << "\"\n";
    }
  }
  out << "  status_quo: " << std::string(names.size(), 'N') << "\n";
  return out.str();
}

// A gmcr-py save whose manual preference ranking covers all 2^opts states.
inline std::string gmcr_py_ranking(int opts) {
  const long states = 1L << opts;
  std::ostringstream out;
  out << "{\"options\": [";
  for (int k = 0; k < opts; ++k) out << (k ? ", " : "") << "{\"name\": \"o" << k << "\", \"permittedDirection\": \"both\"}";
  out << "], \"decisionMakers\": [";
  for (int d = 0; d < 2; ++d) {
    out << (d ? ", " : "") << "{\"name\": \"" << (d ? "B" : "A") << "\", \"options\": [";
    for (int k = d * opts / 2; k < (d + 1) * opts / 2; ++k) out << (k > d * opts / 2 ? ", " : "") << k;
    out << "], \"preferenceRanking\": [";
    for (long s = 1; s <= states; ++s) out << (s > 1 ? ", " : "") << (d ? states + 1 - s : s);
    out << "]}";
  }
  out << "], \"infeasibles\": [], \"useManualPreferenceRanking\": true}";
  return out.str();
}

}  // namespace accord::hostile::engines

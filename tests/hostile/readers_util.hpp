#pragma once
// Shared by the readers_* hostile tests: generated scenario inputs (fixed seeds; the same shapes
// as scripts/hostile/readers_gen.py) and a child-process runner that measures the wall time and
// peak memory of exactly that child (wait4).
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.hpp"

#include "hostile/child.hpp"

namespace accord::hostile::readers {

using test::ChildRun;
// The whole output: these tests parse the JSON of large reports.
inline ChildRun run_accord(const std::vector<std::string>& args) {
  return test::run_accord(args, {}, std::size_t{256} << 20);
}

inline std::string write_temp(const std::string& name, const std::string& text) {
  const std::string path = std::string(::testing::TempDir()) + std::to_string(getpid()) + "_" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// P parties whose stances all alias one K-key map (issue 10, item 18).
inline std::string alias_scenario(int parties, int keys) {
  std::ostringstream o;
  o << "format: 1\nid: alias\ntitle: alias amplification\nparties:\n";
  for (int p = 0; p < parties; ++p) o << "  - {id: P" << p << "}\n";
  o << "issues: [{id: x, options: [a, b]}]\nframework:\n  versions:\n    - id: v1\n      points:\n";
  for (int k = 0; k < keys; ++k) o << "        - {id: k" << k << "}\n";
  o << "      stances:\n        P0: &all\n";
  for (int k = 0; k < keys; ++k) o << "          k" << k << ": accept\n";
  for (int p = 1; p < parties; ++p) o << "        P" << p << ": *all\n";
  return o.str();
}

// U unknown keys against I party ids of 64 characters (issue 10, item 19).
inline std::string unknown_keys_scenario(int unknown, int ids) {
  std::mt19937 rng(19);
  const std::string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  auto word = [&] {
    std::string w;
    for (int k = 0; k < 64; ++k) w += alphabet[rng() % alphabet.size()];
    return w;
  };
  std::ostringstream o;
  o << "format: 1\nid: dym\ntitle: many unknown keys\nparties:\n";
  for (int k = 0; k < ids; ++k) o << "  - {id: " << word() << "}\n";
  o << "issues: [{id: x, options: [a, b]}]\npreferences:\n";
  for (int k = 0; k < unknown; ++k) o << "  " << word() << ": {}\n";
  return o.str();
}

// N parties with preferences over 4 issues and stances on 2 versions of 6 points (item 15).
inline std::string many_parties_scenario(int n) {
  std::mt19937 rng(15);
  auto pick = [&](int hi) { return static_cast<int>(rng() % static_cast<unsigned>(hi + 1)); };
  const char* kinds[] = {"accept", "reject", "conditional"};
  std::ostringstream o;
  o << "format: 1\nid: big\ntitle: many parties\nparties:\n";
  for (int p = 0; p < n; ++p) o << "  - {id: P" << p << ", capability: " << 1 + pick(99) << "}\n";
  o << "issues:\n";
  for (int i = 0; i < 4; ++i) o << "  - {id: i" << i << ", options: [o" << i << "_0, o" << i << "_1, o" << i << "_2]}\n";
  o << "preferences:\n";
  for (int p = 0; p < n; ++p) {
    o << "  P" << p << ":\n    reservation: " << pick(40) / 100.0 << "\n    issues:\n";
    for (int i = 0; i < 4; ++i) {
      o << "      i" << i << ": {weight: 0.25, values: {";
      for (int k = 0; k < 3; ++k) o << (k ? ", " : "") << "o" << i << "_" << k << ": " << pick(100) / 100.0;
      o << "}}\n";
    }
  }
  o << "framework:\n  versions:\n";
  for (int v = 0; v < 2; ++v) {
    o << "    - id: v" << v << "\n      points:\n";
    for (int k = 0; k < 6; ++k)
      o << "        - {id: v" << v << "p" << k << ", text: point " << k << " of version " << v << ", sets: {i" << k % 4
        << ": o" << k % 4 << "_" << pick(2) << "}" << (v == 1 ? ", from: [v0p" + std::to_string(k) + "]" : "") << "}\n";
    o << "      stances:\n";
    for (int p = 0; p < n; ++p) {
      o << "        P" << p << ": {";
      for (int k = 0; k < 6; ++k) o << (k ? ", " : "") << "v" << v << "p" << k << ": " << kinds[pick(2)];
      o << "}\n";
    }
  }
  return o.str();
}

}  // namespace accord::hostile::readers

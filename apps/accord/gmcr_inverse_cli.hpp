#pragma once
// `accord gmcr SOURCE --inverse STATE`: the flags and the run, kept apart from cmd_gmcr.cpp so
// that file only registers them and hands over (docs/gmcr.md "Inverse analysis").
#include <CLI/CLI.hpp>

#include <string>

#include "accord/model/budget.hpp"
#include "accord/model/conflict.hpp"

namespace accord::cli {

struct InverseFlags {
  std::string target;  // a state pattern, patterns joined by ",", or a condition
  std::string concept_name = "nash";
  std::string dms;  // "A,B"; empty: every decision maker
  std::size_t max_changes = 3;
  std::string change = "preferences";  // preferences | moves
  bool reachable = false;
  [[nodiscard]] bool asked() const { return !target.empty(); }
};

void add_inverse_options(CLI::App* cmd, InverseFlags& flags);
// Runs the inverse analysis and prints its text or JSON to `output` ("-": stdout).
void run_inverse(const InverseFlags& flags, const Conflict& c, const std::string& scenario, bool json,
                 const std::string& output, const Deadline& deadline, std::uint64_t max_nodes);

}  // namespace accord::cli

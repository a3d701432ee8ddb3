#pragma once
// Branch and bound over the package space: optimal packages without a frontier, the
// closest acceptable package to a draft, and exact zone counts.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "accord/model/budget.hpp"
#include "engines/bargain/problem.hpp"

namespace accord::bargain::detail {

enum class Goal { nash, kalai_smorodinsky, egalitarian, utilitarian, party };

struct Spec {
  Goal goal = Goal::nash;
  std::vector<double> d;      // disagreement point (gains are U_p - d_p)
  std::vector<double> scale;  // Kalai–Smorodinsky: 1/(I_p - d_p); 0 = party ignored
  std::size_t party = 0;      // Goal::party
  bool zone = true;           // only packages with U_p >= r_p - eps for every party
  // Closest mode: at most `budget` of the draft's set issues may change.
  const Package* draft = nullptr;
  std::size_t budget = std::numeric_limits<std::size_t>::max();
};

struct Candidate {
  std::vector<double> u;
  std::vector<std::uint32_t> choice;
};

struct SearchResult {
  bool complete = true;          // false: a budget ran out (best found so far)
  Stop stop = Stop::finished;    // finished | node_limit | time_limit
  // Upper bound of the objective over every package the search covers: the best objective
  // when complete; with a budget stop, the largest bound of the subtrees left unexplored.
  double bound = std::numeric_limits<double>::infinity();
  std::uint64_t nodes = 0;
  std::vector<Candidate> tied;   // every package within kUtilityEps of the best objective
};

// The objective of a utility vector (the quantity maximised).
[[nodiscard]] double objective(const Spec& spec, const double* u, std::size_t k);

[[nodiscard]] SearchResult search(const Problem& p, const Spec& spec, std::uint64_t max_nodes,
                                  const Deadline& deadline = {});

// Number of packages (with multiplicities) acceptable to every party; nullopt when the
// node budget ran out, with [lower, upper] set.
struct CountResult {
  bool exact = true;
  Stop stop = Stop::finished;
  u128 lower = 0, upper = 0;
};
[[nodiscard]] CountResult count_zone(const Problem& p, std::uint64_t max_nodes, bool parallel,
                                     const Deadline& deadline = {});

// Tie-break (docs/bargain.md): among candidates whose objective is within kUtilityEps of the
// best, keep those within kUtilityEps of the best secondary key, and so on; then the
// lexicographically greatest utility vector, then the lexicographically smallest choice.
[[nodiscard]] std::optional<std::size_t> choose(const Spec& spec, const std::vector<Candidate>& c,
                                                std::size_t k);

}  // namespace accord::bargain::detail

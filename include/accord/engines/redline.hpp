#pragma once
// redline: word-level insertions and deletions between the texts of amended points (the
// diff engine's `amended` entries). A word is a maximal run of non-whitespace; the edit is a
// minimal one (fewest words inserted plus deleted: a longest common subsequence of the words),
// with deletions before insertions where both fit. Pure, deterministic. docs/cli.md "diff --redline".
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/engines/diff.hpp"
#include "accord/model/budget.hpp"
#include "accord/model/outcome.hpp"
#include "accord/model/scenario.hpp"

namespace accord::redline {

// Append new values at the end.
enum class Op { not_set = 0, equal, insert, remove };

// Consecutive words with the same operation, joined by single spaces.
struct Piece {
  Op op = Op::not_set;
  std::string text;
  std::size_t words = 0;
};

struct WordDiff {
  std::vector<Piece> pieces;
  std::size_t inserted = 0, deleted = 0;  // words
  bool exact = true;  // false: above kMaxCells the texts are shown as wholly deleted and inserted
};

// Above this many cells (old words × new words) a point's texts are not diffed word by word.
inline constexpr std::size_t kMaxCells = 4'000'000;

[[nodiscard]] std::vector<std::string> words(std::string_view text);
[[nodiscard]] WordDiff word_diff(std::string_view old_text, std::string_view new_text);

struct PointRedline {
  PointIndex old_point;  // in Result::from
  PointIndex new_point;  // in Result::to
  WordDiff diff;
};

struct Result {
  VersionIndex from, to;
  std::vector<PointRedline> points;  // every amended entry whose text changed, in the diff's order
  // invalid_input when the diff is not ok; time_limit with "K of N amended points" past the deadline.
  Outcome outcome;
};

[[nodiscard]] Result run(const Scenario& s, const diff::Result& d, const Deadline& deadline = {});

[[nodiscard]] std::string_view to_string(Op op);  // "equal" | "insert" | "delete"
[[nodiscard]] std::optional<Op> parse_op(std::string_view text);

}  // namespace accord::redline

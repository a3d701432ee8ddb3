#pragma once
// redline: word-level insertions and deletions between the texts of amended points (the
// diff engine's `amended` entries) and of the parts of split points (`split` entries). A word is a maximal run of non-whitespace; the edit is a
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

// A point split into parts (in the new version's order): one alignment of the source's words
// with the parts' words joined in order (a minimal edit, as word_diff), cut into one diff per
// part. Each source word belongs to exactly one part: a kept word to the part that keeps it, a
// deleted run to the part of the kept word before it (before any kept word: the first part
// that keeps one; none kept: the first part). So every deletion is shown once, and the source
// words of the parts (equal + deleted pieces), read in order, are the source. Parts that
// reorder the source are matched in order only: what the alignment cannot keep in order is
// deleted once and inserted where it now stands.
[[nodiscard]] std::vector<WordDiff> split_diff(std::string_view source, const std::vector<std::string_view>& parts);

struct PointRedline {
  PointIndex old_point;  // in Result::from
  PointIndex new_point;  // in Result::to
  WordDiff diff;
  // A part of a split point (diff::Change::split): `diff` holds its share of split_diff.
  bool split = false;
};

struct Result {
  VersionIndex from, to;
  // Every amended entry whose text changed, and every part of a split entry whose text differs
  // from its source (split_diff), in the diff's order.
  std::vector<PointRedline> points;
  // invalid_input when the diff is not ok; time_limit with "K of N amended points" past the deadline.
  Outcome outcome;
};

[[nodiscard]] Result run(const Scenario& s, const diff::Result& d, const Deadline& deadline = {});

[[nodiscard]] std::string_view to_string(Op op);  // "equal" | "insert" | "delete"
[[nodiscard]] std::optional<Op> parse_op(std::string_view text);

}  // namespace accord::redline

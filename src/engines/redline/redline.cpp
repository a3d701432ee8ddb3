// Word-level redline of amended points: a longest common subsequence of words by dynamic
// programming (point texts are short; kMaxCells bounds the table).
#include "accord/engines/redline.hpp"

#include <algorithm>
#include <cstdint>

namespace accord::redline {

namespace {

void push(WordDiff& d, Op op, const std::string& word) {
  if (d.pieces.empty() || d.pieces.back().op != op) d.pieces.push_back(Piece{op, {}, 0});
  Piece& p = d.pieces.back();
  if (p.words++ > 0) p.text += ' ';
  p.text += word;
  if (op == Op::insert) ++d.inserted;
  if (op == Op::remove) ++d.deleted;
}

}  // namespace

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (at < text.size()) {
    while (at < text.size() && space(text[at])) ++at;
    const std::size_t start = at;
    while (at < text.size() && !space(text[at])) ++at;
    if (at > start) out.emplace_back(text.substr(start, at - start));
  }
  return out;
}

WordDiff word_diff(std::string_view old_text, std::string_view new_text) {
  const auto a = words(old_text), b = words(new_text);
  const std::size_t n = a.size(), m = b.size();
  WordDiff d;
  if (n > 0 && m > kMaxCells / n) d.exact = false;  // n * m > kMaxCells, without overflow
  if (!d.exact) {
    for (const auto& w : a) push(d, Op::remove, w);
    for (const auto& w : b) push(d, Op::insert, w);
    return d;
  }
  // lcs[i][j]: LCS length of a[i..] and b[j..].
  std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      push(d, Op::equal, a[i]);
      ++i, ++j;
    } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
      push(d, Op::remove, a[i++]);  // deletions first when both keep the LCS
    } else {
      push(d, Op::insert, b[j++]);
    }
  }
  return d;
}

Result run(const Scenario& s, const diff::Result& d, const Deadline& deadline) {
  Result r;
  r.from = d.from;
  r.to = d.to;
  if (!d.outcome.ok()) {
    r.outcome = d.outcome;
    return r;
  }
  std::size_t amended = 0, done = 0;
  for (const diff::Entry& e : d.entries) amended += e.change == diff::Change::amended;
  r.outcome = Outcome::success();
  for (const diff::Entry& e : d.entries) {
    if (e.change != diff::Change::amended || e.old_points.size() != 1 || e.new_points.size() != 1) continue;
    if (deadline.expired()) {
      r.outcome.termination = {Stop::time_limit, std::to_string(done) + " of " + std::to_string(amended) +
                                                     " amended points redlined"};
      return r;
    }
    ++done;
    const Point& a = s.versions[d.from].points[e.old_points[0]];
    const Point& b = s.versions[d.to].points[e.new_points[0]];
    if (a.text == b.text) continue;  // amended in its settings only
    r.points.push_back(PointRedline{e.old_points[0], e.new_points[0], word_diff(a.text, b.text)});
  }
  return r;
}

std::string_view to_string(Op op) {
  switch (op) {
    case Op::not_set: return "not_set";
    case Op::equal: return "equal";
    case Op::insert: return "insert";
    case Op::remove: return "delete";
  }
  return "?";
}

std::optional<Op> parse_op(std::string_view text) {
  for (const Op op : {Op::not_set, Op::equal, Op::insert, Op::remove})
    if (to_string(op) == text) return op;
  return std::nullopt;
}

}  // namespace accord::redline

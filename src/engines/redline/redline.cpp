// Word-level redline of amended and split points: a longest common subsequence of words by dynamic
// programming (point texts are short; kMaxCells bounds the table).
#include "accord/engines/redline.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

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

namespace {

// One step of an alignment: the operation and the word (a's for equal and remove, b's for insert).
struct Step {
  Op op;
  std::size_t word;
};

// A minimal edit of a into b (LCS), deletions first where both are minimal.
std::vector<Step> align(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<Step> out;
  // lcs[i][j]: LCS length of a[i..] and b[j..].
  std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      out.push_back({Op::equal, i});
      ++i, ++j;
    } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
      out.push_back({Op::remove, i++});  // deletions first when both keep the LCS
    } else {
      out.push_back({Op::insert, j++});
    }
  }
  return out;
}

bool too_large(std::size_t n, std::size_t m) { return n > 0 && m > kMaxCells / n; }  // n * m > kMaxCells

}  // namespace

WordDiff word_diff(std::string_view old_text, std::string_view new_text) {
  const auto a = words(old_text), b = words(new_text);
  WordDiff d;
  if (too_large(a.size(), b.size())) {
    d.exact = false;
    for (const auto& w : a) push(d, Op::remove, w);
    for (const auto& w : b) push(d, Op::insert, w);
    return d;
  }
  for (const Step& st : align(a, b)) push(d, st.op, st.op == Op::insert ? b[st.word] : a[st.word]);
  return d;
}

std::vector<WordDiff> split_diff(std::string_view source, const std::vector<std::string_view>& parts) {
  std::vector<WordDiff> out(parts.size());
  if (parts.empty()) return out;
  const auto a = words(source);
  std::vector<std::string> b;
  std::vector<std::size_t> part_of;  // per word of b
  for (std::size_t k = 0; k < parts.size(); ++k)
    for (std::string& w : words(parts[k])) {
      b.push_back(std::move(w));
      part_of.push_back(k);
    }
  if (too_large(a.size(), b.size())) {
    for (WordDiff& d : out) d.exact = false;
    for (const auto& w : a) push(out[0], Op::remove, w);
    for (std::size_t j = 0; j < b.size(); ++j) push(out[part_of[j]], Op::insert, b[j]);
    return out;
  }
  // Each step's part: kept and inserted words by where they stand in b; a deleted run by the
  // kept word before it, or (leading) the first kept word after it.
  const std::vector<Step> steps = align(a, b);
  std::vector<std::size_t> owner(steps.size(), 0);
  std::optional<std::size_t> kept;  // the part of the last kept word
  std::vector<std::size_t> leading;  // deleted steps before any kept word
  std::size_t j = 0;  // words of b passed
  for (std::size_t t = 0; t < steps.size(); ++t) {
    const Step& st = steps[t];
    if (st.op == Op::remove) {
      if (kept) owner[t] = *kept;
      else leading.push_back(t);
      continue;
    }
    owner[t] = part_of[j++];
    if (st.op == Op::equal && !kept) {
      kept = owner[t];
      for (const std::size_t l : leading) owner[l] = *kept;
    }
    if (st.op == Op::equal) kept = owner[t];
  }
  for (std::size_t t = 0; t < steps.size(); ++t)
    push(out[owner[t]], steps[t].op, steps[t].op == Op::insert ? b[steps[t].word] : a[steps[t].word]);
  return out;
}

Result run(const Scenario& s, const diff::Result& d, const Deadline& deadline) {
  Result r;
  r.from = d.from;
  r.to = d.to;
  if (!d.outcome.ok()) {
    r.outcome = d.outcome;
    return r;
  }
  auto redlined = [](const diff::Entry& e) {
    return e.old_points.size() == 1 && ((e.change == diff::Change::amended && e.new_points.size() == 1) ||
                                        (e.change == diff::Change::split && e.new_points.size() > 1));
  };
  const std::size_t total = static_cast<std::size_t>(std::count_if(d.entries.begin(), d.entries.end(), redlined));
  std::size_t done = 0;
  r.outcome = Outcome::success();
  for (const diff::Entry& e : d.entries) {
    if (!redlined(e)) continue;
    if (deadline.expired()) {
      r.outcome.termination = {Stop::time_limit, std::to_string(done) + " of " + std::to_string(total) +
                                                     " amended or split points redlined"};
      return r;
    }
    ++done;
    const Point& a = s.versions[d.from].points[e.old_points[0]];
    if (e.change == diff::Change::amended) {
      const Point& b = s.versions[d.to].points[e.new_points[0]];
      if (a.text == b.text) continue;  // amended in its settings only
      r.points.push_back(PointRedline{e.old_points[0], e.new_points[0], word_diff(a.text, b.text)});
      continue;
    }
    std::vector<std::string_view> parts;
    for (const PointIndex k : e.new_points) parts.push_back(s.versions[d.to].points[k].text);
    std::vector<WordDiff> diffs = split_diff(a.text, parts);
    for (std::size_t k = 0; k < parts.size(); ++k)
      if (diffs[k].inserted + diffs[k].deleted > 0)
        r.points.push_back(PointRedline{e.old_points[0], e.new_points[k], std::move(diffs[k]), true});
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

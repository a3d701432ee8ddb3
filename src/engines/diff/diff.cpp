#include "accord/engines/diff.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>

namespace accord::diff {

namespace {

std::set<std::string> words(const std::string& text) {
  std::set<std::string> out;
  std::string w;
  for (char c : text + " ") {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!w.empty()) {
      if (w.size() > 2) out.insert(w);
      w.clear();
    }
  }
  return out;
}

double similarity(const std::set<std::string>& wa, const std::set<std::string>& wb) {
  if (wa.empty() || wb.empty()) return 0.0;
  std::size_t common = 0;
  for (const auto& w : wa) common += wb.count(w);
  return static_cast<double>(common) / static_cast<double>(wa.size() + wb.size() - common);
}

// The points of version `from` that point k of version v descends from, following links
// through intermediate versions.
std::set<std::size_t> ancestors_in(const Scenario& s, VersionIndex v, PointIndex k, VersionIndex from) {
  std::set<std::size_t> out;
  std::vector<PointRef> stack = s.versions[v].points[k].from;
  std::set<std::pair<int, int>> seen;
  while (!stack.empty()) {
    const PointRef r = stack.back();
    stack.pop_back();
    if (!seen.insert({r.version.value, r.point.value}).second) continue;
    if (r.version == from) {
      out.insert(r.point.get());
    } else if (r.version > from) {
      for (const PointRef& up : s.versions[r.version].points[r.point].from) stack.push_back(up);
    }
  }
  return out;
}

bool version_has_links(const Version& v) {
  return std::any_of(v.points.begin(), v.points.end(), [](const Point& p) { return !p.from.empty(); });
}

std::vector<IssueIndex> changed_settings(const Point& a, const Point& b) {
  std::map<int, Setting> sa, sb;
  for (const auto& ps : a.sets) sa[ps.issue.value] = ps.setting;
  for (const auto& ps : b.sets) sb[ps.issue.value] = ps.setting;
  std::set<int> keys;
  for (const auto& [k, _] : sa) keys.insert(k);
  for (const auto& [k, _] : sb) keys.insert(k);
  std::vector<IssueIndex> out;
  for (int k : keys) {
    auto ia = sa.find(k), ib = sb.find(k);
    if (ia == sa.end() || ib == sb.end() || !(ia->second == ib->second)) out.emplace_back(k);
  }
  return out;
}

}  // namespace

std::size_t Result::count(Change c) const {
  return static_cast<std::size_t>(
      std::count_if(entries.begin(), entries.end(), [c](const Entry& e) { return e.change == c; }));
}

Result run(const Scenario& s, VersionIndex from, VersionIndex to, const Params& params) {
  Result r;
  r.from = from;
  r.to = to;
  for (const VersionIndex v : {from, to})
    if (!v.valid() || v.get() >= s.versions.size()) {
      r.outcome = Outcome::failure(Status::invalid_input, "no such framework version", v == from ? "from" : "to");
      return r;
    }
  const Version& a = s.versions[from];
  const Version& b = s.versions[to];
  r.from_count = a.points.size();
  r.to_count = b.points.size();
  std::vector<std::set<std::size_t>> parents(b.points.size());
  const bool by_text = !version_has_links(b) || to < from;
  // Word sets once per point (not once per pair): matching by text is |a| x |b| comparisons.
  std::vector<std::set<std::string>> words_a, words_b;
  if (by_text) {
    for (const auto& p : a.points) words_a.push_back(words(p.text));
    for (const auto& p : b.points) words_b.push_back(words(p.text));
  }
  r.outcome = Outcome::success();
  for (std::size_t k = 0; k < b.points.size(); ++k) {
    if (params.deadline.expired()) {
      r.outcome.termination = {Stop::time_limit, "matched " + std::to_string(k) + " of " +
                                                     std::to_string(b.points.size()) + " points; the rest count as added"};
      break;
    }
    if (!by_text) {
      parents[k] = ancestors_in(s, to, PointIndex(k), from);
      continue;
    }
    // No links: the most similar earlier point, if similar enough (Jaccard >= 0.4 on words).
    double best = 0.4;
    std::size_t best_j = a.points.size();
    for (std::size_t j = 0; j < a.points.size(); ++j) {
      const double sim = similarity(words_a[j], words_b[k]);
      if (sim >= best) best = sim, best_j = j;
    }
    if (best_j < a.points.size()) parents[k].insert(best_j);
  }
  std::vector<std::vector<std::size_t>> children(a.points.size());
  for (std::size_t k = 0; k < b.points.size(); ++k)
    for (std::size_t j : parents[k]) children[j].push_back(k);

  std::set<std::size_t> split_done;
  for (std::size_t k = 0; k < b.points.size(); ++k) {
    Entry e;
    e.by_text = by_text;
    e.new_points.emplace_back(k);
    for (std::size_t j : parents[k]) e.old_points.emplace_back(j);
    if (parents[k].empty()) {
      e.change = Change::added;
    } else if (parents[k].size() > 1) {
      e.change = Change::merged;
    } else {
      const std::size_t j = *parents[k].begin();
      if (children[j].size() > 1) {
        if (!split_done.insert(j).second) continue;  // one entry per split point
        e.change = Change::split;
        e.new_points.clear();
        for (std::size_t c : children[j]) e.new_points.emplace_back(c);
      } else {
        const Point& old_point = a.points[PointIndex(j)];
        const Point& new_point = b.points[PointIndex(k)];
        e.changed_settings = changed_settings(old_point, new_point);
        e.change = e.changed_settings.empty() && old_point.text == new_point.text ? Change::kept
                                                                                      : Change::amended;
      }
    }
    r.entries.push_back(std::move(e));
  }
  for (std::size_t j = 0; j < a.points.size(); ++j) {
    if (!children[j].empty()) continue;
    Entry e;
    e.change = Change::dropped;
    e.by_text = by_text;
    e.old_points.emplace_back(j);
    r.entries.push_back(std::move(e));
  }
  return r;
}

std::string_view to_string(Change c) {
  switch (c) {
    case Change::not_set: return "not_set";
    case Change::kept: return "kept";
    case Change::amended: return "amended";
    case Change::merged: return "merged";
    case Change::split: return "split";
    case Change::dropped: return "dropped";
    case Change::added: return "added";
  }
  return "?";
}

std::optional<Change> parse_change(std::string_view text) {
  if (text == "not_set") return Change::not_set;
  for (const Change c : kChanges)
    if (to_string(c) == text) return c;
  return std::nullopt;
}

}  // namespace accord::diff

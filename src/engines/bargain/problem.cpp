#include "engines/bargain/problem.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "accord/engines/bargain.hpp"
#include "accord/model/utility.hpp"
#include "engines/bargain/pareto.hpp"

namespace accord::bargain::detail {

namespace {

bool inside_bound(const Issue& issue, const RectangleBound& b, const Setting& x) {
  if (issue.kind == IssueKind::numeric) return b.range.contains(x.value);
  return std::find(b.options.begin(), b.options.end(), x.option) != b.options.end();
}

bool crosses_any(const Scenario& s, const std::vector<PartyIndex>& parties, IssueIndex i,
                 const Setting& x) {
  for (const PartyIndex p : parties)
    if (s.preferences[p].issues[i].crosses_red_line(s.issues[i], x)) return true;
  return false;
}

void append_value(const Scenario& s, const std::vector<PartyIndex>& parties, IssueIndex i,
                  IssueSpace& space, const Setting& x) {
  space.settings.push_back(x);
  space.mult.push_back(1);
  for (const PartyIndex p : parties)
    space.c.push_back(issue_contribution(s, p, i, x));
}

void rebuild_rect_flags(const Problem& p, std::size_t i, IssueSpace& space) {
  space.rect_in.assign(p.rects.size(), {});
  const Issue& issue = p.s->issues[IssueIndex(i)];
  std::size_t r = 0;
  for (const PartyIndex party : p.parties) {
    for (const Rectangle& rect : p.s->preferences[party].rectangles) {
      for (const RectangleBound& b : rect.bounds) {
        if (b.issue.get() != i) continue;
        auto& flags = space.rect_in[r];
        if (flags.empty()) flags.assign(space.size(), 1);
        for (std::size_t v = 0; v < space.size(); ++v)
          flags[v] = flags[v] && inside_bound(issue, b, space.settings[v]);
      }
      ++r;
    }
  }
}

template <class Keep>
void filter_values(IssueSpace& space, std::size_t k, Keep keep) {
  IssueSpace out;
  out.issue = space.issue;
  for (std::size_t v = 0; v < space.size(); ++v) {
    if (!keep(v)) continue;
    out.settings.push_back(space.settings[v]);
    out.mult.push_back(space.mult[v]);
    out.c.insert(out.c.end(), space.c.begin() + static_cast<std::ptrdiff_t>(v * k),
                 space.c.begin() + static_cast<std::ptrdiff_t>((v + 1) * k));
  }
  out.rect_in = std::move(space.rect_in);
  space = std::move(out);
}

}  // namespace

void Problem::utilities(const std::uint32_t* choice, double* out) const {
  for (std::size_t p = 0; p < k; ++p) out[p] = 0.0;
  for (std::size_t i = 0; i < issues.size(); ++i) {
    const double* c = contrib(i, choice[i]);
    for (std::size_t p = 0; p < k; ++p) out[p] += c[p];
  }
  for (std::size_t r = 0; r < rects.size(); ++r) {
    bool in = true;
    for (const std::size_t i : rects[r].issues) {
      if (!issues[i].rect_in[r][choice[i]]) {
        in = false;
        break;
      }
    }
    if (in) out[rects[r].party] += rects[r].utility;
  }
}

Package Problem::package(const std::vector<std::uint32_t>& choice) const {
  Package x(issues.size());
  for (std::size_t i = 0; i < issues.size(); ++i) x[IssueIndex(i)] = issues[i].settings[choice[i]];
  return x;
}

std::vector<double> Problem::rect_slack(bool positive) const {
  std::vector<double> out(k, 0.0);
  for (const RectTerm& t : rects)
    if (positive ? t.utility > 0 : t.utility < 0) out[t.party] += t.utility;
  return out;
}

Problem build_problem(const Scenario& s, const std::vector<PartyIndex>& parties,
                      bool filter_red_lines, std::vector<IssueIndex>* blocked) {
  Problem p;
  p.s = &s;
  p.parties = parties;
  p.k = parties.size();
  for (std::size_t q = 0; q < p.k; ++q) {
    const Preferences& prefs = s.preferences[parties[q]];
    p.r.push_back(prefs.reservation);
    if (!prefs.is_additive()) p.additive = false;
    for (const Rectangle& rect : prefs.rectangles) {
      RectTerm t{q, rect.utility, {}};
      for (const RectangleBound& b : rect.bounds)
        if (std::find(t.issues.begin(), t.issues.end(), b.issue.get()) == t.issues.end())
          t.issues.push_back(b.issue.get());
      p.rects.push_back(std::move(t));
    }
  }
  for (const IssueIndex i : s.issues.indices()) {
    IssueSpace space;
    space.issue = i;
    const Issue& issue = s.issues[i];
    for (std::size_t g = 0; g < issue.value_count(); ++g) {
      const Setting x = grid_setting(issue, g);
      if (!filter_red_lines || !crosses_any(s, parties, i, x)) append_value(s, parties, i, space, x);
    }
    if (space.size() == 0 && issue.value_count() > 0) {
      // Blocked: the values crossing the fewest red lines, least sourced among those.
      if (blocked) blocked->push_back(i);
      for (const BlockedIssue::Offered& o : blocked_issue(s, parties, i).offered)
        append_value(s, parties, i, space, o.setting);
    }
    p.issues.push_back(std::move(space));
  }
  for (std::size_t i = 0; i < p.issues.size(); ++i) rebuild_rect_flags(p, i, p.issues[i]);
  return p;
}

void add_draft_values(Problem& p, const Package& draft, bool filter_red_lines) {
  const Scenario& s = *p.s;
  for (std::size_t k = 0; k < p.issues.size() && k < draft.size(); ++k) {
    const IssueIndex i(k);
    if (!draft[i] || s.issues[i].kind != IssueKind::numeric) continue;
    IssueSpace& space = p.issues[k];
    const bool on_grid = std::any_of(space.settings.begin(), space.settings.end(),
                                     [&](const Setting& x) { return x.value == draft[i]->value; });
    if (on_grid || (filter_red_lines && crosses_any(s, p.parties, i, *draft[i]))) continue;
    Setting x{OptionIndex(), draft[i]->value};
    append_value(s, p.parties, i, space, x);
    rebuild_rect_flags(p, k, space);
  }
}

void merge_equal_values(Problem& p) {
  if (!p.additive) return;
  // Sorting keeps this O(m log m) per issue (a numeric grid may have 10^6 values).
  for (IssueSpace& space : p.issues) {
    const std::size_t n = space.size(), k = p.k;
    auto vec = [&](std::size_t v) { return space.c.begin() + static_cast<std::ptrdiff_t>(v * k); };
    std::vector<std::size_t> idx(n);
    for (std::size_t v = 0; v < n; ++v) idx[v] = v;
    std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
      if (std::lexicographical_compare(vec(a), vec(a) + static_cast<std::ptrdiff_t>(k), vec(b),
                                       vec(b) + static_cast<std::ptrdiff_t>(k)))
        return true;
      if (std::lexicographical_compare(vec(b), vec(b) + static_cast<std::ptrdiff_t>(k), vec(a),
                                       vec(a) + static_cast<std::ptrdiff_t>(k)))
        return false;
      return a < b;
    });
    std::vector<char> keep(n, 1);
    for (std::size_t j = 1; j < n; ++j) {
      const std::size_t first = idx[j - 1], w = idx[j];
      if (!std::equal(vec(first), vec(first) + static_cast<std::ptrdiff_t>(k), vec(w))) continue;
      // Same vector as the previous in sorted order: fold into the group's first (lowest) index.
      idx[j] = first;
      keep[w] = 0;
      space.mult[first] += space.mult[w];
    }
    filter_values(space, p.k, [&](std::size_t v) { return keep[v] != 0; });
  }
}

void drop_dominated_values(Problem& p) {
  if (!p.additive) return;
  for (IssueSpace& space : p.issues) {
    // Equal values are merged first, so the non-dominated set keeps exactly the values no
    // other value of the issue dominates (ascending order, as filter_values expects).
    const std::vector<std::uint32_t> nd = nondominated(space.c, p.k, false);
    std::vector<char> keep(space.size(), 0);
    for (const std::uint32_t v : nd) keep[v] = 1;
    filter_values(space, p.k, [&](std::size_t v) { return keep[v] != 0; });
  }
}

bool next_choice(const Problem& p, std::vector<std::uint32_t>& choice) {
  for (std::size_t i = choice.size(); i-- > 0;) {
    if (++choice[i] < p.issues[i].size()) return true;
    choice[i] = 0;
  }
  return false;
}

u128 space_size(const Problem& p) {
  const u128 cap = static_cast<u128>(1) << 127;
  u128 n = 1;
  for (const IssueSpace& space : p.issues) {
    u128 m = 0;
    for (const std::uint64_t x : space.mult) m += x;
    if (m == 0) return 0;
    if (n > cap / m) return cap;
    n *= m;
  }
  return n;
}

std::string to_decimal(u128 x) {
  if (x == 0) return "0";
  std::string out;
  while (x > 0) {
    out.push_back(static_cast<char>('0' + static_cast<int>(x % 10)));
    x /= 10;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

double to_double(u128 x) {
  return static_cast<double>(static_cast<std::uint64_t>(x >> 64)) * 18446744073709551616.0 +
         static_cast<double>(static_cast<std::uint64_t>(x));
}

}  // namespace accord::bargain::detail

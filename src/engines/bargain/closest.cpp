// The closest acceptable package to a draft (docs/bargain.md, "Closest").
#include <algorithm>

#include "accord/model/utility.hpp"
#include "engines/bargain/internal.hpp"

namespace accord::bargain::detail {

namespace {

bool same(const Issue& issue, const Setting& a, const Setting& b) {
  return issue.kind == IssueKind::discrete ? a.option == b.option : a.value == b.value;
}

}  // namespace

SearchResult shortfall_search(const Problem& p, const Package* draft, std::uint64_t max_nodes,
                              const Deadline& deadline) {
  Spec spec;
  spec.goal = Goal::egalitarian;
  spec.d = p.r;
  spec.zone = false;
  spec.draft = draft;
  return search(p, spec, max_nodes, deadline);
}

Closest closest_package(const Scenario& s, const std::vector<PartyIndex>& parties,
                        const Package& draft, bool zone_exists, const Params& params,
                        const Deadline& deadline) {
  Closest out;
  out.zone_exists = zone_exists;
  Problem p = build_problem(s, parties, true, &out.blocked_issues);
  add_draft_values(p, draft, true);
  const std::size_t k = p.k, n = p.issues.size();
  Spec spec;
  SearchResult found;
  std::size_t set = 0;
  for (std::size_t i = 0; i < n && i < draft.size(); ++i) set += draft[IssueIndex(i)] ? 1 : 0;
  // The fewest changed draft issues such that every party reaches `q.r` (iterative
  // deepening), then the highest Nash product over d = q.r.
  auto fewest_changes = [&](const Problem& q) {
    spec.goal = Goal::nash;
    spec.d = q.r;
    spec.zone = true;
    spec.draft = &draft;
    SearchResult best;
    for (std::size_t budget = 0; budget <= set; ++budget) {
      spec.budget = budget;
      best = search(q, spec, params.max_search_nodes, deadline);
      if (!best.tied.empty() || !best.complete) break;
    }
    return best;
  };
  bool exact = true;
  if (zone_exists) {
    found = fewest_changes(p);
  } else {
    // First the least largest shortfall S* below reservation; then, among the packages whose
    // shortfall is at most S*, the fewest changes to the draft as when a zone exists.
    spec.goal = Goal::egalitarian;
    spec.d = p.r;
    spec.zone = false;
    found = shortfall_search(p, nullptr, params.max_search_nodes, deadline);
    if (!found.complete) out.stop = found.stop;
    exact = found.complete;
    const auto least = choose(spec, found.tied, k);
    if (least) {
      double worst = 0.0;
      for (std::size_t q = 0; q < k; ++q) worst = std::max(worst, p.r[q] - found.tied[*least].u[q]);
      Problem shifted = p;
      for (double& r : shifted.r) r -= worst;
      SearchResult fewest = fewest_changes(shifted);
      if (!fewest.complete) exact = false, out.stop = fewest.stop;
      if (!fewest.tied.empty()) found = std::move(fewest);
      else spec.goal = Goal::egalitarian, spec.d = p.r, spec.zone = false, spec.draft = nullptr;
    }
  }
  out.exact = exact && found.complete;
  if (!found.complete) out.stop = found.stop;
  const auto win = choose(spec, found.tied, k);
  if (!win) return out;
  const Candidate& c = found.tied[*win];
  out.package = p.package(c.choice);
  out.utilities = c.u;
  out.red_lines_crossed = red_line_crossings(s, parties, out.package);
  for (std::size_t q = 0; q < k; ++q) {
    const bool crossed = std::any_of(out.red_lines_crossed.begin(), out.red_lines_crossed.end(),
                                     [&](const RedLineCrossing& x) { return x.party == parties[q]; });
    out.shortfall.push_back(crossed ? std::nullopt : std::optional<double>(std::max(0.0, p.r[q] - c.u[q])));
  }
  for (std::size_t t = 0; t < n; ++t) {
    const IssueIndex i(t);
    const std::optional<Setting> from = draft.contains(i) ? draft[i] : std::nullopt;
    const Setting& to = *out.package[i];
    if (from && same(s.issues[i], *from, to)) continue;
    Change ch{i, from, to, {}};
    for (const PartyIndex party : parties) {
      const double after = issue_contribution(s, party, i, to);
      const double before = from ? issue_contribution(s, party, i, *from) : 0.0;
      ch.delta.push_back(after - before);
    }
    if (from) ++out.changed_issues;
    out.changes.push_back(std::move(ch));
  }
  return out;
}

}  // namespace accord::bargain::detail

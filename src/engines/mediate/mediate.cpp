// The mediated single-text protocol (docs/mediate-and-tournament.md).
#include "accord/engines/mediate.hpp"

#include <algorithm>
#include <cmath>

#include "accord/engines/bargain.hpp"
#include "accord/model/utility.hpp"
#include "engines/forecast/random.hpp"

namespace accord::mediate {

namespace {

using forecast::detail::Rng;
__extension__ typedef unsigned __int128 u128;

// Uniform integer in [0, n) (n > 0), the same on every platform.
std::uint64_t below(Rng& rng, std::uint64_t n) {
  return static_cast<std::uint64_t>((static_cast<u128>(rng.next()) * n) >> 64);
}

// The grid position of a setting, or value_count() when it is off the grid (a draft's number).
std::size_t grid_position(const Issue& issue, const Setting& x) {
  const std::size_t n = issue.value_count();
  if (issue.kind == IssueKind::discrete) return x.option.valid() && x.option.get() < n ? x.option.get() : n;
  const double tol = 1e-9 * std::max(1.0, std::abs(issue.range.step));
  // The nearest step, or the last value (max, when the step does not divide the range).
  const double steps = std::round((x.value - issue.range.min) / issue.range.step);
  if (steps >= 0.0 && steps < static_cast<double>(n)) {
    const auto k = static_cast<std::size_t>(steps);
    if (std::abs(issue.grid_value(k) - x.value) <= tol) return k;
  }
  if (std::abs(issue.grid_value(n - 1) - x.value) <= tol) return n - 1;
  return n;
}

// A uniformly chosen grid value other than the current one.
Setting other_value(Rng& rng, const Issue& issue, const Setting& current) {
  const std::size_t n = issue.value_count();
  const std::size_t at = grid_position(issue, current);
  if (at == n) return grid_setting(issue, below(rng, n));  // off the grid: any grid value
  std::size_t k = below(rng, n - 1);
  if (k >= at) ++k;
  return grid_setting(issue, k);
}

std::size_t red_lines_on(const Scenario& s, PartyIndex p, IssueIndex i, const Setting& x) {
  return s.preferences[p].issues[i].crosses_red_line(s.issues[i], x) ? 1 : 0;
}

// Change of p's utility when issue i of `text` moves to `to`. Additive preferences: the change
// of the issue's contribution (floating-point addition is monotone, so its sign is the sign of
// the change of accord::utility); otherwise the difference of the two utilities.
double utility_change(const Scenario& s, PartyIndex p, const Package& text, double current, IssueIndex i,
                      const Setting& to) {
  if (s.preferences[p].is_additive())
    return issue_contribution(s, p, i, to) - issue_contribution(s, p, i, *text[i]);
  Package variant = text;
  variant[i] = to;
  return utility(s, p, variant) - current;
}

std::vector<IssueIndex> mutable_issues(const Scenario& s) {
  std::vector<IssueIndex> out;
  for (const IssueIndex i : s.issues.indices())
    if (s.issues[i].value_count() >= 2) out.push_back(i);
  return out;
}

// Where an issue the draft leaves open starts: without a draft, its first value (the first
// package); with one, its first value that crosses no voter's red line (else its first value).
Setting open_issue_start(const Scenario& s, const std::vector<PartyIndex>& voters, IssueIndex i, bool first_package) {
  const Issue& issue = s.issues[i];
  if (first_package) return grid_setting(issue, 0);
  for (std::size_t k = 0; k < issue.value_count(); ++k) {
    const Setting x = grid_setting(issue, k);
    const bool clean = std::none_of(voters.begin(), voters.end(), [&](PartyIndex p) { return red_lines_on(s, p, i, x) > 0; });
    if (clean) return x;
  }
  return grid_setting(issue, 0);
}

Result invalid(Result r, std::string message, std::string path) {
  r.outcome = Outcome::failure(Status::invalid_input, std::move(message), std::move(path));
  return r;
}

}  // namespace

double automatic_temperature(const Scenario& s, const std::vector<PartyIndex>& parties, const Package& text) {
  double total = 0.0;
  std::uint64_t count = 0;
  for (const PartyIndex p : parties) {
    const double current = utility(s, p, text);
    for (const IssueIndex i : mutable_issues(s)) {
      const Issue& issue = s.issues[i];
      const std::size_t at = grid_position(issue, *text[i]);
      for (std::size_t k = 0; k < issue.value_count(); ++k) {
        if (k == at) continue;
        const double d = utility_change(s, p, text, current, i, grid_setting(issue, k));
        if (d < 0.0) total -= d, ++count;
      }
    }
  }
  return count == 0 ? 0.0 : total / static_cast<double>(count) / std::log(2.0);
}

Result run(const Scenario& s, const Params& params) {
  Result r;
  r.seed = params.seed;
  r.steps_requested = params.steps;
  r.parties = params.parties.empty() ? bargain::default_bargaining_parties(s) : params.parties;
  if (r.parties.empty())
    return invalid(std::move(r), "no voters: no party of role party or mediator has preferences", "parties");
  for (const PartyIndex p : r.parties) {
    if (!s.parties.contains(p) || !s.preferences.contains(p) || !s.preferences[p].present)
      return invalid(std::move(r), "every voter needs preferences", "parties");
    r.reservations.push_back(s.preferences[p].reservation);
  }
  if (params.voters.size() != 1 && params.voters.size() != r.parties.size()) {
    // The message first: the order in which call arguments are evaluated is unspecified, and
    // clang moves `r` into the parameter before reading r.parties.size() here.
    std::string message = "give one voter kind, or one per voter (" + std::to_string(r.parties.size()) + ")";
    return invalid(std::move(r), std::move(message), "voters");
  }
  for (std::size_t q = 0; q < r.parties.size(); ++q) {
    const Voter v = params.voters[params.voters.size() == 1 ? 0 : q];
    if (v == Voter::not_set) return invalid(std::move(r), "voter kind not set", "voters");
    r.voters.push_back(v);
  }
  for (const Issue& issue : s.issues)
    if (issue.value_count() == 0) return invalid(std::move(r), "issue `" + issue.id + "` has no value", "issues." + issue.id);
  if (params.start && params.start->size() != s.issues.size())
    return invalid(std::move(r), "the starting text does not cover the scenario's issues", "start");

  r.start = Package(s.issues.size());
  for (const IssueIndex i : s.issues.indices())
    r.start[i] = params.start && (*params.start)[i] ? *(*params.start)[i] : open_issue_start(s, r.parties, i, !params.start);
  r.start_version = params.start_version;
  r.text = r.start;
  for (const PartyIndex p : r.parties) r.start_utilities.push_back(utility(s, p, r.start));
  r.utilities = r.start_utilities;

  const bool anneals = std::find(r.voters.begin(), r.voters.end(), Voter::anneal) != r.voters.end();
  if (anneals) r.temperature = params.temperature.value_or(automatic_temperature(s, r.parties, r.start));

  // One stream for the mediator's proposals and one per voter, so the variants proposed do
  // not depend on who votes how.
  Rng mediator(params.seed, 0);
  std::vector<Rng> voter_rng;
  for (std::size_t q = 0; q < r.parties.size(); ++q) voter_rng.emplace_back(params.seed, q + 1);
  const std::vector<IssueIndex> issues = mutable_issues(s);
  const std::size_t k = r.parties.size();
  const std::uint64_t n = params.steps;
  DeadlineTicker ticker(params.deadline, 256);
  Stop stop = Stop::finished;
  for (std::uint64_t step = 0; step < n && !issues.empty(); ++step) {
    if (ticker.expired()) {
      stop = Stop::time_limit;
      break;
    }
    r.steps = step + 1;
    const IssueIndex i = issues[below(mediator, issues.size())];
    const Setting to = other_value(mediator, s.issues[i], *r.text[i]);
    // T falls linearly from the initial temperature at the first step to 0 at the last.
    const double t = n <= 1 ? 0.0 : r.temperature * static_cast<double>(n - 1 - step) / static_cast<double>(n - 1);
    bool all = true;
    for (std::size_t q = 0; q < k; ++q) {
      const PartyIndex p = r.parties[q];
      bool yes = red_lines_on(s, p, i, to) <= red_lines_on(s, p, i, *r.text[i]);
      const double d = yes ? utility_change(s, p, r.text, r.utilities[q], i, to) : 0.0;
      if (yes && d < 0.0)
        yes = r.voters[q] == Voter::anneal && t > 0.0 && voter_rng[q].uniform() < std::exp(d / t);
      all = all && yes;
    }
    if (!all) continue;
    r.text[i] = to;
    for (std::size_t q = 0; q < k; ++q) r.utilities[q] = utility(s, r.parties[q], r.text);
    ++r.adopted;
    r.last_adoption = step + 1;
  }
  if (issues.empty()) r.steps = 0;

  r.all_acceptable = true;
  for (std::size_t q = 0; q < k; ++q) {
    const PartyIndex p = r.parties[q];
    r.red_lines.push_back(red_lines_crossed(s, p, r.text));
    r.reaches_reservation.push_back(r.utilities[q] >= r.reservations[q] - kUtilityEps);
    r.all_acceptable = r.all_acceptable && r.reaches_reservation.back() && r.red_lines.back().empty();
  }
  Termination termination = Termination::done();
  if (stop != Stop::finished)
    termination = {stop, "stopped after " + std::to_string(r.steps) + " of " + std::to_string(n) + " steps"};
  if (params.metrics) {
    outcome_metrics::Params mp;
    mp.parties = r.parties;
    mp.deadline = params.deadline;
    mp.max_frontier = params.max_frontier;
    r.reference = outcome_metrics::prepare(s, mp);
    if (r.reference->outcome.ok()) {
      r.start_metrics = outcome_metrics::measure(*r.reference, r.start_utilities);
      r.metrics = outcome_metrics::measure(*r.reference, r.utilities);
      const Termination& mt = r.reference->outcome.termination;
      if (termination.finished() && !mt.finished())
        termination = {mt.stop, "outcome metrics: " + mt.detail};
    }
  }
  r.outcome = Outcome::success(std::move(termination));
  return r;
}

std::string_view to_string(Voter v) {
  switch (v) {
    case Voter::hill: return "hill";
    case Voter::anneal: return "anneal";
    case Voter::not_set: break;
  }
  return "not_set";
}

std::optional<Voter> parse_voter(std::string_view text) {
  for (const Voter v : {Voter::hill, Voter::anneal})
    if (to_string(v) == text) return v;
  return std::nullopt;
}

}  // namespace accord::mediate

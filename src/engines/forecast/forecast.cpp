// Dispatch, validation and the weighted mean / median baselines (docs/forecast.md).
#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <utility>

#include "accord/engines/forecast.hpp"
#include "engines/forecast/models.hpp"

namespace accord::forecast {
namespace {

// One table per enum: to_string and parse_* read the same names.
template <typename E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& names, E e) {
  for (const auto& [value, name] : names)
    if (value == e) return name;
  return "not_set";
}
template <typename E, std::size_t N>
std::optional<E> parse_name(const std::array<std::pair<E, std::string_view>, N>& names, std::string_view text) {
  for (const auto& [value, name] : names)
    if (name == text) return value;
  return std::nullopt;
}

constexpr std::array<std::pair<Input, std::string_view>, 3> kInputs{
    {{Input::position, "position"}, {Input::salience, "salience"}, {Input::capability, "capability"}}};
constexpr std::array<std::pair<EumMedian, std::string_view>, 2> kEumMedians{
    {{EumMedian::condorcet, "condorcet"}, {EumMedian::weighted, "weighted"}}};
constexpr std::array<std::pair<EumRisk, std::string_view>, 2> kEumRisks{
    {{EumRisk::scholz, "scholz"}, {EumRisk::neutral, "neutral"}}};

Diagnostics error(std::string message, std::string path = {}, std::string entity = {}) {
  Diagnostic d;
  d.severity = Severity::error;
  d.path = std::move(path);
  d.entity = std::move(entity);
  d.message = std::move(message);
  return {std::move(d)};
}

}  // namespace

std::string_view to_string(Input i) { return name_of(kInputs, i); }
std::optional<Input> parse_input(std::string_view text) { return parse_name(kInputs, text); }
std::string_view to_string(EumMedian m) { return name_of(kEumMedians, m); }
std::optional<EumMedian> parse_eum_median(std::string_view text) { return parse_name(kEumMedians, text); }
std::string_view to_string(EumRisk r) { return name_of(kEumRisks, r); }
std::optional<EumRisk> parse_eum_risk(std::string_view text) { return parse_name(kEumRisks, text); }

double weighted_mean(const std::vector<double>& x, const std::vector<double>& w) {
  double sw = 0.0, swx = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sw += w[i];
    swx += w[i] * x[i];
  }
  if (!(sw > 0.0)) return std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(x.size());
  return swx / sw;
}

double weighted_median(const std::vector<double>& x, const std::vector<double>& w) {
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  const double total = std::accumulate(w.begin(), w.end(), 0.0);
  if (!(total > 0.0)) return x[order[(order.size() - 1) / 2]];
  double cum = 0.0;
  for (std::size_t i : order) {
    cum += w[i];
    if (cum >= total / 2.0 - 1e-12 * total) return x[i];
  }
  return x[order.back()];
}

Baselines baselines(const ForecastProblem& p) {
  Baselines b;
  for (std::size_t k = 0; k < p.dimensions.size(); ++k) {
    std::vector<double> x, w;
    for (const ForecastActor& a : p.actors) {
      x.push_back(a.position[k]);
      w.push_back(a.capability * a.salience[k]);
    }
    b.weighted_mean.push_back(weighted_mean(x, w));
    b.weighted_median.push_back(weighted_median(x, w));
  }
  return b;
}

Diagnostics validate(const ForecastProblem& p, Model m) {
  const std::size_t d = p.dimensions.size();
  if (m == Model::not_set) return error("no model chosen; expected smp, eum, mean or median", "model");
  if (d == 0) return error("the problem has no dimensions; expected at least one issue", "dimensions");
  const std::size_t min_actors = (m == Model::smp || m == Model::eum) ? 2 : 1;
  if (p.actors.size() < min_actors)
    return error("the problem has " + std::to_string(p.actors.size()) + " actors; the " +
                     std::string(to_string(m)) + " model needs at least " + std::to_string(min_actors),
                 "actors");
  for (const ForecastDimension& dim : p.dimensions)
    if (!std::isfinite(dim.lo) || !std::isfinite(dim.hi) || !(dim.hi > dim.lo))
      return error("dimension `" + dim.id + "`: scale [" + std::to_string(dim.lo) + ", " + std::to_string(dim.hi) +
                       "] is empty; expected lo < hi",
                   "dimensions." + dim.id);
  for (const ForecastActor& a : p.actors) {
    const std::string who = "actor `" + a.id + "`: ", path = "actors." + a.id, entity = "actor " + a.id;
    if (!(std::isfinite(a.capability) && a.capability > 0.0))
      return error(who + "capability " + std::to_string(a.capability) + " must be a finite number > 0",
                   path + ".capability", entity);
    if (a.position.size() != d || a.salience.size() != d)
      return error(who + "expected one position and one salience per dimension (" + std::to_string(d) + ")", path,
                   entity);
    double ssum = 0.0;
    for (std::size_t k = 0; k < d; ++k) {
      const ForecastDimension& dim = p.dimensions[k];
      if (!std::isfinite(a.position[k]) || a.position[k] < dim.lo || a.position[k] > dim.hi)
        return error(who + "position " + std::to_string(a.position[k]) + " on `" + dim.id +
                         "` is outside its scale [" + std::to_string(dim.lo) + ", " + std::to_string(dim.hi) + "]",
                     path + ".position." + dim.id, entity);
      if (!std::isfinite(a.salience[k]) || a.salience[k] < 0.0 || a.salience[k] > 1.0)
        return error(who + "salience " + std::to_string(a.salience[k]) + " on `" + dim.id + "` is outside [0, 1]",
                     path + ".salience." + dim.id, entity);
      ssum += a.salience[k];
    }
    if (m == Model::smp && !(ssum > 0.0))
      return error(who + "salience is 0 on every dimension; the smp model needs a positive salience",
                   path + ".salience", entity);
  }
  return {};
}

Diagnostics validate(const ForecastProblem& p, const Params& params) {
  if ((params.model == Model::smp || params.model == Model::eum) && p.actors.size() > params.max_actors)
    return error("the " + std::string(to_string(params.model)) + " model handles at most " +
                     std::to_string(params.max_actors) + " actors; found " + std::to_string(p.actors.size()) +
                     " (use --model mean or median, or merge actors)",
                 "actors");
  return validate(p, params.model);
}

Result run(const ForecastProblem& p, const Params& params) {
  Result r;
  r.model = params.model;
  if (Diagnostics errors = validate(p, params); !errors.empty()) {
    r.outcome.status = Status::invalid_input;
    r.outcome.diagnostics = std::move(errors);
    const bool too_many = (params.model == Model::smp || params.model == Model::eum) &&
                          p.actors.size() > params.max_actors;
    if (too_many) r.outcome.termination = {Stop::size_limit, r.outcome.message()};
    return r;
  }
  r.outcome = Outcome::success();
  switch (params.model) {
    case Model::smp: detail::run_smp(p, params.smp, params.deadline, r); break;
    case Model::eum: detail::run_eum(p, params.eum, params.deadline, r); break;
    case Model::mean:
    case Model::median: {
      std::vector<std::vector<double>> pos;
      for (const ForecastActor& a : p.actors) pos.push_back(a.position);
      r.history.push_back(std::move(pos));
      const Baselines b = baselines(p);
      r.forecast = params.model == Model::mean ? b.weighted_mean : b.weighted_median;
      break;
    }
    case Model::not_set: break;  // refused by validate()
  }
  return r;
}

void cap_iterations(Params& p, std::uint64_t nodes) {
  if (nodes == 0) return;
  const int cap = static_cast<int>(std::min<std::uint64_t>(nodes, 1'000'000));
  p.smp.max_turns = cap;
  p.smp.min_turns = std::min(p.smp.min_turns, cap);
  p.eum.max_rounds = cap;
}

}  // namespace accord::forecast

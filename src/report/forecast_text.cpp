// The forecast as text: `accord forecast`, the forecast section of `accord report` and the
// wording every report format shares (converged or not, the band, red lines, accuracy).
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <sstream>

#include "accord/report/forecast.hpp"
#include "accord/model/plural.hpp"
#include "accord/report/forecast_accuracy.hpp"

namespace accord::report {
namespace {

std::string fmt(double x, int prec = 2) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", prec, x);
  return buf;
}

bool bargaining(forecast::Model m) { return m == forecast::Model::smp || m == forecast::Model::eum; }

// " (stopped by the time budget: partial)", " (turn limit reached: not converged)" or "".
std::string how_it_ended(const forecast::Result& r) {
  if (!r.outcome.termination.finished()) return " (stopped by the time budget: partial)";
  return r.converged ? "" : " (turn limit reached: not converged)";
}

std::string monte_carlo_line(const forecast::MonteCarloResult& mc, std::size_t k) {
  const std::string runs = mc.outcome.termination.finished()
                               ? std::to_string(mc.runs)
                               : std::to_string(mc.completed) + " of " + std::to_string(mc.runs);
  return "      Monte Carlo (" + runs + " runs): mean " + fmt(mc.dimensions[k].mean) + ", 5-95% " +
         fmt(mc.dimensions[k].p05) + " .. " + fmt(mc.dimensions[k].p95) + "\n";
}

// Whether a bargaining run settled: converged within its turns and its time.
bool landed(const forecast::Result& r) { return r.converged && r.outcome.termination.finished(); }

// "converged after 12 turns", "not converged after 100 turns (turn limit)" or "stopped by the
// time budget after 3 turns (partial)"; the EUM's are rounds.
std::string convergence(const forecast::Result& r) {
  const std::string unit = r.model == forecast::Model::eum ? "round" : "turn";  // the EUM's steps are rounds
  const std::string turns = std::to_string(r.turns) + " " + unit + (r.turns == 1 ? "" : "s");
  if (!r.outcome.termination.finished()) return "stopped by the time budget after " + turns + " (partial)";
  return r.converged ? "converged after " + turns : "not converged after " + turns + " (" + unit + " limit)";
}

// The Monte Carlo summaries when any run completed.
const forecast::MonteCarloResult* band_of(const forecast::Analysis& a) {
  return a.monte_carlo && a.monte_carlo->completed > 0 ? &*a.monte_carlo : nullptr;
}

std::string list(const std::vector<std::string>& xs, const char* last = " and ") {
  std::string out;
  for (std::size_t k = 0; k < xs.size(); ++k) out += (k == 0 ? "" : k + 1 == xs.size() ? last : ", ") + xs[k];
  return out;
}

// "znpp Z_TRI (UA, RU); …" for the dimensions whose forecast lands on a red line (the first
// `most`, then "and N more").
std::string red_line_list(const forecast::Analysis& a, std::size_t most = SIZE_MAX) {
  std::string out;
  std::size_t listed = 0, more = 0;
  for (std::size_t k = 0; k < a.red_line_parties.size() && k < a.problem.dimensions.size(); ++k) {
    if (a.red_line_parties[k].empty()) continue;
    if (listed++ >= most) {
      ++more;
      continue;
    }
    std::string who;
    for (const auto& p : a.red_line_parties[k]) who += (who.empty() ? "" : ", ") + p;
    const std::string at = k < a.nearest_option.size() && !a.nearest_option[k].empty()
                               ? a.nearest_option[k]
                               : fmt(a.run.forecast[k], 1);
    out += (out.empty() ? "" : "; ") + a.problem.dimensions[k].id + " " + at + " (" + who + ")";
  }
  return more == 0 ? out : out + "; and " + std::to_string(more) + " more in the forecast section";
}

std::size_t red_line_count(const forecast::Analysis& a) {
  std::size_t n = 0;
  for (const auto& ps : a.red_line_parties) n += ps.empty() ? 0 : 1;
  return n;
}

// The mean width of the 5–95 % band as a share of each dimension's scale, in percent.
double mean_band_share(const forecast::Analysis& a, const forecast::MonteCarloResult& mc) {
  double sum = 0.0;
  std::size_t n = 0;
  for (std::size_t k = 0; k < a.problem.dimensions.size() && k < mc.dimensions.size(); ++k) {
    const auto& d = a.problem.dimensions[k];
    if (d.hi <= d.lo) continue;
    sum += (mc.dimensions[k].p95 - mc.dimensions[k].p05) * 100.0 / (d.hi - d.lo);
    ++n;
  }
  return n == 0 ? 0.0 : sum / static_cast<double>(n);
}

}  // namespace

std::string forecast_model_name(forecast::Model m) {
  switch (m) {
    case forecast::Model::smp: return "SMP";
    case forecast::Model::eum: return "EUM";
    case forecast::Model::mean: return "weighted mean";
    case forecast::Model::median: return "weighted median";
    case forecast::Model::not_set: break;
  }
  return "?";
}

std::string forecast_headline_title(const forecast::Analysis& a) {
  const forecast::Result& r = a.run;
  const std::string model = forecast_model_name(r.model) + (r.model == forecast::Model::smp ? ", KTAB defaults" : "");
  if (!bargaining(r.model)) return "Forecast: where each issue lands (" + model + ")";
  if (landed(r)) return "Forecast: where each issue lands (" + model + "; " + convergence(r) + ")";
  return "Forecast (" + model + "): " + convergence(r) + ", so no landing point";
}

std::string forecast_red_line_warning(const forecast::Analysis& a, const forecast::Analysis* eum) {
  std::string parts;
  for (const forecast::Analysis* x : {&a, eum}) {
    if (x == nullptr || !x->ok() || red_line_count(*x) == 0) continue;
    parts += (parts.empty() ? "" : "; ") + forecast_model_name(x->run.model) + ": " + red_line_list(*x);
  }
  if (parts.empty()) return "";
  return "Warning: the forecast lands on a party's red line (issue, option or value, whose red line) — " + parts + ".";
}

std::string forecast_accuracy_note(const std::vector<forecast::Model>& shown) {
  const auto& acc = shipped_accuracy();
  const auto mean = acc ? acc->mae(forecast::Model::mean) : std::nullopt;
  if (!mean) return "";
  std::string figures;
  std::vector<std::string> worse, better;
  for (const forecast::Model m : shown) {
    const auto mae = acc->mae(m);
    if (!mae || m == forecast::Model::mean) continue;
    figures += forecast_model_name(m) + " " + fmt(*mae, 1) + ", ";
    if (bargaining(m)) (*mae > *mean ? worse : better).push_back(forecast_model_name(m));
  }
  std::string out = "Accuracy on real decisions (" + acc->data_set + ", " + std::to_string(acc->issues) +
                    " EU legislative issues with a known outcome; measured " + acc->measured +
                    " by `accord bench accuracy`): mean absolute error on 0-100 " + figures +
                    "weighted mean of the positions " + fmt(*mean, 1) + ".";
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on " " + std::string.
  if (!worse.empty()) {
    out += worse.size() == 2 ? std::string(" Both bargaining models") : ' ' + worse.front();
    out += " did worse there than the weighted mean baseline.";
  }
  if (!better.empty()) {
    out += ' ';
    out += list(better);
    out += " did better there than the weighted mean baseline.";
  }
  return out + " Source: " + acc->citation + ".";
}

std::string forecast_summary_line(const forecast::Analysis& smp, const forecast::Analysis* eum) {
  if (!smp.ok()) return "";
  const forecast::Result& r = smp.run;
  std::string line = "Forecast (" + forecast_model_name(r.model) +
                     (r.model == forecast::Model::smp ? ", KTAB defaults" : "") + ")";
  if (bargaining(r.model)) line += ": " + convergence(r) + (landed(r) ? "" : ", so it names no landing point");
  if (const auto* mc = band_of(smp))
    line += "; its Monte Carlo 5-95% bands (" + std::to_string(mc->completed) + " runs) cover on average " +
            fmt(mean_band_share(smp, *mc), 0) + "% of each issue's scale";
  if (const std::size_t n = red_line_count(smp); n > 0)
    line += "; on " + std::to_string(n) + " issue" + (n == 1 ? "" : "s") + " it lands on a party's red line (" +
            red_line_list(smp, 3) + ")";
  if (eum != nullptr && eum->ok()) {
    std::size_t same = 0, discrete = 0;
    for (std::size_t k = 0; k < smp.nearest_option.size() && k < eum->nearest_option.size(); ++k) {
      if (smp.nearest_option[k].empty()) continue;
      ++discrete;
      same += smp.nearest_option[k] == eum->nearest_option[k] ? 1 : 0;
    }
    if (discrete > 0)
      line += "; the EUM lands on the same option on " + std::to_string(same) + " of " + std::to_string(discrete) +
              " issues";
  }
  const auto& acc = shipped_accuracy();
  const auto smp_mae = acc ? acc->mae(forecast::Model::smp) : std::nullopt;
  const auto eum_mae = acc ? acc->mae(forecast::Model::eum) : std::nullopt;
  const auto mean_mae = acc ? acc->mae(forecast::Model::mean) : std::nullopt;
  if (smp_mae && mean_mae) {
    const bool with_eum = eum != nullptr && eum->ok() && eum_mae;
    line += "; on " + std::to_string(acc->issues) + " real EU decisions (" + acc->data_set + ") SMP (MAE " +
            fmt(*smp_mae, 1) + ")" + (with_eum ? " and EUM (MAE " + fmt(*eum_mae, 1) + ")" : "");
    const bool smp_worse = *smp_mae > *mean_mae, eum_worse = with_eum && *eum_mae > *mean_mae;
    if (smp_worse && (eum_worse || !with_eum))
      line += std::string(with_eum ? " both" : "") + " did worse than the weighted mean of positions (MAE " +
              fmt(*mean_mae, 1) + ")";
    else
      line += " against the weighted mean of positions (MAE " + fmt(*mean_mae, 1) + ")";
  }
  return line + ".";
}

std::string forecast_text(const forecast::Analysis& a) {
  const ForecastProblem& p = a.problem;
  const forecast::Result& r = a.run;
  std::ostringstream out;
  if (!a.ok()) return "Forecast not computed: " + a.outcome.message() + "\n";
  out << "Forecast (" << forecast::to_string(r.model) << ") of " << p.name << ": " << counted(p.actors.size(), "actor") << ", "
      << counted(p.dimensions.size(), "dimension");
  if (bargaining(r.model)) out << "; " << r.turns << " turns" << how_it_ended(r);
  out << "\n";
  if (bargaining(r.model) && !landed(r))
    out << "The run did not converge: these are the expected outcomes after its last turn, not a landing point.\n";
  out << "\n";
  for (std::size_t k = 0; k < p.dimensions.size(); ++k) {
    const auto& d = p.dimensions[k];
    out << "  " << d.id << ": " << fmt(r.forecast[k]);
    if (k < a.nearest_option.size() && !a.nearest_option[k].empty())
      out << " (nearest option " << a.nearest_option[k] << ")";
    out << "   [weighted mean " << fmt(a.baselines.weighted_mean[k]) << ", weighted median "
        << fmt(a.baselines.weighted_median[k]) << "; scale " << fmt(d.lo, 0) << ".." << fmt(d.hi, 0) << "]\n";
    if (a.monte_carlo && k < a.monte_carlo->dimensions.size()) out << monte_carlo_line(*a.monte_carlo, k);
    if (k < a.red_line_parties.size() && !a.red_line_parties[k].empty())
      out << "      warning: a red line of " << list(a.red_line_parties[k]) << "\n";
  }
  if (!a.monte_carlo) out << "\nNo Monte Carlo band: --runs 1000 shows how far the forecast moves under noise.\n";
  if (bargaining(r.model)) {
    out << "\nFinal positions:\n";
    for (std::size_t i = 0; i < p.actors.size(); ++i) {
      out << "  " << p.actors[i].id << ":";
      for (double x : r.final_positions()[i]) out << " " << fmt(x, 1);
      if (!r.probabilities.empty()) out << "   (P win " << fmt(r.probabilities[i], 4) << ")";
      out << "\n";
    }
  }
  if (a.sensitivity) {
    out << "\nInputs that move the forecast most (one step each):\n";
    for (const auto& s : a.sensitivity->inputs) {
      out << "  " << p.actors[s.actor].id << " " << forecast::to_string(s.input);
      if (s.input != forecast::Input::capability) out << " on " << p.dimensions[s.input_dim].id;
      out << ": moves the forecast by up to " << fmt(s.impact) << " points (of 100)\n";
    }
  }
  if (const std::string acc = forecast_accuracy_note({r.model}); !acc.empty())
    out << "\n" << wrap(acc);
  for (const auto& n : a.notes) out << "note: " << n << "\n";
  return out.str();
}

std::string forecast_headline_text(const Scenario& s, const forecast::Analysis& a, Style style,
                                   const forecast::Analysis* eum, const std::string& scenario) {
  if (!a.ok()) {
    if (a.outcome.termination.stop != Stop::size_limit) return "";  // nothing to forecast
    std::string note = "\n";
    note += wrap("Forecast not computed: " + a.outcome.message() + ".");
    return note;
  }
  if (eum != nullptr && !eum->ok()) eum = nullptr;
  const forecast::Result& r = a.run;
  const forecast::MonteCarloResult* mc = band_of(a);
  const std::string title = forecast_headline_title(a);
  std::string out = "\n";
  out += style == Style::markdown ? "## " + title + "\n\n" : title + "\n" + std::string(display_width(title), '=') + "\n";
  Table t;
  t.header = {"issue", "SMP", "SMP 5-95%", "nearest option", "red line of"};
  if (eum != nullptr) t.header.push_back("EUM");
  t.header.push_back("w. mean");
  t.right_align = {false, true, true, false, false};
  t.right_align.resize(t.header.size(), true);
  for (std::size_t k = 0; k < a.problem.dimensions.size(); ++k) {
    const bool has_band = mc != nullptr && k < mc->dimensions.size();
    std::vector<std::string> row = {
        a.problem.dimensions[k].id, fixed(r.forecast[k], 1),
        has_band ? fixed(mc->dimensions[k].p05, 0) + "-" + fixed(mc->dimensions[k].p95, 0) : "none",
        k < a.nearest_option.size() ? a.nearest_option[k] : "",
        k < a.red_line_parties.size() ? list(a.red_line_parties[k], ", ") : ""};
    if (eum != nullptr) row.push_back(fixed(eum->run.forecast[k], 1));
    row.push_back(fixed(a.baselines.weighted_mean[k], 1));
    t.rows.push_back(std::move(row));
  }
  out += t.render(style, text_width(), 3);
  std::string how = std::to_string(a.problem.actors.size()) + " actors bargained for " + std::to_string(r.turns) +
                    " turns" + how_it_ended(r) + ".";
  if (bargaining(r.model) && !landed(r))
    how += " SMP's figures are the expected outcome after its last turn, not a point it settled on.";
  how += mc != nullptr ? " SMP 5-95%: the band of " + std::to_string(mc->completed) + " Monte Carlo runs over "
                             "perturbed positions, saliences and capabilities (seed " + std::to_string(mc->seed) + ")."
                       : " No Monte Carlo band was computed.";
  if (eum != nullptr) how += " EUM (Scholz et al. defaults): " + convergence(eum->run) + ".";
  how += " Discrete issues are on 0-100 in option order; weights = capability x salience. Details: accord forecast " +
         (scenario.empty() ? s.id : scenario) + " --runs 1000.";
  out += wrap(how);
  if (const std::string w = forecast_red_line_warning(a, eum); !w.empty()) out += wrap(w);
  std::vector<forecast::Model> shown = {r.model};
  if (eum != nullptr) shown.push_back(eum->run.model);
  if (const std::string acc = forecast_accuracy_note(shown); !acc.empty()) out += wrap(acc);
  return out;
}

}  // namespace accord::report

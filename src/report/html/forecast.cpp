// Forecast section: where each issue lands (SMP and EUM) with the Monte Carlo band, whose red
// lines the forecasts land on and each model's DEU III accuracy, and each actor's position turn
// by turn, on a 0–100 scale per issue. The wording is the text report's (report/forecast.hpp).
#include <cmath>

#include "accord/engines/forecast_analysis.hpp"
#include "accord/report/forecast.hpp"
#include "accord/report/forecast_accuracy.hpp"
#include "accord/report/table.hpp"
#include "sections.hpp"
#include "svg.hpp"

namespace accord::report::html {
namespace {

double pct(const ForecastDimension& d, double x) { return d.hi == d.lo ? 0.0 : (x - d.lo) * 100.0 / (d.hi - d.lo); }

std::string legend(const ForecastProblem& p) {
  std::string out = "<ul class=\"legend\">";
  for (std::size_t a = 0; a < p.actors.size(); ++a)
    out += "<li><span class=\"swatch\" style=\"background:" + std::string(series_colour(a)) + "\"></span>" +
           esc(p.actors[a].id) + "</li>";
  return out + "</ul>";
}

std::string summary_chart(const ForecastProblem& p, const forecast::Result& smp, const forecast::Result* eum,
                          const forecast::MonteCarloResult* mc) {
  const double row = 24, left = 200, right = 20, top = 10;
  const double height = top + p.dimensions.size() * row + 44;
  Svg svg(820, height, "Forecast per issue on a 0 to 100 scale, with each actor's starting position");
  const Scale sx{0, 100, left, 820 - right};
  for (const double t : ticks(0, 100, 10)) svg.line(sx(t), top, sx(t), height - 44, "grid");
  for (std::size_t d = 0; d < p.dimensions.size(); ++d) {
    const ForecastDimension& dim = p.dimensions[d];
    const double y = top + d * row + row / 2;
    svg.text(left - 6, y + 4, cut(dim.id, 30), "tick", "end");
    svg.line(sx(0), y, sx(100), y, "track");
    if (mc != nullptr && d < mc->dimensions.size()) {
      const auto& m = mc->dimensions[d];
      svg.rect(sx(pct(dim, m.p05)), y - 7, sx(pct(dim, m.p95)) - sx(pct(dim, m.p05)), 14, "band");
    }
    for (std::size_t a = 0; a < p.actors.size(); ++a)
      svg.circle(sx(pct(dim, p.actors[a].position[d])), y, 4, "actor", series_colour(a));
    const double f = sx(pct(dim, smp.forecast[d]));
    svg.raw("<path class=\"fc-smp\" d=\"M" + num(f) + " " + num(y - 7) + "l6 7l-6 7l-6 -7z\"><title>SMP forecast " +
            num(smp.forecast[d], 2) + "</title></path>");
    if (eum != nullptr && d < eum->forecast.size()) {
      const double e = sx(pct(dim, eum->forecast[d]));
      svg.rect(e - 4, y - 4, 8, 8, "fc-eum");
    }
  }
  svg.x_axis(sx, height - 44, ticks(0, 100, 10), "position (0–100 of each issue's scale)");
  return svg.str();
}

std::string turns_chart(const ForecastProblem& p, const forecast::Result& r, std::size_t d) {
  const ForecastDimension& dim = p.dimensions[d];
  const double w = 300, h = 150, l = 34, rt = 8, t = 20, b = 22;
  const std::size_t turns = r.history.size();
  Svg svg(w, h, "Positions per turn on " + dim.id);
  const Scale sx{0, static_cast<double>(std::max<std::size_t>(turns, 2) - 1), l, w - rt}, sy{0, 100, h - b, t};
  svg.text(l, 12, cut(dim.id, 40), "chart-title");
  for (const double v : {0.0, 50.0, 100.0}) {
    svg.line(sx.r0, sy(v), sx.r1, sy(v), "grid");
    svg.text(l - 4, sy(v) + 4, num(v, 0), "tick", "end");
  }
  svg.text(w - rt, h - 6, std::to_string(turns - 1) + " turns", "tick", "end");
  for (std::size_t a = 0; a < p.actors.size(); ++a) {
    std::vector<std::pair<double, double>> pts;
    for (std::size_t k = 0; k < turns; ++k) {
      const double y = sy(pct(dim, r.history[k][a][d]));
      if (k > 0 && k + 1 < turns && std::abs(y - pts.back().second) < 0.05) continue;  // flat: skip
      pts.emplace_back(sx(static_cast<double>(k)), y);
    }
    svg.polyline(pts, "series", series_colour(a));
  }
  return svg.str();
}

std::string turns_block(const ForecastProblem& p, const forecast::Result& r, const std::string& model) {
  std::string out = "<details><summary>Positions per turn (" + esc(model) + ", " + std::to_string(r.turns) + " turns" +
                    (r.converged ? "" : ", not converged") + ")</summary>" + legend(p) + "<div class=\"multiples\">";
  for (std::size_t d = 0; d < p.dimensions.size(); ++d) out += "<div class=\"small\">" + turns_chart(p, r, d) + "</div>";
  return out + "</div></details>\n";
}

// "SMP (MAE 25.5 on DEU III)": a column header with the model's shipped accuracy.
std::string model_header(const std::string& name, forecast::Model m) {
  const auto& acc = shipped_accuracy();
  const auto mae = acc ? acc->mae(m) : std::nullopt;
  return esc(name) + (mae ? "<br><span class=\"muted\">MAE " + num(*mae, 1) + " on " + esc(acc->data_set) + "</span>" : "");
}

std::string forecast_table(const forecast::Analysis& smp, const forecast::Analysis* eum,
                           const forecast::MonteCarloResult* mc) {
  const ForecastProblem& p = smp.problem;
  std::string rows;
  for (std::size_t d = 0; d < p.dimensions.size(); ++d) {
    const auto& dim = p.dimensions[d];
    std::string red;
    if (d < smp.red_line_parties.size())
      for (const auto& party : smp.red_line_parties[d]) red += (red.empty() ? "" : ", ") + party;
    rows += "<tr><td>" + esc(dim.id) + "</td><td class=\"num\">" + num(smp.run.forecast[d], 2) + "</td><td class=\"num\">" +
            (mc != nullptr && d < mc->dimensions.size() ? num(mc->dimensions[d].p05, 2) + "–" + num(mc->dimensions[d].p95, 2)
                                                        : "—") +
            "</td><td>" + esc(d < smp.nearest_option.size() ? smp.nearest_option[d] : "") + "</td><td" +
            (red.empty() ? "" : " class=\"v-unacceptable\"") + ">" + esc(red) + "</td><td class=\"num\">" +
            (eum != nullptr ? num(eum->run.forecast[d], 2) : "—") + "</td><td class=\"num\">" +
            num(smp.baselines.weighted_mean[d], 2) + "</td><td>" + num(dim.lo, 2) + "–" + num(dim.hi, 2) + "</td></tr>";
  }
  return "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">issue</th><th scope=\"col\">" +
         model_header("SMP", forecast::Model::smp) + "</th><th scope=\"col\">SMP Monte Carlo 5–95%</th><th "
         "scope=\"col\">nearest option</th><th scope=\"col\">red line of</th><th scope=\"col\">" +
         model_header("EUM", forecast::Model::eum) + "</th><th scope=\"col\">" +
         model_header("weighted mean", forecast::Model::mean) + "</th><th scope=\"col\">scale</th></tr></thead><tbody>" +
         rows + "</tbody></table></div>\n";
}

// The section's body from computed analyses: SMP (with its Monte Carlo band when it has one)
// and, when it ran, EUM; then whose red lines the forecasts land on and each model's accuracy.
std::string forecast_body(const forecast::Analysis& smp, const forecast::Analysis* eum) {
  const ForecastProblem& p = smp.problem;
  const forecast::MonteCarloResult* mc =
      smp.monte_carlo && smp.monte_carlo->ok() && smp.monte_carlo->completed > 0 ? &*smp.monte_carlo : nullptr;
  std::string body;
  if (!smp.run.converged || !smp.run.outcome.termination.finished())
    body += "<p class=\"warn\">" +
            esc("SMP did not converge: its figures are the expected outcome after its last turn (" +
                std::to_string(smp.run.turns) + "), not a point the issues settled on.") +
            "</p>\n";
  body += para("Actors are the parties with preferences; each issue is a dimension (options in list order on "
               "0–100). Dots: each actor's starting position; black diamond: SMP forecast; hollow square: "
               "EUM forecast" +
               std::string(mc != nullptr ? "; grey band: 5th–95th percentile of " + std::to_string(mc->completed) +
                                               " Monte Carlo runs (SMP, seed " + std::to_string(mc->seed) + ")"
                                         : "; no Monte Carlo band was computed") +
               ".");
  body += legend(p) + "<div class=\"chart\">" + summary_chart(p, smp.run, eum != nullptr ? &eum->run : nullptr, mc) +
          "</div>\n";
  body += forecast_table(smp, eum, mc);
  if (const std::string w = forecast_red_line_warning(smp, eum); !w.empty())
    body += "<p class=\"warn\">" + esc(w) + "</p>\n";
  std::vector<forecast::Model> shown = {smp.run.model};
  if (eum != nullptr) shown.push_back(eum->run.model);
  if (const std::string acc = forecast_accuracy_note(shown); !acc.empty())
    body += "<p class=\"note\">" + esc(acc) + "</p>\n";
  body += turns_block(p, smp.run, "SMP");
  if (eum != nullptr) body += turns_block(p, eum->run, "EUM");
  for (const auto& n : smp.notes) body += "<p class=\"note\">" + esc(n) + "</p>";
  return body;
}

}  // namespace

std::string forecast_section(const Context& c) {
  const Termination t = c.analysis.section("forecast");
  if (!c.analysis.forecast) return section("forecast", "Forecast", skipped("The forecast", t));
  const forecast::Analysis& smp = *c.analysis.forecast;
  if (!smp.ok())
    return section("forecast", "Forecast",
                   para((t.stop == Stop::size_limit ? "The forecast could not run: " : "Nothing to forecast: ") +
                        smp.outcome.message()));
  const auto& eum = c.analysis.forecast_eum;
  return section("forecast", forecast_headline_title(smp), forecast_body(smp, eum && eum->ok() ? &*eum : nullptr));
}
}  // namespace accord::report::html

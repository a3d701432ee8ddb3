// Running the engines for the API. Full results are stored; what a party or an observer may
// see of them is declared in accord/report/visibility.hpp and applied on every read
// (routes_analyses.cpp).
#include "analysis_params.hpp"

namespace accord::server {

bool known_engine(const std::string& engine) {
  return engine == "evaluate" || engine == "bargain" || engine == "gmcr" || engine == "forecast" ||
         engine == "robustness";
}

Json run_analysis(const std::string& engine, const Scenario& s, const Json& params) {
  if (engine == "evaluate") return run_evaluate(s, params);
  if (engine == "bargain") return run_bargain(s, params);
  if (engine == "gmcr") return run_gmcr(s, params);
  if (engine == "forecast") return run_forecast(s, params);
  if (engine == "robustness") return run_robustness(s, params);
  throw HttpError{404, "not_found", "no engine `" + engine + "`; expected evaluate, bargain, gmcr, forecast or robustness",
                  "engine", {}};
}

}  // namespace accord::server

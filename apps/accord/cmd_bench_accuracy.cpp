// accord bench accuracy [--data DIR] [--json]
// Runs every forecast model with its published defaults on the DEU III data set (real EU
// legislative decisions) and prints the mean absolute error against the actual outcomes.
// No parameter is tuned to this data (docs/forecast.md#accuracy).
#include <tbb/parallel_for.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "accord/engines/forecast.hpp"
#include "accord/io/forecast_csv.hpp"
#include "cli.hpp"

#ifndef ACCORD_DEFAULT_DATA_DIR
#define ACCORD_DEFAULT_DATA_DIR "../shared/data"
#endif

namespace accord::cli {
namespace {

struct Row {
  std::string name;
  forecast::Model model;
  double mae = 0.0;
  std::size_t issues = 0, failed = 0;
  double mean_turns = 0.0;
};

void run_accuracy(const std::string& data_dir, bool json) {
  const std::string path = data_dir + "/deu3/deu3.csv";
  if (!std::filesystem::exists(path)) {
    if (json) return write_output("-", "{\"skipped\": true, \"reason\": \"" + path + " not found\"}\n");
    return write_output("-", "DEU III data not found at " + path + "; skipped.\n");
  }
  io::Deu3Result data = io::read_deu3_file(path);
  for (const auto& d : data.diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
  if (!data.ok()) throw Exit{kExitInvalidInput, path + ": invalid DEU III file"};

  std::vector<Row> rows = {{"weighted mean", forecast::Model::mean},
                           {"weighted median", forecast::Model::median},
                           {"smp (KTAB defaults)", forecast::Model::smp},
                           {"eum (Scholz et al. defaults)", forecast::Model::eum}};
  const std::size_t n = data.issues.size();
  for (Row& row : rows) {
    std::vector<double> err(n, std::nan(""));
    std::vector<int> turns(n, 0);
    forecast::Params params;
    params.model = row.model;
    tbb::parallel_for(std::size_t{0}, n, [&](std::size_t k) {
      const forecast::Result r = forecast::run(data.issues[k].problem, params);
      if (!r.ok()) return;
      err[k] = std::fabs(r.forecast[0] - data.issues[k].outcome);
      turns[k] = r.turns;
    });
    double sum = 0.0, tsum = 0.0;
    for (std::size_t k = 0; k < n; ++k) {  // summed in issue order: deterministic
      if (std::isnan(err[k])) {
        ++row.failed;
        continue;
      }
      sum += err[k];
      tsum += turns[k];
      ++row.issues;
    }
    row.mae = row.issues > 0 ? sum / static_cast<double>(row.issues) : std::nan("");
    row.mean_turns = row.issues > 0 ? tsum / static_cast<double>(row.issues) : 0.0;
  }

  if (json) {
    nlohmann::ordered_json j;
    j["data"] = path;
    j["issues"] = n;
    j["skipped_rows"] = data.skipped;
    j["models"] = nlohmann::ordered_json::array();
    for (const Row& row : rows)
      j["models"].push_back({{"model", std::string(forecast::to_string(row.model))},
                             {"label", row.name},
                             {"mae", row.mae},
                             {"issues", row.issues},
                             {"failed", row.failed},
                             {"mean_turns", row.mean_turns}});
    return write_output("-", j.dump(2) + "\n");
  }
  std::ostringstream out;
  out << "Forecast accuracy on DEU III (" << n << " issues with an outcome; " << data.skipped
      << " rows skipped)\nmean absolute error against the actual outcome, 0..100 scale\n\n";
  char buf[160];
  std::snprintf(buf, sizeof buf, "  %-30s %8s %8s %8s\n", "model", "MAE", "issues", "turns");
  out << buf;
  for (const Row& row : rows) {
    std::snprintf(buf, sizeof buf, "  %-30s %8.2f %8zu %8.1f\n", row.name.c_str(), row.mae, row.issues,
                  row.mean_turns);
    out << buf;
  }
  out << "\nPublished reference for the baselines on this data: weighted mean 23.2, weighted median 27.6.\n";
  write_output("-", out.str());
}

void add_bench(CLI::App& app) {
  auto* bench = app.add_subcommand("bench", "Measurements on reference data sets");
  bench->require_subcommand(1);
  auto* acc = bench->add_subcommand("accuracy", "Forecast accuracy on real EU decisions (DEU III)")
                  ->footer("Example:\n  accord bench accuracy --data ../shared/data");
  auto data = std::make_shared<std::string>(ACCORD_DEFAULT_DATA_DIR);
  auto json = std::make_shared<bool>(false);
  acc->add_option("--data", *data, "Folder holding deu3/deu3.csv")->capture_default_str();
  acc->add_flag("--json", *json, "Print JSON");
  acc->callback([data, json] { run_accuracy(*data, *json); });
}

}  // namespace

ACCORD_REGISTER_COMMAND("bench", 90, add_bench);

}  // namespace accord::cli

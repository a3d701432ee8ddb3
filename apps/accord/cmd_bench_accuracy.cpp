// accord bench accuracy [--data DIR] [--json | --shipped [--date YYYY-MM-DD]] [-o FILE]
// Runs every forecast model with its published defaults on the DEU III data set (real EU
// legislative decisions) and prints the mean absolute error against the actual outcomes.
// No parameter is tuned to this data (docs/forecast.md#accuracy). --shipped writes the summary
// the build ships next to every forecast (data/forecast-accuracy.json).
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "accord/engines/forecast_accuracy.hpp"
#include "accord/io/forecast_csv.hpp"
#include "accord/report/forecast_accuracy.hpp"
#include "cli.hpp"

// The shared data sets sit next to the repository (../shared/data from its root): the default
// is found from the source tree the binary was built from, not from the working directory.
#ifndef ACCORD_DEFAULT_DATA_DIR
#define ACCORD_DEFAULT_DATA_DIR "../shared/data"
#endif

namespace accord::cli {
namespace {

struct Opts {
  std::string data = ACCORD_DEFAULT_DATA_DIR, output = "-";
  std::string date;  // --shipped: the date measured (default: today, UTC)
  bool json = false, shipped = false;
  int threads = 0;
};

std::string today_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &utc);
  return buf;
}

void run_accuracy(const Opts& o) {
  const std::string path = o.data + "/deu3/deu3.csv";
  if (!std::filesystem::exists(path))
    throw Exit{kExitInvalidInput, "DEU III data not found: no " + path +
                                      "; pass --data DIR, the folder holding deu3/deu3.csv (default " +
                                      std::string(ACCORD_DEFAULT_DATA_DIR) + ")"};
  const io::Deu3Result data = io::read_deu3_file(path);
  for (const auto& d : data.outcome.diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
  if (!data.ok()) throw Exit{kExitInvalidInput, path + ": invalid DEU III file"};
  forecast::AccuracyParams params;
  params.threads = o.threads;
  const forecast::AccuracyResult r = forecast::accuracy(data.data, params);
  if (o.shipped) {
    if (!r.outcome.ok() || !r.outcome.termination.finished())
      throw Exit{kExitInvalidInput, "the measurement did not finish; nothing written"};
    return write_output(o.output, report::shipped_accuracy_json(r, o.date.empty() ? today_utc() : o.date).dump(2) + "\n");
  }
  write_output(o.output, o.json ? report::accuracy_json(r).dump(2) + "\n" : report::accuracy_text(r));
}

void add_bench(CLI::App& app) {
  auto* bench = app.add_subcommand("bench", "Measurements on reference data sets");
  bench->require_subcommand(1);
  auto* acc = bench->add_subcommand("accuracy", "Forecast accuracy on real EU decisions (DEU III)")
                  ->footer("Examples:\n  accord bench accuracy\n"
                          "  accord bench accuracy --shipped -o data/forecast-accuracy.json");
  auto o = std::make_shared<Opts>();
  acc->add_option("--data", o->data, "Folder holding deu3/deu3.csv (exit 2 when it does not)")->capture_default_str();
  acc->add_flag("--json", o->json, "Print JSON (shape in docs/forecast.md#accuracy)");
  acc->add_flag("--shipped", o->shipped,
                "Print the summary the build ships next to every forecast (data/forecast-accuracy.json)");
  acc->add_option("--date", o->date, "With --shipped: the date measured (default: today, UTC)");
  acc->add_option("--threads", o->threads, "Worker threads (default: all cores)");
  acc->add_option("-o,--output", o->output, "Write to a file instead of standard output");
  acc->callback([o] { run_accuracy(*o); });
}

}  // namespace

ACCORD_REGISTER_COMMAND("bench", 90, add_bench);

}  // namespace accord::cli

// `accord export csv|docx` and `accord import csv`: the files mediators already use
// (docs/cli.md "Files: export csv|docx, import csv").
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "accord/io/csv_points.hpp"
#include "accord/io/docx.hpp"
#include "accord/io/scenario_io.hpp"
#include "cli.hpp"

namespace accord::cli {
namespace {

VersionIndex version_or_exit(const Scenario& s, const std::string& id, const char* flag) {
  const VersionIndex v = s.find_version(id);
  if (v.valid()) return v;
  std::vector<std::string> ids;
  for (const Version& ver : s.versions) ids.push_back(ver.id);
  const std::string near = closest_match(id, ids);
  throw Exit{kExitInvalidInput, std::string(flag) + ": unknown version `" + id + "`" +
                                    (near.empty() ? "" : "; did you mean `" + near + "`?")};
}

struct ExportOpts {
  std::string scenario, version, against, output = "-";
  bool plain = false, quiet = false;
};

void add_export_csv(CLI::App* parent) {
  auto* cmd = parent->add_subcommand("csv", "A version's points and stances as CSV (one row per party × point)");
  cmd->footer("Example:\n  accord export csv geneva-2025 --version v20 -o v20.csv\n"
              "Columns: " + std::string(io::kPointsCsvHeader) + " (RFC 4180). `accord import csv` reads it back.");
  auto o = std::make_shared<ExportOpts>();
  cmd->add_option("SCENARIO", o->scenario, "Built-in name or scenario file")->required();
  cmd->add_option("--version", o->version, "Version id (default: the latest)");
  cmd->add_option("-o,--output", o->output, "Output file (- = stdout)")->capture_default_str();
  cmd->add_flag("-q,--quiet", o->quiet, "Do not print warnings");
  cmd->callback([o] {
    const Scenario s = load_or_exit(o->scenario, o->quiet);
    if (s.versions.size() == 0) throw Exit{kExitInvalidInput, o->scenario + ": the scenario has no versions"};
    const VersionIndex v = o->version.empty() ? VersionIndex{s.versions.size() - 1} : version_or_exit(s, o->version, "--version");
    write_output(o->output, io::write_points_csv(s, v));
  });
}

void add_export_docx(CLI::App* parent) {
  auto* cmd = parent->add_subcommand("docx", "A version as a Word document, with tracked changes against an earlier one");
  cmd->footer("Example:\n  accord export docx geneva-2025 --version v20 -o v20.docx\n"
              "Amended points carry Word tracked changes (author Accord) against --against (default: the\n"
              "version the points come from); added points are insertions, dropped points deletions.");
  auto o = std::make_shared<ExportOpts>();
  cmd->add_option("SCENARIO", o->scenario, "Built-in name or scenario file")->required();
  cmd->add_option("--version", o->version, "Version id (default: the latest)");
  cmd->add_option("--against", o->against, "Earlier version to mark changes against (default: the one it comes from)");
  cmd->add_flag("--plain", o->plain, "No tracked changes: the text only");
  cmd->add_option("-o,--output", o->output, "Output .docx file (- = stdout, not a terminal)")->capture_default_str();
  cmd->add_flag("-q,--quiet", o->quiet, "Do not print warnings");
  cmd->callback([o] {
    const Scenario s = load_or_exit(o->scenario, o->quiet);
    if (s.versions.size() == 0) throw Exit{kExitInvalidInput, o->scenario + ": the scenario has no versions"};
    const VersionIndex v = o->version.empty() ? VersionIndex{s.versions.size() - 1} : version_or_exit(s, o->version, "--version");
    VersionIndex against;
    if (!o->plain) against = o->against.empty() ? io::previous_version(s, v) : version_or_exit(s, o->against, "--against");
    if (against == v) throw Exit{kExitInvalidInput, "--against: the version itself; name an earlier version"};
    if (o->output == "-" && isatty(STDOUT_FILENO))
      throw Exit{kExitInvalidInput, "a .docx is binary; pass -o FILE.docx (or redirect standard output)"};
    write_output(o->output, io::write_version_docx(s, v, against));
  });
}

void add_export(CLI::App& app) {
  auto* cmd = app.add_subcommand("export", "Export a version as CSV (points and stances) or Word (.docx)");
  cmd->require_subcommand(1);
  add_export_csv(cmd);
  add_export_docx(cmd);
}

void add_import_csv(CLI::App& app) {
  auto* cmd = import_command(app)->add_subcommand("csv", "Stances from CSV into a scenario (one row per party × point, or per point)");
  cmd->footer("Example:\n  accord import csv geneva-2025 v20.csv -o geneva-updated.yaml\n"
              "Long form: the columns of `accord export csv`. Wide form: version,point and one column per\n"
              "party id holding its stance (empty cells keep the stance). Errors: file:line:column, exit 2.");
  struct Opts {
    std::string scenario, file, version, output = "-";
    bool json = false, quiet = false;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("SCENARIO", o->scenario, "Built-in name or scenario file")->required();
  cmd->add_option("FILE", o->file, "CSV file")->required();
  cmd->add_option("--version", o->version, "Version of rows without a version column");
  cmd->add_option("-o,--output", o->output, "Output scenario file (- = stdout)")->capture_default_str();
  cmd->add_flag("--json", o->json, "Write JSON instead of YAML");
  cmd->add_flag("-q,--quiet", o->quiet, "Do not print warnings");
  cmd->callback([o] {
    Scenario s = load_or_exit(o->scenario, o->quiet);
    std::ifstream in(o->file, std::ios::binary);
    if (!in) throw Exit{kExitInvalidInput, o->file + ": cannot open"};
    std::ostringstream text;
    text << in.rdbuf();
    const io::PointsCsvImport r = io::read_points_csv(text.str(), o->file, s, o->version);
    for (const Diagnostic& d : r.outcome.diagnostics)
      if (d.severity == Severity::error || !o->quiet) std::cerr << d.to_string() << "\n";
    if (!r.ok()) throw Exit{kExitInvalidInput, o->file + ": no stances imported"};
    if (!o->quiet) std::cerr << o->file << ": " << r.stances << " stances imported\n";
    write_output(o->output, io::write_scenario(s, o->json ? io::TextFormat::json : io::TextFormat::yaml));
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("export", 62, add_export);
ACCORD_REGISTER_COMMAND("import csv", 62, add_import_csv);

}  // namespace accord::cli

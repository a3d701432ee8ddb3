// `accord import gmcr FILE.gmcr -o scenario.yaml`: a gmcr-py save file as an Accord scenario.
#include <filesystem>
#include <iostream>

#include "accord/io/gmcr_py.hpp"
#include "accord/io/scenario_io.hpp"
#include "cli.hpp"

namespace accord::cli {
namespace {

void add_import_gmcr(CLI::App& app) {
  auto* cmd = import_command(app)->add_subcommand("gmcr", "gmcr-py .gmcr save file (a GMCR conflict model)");
  cmd->footer("Example:\n  accord import gmcr garrison.gmcr -o garrison.yaml\n"
              "Each decision maker becomes a party and each option a yes/no issue; the model goes\n"
              "into the `conflict:` section (docs/gmcr.md). `accord gmcr FILE.gmcr` analyses it directly.");
  struct Opts {
    std::string file, output = "-", id;
    bool json = false, quiet = false;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("FILE", o->file, "gmcr-py save file (.gmcr, JSON)")->required();
  cmd->add_option("-o,--output", o->output, "Output file (- = stdout)")->capture_default_str();
  cmd->add_option("--id", o->id, "Scenario id (default: the file name)");
  cmd->add_flag("--json", o->json, "Write JSON instead of YAML");
  cmd->add_flag("-q,--quiet", o->quiet, "Do not print warnings");
  cmd->callback([o] {
    const io::GmcrPyImport r = io::import_gmcr_py_file(o->file);
    for (const Diagnostic& d : r.outcome.diagnostics)
      if (d.severity == Severity::error || !o->quiet) std::cerr << d.to_string() << "\n";
    if (!r.ok()) throw Exit{kExitInvalidInput, o->file + ": cannot import the gmcr-py file"};
    std::string id = o->id;
    if (id.empty())
      for (char ch : std::filesystem::path(o->file).stem().string())
        id += std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '.' ? ch : '_';
    const Scenario s = io::scenario_from_conflict(*r.conflict, id, "Imported from " + o->file);
    write_output(o->output, io::write_scenario(s, o->json ? io::TextFormat::json : io::TextFormat::yaml));
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("import gmcr", 61, add_import_gmcr);

}  // namespace accord::cli

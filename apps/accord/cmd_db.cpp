// accord db init | import | export | list
#include <iostream>

#include "accord/io/scenario_io.hpp"
#include "store_cli.hpp"

namespace accord::cli {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void add_db(CLI::App& app) {
  auto* db = app.add_subcommand("db", "The negotiation record (SQLite): init, import, export, list")
                 ->require_subcommand(1)
                 ->footer("Examples:\n  accord db init --db talks.db\n  accord db import geneva-2025 --db talks.db\n"
                          "  accord db export geneva-2025 --db talks.db -o geneva-latest.yaml");
  auto path = std::make_shared<std::string>();

  auto* init = db->add_subcommand("init", "Create a database (or migrate an existing one)");
  init->add_option("--db", *path, "Database file")->required();
  init->callback([path] {
    auto s = open_store_or_exit(*path, true);
    std::cout << "database " << *path << " ready (schema version " << s->schema_version() << ")\n";
  });

  struct ImportOpts {
    std::string scenario, by;
  };
  auto io_opts = std::make_shared<ImportOpts>();
  auto* imp = db->add_subcommand("import", "Import a scenario as a new revision (stances and events diffed)");
  imp->add_option("SCENARIO", io_opts->scenario, "Built-in name or scenario file")->required();
  imp->add_option("--db", *path, "Database file")->required();
  imp->add_option("--by", io_opts->by, "Recorded as the author (default cli:$USER)");
  imp->callback([path, io_opts] {
    const Scenario sc = load_or_exit(io_opts->scenario);
    auto s = open_store_or_exit(*path);
    auto r = s->import_scenario(sc, cli_author(io_opts->by));
    if (!r) throw store_exit(r.error());
    std::cout << (r->created ? "imported " : "updated ") << r->id << " at revision " << r->revision << " ("
              << r->stances_changed << " stances changed, " << r->events_added << " events added, "
              << r->events_removed << " removed)\n";
  });

  struct ExportOpts {
    std::string id, output = "-", format;
  };
  auto ex = std::make_shared<ExportOpts>();
  auto* exp = db->add_subcommand("export", "Write a scenario's latest state (document + stances + events)");
  exp->add_option("ID", ex->id, "Scenario id")->required();
  exp->add_option("--db", *path, "Database file")->required();
  exp->add_option("-o,--output", ex->output, "Output file (.yaml/.yml/.json) or - for stdout")->capture_default_str();
  exp->add_option("--format", ex->format, "yaml or json (default: from the file name, else yaml)")
      ->check(CLI::IsMember({"yaml", "json"}));
  exp->callback([path, ex] {
    auto s = open_store_or_exit(*path);
    auto snap = s->snapshot(ex->id);
    if (!snap) throw store_exit(snap.error());
    const bool json = ex->format.empty() ? ends_with(ex->output, ".json") : ex->format == "json";
    write_output(ex->output, io::write_scenario((*snap)->scenario, json ? io::TextFormat::json : io::TextFormat::yaml));
  });

  auto* list = db->add_subcommand("list", "List the scenarios in a database");
  list->add_option("--db", *path, "Database file")->required();
  list->callback([path] {
    auto s = open_store_or_exit(*path);
    for (const auto& sc : s->list_scenarios())
      std::cout << sc.id << "\trevision " << sc.revision << "\t" << sc.updated_at << "\t" << sc.title << "\n";
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("db", 20, add_db);

}  // namespace accord::cli

// accord db init | import | export | list
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <regex>

#include "accord/io/scenario_io.hpp"
#include "accord/model/plural.hpp"
#include "store_cli.hpp"

namespace accord::cli {
namespace {

// The first line of a YAML `db export`: names the scenario and the revision it was taken at,
// so `db import` can refuse a stale export, and `db export -o` can recognise its own output.
constexpr const char* kExportHeader = "# accord db export: ";

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string first_line(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  char c;
  while (line.size() < 512 && in.get(c) && c != '\n') line += c;
  return line;
}

struct ExportMark {
  std::string scenario;
  std::int64_t revision = 0;
};

// The export mark of a scenario file, when it has one: the header line of a YAML export, or
// the `export` key of a JSON one (already validated by the scenario reader).
std::optional<ExportMark> export_mark(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  static const std::regex re(R"(^# accord db export: scenario (\S+) revision ([0-9]{1,18})\s*$)");
  std::smatch m;
  const std::string line = first_line(path);
  if (std::regex_match(line, m, re)) return ExportMark{m[1], std::stoll(m[2])};
  if (line.empty() || line[0] != '{') return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (!j.is_object() || !j.contains("export")) return std::nullopt;
  const nlohmann::json& mark = j["export"];
  if (!mark.is_object() || !mark.value("scenario", nlohmann::json()).is_string() ||
      !mark.value("revision", nlohmann::json()).is_number_integer())
    return std::nullopt;
  return ExportMark{mark["scenario"].get<std::string>(), mark["revision"].get<std::int64_t>()};
}

// `db export -o FILE` never writes over the database (or its -wal/-shm), and replaces an
// existing file only when it is an earlier YAML export (or with --force).
void check_export_target(const std::string& out, const std::string& db, bool force) {
  if (out.empty() || out == "-") return;
  struct stat target {};
  if (::stat(out.c_str(), &target) != 0) return;  // nothing there yet
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    struct stat d {};
    if (::stat((db + suffix).c_str(), &d) == 0 && d.st_dev == target.st_dev && d.st_ino == target.st_ino)
      throw Exit{kExitInvalidInput, "refusing to write the export over the database `" + db + suffix +
                                        "` itself; choose another output file"};
  }
  if (force) return;
  if (S_ISREG(target.st_mode) && export_mark(out)) return;  // an earlier export (YAML or JSON)
  throw Exit{kExitInvalidInput, "`" + out + "` exists and is not an earlier `accord db export` output (YAML ones "
                                "start with the line `" + std::string(kExportHeader) + "…`, JSON ones with the key "
                                "`export`); choose another file or pass --force to replace it"};
}

std::string describe_event(const Event& e) { return e.date + " " + std::string(to_string(e.kind)) + " \"" + e.text + "\""; }

// What an import changes, one line each (the dry run and the stale-import refusal print it).
std::string describe_changes(const store::ImportResult& r) {
  std::string out;
  if (r.created) return "  creates scenario " + r.id + "\n";
  for (const auto& c : r.stance_changes) {
    out += "  stance " + c.version + " " + c.party + " " + c.point + ": " + std::string(to_string(c.from)) +
           " -> " + std::string(to_string(c.to));
    if (c.from_note != c.to_note) out += " (note \"" + c.from_note + "\" -> \"" + c.to_note + "\")";
    out += "\n";
  }
  for (const auto& e : r.removed_events) out += "  event removed: " + describe_event(e) + "\n";
  for (const auto& e : r.added_events) out += "  event added: " + describe_event(e) + "\n";
  for (const auto& p : r.preferences_changed) out += "  preferences of " + p + " replaced\n";
  if (out.empty()) out = "  no stance, event or preference changes\n";
  return out;
}

std::string counts(const store::ImportResult& r) {
  return counted(r.stances_changed, "stance") + " changed, " + counted(r.events_added, "event") +
         " added, " + std::to_string(r.events_removed) + " removed, " +
         counted(r.preferences_changed.size(), "party") + (r.preferences_changed.size() == 1 ? "'s" : "'") +
         " preferences replaced";
}

struct ImportOpts {
  std::string scenario, by;
  std::optional<std::int64_t> base_revision;
  bool force = false, dry_run = false;
};

void run_import(const std::string& path, const ImportOpts& o) {
  const Scenario sc = load_or_exit(o.scenario);
  std::optional<std::int64_t> base = o.base_revision;
  std::string base_source = "--base-revision";
  if (!base) {
    if (const auto mark = export_mark(o.scenario); mark && mark->scenario == sc.id) {
      base = mark->revision;
      base_source = "`" + o.scenario + "` (exported at revision " + std::to_string(mark->revision) + ")";
    }
  }
  auto s = open_store_or_exit(path);
  const std::string by = cli_author(o.by);
  if (o.dry_run) {
    auto r = s->import_scenario(sc, by, {std::nullopt, true});
    if (!r) throw store_exit(r.error());
    if (r->unchanged) {
      std::cout << "dry run: " << r->id << " unchanged, revision " << r->revision << " would be kept\n";
      return;
    }
    std::cout << "dry run: importing would " << (r->created ? "create " : "update ") << r->id << " at revision "
              << r->revision << " (" << counts(*r) << ")\n"
              << describe_changes(*r);
    if (base && !r->created && r->previous_revision > *base && !o.force)
      std::cout << "without --force the import is refused: the scenario is at revision " << r->previous_revision
                << ", past base revision " << *base << " from " << base_source << "\n";
    return;
  }
  auto r = s->import_scenario(sc, by, {o.force ? std::nullopt : base, false});
  if (!r && r.error().code == store::ErrorCode::conflict) {
    auto preview = s->import_scenario(sc, by, {std::nullopt, true});
    const std::string what = preview ? describe_changes(*preview) : std::string();
    const std::string from = base_source == "--base-revision" ? "--base-revision " + std::to_string(*base)
                                                              : base_source;
    throw Exit{kExitInvalidInput,
               "stale import refused: scenario `" + sc.id + "` is at revision " +
                   std::to_string(r.error().current_revision) + ", but " + from + " is older; importing it would " +
                   "revert what was written since:\n" + what +
                   "Export the current state and edit that, see the changes with --dry-run, or pass --force to "
                   "import anyway"};
  }
  if (!r && r.error().field == "revision" && base_source != "--base-revision")
    throw Exit{kExitInvalidInput, r.error().message + ": " + base_source +
                                      " names a revision this database never had (exported from another "
                                      "database?); pass --base-revision N or --force"};
  if (!r) throw store_exit(r.error());
  if (r->unchanged) {
    std::cout << r->id << " unchanged, revision " << r->revision << " kept\n";
    return;
  }
  std::cout << (r->created ? "imported " : "updated ") << r->id << " at revision " << r->revision << " ("
            << counts(*r) << ")\n";
}

void add_db(CLI::App& app) {
  auto* db = app.add_subcommand("db", "The negotiation record (SQLite): init, import, export, list")
                 ->require_subcommand(1)
                 ->footer("Examples:\n  accord db init --db talks.db\n  accord db import geneva-2025 --db talks.db\n"
                          "  accord db export geneva-2025 --db talks.db -o geneva-latest.yaml\n"
                          "  accord db import geneva-latest.yaml --db talks.db --dry-run");
  auto path = std::make_shared<std::string>();

  auto* init = db->add_subcommand("init", "Create a database, readable by its owner only (or migrate one)");
  init->add_option("--db", *path, "Database file")->required();
  init->callback([path] {
    auto s = open_store_or_exit(*path, true);
    std::cout << "database " << *path << " ready (schema version " << s->schema_version() << ")\n";
    struct stat st {};
    if (::stat(path->c_str(), &st) == 0 && (st.st_mode & 077) != 0)
      std::cerr << "warning: " << *path << " is readable by other users and holds every party's private "
                << "preferences; consider `chmod 600 " << *path << "`\n";
  });

  auto io_opts = std::make_shared<ImportOpts>();
  auto* imp = db->add_subcommand("import", "Import a scenario as a new revision (stances and events diffed)");
  imp->add_option("SCENARIO", io_opts->scenario, "Built-in name or scenario file")->required();
  imp->add_option("--db", *path, "Database file")->required();
  imp->add_option("--by", io_opts->by, "Recorded as the author (default cli:$USER)");
  imp->add_option("--base-revision", io_opts->base_revision,
                  "Refuse (exit 2) if the scenario changed after revision N (default: the revision a "
                  "`db export` file names in its first line)");
  imp->add_flag("--force", io_opts->force, "Import even when the scenario moved past the base revision");
  imp->add_flag("--dry-run", io_opts->dry_run, "Print what the import would change; write nothing");
  imp->callback([path, io_opts, imp] {
    require_utf8_options(imp, {"--db", "SCENARIO"});
    run_import(*path, *io_opts);
  });

  struct ExportOpts {
    std::string id, output = "-", format;
    bool force = false;
  };
  auto ex = std::make_shared<ExportOpts>();
  auto* exp = db->add_subcommand("export", "Write a scenario's latest state (document + stances + events)");
  exp->add_option("ID", ex->id, "Scenario id")->required();
  exp->add_option("--db", *path, "Database file")->required();
  exp->add_option("-o,--output", ex->output, "Output file (.yaml/.yml/.json) or - for stdout")->capture_default_str();
  exp->add_option("--format", ex->format, "yaml or json (default: from the file name, else yaml)")
      ->check(CLI::IsMember({"yaml", "json"}));
  exp->add_flag("--force", ex->force, "Replace an existing file that is not an earlier export");
  exp->callback([path, ex, exp] {
    require_utf8_options(exp, {"--db", "--output"});
    auto s = open_store_read_only_or_exit(*path);
    auto snap = s->snapshot(ex->id);
    if (!snap) throw store_exit(snap.error());
    check_export_target(ex->output, *path, ex->force);
    const bool json = ex->format.empty() ? ends_with(ex->output, ".json") : ex->format == "json";
    const auto& sn = **snap;
    // YAML carries the revision in a header comment; JSON, which has no comments, in its
    // first key `export`.
    write_output(ex->output,
                 json ? io::write_scenario_json_export(sn.scenario, sn.id, sn.revision)
                      : std::string(kExportHeader) + "scenario " + sn.id + " revision " +
                            std::to_string(sn.revision) + "\n" + io::write_scenario(sn.scenario, io::TextFormat::yaml));
    if (ex->output != "-")
      std::cerr << "exported " << sn.id << " at revision " << sn.revision << " to " << ex->output << "\n";
  });

  auto* list = db->add_subcommand("list", "List the scenarios in a database");
  auto list_output = std::make_shared<std::string>("-");
  list->add_option("--db", *path, "Database file")->required();
  list->add_option("-o,--output", *list_output, "Output file (default: standard output)");
  list->callback([path, list_output] {
    auto s = open_store_read_only_or_exit(*path);
    std::string text;
    for (const auto& sc : s->list_scenarios())
      text += sc.id + "\trevision " + std::to_string(sc.revision) + "\t" + sc.updated_at + "\t" + sc.title + "\n";
    write_output(*list_output, text);
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("db", 20, add_db);

}  // namespace accord::cli

// accord history: stances and events over time, filterable.
#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

#include "accord/report/sources.hpp"
#include "accord/store/history.hpp"
#include "store_cli.hpp"

namespace accord::cli {
namespace {

void add_history(CLI::App& app) {
  struct Opts {
    std::string db, scenario, output = "-";
    store::HistoryFilter f;
    bool stances_only = false, events_only = false, json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("history", "Stances and events of a scenario over time")
                  ->footer("Examples:\n  accord history --db talks.db geneva-2025 --party UA\n"
                           "  accord history --db talks.db geneva-2025 --point P20_07 --since 2025-11-25 --json");
  cmd->add_option("--db", o->db, "Database file")->required();
  cmd->add_option("SCENARIO", o->scenario, "Scenario id")->required();
  cmd->add_option("--version", o->f.version, "Only this framework version");
  cmd->add_option("--party", o->f.party, "Only this party's stances");
  cmd->add_option("--point", o->f.point, "Only stances on this point");
  cmd->add_option("--since", o->f.since, "From this time (stances: set_at; events: date), inclusive");
  cmd->add_option("--until", o->f.until, "Up to this time, inclusive");
  cmd->add_option("--limit", o->f.limit, "At most N rows of each kind")->capture_default_str();
  cmd->add_flag("--stances", o->stances_only, "Only stances");
  cmd->add_flag("--events", o->events_only, "Only events");
  cmd->add_flag("--json", o->json, "Print JSON {schema, scenario, stances: [...], events: [...]}");
  cmd->add_option("-o,--output", o->output, "Output file (default: standard output)");
  cmd->callback([o, cmd] {
    require_utf8_options(cmd);
    auto s = open_store_read_only_or_exit(o->db);
    std::optional<std::vector<store::StanceRecord>> stances;
    std::optional<std::vector<store::EventRecord>> events;
    std::string text;
    if (!o->events_only) {
      auto rows = s->stance_history(o->scenario, o->f);
      if (!rows) throw store_exit(rows.error());
      stances = std::move(*rows);
      for (const auto& r : *stances)
        text += r.set_at + "  r" + std::to_string(r.revision) + "  " + r.version + "  " + r.party + "  " + r.point +
                "  " + std::string(to_string(r.kind)) +
                report::estimate_mark(r.estimate) + "  by " + r.set_by + (r.note.empty() ? "" : "  — " + r.note) +
                "\n";
    }
    if (!o->stances_only && !o->f.party && !o->f.point && !o->f.version) {
      store::HistoryFilter ef;
      ef.since = o->f.since;
      ef.until = o->f.until;
      ef.limit = o->f.limit;
      auto rows = s->events(o->scenario, ef, true);
      if (!rows) throw store_exit(rows.error());
      events = std::move(*rows);
      for (const auto& r : *events)
        text += r.event.date + "  " + std::string(to_string(r.event.kind)) + "  " + r.event.text +
                (r.removed_revision ? "  (removed at r" + std::to_string(*r.removed_revision) + ")" : "") + "\n";
    }
    if (o->json)
      text = store::history_json(o->scenario, stances ? &*stances : nullptr, events ? &*events : nullptr).dump(2) +
             "\n";
    write_output(o->output, text);
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("history", 23, add_history);

}  // namespace accord::cli

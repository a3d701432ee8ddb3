// accord history: stances and events over time, filterable.
#include <nlohmann/json.hpp>

#include "store_cli.hpp"

namespace accord::cli {
namespace {

void add_history(CLI::App& app) {
  struct Opts {
    std::string db, scenario;
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
  cmd->add_flag("--json", o->json, "Print JSON {stances: [...], events: [...]}");
  cmd->callback([o, cmd] {
    require_utf8_options(cmd);
    auto s = open_store_read_only_or_exit(o->db);
    nlohmann::ordered_json out = {{"scenario", o->scenario}};
    std::string text;
    if (!o->events_only) {
      auto rows = s->stance_history(o->scenario, o->f);
      if (!rows) throw store_exit(rows.error());
      auto& arr = out["stances"] = nlohmann::ordered_json::array();
      for (const auto& r : *rows) {
        arr.push_back({{"id", r.id}, {"version", r.version}, {"party", r.party}, {"point", r.point},
                       {"stance", std::string(to_string(r.kind))}, {"note", r.note}, {"sources", r.sources},
                       {"estimate", r.estimate}, {"set_by", r.set_by}, {"set_at", r.set_at},
                       {"revision", r.revision}});
        text += r.set_at + "  r" + std::to_string(r.revision) + "  " + r.version + "  " + r.party + "  " + r.point +
                "  " + std::string(to_string(r.kind)) + "  by " + r.set_by + (r.note.empty() ? "" : "  — " + r.note) +
                "\n";
      }
    }
    if (!o->stances_only && !o->f.party && !o->f.point && !o->f.version) {
      store::HistoryFilter ef;
      ef.since = o->f.since;
      ef.until = o->f.until;
      ef.limit = o->f.limit;
      auto rows = s->events(o->scenario, ef, true);
      if (!rows) throw store_exit(rows.error());
      auto& arr = out["events"] = nlohmann::ordered_json::array();
      for (const auto& r : *rows) {
        arr.push_back({{"id", r.id}, {"date", r.event.date}, {"kind", std::string(to_string(r.event.kind))}, {"text", r.event.text},
                       {"sources", r.event.sources}, {"added_by", r.added_by}, {"added_at", r.added_at},
                       {"revision", r.revision},
                       {"removed_revision", r.removed_revision ? nlohmann::ordered_json(*r.removed_revision)
                                                               : nlohmann::ordered_json(nullptr)}});
        text += r.event.date + "  " + std::string(to_string(r.event.kind)) + "  " + r.event.text +
                (r.removed_revision ? "  (removed at r" + std::to_string(*r.removed_revision) + ")" : "") + "\n";
      }
    }
    write_output("-", o->json ? out.dump(2) + "\n" : text);
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("history", 23, add_history);

}  // namespace accord::cli

// accord event add
#include <iostream>

#include "store_cli.hpp"

namespace accord::cli {
namespace {

void add_event(CLI::App& app) {
  auto* cmd = app.add_subcommand("event", "Record timeline events in a negotiation record")->require_subcommand(1);
  struct Opts {
    std::string db, scenario, by, kind;
    store::EventInput e;
  };
  auto o = std::make_shared<Opts>();
  auto* add = cmd->add_subcommand("add", "Append an event to a scenario's timeline")
                  ->footer("Example:\n  accord event add --db talks.db geneva-2025 --date 2025-11-30 --kind talks "
                           "--text \"Florida talks\" --source https://…");
  add->add_option("--db", o->db, "Database file")->required();
  add->add_option("SCENARIO", o->scenario, "Scenario id")->required();
  add->add_option("--date", o->e.date, "YYYY-MM-DD")->required();
  add->add_option("--kind", o->kind, "talks | statement | strike | proposal | other")->required();
  add->add_option("--text", o->e.text, "What happened")->required();
  add->add_option("--note", o->e.note, "A note");
  add->add_option("--source", o->e.sources, "Source (URL or text); repeatable");
  add->add_flag("--estimate", o->e.estimate, "Mark the event as uncertain");
  add->add_option("--by", o->by, "Recorded as the author (default cli:$USER)");
  add->callback([o, add] {
    require_utf8_options(add);
    auto kind = store::parse_event_kind_field(o->kind);
    if (!kind) throw store_exit(kind.error());
    o->e.kind = *kind;
    auto s = open_store_or_exit(o->db);
    auto r = s->add_event(o->scenario, o->e, std::nullopt, cli_author(o->by));
    if (!r) throw store_exit(r.error());
    std::cout << "event " << r->id << " added to " << o->scenario << ", revision " << r->revision << "\n";
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("event", 22, add_event);

}  // namespace accord::cli

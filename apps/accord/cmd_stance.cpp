// accord stance set
#include <iostream>

#include "accord/report/sources.hpp"
#include "store_cli.hpp"

namespace accord::cli {
namespace {

void add_stance(CLI::App& app) {
  auto* cmd = app.add_subcommand("stance", "Record stances in a negotiation record")->require_subcommand(1);
  struct Opts {
    std::string db, scenario, version, party, point, stance, note, by, at;
    std::vector<std::string> sources;
    bool estimate = false;
    std::optional<std::int64_t> revision;
  };
  auto o = std::make_shared<Opts>();
  auto* set = cmd->add_subcommand("set", "Set a party's stance on a point")
                  ->footer("Examples:\n  accord stance set --db talks.db geneva-2025 v20 UA P20_04 accept "
                           "--note \"no cap below 800k\" --source https://…\n"
                           "  accord stance set --db talks.db geneva-2025 v20 UA P20_07 accept --at 2025-12-24");
  set->add_option("--db", o->db, "Database file")->required();
  set->add_option("SCENARIO", o->scenario, "Scenario id")->required();
  set->add_option("VERSION", o->version, "Framework version id")->required();
  set->add_option("PARTY", o->party, "Party id")->required();
  set->add_option("POINT", o->point, "Point id")->required();
  set->add_option("STANCE", o->stance, "accept | reject | conditional | unknown")
      ->required()
      ->check(CLI::IsMember({"accept", "reject", "conditional", "unknown"}));
  set->add_option("--note", o->note, "Why");
  set->add_option("--source", o->sources, "Source (URL or text); repeatable");
  set->add_flag("--estimate", o->estimate, "Mark the stance as a guess");
  set->add_option("--revision", o->revision,
                  "Fail (exit 2) if this stance changed after revision N (default: overwrite)");
  set->add_option("--by", o->by, "Recorded as the author (default cli:$USER)");
  set->add_option("--at", o->at, "When the party took this stance, YYYY-MM-DD (default: now)");
  set->callback([o, set] {
    require_utf8_options(set);
    auto s = open_store_or_exit(o->db);
    store::StanceInput in;
    in.party = o->party;
    in.point = o->point;
    in.kind = parse_stance_kind(o->stance).value_or(StanceKind::unknown);  // IsMember checked it
    in.note = o->note;
    in.sources = o->sources;
    in.estimate = o->estimate;
    in.at = o->at;
    auto r = s->set_stances(o->scenario, o->version, {in}, o->revision, cli_author(o->by));
    if (!r) throw store_exit(r.error());
    std::cout << o->party << " " << o->stance << "s " << o->point << " (" << o->scenario << " " << o->version
              << ")" << (o->estimate ? " as an estimate (" + std::string(report::kEstimateMark) + ")" : "")
              << ", revision " << r->revision << "\n";
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("stance", 21, add_stance);

}  // namespace accord::cli

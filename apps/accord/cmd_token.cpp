// accord token create | revoke | list
#include <iostream>

#include "store_cli.hpp"

namespace accord::cli {
namespace {

void add_token(CLI::App& app) {
  auto* cmd = app.add_subcommand("token", "Access tokens for `accord serve`")
                  ->require_subcommand(1)
                  ->footer("Examples:\n  accord token create --db talks.db --role mediator\n"
                           "  accord token create --db talks.db --role party --party UA --name ua-envoy\n"
                           "  accord token revoke --db talks.db 3");
  auto db = std::make_shared<std::string>();
  struct Opts {
    std::string role, party, name;
    std::int64_t id = 0;
  };
  auto o = std::make_shared<Opts>();
  auto* create = cmd->add_subcommand("create", "Create a token; it is printed once, only its hash is stored");
  create->add_option("--db", *db, "Database file")->required();
  create->add_option("--role", o->role, "mediator | party | observer")
      ->required()
      ->check(CLI::IsMember({"mediator", "party", "observer"}));
  create->add_option("--party", o->party, "The party a party token speaks for");
  create->add_option("--name", o->name, "User name (default: the role, or party:ID)");
  create->callback([db, o] {
    auto s = open_store_or_exit(*db);
    auto t = s->create_token(*store::parse_access_role(o->role), o->party, o->name);
    if (!t) throw store_exit(t.error());
    std::cerr << "token " << t->record.id << " for " << t->record.name << " (" << o->role
              << (o->party.empty() ? "" : " " + o->party) << "); it is shown only now:\n";
    std::cout << t->token << "\n";
  });
  auto* revoke = cmd->add_subcommand("revoke", "Revoke a token by its id");
  revoke->add_option("--db", *db, "Database file")->required();
  revoke->add_option("ID", o->id, "Token id (from `accord token list`)")->required();
  revoke->callback([db, o] {
    auto s = open_store_or_exit(*db);
    auto t = s->revoke_token(o->id);
    if (!t) throw store_exit(t.error());
    std::cout << "token " << t->id << " (" << t->name << ") revoked at " << t->revoked_at.value_or("?") << "\n";
  });
  auto* list = cmd->add_subcommand("list", "List tokens (never their secrets)");
  list->add_option("--db", *db, "Database file")->required();
  list->callback([db] {
    auto s = open_store_or_exit(*db);
    for (const auto& t : s->tokens())
      std::cout << t.id << "\t" << t.name << "\t" << store::to_string(t.role) << (t.party.empty() ? "" : ":" + t.party)
                << "\tcreated " << t.created_at << (t.revoked_at ? "\trevoked " + *t.revoked_at : "") << "\n";
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("token", 24, add_token);

}  // namespace accord::cli

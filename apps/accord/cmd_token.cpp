// accord token create | revoke | list
#include <algorithm>
#include <cctype>
#include <iostream>
#include <vector>

#include "store_cli.hpp"

namespace accord::cli {
namespace {

// Edit distance with case differences costing 1 and other substitutions 2, so `ua` finds `UA`.
std::size_t distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = 2 * j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = 2 * i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const unsigned char x = static_cast<unsigned char>(a[i - 1]), y = static_cast<unsigned char>(b[j - 1]);
      const std::size_t sub = x == y ? 0 : std::tolower(x) == std::tolower(y) ? 1 : 2;
      const std::size_t next = std::min({row[j] + 2, row[j - 1] + 2, diag + sub});
      diag = row[j];
      row[j] = next;
    }
  }
  return row[b.size()];
}

// A party token must name a party some scenario in the database has (exactly, case included).
void require_known_party(const store::Store& s, const std::string& party) {
  const std::vector<std::string> ids = s.party_ids();
  if (std::find(ids.begin(), ids.end(), party) != ids.end()) return;
  std::string message = "no scenario in the database has a party `" + party + "`";
  if (ids.empty()) {
    message += " (the database has no scenario yet; import one first with `accord db import`)";
  } else {
    const std::string* best = &ids.front();
    std::size_t best_d = distance(party.substr(0, 256), *best);
    for (const std::string& id : ids) {
      const std::size_t d = distance(party.substr(0, 256), id);
      if (d < best_d) best = &id, best_d = d;
    }
    message += "; did you mean `" + *best + "`?";
  }
  throw Exit{kExitInvalidInput, message + " Pass --force to create the token anyway."};
}

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
    bool force = false;
  };
  auto o = std::make_shared<Opts>();
  auto* create = cmd->add_subcommand("create", "Create a token; it is printed once, only its hash is stored");
  create->add_option("--db", *db, "Database file")->required();
  create->add_option("--role", o->role, "mediator | party | observer")
      ->required()
      ->check(CLI::IsMember({"mediator", "party", "observer"}));
  create->add_option("--party", o->party, "The party a party token speaks for");
  create->add_option("--name", o->name, "User name (default: the role, or party:ID)");
  create->add_flag("--force", o->force, "Create a party token even when no scenario has that party id");
  create->callback([db, o, create] {
    require_utf8_options(create);
    auto s = open_store_or_exit(*db);
    if (o->role == "party" && !o->party.empty() && !o->force) require_known_party(*s, o->party);
    auto t = s->create_token(*store::parse_access_role(o->role), o->party, o->name);
    if (!t) throw store_exit(t.error());
    std::cerr << "token " << t->record.id << " for " << t->record.name << " (" << o->role
              << (o->party.empty() ? "" : " " + o->party) << "); it is shown only now:\n";
    std::cout << t->token << "\n";
  });
  auto* revoke = cmd->add_subcommand("revoke", "Revoke a token by its id");
  revoke->add_option("--db", *db, "Database file")->required();
  revoke->add_option("ID", o->id, "Token id (from `accord token list`)")->required();
  revoke->callback([db, o, revoke] {
    require_utf8_options(revoke);
    auto s = open_store_or_exit(*db);
    auto t = s->revoke_token(o->id);
    if (!t) throw store_exit(t.error());
    std::cout << "token " << t->id << " (" << t->name << ") revoked at " << t->revoked_at.value_or("?") << "\n";
  });
  auto* list = cmd->add_subcommand("list", "List tokens (never their secrets)");
  auto list_output = std::make_shared<std::string>("-");
  list->add_option("--db", *db, "Database file")->required();
  list->add_option("-o,--output", *list_output, "Output file (default: standard output)");
  list->callback([db, list_output] {
    auto s = open_store_read_only_or_exit(*db);
    std::string text;
    for (const auto& t : s->tokens())
      text += std::to_string(t.id) + "\t" + t.name + "\t" + std::string(store::to_string(t.role)) +
              (t.party.empty() ? "" : ":" + t.party) + "\tcreated " + t.created_at +
              (t.revoked_at ? "\trevoked " + *t.revoked_at : "") + "\n";
    write_output(*list_output, text);
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("token", 24, add_token);

}  // namespace accord::cli

// "did you mean" for a mistyped command or flag: after CLI11 rejects the command line, walk it
// again over the defined command tree (so every registered command gets it) and name the first
// word that is neither a command nor a flag, with the closest defined one.
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "accord/model/diagnostic.hpp"
#include "cli.hpp"

namespace accord::cli {
namespace {

std::vector<CLI::App*> named_subcommands(CLI::App& app) {
  return app.get_subcommands([](CLI::App* a) { return !a->get_name().empty(); });
}

CLI::App* find_subcommand(CLI::App& app, const std::string& name) {
  for (CLI::App* sub : named_subcommands(app))
    if (sub->check_name(name)) return sub;
  return nullptr;
}

bool has_positionals(CLI::App& app) {
  return !app.get_options([](const CLI::Option* o) { return !o->nonpositional(); }).empty();
}

// "accord db" for the `db` command: the words a user types to reach it.
std::string path_of(const CLI::App* app) {
  std::string path;
  for (; app != nullptr; app = app->get_parent())
    path = app->get_name() + (path.empty() ? "" : " " + path);
  return path;
}

std::string hint(const std::string& near) {
  return near.empty() ? "" : "; did you mean '" + near + "'?";
}

std::optional<std::string> unknown_command(CLI::App& at, const std::string& word) {
  std::vector<std::string> names;
  for (CLI::App* sub : named_subcommands(at)) names.push_back(sub->get_name());
  const std::string prefix = at.get_parent() == nullptr ? "" : at.get_name() + " ";
  const std::string near = closest_match(word, names);
  return "unknown command '" + prefix + word + "'" + hint(near.empty() ? "" : prefix + near) +
         (near.empty() ? " (see `" + path_of(&at) + " --help`)" : "");
}

std::optional<std::string> unknown_flag(CLI::App& at, const std::string& flag) {
  std::vector<std::string> names;
  for (const CLI::Option* o : at.get_options()) {
    for (const auto& l : o->get_lnames()) names.push_back("--" + l);
    for (const auto& s : o->get_snames()) names.push_back("-" + s);
  }
  return "unknown option '" + flag + "' for '" + path_of(&at) + "'" + hint(closest_match(flag, names));
}

}  // namespace

std::optional<std::string> explain_unknown_word(CLI::App& app, int argc, const char* const* argv) {
  CLI::App* at = &app;
  for (int k = 1; k < argc; ++k) {
    const std::string word = argv[k];
    if (word == "--") return std::nullopt;
    const bool negative_number =
        word.size() > 1 && word[0] == '-' && (std::isdigit(static_cast<unsigned char>(word[1])) != 0 || word[1] == '.');
    if (word.size() > 1 && word[0] == '-' && !negative_number) {
      const std::string name = word.substr(0, word.find('='));
      const CLI::Option* o = at->get_option_no_throw(name);
      if (o == nullptr) {
        if (name.rfind("--", 0) != 0 && name.size() > 2) return std::nullopt;  // -abc: combined short flags
        return unknown_flag(*at, name);
      }
      if (name.size() < word.size() || o->get_items_expected_max() == 0) continue;
      // The option's values: one, or (a list option) every following word that is not a flag.
      if (o->get_items_expected_max() == 1) ++k;
      else
        while (k + 1 < argc && argv[k + 1][0] != '-') ++k;
      continue;
    }
    if (CLI::App* sub = find_subcommand(*at, word)) {
      at = sub;
      continue;
    }
    if (!named_subcommands(*at).empty() && !has_positionals(*at)) return unknown_command(*at, word);
  }
  return std::nullopt;
}

}  // namespace accord::cli

#include "cli_tree.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "accord/engines/agent.hpp"
#include "accord/engines/gmcr.hpp"

namespace accord::cli {
namespace {

// "TEXT:{yaml,json}" -> yaml, json (CLI11 writes an IsMember set so in the type name).
std::vector<std::string> member_values(const std::string& type) {
  const std::size_t open = type.find('{');
  const std::size_t close = type.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return {};
  std::vector<std::string> out;
  std::string item;
  for (const char c : type.substr(open + 1, close - open - 1)) {
    if (c == ',') {
      if (!item.empty()) out.push_back(item);
      item.clear();
    } else if (c != ' ') {
      item += c;
    }
  }
  if (!item.empty()) out.push_back(item);
  return out;
}

// The words of a help text (letters, digits and '_').
std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out(1);
  for (const char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') out.back() += c;
    else if (!out.back().empty()) out.emplace_back();
  }
  return out;
}

std::vector<std::string> known_values(const std::vector<std::string>& names, const std::string& type,
                                      const std::string& description) {
  auto has = [&](std::string_view n) {
    for (const auto& x : names) if (x == n) return true;
    return false;
  };
  if (has("--concept") || has("--concepts")) {
    // The concepts the help text names (`--inverse` takes four), else all of them.
    const auto words = words_of(description);
    std::vector<std::string> all, named;
    for (const auto c : gmcr::kAllConcepts) {
      all.emplace_back(gmcr::to_string(c));
      if (std::find(words.begin(), words.end(), all.back()) != words.end()) named.push_back(all.back());
    }
    return named.empty() ? all : named;
  }
  if (has("--agents") || has("--agent")) {
    std::vector<std::string> out;
    for (const auto& [name, summary] : negotiate::agent_names()) out.push_back(name);
    return out;
  }
  return member_values(type);
}

OptionDoc describe_option(const CLI::Option& o) {
  OptionDoc d;
  d.positional = !o.nonpositional();
  if (d.positional) {
    d.names.push_back(o.get_name(true, false));
  } else {
    for (const auto& s : o.get_snames()) d.names.push_back("-" + s);
    for (const auto& l : o.get_lnames()) d.names.push_back("--" + l);
  }
  if (o.get_expected_min() > 0 || d.positional) {
    d.type = o.get_type_name();
    const std::size_t colon = d.type.find(':');
    if (colon != std::string::npos) d.type.resize(colon);  // the validator's text goes to values
  }
  d.description = o.get_description();
  d.required = o.get_required();
  if (!d.type.empty()) d.values = known_values(d.names, o.get_type_name(), d.description);
  const std::string& desc = d.description;
  d.scenario = d.positional && (desc.find("uilt-in") != std::string::npos);
  return d;
}

CommandDoc describe(CLI::App& app, const std::string& path) {
  CommandDoc doc;
  doc.path = path;
  doc.description = app.get_description();
  doc.footer = app.get_footer();
  std::vector<OptionDoc> positionals;
  for (const CLI::Option* o : app.get_options()) {
    OptionDoc d = describe_option(*o);
    (d.positional ? positionals : doc.options).push_back(std::move(d));
  }
  for (auto& p : positionals) doc.options.push_back(std::move(p));
  for (CLI::App* sub : app.get_subcommands([](CLI::App* a) { return !a->get_name().empty(); }))
    doc.subcommands.push_back(describe(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name()));
  return doc;
}

void flatten_into(const CommandDoc& c, std::vector<const CommandDoc*>& out) {
  out.push_back(&c);
  for (const auto& s : c.subcommands) flatten_into(s, out);
}

}  // namespace

CommandDoc describe_tree(CLI::App& app) { return describe(app, ""); }

std::vector<const CommandDoc*> flatten(const CommandDoc& root) {
  std::vector<const CommandDoc*> out;
  flatten_into(root, out);
  return out;
}

}  // namespace accord::cli

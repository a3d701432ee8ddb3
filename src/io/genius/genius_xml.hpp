#pragma once
// Private helpers of the GENIUS importer.
#include <tinyxml2.h>

#include <string>
#include <vector>

#include "accord/io/genius.hpp"

namespace accord::io::genius {

struct Context {
  std::string file;
  Diagnostics* out;
  void error(const tinyxml2::XMLElement* e, std::string path, std::string message,
             std::string hint = {}) const;
  void warning(const tinyxml2::XMLElement* e, std::string path, std::string message,
               std::string hint = {}) const;
};

struct DomainIssue {
  int index = 0;           // the file's `index` attribute
  std::string name;
  bool integer = false;
  long lower = 0, upper = 0;
  std::vector<std::string> values;  // discrete items, in file order
};

struct Domain {
  std::string name;
  std::vector<DomainIssue> issues;
};

// Ids matching [A-Za-z0-9_.-]+, unique within `taken`.
[[nodiscard]] std::string make_id(const std::string& text, std::vector<std::string>& taken);

// Parses XML text; reports a syntax error with its line and returns false.
[[nodiscard]] bool parse(tinyxml2::XMLDocument& doc, const std::string& text, const Context& ctx);
// Every <issue> element under `root`, depth first (objectives may nest).
void collect_issues(const tinyxml2::XMLElement* root, std::vector<const tinyxml2::XMLElement*>& out);
[[nodiscard]] const tinyxml2::XMLElement* find_descendant(const tinyxml2::XMLElement* root,
                                                          const char* name);

[[nodiscard]] bool read_domain(const std::string& text, const Context& ctx, Domain& d);
// Fills the preferences of one party for the scenario built from `d`.
[[nodiscard]] bool read_profile(const std::string& text, const Context& ctx, const Domain& d,
                                const Scenario& s, Preferences& prefs);

}  // namespace accord::io::genius

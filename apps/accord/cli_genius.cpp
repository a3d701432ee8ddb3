// import_genius_or_exit and scenario_or_genius_or_exit, shared by `import genius`, `bargain`, `mediate`, `negotiate` and
// `tournament` (each a separate command module, so it lives with the shared helpers).
#include <iostream>

#include "accord/io/genius.hpp"
#include "accord/io/genius_folder.hpp"
#include "cli.hpp"

namespace accord::cli {

// Imports or throws Exit{2}, printing diagnostics.
Scenario import_genius_or_exit(const std::vector<std::string>& files,
                               const std::vector<std::string>& party_ids, bool quiet_warnings) {
  if (files.size() < 2)
    throw Exit{kExitInvalidInput, "--genius needs DOMAIN.xml and at least one PROFILE.xml"};
  io::GeniusOptions options;
  options.party_ids = party_ids;
  const io::GeniusImport r = io::import_genius(files.front(), {files.begin() + 1, files.end()}, options);
  for (const Diagnostic& d : r.outcome.diagnostics)
    if (d.severity == Severity::error || !quiet_warnings) std::cerr << d.to_string() << "\n";
  if (!r.ok()) throw Exit{kExitInvalidInput, files.front() + ": cannot import the GENIUS files"};
  return *r.scenario;
}

Scenario scenario_or_genius_or_exit(const std::string& scenario, bool scenario_given,
                                    const std::vector<std::string>& genius, bool quiet_warnings) {
  if (!genius.empty() && scenario_given)
    throw Exit{kExitInvalidInput, "give either SCENARIO or --genius files, not both"};
  if (genius.empty()) return load_or_exit(scenario, quiet_warnings);
  std::string error;
  const std::vector<std::string> files = io::expand_genius_arguments(genius, error);
  if (!error.empty()) throw Exit{kExitInvalidInput, error};
  return import_genius_or_exit(files, {}, quiet_warnings);
}

}  // namespace accord::cli

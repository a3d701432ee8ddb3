#pragma once
// Importer of gmcr-py `.gmcr` save files (JSON) into Accord's conflict model (docs/gmcr.md).
#include <optional>
#include <string>
#include <string_view>

#include "accord/model/conflict.hpp"
#include "accord/model/diagnostic.hpp"
#include "accord/model/outcome.hpp"
#include "accord/model/scenario.hpp"

namespace accord::io {

// Limits (docs/gmcr.md "gmcr-py files"): an explicit preference ranking covers at most
// 2^16 states (as in the `conflict:` section); past kMaxGmcrPyDiagnostics errors the rest
// are counted in one last diagnostic. The file itself: at most 16 MiB.
inline constexpr std::size_t kMaxRankingOptions = 16;
inline constexpr std::size_t kMaxGmcrPyDiagnostics = 20;

struct GmcrPyImport {
  std::optional<Conflict> conflict;  // set when the status is ok
  // ok, or invalid_input (an unreadable file, invalid JSON, a field of the wrong kind or an
  // invalid model); the diagnostics (warnings too) name the file and the JSON field path.
  Outcome outcome;
  [[nodiscard]] bool ok() const { return outcome.ok() && conflict.has_value(); }
};

// `name` is the file name used in diagnostics.
[[nodiscard]] GmcrPyImport import_gmcr_py_text(std::string_view text, const std::string& name);
[[nodiscard]] GmcrPyImport import_gmcr_py_file(const std::string& path);

// A complete scenario around an imported conflict: one party per decision maker (linked),
// one yes/no issue per option, so `accord validate` and the other commands accept it.
// `id` becomes the scenario id (file stem when empty).
[[nodiscard]] Scenario scenario_from_conflict(const Conflict& c, const std::string& id,
                                              const std::string& title);

// True when the file looks like a gmcr-py save (name ends in .gmcr).
[[nodiscard]] bool is_gmcr_py_path(std::string_view path);

}  // namespace accord::io

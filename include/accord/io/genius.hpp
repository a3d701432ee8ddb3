#pragma once
// Importer for GENIUS XML (the ANAC competitions' format): one domain file and one profile
// per party. Utilities equal GENIUS's own scoring (docs/bargain.md, "GENIUS import"):
//   linear additive: U = Σ_i w_i · eval_i(x_i) / max_v eval_i(v), weights as given;
//   integer issues, linear evaluator: clip(offset + slope · (x − lowerbound), 0, 1);
//   nonlinear: Σ (utilities of satisfied hyperrectangles) · ufun weight / maxutility.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "accord/model/outcome.hpp"
#include "accord/model/scenario.hpp"

namespace accord::io {

struct GeniusOptions {
  std::vector<std::string> party_ids;  // default: each profile's file name without extension
};

struct GeniusImport {
  std::optional<Scenario> scenario;  // set when the status is ok
  // ok, or invalid_input (unreadable or malformed files, unsupported features); the
  // diagnostics hold the errors and the warnings (e.g. weights not summing to 1).
  Outcome outcome;
  [[nodiscard]] bool ok() const { return outcome.ok() && scenario.has_value(); }
};

struct XmlText {
  std::string name;  // file name for diagnostics and default ids
  std::string text;
};

[[nodiscard]] GeniusImport import_genius(const std::string& domain_path,
                                         const std::vector<std::string>& profile_paths,
                                         const GeniusOptions& options = {});
[[nodiscard]] GeniusImport import_genius_text(const XmlText& domain,
                                              const std::vector<XmlText>& profiles,
                                              const GeniusOptions& options = {});

}  // namespace accord::io

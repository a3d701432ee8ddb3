#pragma once
// A GENIUS/ANAC folder as command-line input: the domain file and its profiles.
#include <string>
#include <vector>

namespace accord::io {

struct GeniusFolder {
  std::string domain;                 // the one file whose root is <negotiation_template>
  std::vector<std::string> profiles;  // files whose root is <utility_space>, in file-name order
  std::string error;                  // non-empty when the folder is not a GENIUS domain
  [[nodiscard]] bool ok() const { return error.empty(); }
};

// Reads the *.xml files directly in `folder` (other files, e.g. pareto.xml, are ignored).
[[nodiscard]] GeniusFolder find_genius_folder(const std::string& folder);

// `--genius` arguments: one folder (expanded as above) or DOMAIN.xml PROFILE.xml...; returns
// the domain followed by the profiles, or sets `error`.
[[nodiscard]] std::vector<std::string> expand_genius_arguments(const std::vector<std::string>& args, std::string& error);

}  // namespace accord::io

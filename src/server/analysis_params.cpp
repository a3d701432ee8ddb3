// Reading an analysis request's params (docs/server.md "Analyses").
#include "analysis_params.hpp"

namespace accord::server {

HttpError bad_param(const std::string& message, const std::string& field) {
  return HttpError{400, "invalid", message, "params." + field, {}};
}

VersionIndex version_param(const Scenario& s, const Json& params, bool default_latest) {
  const auto it = params.find("version");
  if (it == params.end() || it->is_null()) {
    if (default_latest && !s.versions.empty()) return VersionIndex(s.versions.size() - 1);
    return VersionIndex();
  }
  if (!it->is_string()) throw bad_param("`version` must be a version id", "version");
  const VersionIndex v = s.find_version(it->get<std::string>());
  if (!v.valid()) throw bad_param("no version `" + it->get<std::string>() + "`", "version");
  return v;
}

Deadline deadline_param(const Json& params) {
  constexpr double kDefault = 60, kMax = 600;
  const auto it = params.find("max_seconds");
  if (it == params.end() || it->is_null()) return Deadline::after(kDefault);
  if (!it->is_number() || it->get<double>() <= 0 || it->get<double>() > kMax)
    throw bad_param("`max_seconds` must be a number of seconds from 0 to 600", "max_seconds");
  return Deadline::after(it->get<double>());
}

}  // namespace accord::server

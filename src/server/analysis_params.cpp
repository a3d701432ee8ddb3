// Reading an analysis request's params (docs/server.md "Analyses").
#include "analysis_params.hpp"

#include <algorithm>

#include "accord/engines/bargain.hpp"

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

std::vector<PartyIndex> parties_param(const Scenario& s, const Json& params) {
  const auto it = params.find("parties");
  if (it == params.end() || it->is_null()) return {};
  if (it->is_string() && it->get<std::string>() == "all") return bargain::parties_with_preferences(s);
  if (!it->is_array() || it->empty())
    throw bad_param("`parties` must be \"all\" or a non-empty array of party ids, e.g. [\"UA\", \"RU\"]", "parties");
  std::vector<PartyIndex> out;
  for (const Json& id : *it) {
    if (!id.is_string()) throw bad_param("`parties` must hold party ids (strings)", "parties");
    const PartyIndex p = s.find_party(id.get<std::string>());
    if (!p.valid()) throw bad_param("no party `" + id.get<std::string>() + "`", "parties");
    if (!s.preferences[p].present)
      throw bad_param("party `" + id.get<std::string>() + "` has no preferences; it cannot bargain", "parties");
    if (std::find(out.begin(), out.end(), p) != out.end())
      throw bad_param("party `" + id.get<std::string>() + "` is listed twice", "parties");
    out.push_back(p);
  }
  return out;
}

}  // namespace accord::server

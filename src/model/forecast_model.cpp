// The forecast models' names (accord/model/forecast_settings.hpp): to_string and parse_model
// read one table.
#include <utility>

#include "accord/model/forecast_settings.hpp"

namespace accord::forecast {
namespace {

constexpr std::array<std::pair<Model, std::string_view>, 4> kModelNames{
    {{Model::smp, "smp"}, {Model::eum, "eum"}, {Model::mean, "mean"}, {Model::median, "median"}}};

}  // namespace

std::string_view to_string(Model m) {
  for (const auto& [value, name] : kModelNames)
    if (value == m) return name;
  return "not_set";
}

std::optional<Model> parse_model(std::string_view text) {
  for (const auto& [value, name] : kModelNames)
    if (name == text) return value;
  return std::nullopt;
}

}  // namespace accord::forecast

#include "accord/model/outcome.hpp"

#include <array>
#include <utility>

namespace accord {
namespace {

constexpr std::array<std::pair<Status, std::string_view>, 4> kStatusNames{{
    {Status::not_set, "not_set"}, {Status::ok, "ok"}, {Status::invalid_input, "invalid_input"}, {Status::internal, "internal"}}};

}  // namespace

std::string_view to_string(Status s) {
  for (const auto& [value, name] : kStatusNames)
    if (value == s) return name;
  return "not_set";
}

std::optional<Status> parse_status(std::string_view text) {
  for (const auto& [value, name] : kStatusNames)
    if (name == text) return value;
  return std::nullopt;
}

std::optional<Stop> parse_stop(std::string_view text) {
  for (Stop s : {Stop::not_set, Stop::finished, Stop::time_limit, Stop::node_limit, Stop::size_limit, Stop::memory_limit})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

std::string Outcome::message() const {
  for (const Diagnostic& d : diagnostics)
    if (d.severity == Severity::error) return d.message;
  return {};
}

Outcome Outcome::failure(Status status, std::string message, std::string path) {
  Outcome o;
  o.status = status;
  Diagnostic d;
  d.severity = Severity::error;
  d.path = std::move(path);
  d.message = std::move(message);
  o.diagnostics.push_back(std::move(d));
  return o;
}

}  // namespace accord

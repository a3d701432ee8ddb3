#pragma once
// The envelope every engine and importer result carries besides its findings: whether it ran
// (status), what was wrong or worth a warning (diagnostics), and how it ended (termination).
// One error idiom for the library (docs/architecture.md "Results"): functions return a result
// holding an Outcome; they do not throw for bad input and take no `std::string& error`.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "accord/model/budget.hpp"
#include "accord/model/diagnostic.hpp"

namespace accord {

// Append new values at the end.
enum class Status : std::uint8_t {
  not_set = 0,
  ok,             // ran; the findings are valid (possibly partial: see the termination)
  invalid_input,  // the input cannot be analysed; the diagnostics say why (exit 2, HTTP 400)
  internal,       // a bug or resource failure; the diagnostics say what (exit 1, HTTP 500)
};
[[nodiscard]] std::string_view to_string(Status s);
[[nodiscard]] std::optional<Status> parse_status(std::string_view text);
[[nodiscard]] std::optional<Stop> parse_stop(std::string_view text);

struct Outcome {
  Status status = Status::not_set;
  Diagnostics diagnostics;  // errors when not ok; warnings and notes otherwise
  Termination termination;  // how the run ended (finished, or which limit and how far it got)

  [[nodiscard]] bool ok() const { return status == Status::ok; }
  // The first error's message (or "" when there is none).
  [[nodiscard]] std::string message() const;

  [[nodiscard]] static Outcome success(Termination t = Termination::done()) { return {Status::ok, {}, std::move(t)}; }
  // A failed run with one error diagnostic at field path `path`.
  [[nodiscard]] static Outcome failure(Status status, std::string message, std::string path = {});
};

}  // namespace accord

#pragma once
// Dates in scenarios, the negotiation record and the CLI: ISO 8601 calendar dates, YYYY-MM-DD,
// or a coarser YYYY-MM or YYYY when only the month or the year is known (docs/format.md "Dates").
#include <optional>
#include <string>
#include <string_view>

namespace accord {

// Why `text` is not such a date ("month 13 is not 01-12", "wrong form"), or nullopt when it is
// one. Checks the calendar: 2025-02-29 is refused, 2024-02-29 accepted.
[[nodiscard]] std::optional<std::string> date_problem(std::string_view text);

// The whole message for a refused date: "`2026-13-45` is not a date (month 13 is not 01-12);
// expected YYYY-MM-DD, YYYY-MM or YYYY"; nullopt when `text` is a date.
[[nodiscard]] std::optional<std::string> date_error(std::string_view text);

inline constexpr std::string_view kDateFormat = "YYYY-MM-DD, YYYY-MM or YYYY";

}  // namespace accord

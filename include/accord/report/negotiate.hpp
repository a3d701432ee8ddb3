#pragma once
// Negotiation results (accord::negotiate) as JSON (shape in docs/negotiation.md) and text: the
// one serialiser and renderer every client calls.
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "accord/engines/negotiate.hpp"
#include "accord/report/table.hpp"

namespace accord::report {

// Bump when the shape of negotiate_json changes incompatibly.
inline constexpr int kNegotiateSchema = 1;

// `d` may be null only when the result is not ok (the domain could not be built).
[[nodiscard]] nlohmann::ordered_json negotiate_json(const negotiate::Domain* d, const negotiate::Result& r);
// A package of the domain as {ISSUE: OPTION}, every issue (settled ones too), options as the
// domain file writes them (option id, or the number of a numeric issue).
[[nodiscard]] nlohmann::ordered_json negotiate_package_json(const negotiate::Domain& d, negotiate::PackageId x);
[[nodiscard]] std::string negotiate_text(const negotiate::Domain& d, const negotiate::Result& r, Style style);

}  // namespace accord::report

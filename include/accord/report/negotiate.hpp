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

// How issues and options are named: as the scenario file writes them (ids), or as a GENIUS
// domain file does (the imported issue titles and option labels, e.g. "$4.37").
enum class Names { not_set = 0, ids, genius };

// `d` may be null only when the result is not ok (the domain could not be built).
[[nodiscard]] nlohmann::ordered_json negotiate_json(const negotiate::Domain* d, const negotiate::Result& r,
                                                    Names names = Names::ids);
// A package of the domain as {ISSUE: OPTION}, every issue (settled ones too); numeric issues
// as numbers.
[[nodiscard]] nlohmann::ordered_json negotiate_package_json(const negotiate::Domain& d, negotiate::PackageId x,
                                                            Names names = Names::ids);
[[nodiscard]] std::string negotiate_text(const negotiate::Domain& d, const negotiate::Result& r, Style style,
                                         Names names = Names::ids);

}  // namespace accord::report

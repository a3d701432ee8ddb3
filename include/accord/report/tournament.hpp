#pragma once
// Tournament results (accord::tournament) as JSON, CSV and text (shapes in
// docs/mediate-and-tournament.md "Tournaments"): the one serialiser and renderer the CLI calls.
#include <iosfwd>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "accord/engines/tournament.hpp"
#include "accord/report/negotiate.hpp"
#include "accord/report/table.hpp"

namespace accord::report {

// Bump when the shape of tournament_json or the CSV columns change incompatibly.
inline constexpr int kTournamentSchema = 1;

// The whole document; with `list_negotiations` false, "results" is left out (its count stays in
// "negotiations").
// Agreements are written as negotiate_package_json writes them, with `names`.
[[nodiscard]] nlohmann::ordered_json tournament_json(const tournament::Result& r, Names names = Names::ids,
                                                     bool list_negotiations = true);
// The same document as tournament_json(...).dump(2), written as it is produced (the list of
// negotiations is never held as a tree); false when the stream failed.
bool write_tournament_json(std::ostream& os, const tournament::Result& r, Names names = Names::ids,
                           bool list_negotiations = true);
// One row per negotiation, in the tournament's order, after a header row.
void tournament_csv(const tournament::Result& r, std::ostream& out);
[[nodiscard]] std::string tournament_text(const tournament::Result& r, Style style);

}  // namespace accord::report

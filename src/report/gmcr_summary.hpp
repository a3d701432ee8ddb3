#pragma once
// Private to accord_report: the summary form of the stability text (write_gmcr_text with
// GmcrTextOptions::summary), in its own file.
#include <string>

#include "accord/engines/gmcr.hpp"
#include "accord/report/table.hpp"

namespace accord::report::detail {

// Counts and examples per concept, the status quo and what it leads to; `scenario` names the
// `accord gmcr` command for the details.
// The concept's name as prose writes it: "Nash", "GMR", …, "SEQ+SIM" (gmcr_text.cpp).
[[nodiscard]] const char* concept_title(gmcr::Concept k);

[[nodiscard]] std::string gmcr_summary_text(const Conflict& c, const gmcr::RunResult& run, Style style,
                                            const std::string& scenario);

}  // namespace accord::report::detail

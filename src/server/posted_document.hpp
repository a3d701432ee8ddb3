#pragma once
// Private to accord_server: a scenario document sent in a request body, for the editor's routes
// (routes_validate.cpp, routes_scenario_put.cpp). The body holds either `text` (a YAML or JSON
// scenario file, as `accord validate` reads it) or `scenario` (the document as a JSON object),
// and optionally `name` (the file name the diagnostics give; default "scenario.yaml").
#include <string>

#include "accord/io/scenario_io.hpp"
#include "context.hpp"

namespace accord::server {

struct PostedDocument {
  std::string name;      // the file name used in the diagnostics
  io::LoadResult loaded;  // read by the same reader as `accord validate` (io::load_scenario_text)
};

// Throws HttpError 400 when the body holds neither `text` nor `scenario`, or both.
[[nodiscard]] PostedDocument read_posted_document(const Json& body);

}  // namespace accord::server

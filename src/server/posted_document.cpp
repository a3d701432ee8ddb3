// Reading a scenario document posted to the editor's routes (posted_document.hpp).
#include "posted_document.hpp"

namespace accord::server {
namespace {

// The reader stops with a diagnostic past this; the body limit (--max-body) bounds the size.
constexpr double kReadSeconds = 10;

}  // namespace

PostedDocument read_posted_document(const Json& body) {
  const bool has_text = body.contains("text") && !body["text"].is_null();
  const bool has_doc = body.contains("scenario") && !body["scenario"].is_null();
  if (has_text == has_doc)
    throw HttpError{400, "invalid", "send the scenario either as `text` (YAML or JSON) or as `scenario` (an object)",
                    "text", {}};
  PostedDocument out;
  out.name = get_string(body, "name", false, "");
  io::LoadOptions options;
  options.deadline = Deadline::after(kReadSeconds);
  if (has_text) {
    if (out.name.empty()) out.name = "scenario.yaml";
    out.loaded = io::load_scenario_text(get_string(body, "text", true, ""), out.name, options);
    return out;
  }
  if (!body["scenario"].is_object())
    throw HttpError{400, "invalid", "`scenario` must be an object (docs/format.md)", "scenario", {}};
  if (out.name.empty()) out.name = "scenario.json";
  // Indented, so the diagnostics' lines and columns point into a readable text.
  const std::string text = body["scenario"].dump(2, ' ', false, Json::error_handler_t::replace);
  out.loaded = io::load_scenario_text(text, out.name, options);
  return out;
}

}  // namespace accord::server

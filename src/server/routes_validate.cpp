// The scenario editor's checks on a document that is not stored (docs/server.md "Editing a
// scenario"):
//   POST /api/validate          every role: `accord validate --json` of the posted document,
//                               and its canonical text from the scenario writer when asked;
//   POST /api/analyses/{engine} mediator: evaluate or bargain on the posted document, the
//                               result as the stored-scenario route gives it; nothing is stored.
// Both answer only about what the caller sent, so no stored data can leak through them.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "accord/report/files.hpp"
#include "analysis_params.hpp"
#include "posted_document.hpp"

namespace accord::server {
namespace {

// A preview runs while someone types: a tenth of the stored analyses' default budget.
constexpr double kPreviewSeconds = 6, kPreviewMaxSeconds = 10;

std::optional<io::TextFormat> canonical_param(const Json& body) {
  const std::string want = get_string(body, "canonical", false, "");
  if (want.empty()) return std::nullopt;
  if (want == "yaml") return io::TextFormat::yaml;
  if (want == "json") return io::TextFormat::json;
  throw HttpError{400, "invalid", "`canonical` must be \"yaml\" or \"json\"", "canonical", {}};
}

void validate(Ctx&, const Principal&, const Request& req, Response& res) {
  const Json body = parse_object(req);
  const auto canonical = canonical_param(body);
  const PostedDocument doc = read_posted_document(body);
  Json out = report::validation_json(doc.name, doc.loaded);
  if (canonical)
    out["canonical"] = doc.loaded.ok() ? Json(io::write_scenario(*doc.loaded.scenario, *canonical)) : Json(nullptr);
  send_json(res, 200, out);
}

Json preview_params(const Json& body) {
  Json params = body.value("params", Json::object());
  if (!params.is_object()) throw HttpError{400, "invalid", "`params` must be an object", "params", {}};
  const auto it = params.find("max_seconds");
  if (it == params.end() || it->is_null()) {
    params["max_seconds"] = kPreviewSeconds;
  } else if (!it->is_number() || it->get<double>() <= 0 || it->get<double>() > kPreviewMaxSeconds) {
    throw bad_param("`max_seconds` of a preview must be a number of seconds from 0 to 10", "max_seconds");
  }
  return params;
}

void preview(Ctx&, const Principal& who, const Request& req, Response& res) {
  require_mediator(who, "run analyses");
  const std::string engine = req.matches[1];
  if (engine != "evaluate" && engine != "bargain")
    throw HttpError{404, "not_found", "no preview of `" + engine + "`; expected evaluate or bargain", "engine", {}};
  const Json body = parse_object(req);
  const Json params = preview_params(body);
  const PostedDocument doc = read_posted_document(body);
  if (!doc.loaded.ok()) {
    const auto& ds = doc.loaded.outcome.diagnostics;
    const auto err = std::find_if(ds.begin(), ds.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
    throw HttpError{400, "invalid",
                    "the document is not a valid scenario" + (err == ds.end() ? std::string() : ": " + err->to_string()),
                    err == ds.end() ? "scenario" : err->path, {}};
  }
  const Json result = run_analysis(engine, *doc.loaded.scenario, params);
  send_json(res, 200, {{"engine", engine}, {"params", params}, {"result", result}});
}

}  // namespace

void add_validate_routes(RouteTable& routes) {
  routes.add("POST", "/api/validate", validate);
  routes.add("POST", "/api/analyses/{}", preview);
}

}  // namespace accord::server

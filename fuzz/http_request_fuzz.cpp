// libFuzzer target: HTTP request handling in process (route + headers + body), through the
// same Router the Beast transport calls, against a temporary SQLite store holding the built-in
// geneva-2025 scenario and one token per role. Must never crash, hang or leak; every answer is
// a JSON object (or a static file) with a status the API documents.
//
// Input: first byte = who calls (0 nobody, 1 mediator, 2 party UA, 3 observer, 4 party "ua",
// a party not in the scenario); then "METHOD TARGET\n", header lines "Name: value\n", an empty
// line, and the body. `$TOKEN` anywhere in a header value becomes the caller's token.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "accord/io/builtin.hpp"
#include "accord/io/scenario_io.hpp"
#include "accord/store/store.hpp"
#include "server/router.hpp"

namespace {

using accord::server::Request;
using accord::server::Response;

struct World {
  std::string path;
  std::unique_ptr<accord::store::Store> store;
  std::unique_ptr<accord::server::Router> router;
  std::string tokens[5];
};

World& world() {
  static World* w = [] {
    auto* out = new World;
    char tmpl[] = "/tmp/accord_http_fuzz_XXXXXX";
    const int fd = ::mkstemp(tmpl);
    if (fd >= 0) ::close(fd);
    out->path = tmpl;  // an empty file is a new SQLite database
    accord::store::OpenOptions o;
    o.create = true;
    auto s = accord::store::Store::open(out->path, o);
    if (!s) std::abort();
    out->store = std::move(*s);
    const std::string* text = accord::io::builtin_scenario_text("geneva-2025");
    if (!text) std::abort();
    auto loaded = accord::io::load_scenario_text(*text, "geneva-2025.yaml");
    if (!loaded.ok() || !out->store->import_scenario(*loaded.scenario, "fuzz")) std::abort();
    using accord::store::AccessRole;
    out->tokens[1] = out->store->create_token(AccessRole::mediator, "", "med")->token;
    out->tokens[2] = out->store->create_token(AccessRole::party, "UA", "ua")->token;
    out->tokens[3] = out->store->create_token(AccessRole::observer, "", "obs")->token;
    out->tokens[4] = out->store->create_token(AccessRole::party, "ua", "lower")->token;
    accord::server::Options opts;
    opts.log_level = "off";
    out->router = std::make_unique<accord::server::Router>(*out->store, opts);
    std::atexit([] {
      World* w2 = &world();
      w2->router.reset();
      w2->store.reset();
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(w2->path + suffix);
    });
    return out;
  }();
  return *w;
}

std::string_view take_line(std::string_view& rest) {
  const std::size_t nl = rest.find('\n');
  const std::string_view line = rest.substr(0, nl);
  rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
  return line;
}

void replace_all(std::string& s, std::string_view what, const std::string& with) {
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size()))
    s.replace(at, what.size(), with);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1 || size > (1u << 16)) return 0;
  World& w = world();
  const std::string& token = w.tokens[data[0] % 5];
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);

  Request req;
  const std::string_view start = take_line(rest);
  const std::size_t space = start.find(' ');
  req.method = std::string(start.substr(0, space));
  req.target = space == std::string_view::npos ? "/" : std::string(start.substr(space + 1));
  if (req.target.empty() || req.target.front() != '/') req.target.insert(0, "/");
  accord::server::parse_target(req.target, req);
  // Analyses run the engines for seconds on geneva-2025: their own fuzzers cover them.
  if (req.method == "POST" && req.path.find("/analyses/") != std::string::npos) return 0;
  for (std::size_t n = 0; n < 100 && !rest.empty();) {
    const std::string_view line = take_line(rest);
    if (line.empty()) break;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string value(line.substr(colon + 1));
    replace_all(value, "$TOKEN", token);
    req.headers.add(std::string(line.substr(0, colon)), std::move(value));
    ++n;
  }
  if (!token.empty() && !req.headers.has("Authorization")) req.headers.add("Authorization", "Bearer " + token);
  req.body = std::string(rest);
  req.remote = "127.0.0.1";

  accord::server::Router::Admission a = w.router->admit(req);
  const Response res = a.reject ? std::move(*a.reject) : w.router->handle(req);
  if (res.status < 200 || res.status > 599 || res.status == 500) __builtin_trap();
  // Every API answer is a JSON object (static files are off here).
  const auto json = nlohmann::json::parse(res.body, nullptr, false);
  if (!res.body.empty() && !json.is_object()) __builtin_trap();
  w.router->log(req, res, 0.0);
  return 0;
}

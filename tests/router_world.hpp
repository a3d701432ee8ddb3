#pragma once
// An in-process server for tests that call the Router directly (no network): a temporary
// SQLite store holding the built-in geneva-2025 scenario, and a Router over it. Tokens are
// created by the test (store().create_token).
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "accord/io/builtin.hpp"
#include "accord/io/scenario_io.hpp"
#include "accord/store/store.hpp"
#include "server/router.hpp"

namespace accord::test {

class RouterWorld {
 public:
  // `name` makes the database file unique per test suite; `ok()` says whether setup worked.
  explicit RouterWorld(const std::string& name)
      : path_(std::string(::testing::TempDir()) + "accord_" + name + "_" + std::to_string(::getpid()) + ".db") {
    std::filesystem::remove(path_);
    store::OpenOptions o;
    o.create = true;
    auto s = store::Store::open(path_, o);
    if (!s) return;
    store_ = std::move(*s);
    const std::string* text = io::builtin_scenario_text("geneva-2025");
    if (text == nullptr) return;
    auto loaded = io::load_scenario_text(*text, "geneva-2025.yaml");
    if (!loaded.ok() || !store_->import_scenario(*loaded.scenario, name)) return;
    scenario_ = std::make_unique<Scenario>(*loaded.scenario);
    server::Options opts;
    opts.log_level = "off";
    router_ = std::make_unique<server::Router>(*store_, opts);
  }
  ~RouterWorld() {
    router_.reset();
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  RouterWorld(const RouterWorld&) = delete;
  RouterWorld& operator=(const RouterWorld&) = delete;

  [[nodiscard]] bool ok() const { return router_ != nullptr; }
  [[nodiscard]] store::Store& store() { return *store_; }
  [[nodiscard]] const Scenario& scenario() const { return *scenario_; }

  // One request as the transport would hand it over: admitted (token checked), then handled.
  [[nodiscard]] server::Response call(const std::string& token, const std::string& method, const std::string& target,
                                      const std::string& body = "") {
    server::Request req;
    req.method = method;
    req.target = target;
    server::parse_target(target, req);
    if (!token.empty()) req.headers.add("Authorization", "Bearer " + token);
    if (!body.empty()) req.headers.add("Content-Type", "application/json");
    req.body = body;
    req.remote = "127.0.0.1";
    auto a = router_->admit(req);
    return a.reject ? std::move(*a.reject) : router_->handle(req);
  }

 private:
  std::string path_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Scenario> scenario_;
  std::unique_ptr<server::Router> router_;
};

}  // namespace accord::test

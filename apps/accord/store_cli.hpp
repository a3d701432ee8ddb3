#pragma once
// Shared by the commands that work on a negotiation record (`--db FILE`).
#include <cstdlib>
#include <memory>
#include <string>

#include "accord/store/store.hpp"
#include "cli.hpp"

namespace accord::cli {

inline std::unique_ptr<store::Store> open_store_or_exit(const std::string& path, bool create = false) {
  store::OpenOptions o;
  o.create = create;
  auto s = store::Store::open(path, o);
  if (!s) throw Exit{s.error().code == store::ErrorCode::not_found ? kExitInvalidInput : kExitInternal, s.error().message};
  return std::move(*s);
}

inline Exit store_exit(const store::Error& e) {
  std::string msg = e.message;
  if (e.code == store::ErrorCode::conflict) msg += " (current revision " + std::to_string(e.current_revision) + ")";
  return Exit{e.code == store::ErrorCode::internal ? kExitInternal : kExitInvalidInput, msg};
}

// Who a CLI write is recorded as: --by, else cli:$USER.
inline std::string cli_author(const std::string& by) {
  if (!by.empty()) return by;
  const char* user = std::getenv("USER");
  return std::string("cli:") + (user && *user ? user : "unknown");
}

}  // namespace accord::cli

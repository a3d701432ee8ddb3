#pragma once
// Shared by the commands that work on a negotiation record (`--db FILE`).
#include <cstdlib>
#include <initializer_list>
#include <memory>
#include <string>

#include "accord/store/store.hpp"
#include "accord/store/utf8.hpp"
#include "cli.hpp"

namespace accord::cli {

inline Exit open_exit(const store::Error& e) {
  return Exit{e.code == store::ErrorCode::internal ? kExitInternal : kExitInvalidInput, e.message};
}

inline std::unique_ptr<store::Store> open_store_or_exit(const std::string& path, bool create = false) {
  store::OpenOptions o;
  o.create = create;
  auto s = store::Store::open(path, o);
  if (!s) throw open_exit(s.error());
  return std::move(*s);
}

// For commands that only read: SQLite read-only (works on a read-only file system).
inline std::unique_ptr<store::Store> open_store_read_only_or_exit(const std::string& path) {
  store::OpenOptions o;
  o.read_only = true;
  auto s = store::Store::open(path, o);
  if (!s) throw open_exit(s.error());
  return std::move(*s);
}

inline Exit store_exit(const store::Error& e) {
  std::string msg = e.message;
  if (e.code == store::ErrorCode::conflict) msg += " (current revision " + std::to_string(e.current_revision) + ")";
  return Exit{e.code == store::ErrorCode::internal ? kExitInternal : kExitInvalidInput, msg};
}

// Refuses (exit 2, naming the flag) any value given to `cmd` that is not valid UTF-8, except
// the options named in `paths` (file names are bytes, not text, and are never stored).
inline void require_utf8_options(const CLI::App* cmd, std::initializer_list<const char*> paths = {"--db"}) {
  for (const CLI::Option* opt : cmd->get_options()) {
    const std::string name = opt->get_name();
    bool is_path = false;
    for (const char* p : paths) is_path = is_path || name == p;
    if (is_path) continue;
    for (const std::string& value : opt->results()) {
      if (const auto at = store::first_invalid_utf8(value))
        throw Exit{kExitInvalidInput, name + ": not valid UTF-8 (byte " + std::to_string(*at + 1) +
                                          " of the value); text is stored and served as UTF-8"};
    }
  }
}

// Who a CLI write is recorded as: --by, else cli:$USER (repaired if $USER is not UTF-8).
inline std::string cli_author(const std::string& by) {
  if (!by.empty()) return by;
  const char* user = std::getenv("USER");
  return store::repair_utf8(std::string("cli:") + (user && *user ? user : "unknown"));
}

}  // namespace accord::cli

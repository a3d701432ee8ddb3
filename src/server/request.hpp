#pragma once
// Private to accord_server: the server's own request and response values. The HTTP transport
// (transport.cpp, Boost.Beast) fills a Request and sends a Response; everything between is
// plain code that needs no network (the router, the route handlers, the fuzz target).
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "accord/store/records.hpp"

namespace accord::server {

// Header fields in arrival order; names compare case-insensitively.
class Headers {
 public:
  void add(std::string name, std::string value) { fields_.emplace_back(std::move(name), std::move(value)); }
  // Replaces every field of that name.
  void set(std::string_view name, std::string value);
  [[nodiscard]] bool has(std::string_view name) const;
  // The first value of that name, or "".
  [[nodiscard]] std::string get(std::string_view name) const;
  [[nodiscard]] std::size_t count(std::string_view name) const;
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

struct Request {
  std::string method;  // as sent: "GET", "PUT", ...
  std::string target;  // as sent: "/api/x?limit=3"
  std::string path;    // the target's path, percent-decoded (any bytes, also invalid UTF-8)
  std::vector<std::pair<std::string, std::string>> params;  // the query, decoded, in order
  Headers headers;
  std::string body;
  std::string remote;  // client address, for the log
  // Set by the router: [0] the whole path, [1..] the route's {} segments.
  std::vector<std::string> matches;
  // Set by Router::admit once the token in the headers checked out.
  std::optional<store::Principal> principal;

  [[nodiscard]] bool has_header(std::string_view name) const { return headers.has(name); }
  [[nodiscard]] std::string get_header_value(std::string_view name) const { return headers.get(name); }
  [[nodiscard]] bool has_param(std::string_view key) const;
  [[nodiscard]] std::string get_param_value(std::string_view key) const;
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  std::string caller = "-";  // for the log line only: role[:party] of the token, never the token
  void set_header(std::string_view name, std::string value) { headers.set(name, std::move(value)); }
  void set_content(std::string text, std::string content_type) {
    body = std::move(text);
    headers.set("Content-Type", std::move(content_type));
  }
};

// Splits a request target into the decoded path and query parameters. A malformed %-escape
// is kept as it is (the path then simply matches no route).
void parse_target(std::string_view target, Request& req);
[[nodiscard]] std::string percent_decode(std::string_view text, bool plus_is_space);

[[nodiscard]] bool is_valid_utf8(std::string_view text);
// Invalid UTF-8 sequences replaced by U+FFFD; valid text unchanged.
[[nodiscard]] std::string to_valid_utf8(std::string_view text);
// For log lines: printable ASCII and valid UTF-8 as is; control characters, NUL, DEL,
// backslash and invalid bytes as \xHH (so a path can never start a new log line).
[[nodiscard]] std::string escape_for_log(std::string_view text);
// Deepest nesting of [ and { in JSON text (outside strings); stops counting past `limit`.
[[nodiscard]] std::size_t json_depth(std::string_view text, std::size_t limit);
// The credentials of `Authorization: Bearer TOKEN`; the scheme is case-insensitive.
[[nodiscard]] std::optional<std::string_view> bearer_token(std::string_view authorization);
// A decimal integer with nothing else ("10abc", "", " 3" are not).
[[nodiscard]] std::optional<long long> parse_decimal(std::string_view text);

}  // namespace accord::server

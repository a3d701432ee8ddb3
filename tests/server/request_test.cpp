// The server's network-free text helpers (src/server/request.hpp).
#include <gtest/gtest.h>

#include "server/request.hpp"

namespace accord::server {
namespace {

TEST(Request, TargetIsSplitAndDecoded) {
  Request r;
  parse_target("/api/scenarios/a%20b/x%2Fy?limit=10&kind=talks+now&flag&=v&k=%ff", r);
  EXPECT_EQ(r.path, "/api/scenarios/a b/x/y");
  ASSERT_EQ(r.params.size(), 5u);
  EXPECT_EQ(r.get_param_value("limit"), "10");
  EXPECT_EQ(r.get_param_value("kind"), "talks now");
  EXPECT_TRUE(r.has_param("flag"));
  EXPECT_EQ(r.get_param_value("k"), "\xff");
  EXPECT_FALSE(r.has_param("nope"));
  parse_target("/bad%zz%4", r);
  EXPECT_EQ(r.path, "/bad%zz%4");  // malformed escapes are kept
}

TEST(Request, HeadersAreCaseInsensitive) {
  Headers h;
  h.add("Content-Length", "3");
  h.add("content-length", "4");
  EXPECT_EQ(h.count("CONTENT-LENGTH"), 2u);
  EXPECT_EQ(h.get("content-LENGTH"), "3");
  h.set("CONTENT-length", "5");
  EXPECT_EQ(h.count("content-length"), 1u);
  EXPECT_EQ(h.get("Content-Length"), "5");
}

TEST(Request, Utf8IsCheckedAndRepaired) {
  EXPECT_TRUE(is_valid_utf8("plain, ünïcødé, 日本, 🙂"));
  for (const char* bad : {"\xff", "\xc3\x28", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82", "\xc0\xaf"})
    EXPECT_FALSE(is_valid_utf8(bad)) << bad;
  EXPECT_EQ(to_valid_utf8("a\xff" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(to_valid_utf8("ok ü"), "ok ü");
}

TEST(Request, LogEscapingKeepsOneLinePerRequest) {
  EXPECT_EQ(escape_for_log("/x\ny\r\tz"), "/x\\x0ay\\x0d\\x09z");
  EXPECT_EQ(escape_for_log(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(escape_for_log("\\x0a"), "\\x5cx0a");  // a literal backslash cannot fake an escape
  EXPECT_EQ(escape_for_log("\x1b[31m\x7f"), "\\x1b[31m\\x7f");
  EXPECT_EQ(escape_for_log("\xff ü"), "\\xff ü");
}

TEST(Request, JsonDepthIgnoresStrings) {
  EXPECT_EQ(json_depth(R"({"a": [1, {"b": []}]})", 64), 4u);
  EXPECT_EQ(json_depth(R"({"a": "[[[[[[[[\"[[["})", 64), 1u);
  EXPECT_EQ(json_depth(std::string(100000, '['), 64), 65u);  // stops counting past the limit
  EXPECT_EQ(json_depth("", 64), 0u);
}

TEST(Request, BearerSchemeIsCaseInsensitive) {
  EXPECT_EQ(bearer_token("Bearer abc"), "abc");
  EXPECT_EQ(bearer_token("bearer abc"), "abc");
  EXPECT_EQ(bearer_token("BEARER   abc  "), "abc");
  EXPECT_FALSE(bearer_token("Bearerabc"));
  EXPECT_FALSE(bearer_token("Basic abc"));
  EXPECT_FALSE(bearer_token("Bearer "));
  EXPECT_FALSE(bearer_token(""));
}

TEST(Request, DecimalsAreStrict) {
  EXPECT_EQ(parse_decimal("10"), 10);
  EXPECT_EQ(parse_decimal("-3"), -3);
  for (const char* bad : {"10abc", "", " 1", "1 ", "1e3", "0x10", "99999999999999999999"})
    EXPECT_FALSE(parse_decimal(bad)) << bad;
}

}  // namespace
}  // namespace accord::server

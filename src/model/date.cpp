#include "accord/model/date.hpp"

#include <cctype>

namespace accord {
namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

int number(std::string_view digits) {
  int n = 0;
  for (const char c : digits) n = n * 10 + (c - '0');
  return n;
}

}  // namespace

std::optional<std::string> date_problem(std::string_view d) {
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return "wrong form";
  for (std::size_t i = 0; i < d.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? d[i] != '-' : std::isdigit(static_cast<unsigned char>(d[i])) == 0)
      return "wrong form";
  }
  const int y = number(d.substr(0, 4));
  if (d.size() == 4) return std::nullopt;
  const int m = number(d.substr(5, 2));
  if (m < 1 || m > 12) return "month " + std::string(d.substr(5, 2)) + " is not 01-12";
  if (d.size() == 7) return std::nullopt;
  const int day = number(d.substr(8, 2));
  if (day < 1 || day > days_in(y, m))
    return "day " + std::string(d.substr(8, 2)) + " is not in 01-" + std::to_string(days_in(y, m)) + " for " +
           std::string(d.substr(0, 7));
  return std::nullopt;
}

std::optional<std::string> date_error(std::string_view text) {
  const auto why = date_problem(text);
  if (!why) return std::nullopt;
  std::string out = "`";  // built with +=: GCC 12 misreports "literal" + std::string (bug 105329)
  out += text;
  out += "` is not a date (" + *why + "); expected ";
  out += kDateFormat;
  return out;
}

}  // namespace accord

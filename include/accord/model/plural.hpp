#pragma once
// "1 point", "2 points", "1 party", "3 parties": counts in prose read as English.
#include <cstddef>
#include <string>
#include <string_view>

namespace accord {

// The noun's plural: "party" -> "parties", "point" -> "points" (regular English nouns only).
[[nodiscard]] inline std::string plural_of(std::string_view noun) {
  const std::string_view vowels = "aeiou";
  if (noun.size() > 1 && noun.back() == 'y' && vowels.find(noun[noun.size() - 2]) == std::string_view::npos)
    return std::string(noun.substr(0, noun.size() - 1)) + "ies";
  return std::string(noun) + "s";
}

// "N noun(s)": counted(1, "party") is "1 party", counted(2, "party") is "2 parties".
[[nodiscard]] inline std::string counted(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + (n == 1 ? std::string(noun) : plural_of(noun));
}

}  // namespace accord

#pragma once
// UTF-8 checks for everything the negotiation record stores: text that is not valid UTF-8 is
// refused at every write (ErrorCode::invalid, the field named), and a migration repairs rows
// written before that rule (each invalid sequence becomes U+FFFD).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace accord::store {

// Byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates and code points
// past U+10FFFF count as invalid); nullopt when the text is valid.
[[nodiscard]] std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// The text with every maximal invalid subsequence replaced by U+FFFD (as the Unicode
// standard's "substitution of maximal subparts" recommends).
[[nodiscard]] std::string repair_utf8(std::string_view text);

}  // namespace accord::store

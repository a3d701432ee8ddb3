#pragma once
// Small typed indices: entities refer to each other by position, never by pointer,
// so a Scenario stays a plain copyable, serialisable value.
#include <compare>
#include <cstdint>

namespace accord {

template <class Tag>
struct Index {
  static constexpr std::int32_t kInvalid = -1;
  std::int32_t value = kInvalid;

  constexpr Index() = default;
  constexpr explicit Index(std::int32_t v) : value(v) {}
  constexpr explicit Index(std::size_t v) : value(static_cast<std::int32_t>(v)) {}
  [[nodiscard]] constexpr bool valid() const { return value >= 0; }
  [[nodiscard]] constexpr std::size_t get() const { return static_cast<std::size_t>(value); }
  constexpr auto operator<=>(const Index&) const = default;
};

using PartyIndex = Index<struct PartyTag>;
using IssueIndex = Index<struct IssueTag>;
using OptionIndex = Index<struct OptionTag>;    // within one issue
using VersionIndex = Index<struct VersionTag>;
using PointIndex = Index<struct PointTag>;      // within one version

}  // namespace accord

#pragma once
// The budget of one run and how a run ended. The caller hands an engine or reader a Deadline
// (the core reads the clock only through it); the engine checks it between units of work and
// says in a Termination whether it finished or which limit stopped it and how far it got.
// Defaults and the CLI flags that change them: docs/cli.md "Budgets".
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace accord {

class Deadline {
 public:
  using Clock = std::chrono::steady_clock;

  Deadline() = default;  // never expires
  [[nodiscard]] static Deadline never() { return {}; }
  // `seconds` <= 0 or not finite: never.
  [[nodiscard]] static Deadline after(double seconds);
  [[nodiscard]] static Deadline at(Clock::time_point t);

  [[nodiscard]] bool limited() const { return limited_; }
  // Reads the clock (tens of nanoseconds): poll it every few thousand units of work.
  [[nodiscard]] bool expired() const { return limited_ && Clock::now() >= at_; }
  [[nodiscard]] double seconds_left() const;  // +inf when unlimited, 0 when expired
  // The earlier of this deadline and `seconds` from now (a sub-budget for one part of a run).
  [[nodiscard]] Deadline within(double seconds) const;

 private:
  bool limited_ = false;
  Clock::time_point at_{};
};

// Counts work and polls the deadline every `every` units, so hot loops pay one increment.
class DeadlineTicker {
 public:
  explicit DeadlineTicker(const Deadline& d, std::uint32_t every = 4096) : d_(d), every_(every) {}
  [[nodiscard]] bool expired() {
    if (expired_) return true;
    if (++n_ < every_) return false;
    n_ = 0;
    expired_ = d_.expired();
    return expired_;
  }

 private:
  const Deadline& d_;
  std::uint32_t every_;
  std::uint32_t n_ = 0;
  bool expired_ = false;
};

// Why a run stopped. Append new values at the end.
enum class Stop : std::uint8_t {
  not_set = 0,
  finished,      // ran to completion: the result is exact/complete
  time_limit,    // the Deadline passed
  node_limit,    // a node / iteration / turn budget ran out
  size_limit,    // the input or an intermediate result is larger than a stated limit
  memory_limit,  // the estimated memory would exceed the stated limit
};
[[nodiscard]] std::string_view to_string(Stop s);

struct Termination {
  Stop stop = Stop::not_set;
  std::string detail;  // how far it got, e.g. "explored 1.2e6 nodes; gap 0.012"
  [[nodiscard]] bool finished() const { return stop == Stop::finished; }
  [[nodiscard]] static Termination done() { return {Stop::finished, {}}; }
};

// Optional progress report from long work: fraction in [0, 1] (negative: unknown), a short label.
// Called from the calling thread only, at most a few times a second by well-behaved engines.
using ProgressFn = std::function<void(double fraction, std::string_view what)>;

}  // namespace accord

#include "accord/model/budget.hpp"

#include <cmath>
#include <limits>

namespace accord {

Deadline Deadline::after(double seconds) {
  if (!(seconds > 0.0) || !std::isfinite(seconds)) return {};
  // Clamp to a century so the time_point arithmetic cannot overflow.
  const double s = std::min(seconds, 3.15e9);
  return at(Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s)));
}

Deadline Deadline::at(Clock::time_point t) {
  Deadline d;
  d.limited_ = true;
  d.at_ = t;
  return d;
}

double Deadline::seconds_left() const {
  if (!limited_) return std::numeric_limits<double>::infinity();
  const double left = std::chrono::duration<double>(at_ - Clock::now()).count();
  return left > 0.0 ? left : 0.0;
}

Deadline Deadline::within(double seconds) const {
  const Deadline sub = after(seconds);
  if (!sub.limited_) return *this;
  if (!limited_ || sub.at_ < at_) return sub;
  return *this;
}

std::string_view to_string(Stop s) {
  switch (s) {
    case Stop::not_set: return "not_set";
    case Stop::finished: return "finished";
    case Stop::time_limit: return "time_limit";
    case Stop::node_limit: return "node_limit";
    case Stop::size_limit: return "size_limit";
    case Stop::memory_limit: return "memory_limit";
  }
  return "not_set";
}

}  // namespace accord

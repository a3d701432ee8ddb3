#include "accord/model/round.hpp"

#include <algorithm>

namespace accord {

std::string_view to_string(RoundAnswer a) {
  switch (a) {
    case RoundAnswer::not_set: return "not_set";
    case RoundAnswer::accept: return "accept";
    case RoundAnswer::reject: return "reject";
    case RoundAnswer::conditional: return "conditional";
    case RoundAnswer::no_answer: return "no_answer";
  }
  return "?";
}

std::optional<RoundAnswer> parse_round_answer(std::string_view text) {
  for (RoundAnswer a : {RoundAnswer::accept, RoundAnswer::reject, RoundAnswer::conditional, RoundAnswer::no_answer})
    if (text == to_string(a)) return a;
  return std::nullopt;
}

std::string_view to_string(RoundStatus s) {
  switch (s) {
    case RoundStatus::not_set: return "not_set";
    case RoundStatus::open: return "open";
    case RoundStatus::closed: return "closed";
  }
  return "?";
}

std::optional<RoundStatus> parse_round_status(std::string_view text) {
  for (RoundStatus s : {RoundStatus::open, RoundStatus::closed})
    if (text == to_string(s)) return s;
  return std::nullopt;
}

const RoundResponse* PartyResponses::find(std::string_view point) const {
  for (const RoundResponse& r : points)
    if (r.point == point) return &r;
  return nullptr;
}

const PartyResponses* RoundRecord::responses_of(std::string_view party) const {
  for (const PartyResponses& p : responses)
    if (p.party == party) return &p;
  return nullptr;
}

std::int64_t RoundRecord::last_answer_revision() const {
  std::int64_t last = 0;
  for (const PartyResponses& p : responses)
    for (const RoundResponse& r : p.points) last = std::max(last, r.revision);
  return last;
}

}  // namespace accord

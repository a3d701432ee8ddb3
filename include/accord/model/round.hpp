#pragma once
// A mediation round as recorded (docs/rounds.md): one framework version circulated to some
// parties, each answering privately point by point. Plain values with string ids, as the
// negotiation record stores them; the rounds engine (accord/engines/round.hpp) resolves them
// against a scenario.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accord {

// A party's answer to one point. Append new values at the end.
enum class RoundAnswer { not_set = 0, accept, reject, conditional, no_answer };
// Append new values at the end.
enum class RoundStatus { not_set = 0, open, closed };

[[nodiscard]] std::string_view to_string(RoundAnswer a);
[[nodiscard]] std::optional<RoundAnswer> parse_round_answer(std::string_view text);
[[nodiscard]] std::string_view to_string(RoundStatus s);
[[nodiscard]] std::optional<RoundStatus> parse_round_status(std::string_view text);

// The settings of one issue a party says it could accept: option ids (discrete) or values
// (numeric).
struct AcceptableSettings {
  std::string issue;
  std::vector<std::string> options;
  std::vector<double> values;
  bool operator==(const AcceptableSettings&) const = default;
};

// One answer (the latest, or one revision of it in a history).
struct RoundResponse {
  std::string point;
  RoundAnswer answer = RoundAnswer::no_answer;
  std::string note;
  std::string amendment;  // proposed wording, free text
  std::vector<AcceptableSettings> acceptable;
  std::string set_by, set_at;  // empty when never answered
  std::int64_t revision = 0;   // 0 when never answered
};

// An addressed party's latest answers, one per point it answered (version order).
struct PartyResponses {
  std::string party;
  std::vector<RoundResponse> points;
  [[nodiscard]] bool answered() const { return !points.empty(); }
  [[nodiscard]] const RoundResponse* find(std::string_view point) const;
};

struct RoundRecord {
  std::string scenario;
  std::int64_t number = 0;
  std::string version;               // the circulated (frozen) version
  RoundStatus status = RoundStatus::open;
  std::vector<std::string> parties;  // addressed, in scenario order
  std::vector<PartyResponses> responses;  // parallel to `parties`
  std::string opened_by, opened_at;
  std::int64_t opened_revision = 0;
  std::string closed_by, closed_at;  // empty while open
  std::int64_t closed_revision = 0;
  std::string summary_json;          // the close summary (report::round_summary_json), "" while open
  std::string published_version;     // the version published from this round, "" when none
  [[nodiscard]] const PartyResponses* responses_of(std::string_view party) const;
  // The revision of the latest answer held (0: none): a close computed from this record is
  // stale once an answer with a later revision exists.
  [[nodiscard]] std::int64_t last_answer_revision() const;
};

}  // namespace accord

#pragma once
// Private to the suggest engine: the circulated text's context shared by its steps.
#include <string>
#include <vector>

#include "accord/engines/suggest.hpp"

namespace accord::suggest::detail {

struct Context {
  const Scenario& s;
  VersionIndex v;
  Package text;                       // the circulated version's package
  std::vector<PartyIndex> parties;    // bargaining parties
  std::vector<double> before;         // U_p(text), parties order
};

bool same_setting(const Issue& issue, const Setting& a, const Setting& b);
// The issues a point sets, deduplicated, in issue order.
std::vector<IssueIndex> set_issues(const Point& pt);

// The repairs of one objection (docs/rounds-suggestions.md): the Pareto-improving ones, best
// first (at most params.max_repairs), or else the least costly one. Returns the stop reason
// (finished, or node_limit / time_limit when the candidates were cut short).
Stop repairs(const Context& c, PointIndex point, PartyIndex objector, const PointAnswer* answer, const Params& params,
             std::vector<Suggestion>& out);

// Effects, Nash product and sum of the text with `edits` applied.
void measure(const Context& c, const std::vector<Edit>& edits, Suggestion& out);

// Sentences (one per suggestion) and what each rests on.
void explain(const Context& c, const Result& r, Suggestion& sug);

// "UA, RU and US preferences on army_cap", "UA's reservation": the estimates among the
// preferences of `parties` on `issues` and the reservations of `reservations`.
std::vector<std::string> estimated_inputs(const Scenario& s, const std::vector<PartyIndex>& parties,
                                          const std::vector<IssueIndex>& issues,
                                          const std::vector<PartyIndex>& reservations);
// " Rests on estimates: ...." or "".
std::string rests_sentence(const Suggestion& sug);

std::string setting_text(const Issue& issue, const Setting& x);
std::string join_and(const std::vector<std::string>& xs);

}  // namespace accord::suggest::detail

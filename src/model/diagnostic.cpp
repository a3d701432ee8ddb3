#include "accord/model/diagnostic.hpp"

#include <algorithm>
#include <cctype>

namespace accord {

std::string Diagnostic::to_string() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
    out += ": ";
  }
  out += severity == Severity::error ? "error: " : "warning: ";
  if (!path.empty()) out += path;
  if (!entity.empty()) out += " (" + entity + ")";
  if (!path.empty() || !entity.empty()) out += ": ";
  out += message;
  if (!hint.empty()) out += "; " + hint;
  return out;
}

bool has_errors(const Diagnostics& d) {
  return std::any_of(d.begin(), d.end(),
                     [](const Diagnostic& x) { return x.severity == Severity::error; });
}

std::size_t count(const Diagnostics& d, Severity severity) {
  std::size_t n = 0;
  for (const auto& x : d)
    if (x.severity == severity) n += x.omitted > 0 ? x.omitted : 1;
  return n;
}

// ---- floods -----------------------------------------------------------------------------------

std::string diagnostic_kind(const Diagnostic& d) {
  std::string kind = d.severity == Severity::error ? "E:" : "W:";
  bool quoted = false;
  bool in_number = false;
  for (char c : d.message) {
    if (c == '`') {
      quoted = !quoted;
      kind += '`';
      continue;
    }
    if (quoted) continue;
    const bool digit = std::isdigit(static_cast<unsigned char>(c)) != 0;
    if (digit && !in_number) kind += '#';
    in_number = digit;
    if (!digit) kind += c;
  }
  return kind;
}

bool DiagnosticLimiter::add(Diagnostics& out, Diagnostic d) {
  auto [it, fresh] = kinds_.try_emplace(diagnostic_kind(d));
  Kind& k = it->second;
  if (fresh) k.order = kinds_.size();
  if (k.kept < per_kind_ && kept_total_ < total_) {
    ++k.kept;
    ++kept_total_;
    out.push_back(std::move(d));
    return true;
  }
  if (k.dropped++ == 0) k.first_dropped = std::move(d);
  ++dropped_total_;
  return false;
}

void DiagnosticLimiter::finish(Diagnostics& out) {
  std::vector<const Kind*> over;
  for (const auto& [_, k] : kinds_)
    if (k.dropped > 0) over.push_back(&k);
  std::sort(over.begin(), over.end(), [](const Kind* a, const Kind* b) { return a->order < b->order; });
  for (const Kind* k : over) {
    Diagnostic d = k->first_dropped;  // placed where the first dropped one was
    const std::string example = d.message.size() > 80 ? d.message.substr(0, 77) + "..." : d.message;
    d.message = "… and " + std::to_string(k->dropped) + " more like this (first: " +
                (d.path.empty() ? "" : d.path + ": ") + example + ")";
    d.path.clear();
    d.entity.clear();
    d.omitted = k->dropped;
    d.hint = "fix the first ones and run again; output is capped at " + std::to_string(per_kind_) +
             " diagnostics of a kind";
    out.push_back(std::move(d));
  }
  kinds_.clear();
}

Diagnostics cap_repeated(Diagnostics in, std::size_t per_kind, std::size_t total) {
  DiagnosticLimiter limiter(per_kind, total);
  Diagnostics out;
  for (auto& d : in) limiter.add(out, std::move(d));
  limiter.finish(out);
  return out;
}

// ---- did you mean -----------------------------------------------------------------------------

std::size_t bounded_edit_distance(const std::string& a, const std::string& b, std::size_t limit) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  // Only cells with |i - j| <= limit can hold a distance <= limit (Ukkonen's band).
  const std::size_t big = limit + 1;
  std::vector<std::size_t> prev(m + 1, big), cur(m + 1, big);
  for (std::size_t j = 0; j <= std::min(m, limit); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    const std::size_t lo = i > limit ? i - limit : 1;
    const std::size_t hi = std::min(m, i + limit);
    cur[lo - 1] = lo == 1 && i <= limit ? i : big;  // left edge; cells left of it are never read
    std::size_t row_min = cur[lo - 1];
    for (std::size_t j = lo; j <= hi; ++j) {
      const std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      const std::size_t v = std::min({prev[j] + 1, cur[j - 1] + 1, sub, big});
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > limit) return big;  // every path already costs more than the limit
    std::swap(prev, cur);
  }
  return std::min(prev[m], big);
}

namespace {

std::size_t suggest_limit(const std::string& found) {
  return std::min(kMaxSuggestDistance, std::max<std::size_t>(2, found.size() / 3));
}

std::string closest(const std::string& found, const std::vector<std::string>& candidates,
                    SuggestBudget* budget) {
  std::string best;
  std::size_t limit = suggest_limit(found);
  for (const auto& c : candidates) {
    if (budget != nullptr) {
      if (budget->comparisons_left == 0) return best;
      --budget->comparisons_left;
    }
    const std::size_t d = bounded_edit_distance(found, c, limit);
    if (d <= limit) {
      best = c;
      if (d == 0) break;
      limit = d - 1;  // only a strictly closer candidate replaces it
    }
  }
  return best;
}

}  // namespace

std::string closest_match(const std::string& found, const std::vector<std::string>& candidates) {
  return closest(found, candidates, nullptr);
}

std::string closest_match(const std::string& found, const std::vector<std::string>& candidates,
                          SuggestBudget& budget) {
  return closest(found, candidates, &budget);
}

}  // namespace accord

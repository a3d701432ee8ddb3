// Agents by name: the built-ins and any a user registers (accord/engines/agent.hpp).
#include <cmath>
#include <map>

#include "accord/engines/agent.hpp"
#include "agents.hpp"

namespace accord::negotiate {

namespace {

struct Entry {
  std::string summary;
  AgentFactory factory;
};
using Registry = std::map<std::string, Entry, std::less<>>;

Registry make_builtins() {
  Registry r;
  auto timedep = [](double e) {
    return [e](const AgentContext& ctx, std::string_view, std::string&) { return detail::make_time_dependent(ctx, e); };
  };
  r["hardliner"] = {"time-dependent, e = 0: always its best package", timedep(0.0)};
  r["boulware"] = {"time-dependent, e = 0.2: concedes late", timedep(0.2)};
  r["linear"] = {"time-dependent, e = 1: concedes linearly in time", timedep(1.0)};
  r["conceder"] = {"time-dependent, e = 2: concedes early", timedep(2.0)};
  r["timedep"] = {"timedep:E, time-dependent with exponent E >= 0",
                  [](const AgentContext& ctx, std::string_view arg, std::string& error) -> std::unique_ptr<Agent> {
                    const std::string text(arg);
                    char* end = nullptr;
                    const double e = text.empty() ? -1.0 : std::strtod(text.c_str(), &end);
                    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(e) || e < 0.0) {
                      error = "timedep needs an exponent E >= 0, as in timedep:0.5 (found `" + text + "`)";
                      return nullptr;
                    }
                    return detail::make_time_dependent(ctx, e);
                  }};
  r["micro"] = {"MiCRO (de Jonge 2022), deterministic: concedes one package per new package received",
                [](const AgentContext& ctx, std::string_view, std::string& error) {
                  std::unique_ptr<Agent> a = detail::make_micro(ctx);
                  if (!a) error = "micro needs a domain small enough to sort (at most max_sorted packages)";
                  return a;
                }};
  r["tft"] = {"relative tit-for-tat (Faratin's imitative tactic): concedes as the least conceding opponent did",
              [](const AgentContext& ctx, std::string_view, std::string&) { return detail::make_tit_for_tat(ctx); }};
  r["freq"] = {"Boulware target with a frequency opponent model (HardHeaded style); sorted domains",
               [](const AgentContext& ctx, std::string_view, std::string& error) { return detail::make_frequency(ctx, error); }};
  r["random"] = {"random:SEED, random acceptable offers and coin-flip acceptance (seed: --seed when omitted)",
                 [](const AgentContext& ctx, std::string_view arg, std::string& error) -> std::unique_ptr<Agent> {
                   std::uint64_t seed = ctx.seed;
                   if (!arg.empty()) {
                     const std::string text(arg);
                     char* end = nullptr;
                     seed = std::strtoull(text.c_str(), &end, 10);
                     if (end != text.c_str() + text.size() || text[0] == '-') {
                       error = "random needs a non-negative integer seed, as in random:7 (found `" + text + "`)";
                       return nullptr;
                     }
                   }
                   return detail::make_random(ctx, seed);
                 }};
  return r;
}

Registry& registry() {
  static Registry r = make_builtins();
  return r;
}

bool valid_name(std::string_view name) {
  if (name.empty()) return false;
  for (const char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  return true;
}

}  // namespace

bool register_agent(std::string name, std::string summary, AgentFactory factory) {
  if (!valid_name(name) || !factory) return false;
  return registry().emplace(std::move(name), Entry{std::move(summary), std::move(factory)}).second;
}

std::vector<std::pair<std::string, std::string>> agent_names() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, e] : registry()) out.emplace_back(name, e.summary);
  return out;
}

AgentMade make_agent(std::string_view spec, const AgentContext& ctx) {
  const std::size_t colon = spec.find(':');
  const std::string_view name = spec.substr(0, colon);
  const std::string_view arg = colon == std::string_view::npos ? std::string_view{} : spec.substr(colon + 1);
  const Registry& r = registry();
  const auto it = r.find(name);
  if (it == r.end()) {
    std::string known;
    for (const auto& [n, e] : r) {
      if (!known.empty()) known += ", ";
      known += n;
    }
    return {nullptr, "unknown agent `" + std::string(spec) + "` (known: " + known + ")"};
  }
  AgentMade made;
  made.agent = it->second.factory(ctx, arg, made.error);
  if (!made.agent && made.error.empty()) made.error = "agent `" + std::string(spec) + "` could not be made";
  return made;
}

double time_dependent_target(const PartyStats& st, double e, double t) {
  if (e == 0.0) return st.pmax;
  const double f = e == 1.0 ? t : std::pow(t, 1.0 / e);
  return st.pmin + (st.pmax - st.pmin) * (1.0 - f);
}

}  // namespace accord::negotiate

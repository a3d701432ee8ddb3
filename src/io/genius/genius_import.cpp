// Builds a Scenario from a GENIUS domain and profiles.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "accord/io/scenario_io.hpp"
#include "accord/model/validate.hpp"
#include "io/genius/genius_xml.hpp"
#include "io/text_checks.hpp"

namespace accord::io {

namespace {

std::string stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

bool read_file(const std::string& path, std::string& text, Diagnostics& out) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    out.push_back(Diagnostic{Severity::error, path, 0, 0, "", "", "cannot read the file: " + ec.message(), ""});
    return false;
  }
  if (size > kMaxScenarioBytes) {
    out.push_back(Diagnostic{Severity::error, path, 0, 0, "", "",
                             "file is " + std::to_string(size) + " bytes; at most 16 MiB is accepted", ""});
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  text = ss.str();
  return true;
}

Scenario scenario_from_domain(const genius::Domain& d, const std::string& name) {
  Scenario s;
  std::vector<std::string> taken;
  s.id = genius::make_id(stem(name), taken);
  s.title = d.name.empty() || d.name == "root" ? s.id : d.name;
  s.description = "Imported from GENIUS XML (" + std::filesystem::path(name).filename().string() + ")";
  s.provenance.sources.push_back(name);
  std::vector<std::string> issue_ids;
  for (const genius::DomainIssue& di : d.issues) {
    Issue issue;
    issue.id = genius::make_id(di.name, issue_ids);
    issue.title = di.name;
    if (di.integer) {
      issue.kind = IssueKind::numeric;
      issue.range = Range{static_cast<double>(di.lower), static_cast<double>(di.upper), 1.0, ""};
    } else {
      std::vector<std::string> option_ids;
      for (const std::string& v : di.values)
        issue.options.push_back(Option{genius::make_id(v, option_ids), v, std::nullopt, {}, {}});
    }
    s.issues.push_back(std::move(issue));
  }
  return s;
}

}  // namespace

namespace {

bool utf8_ok(const XmlText& x, Diagnostics& out) {
  Reader r(x.name);
  const bool ok = check_text(x.text, r);
  for (auto& d : r.diagnostics()) out.push_back(std::move(d));
  return ok;
}

// The outcome's status from what the import found: ok with a scenario, else invalid input.
GeniusImport finish(GeniusImport out) {
  out.outcome.status = out.scenario ? Status::ok : Status::invalid_input;
  if (out.scenario) out.outcome.termination = Termination::done();  // not_set when it failed, as Outcome::failure
  if (!out.scenario && !has_errors(out.outcome.diagnostics))
    out.outcome.diagnostics.push_back(Diagnostic{Severity::error, "", 0, 0, "", "", "the GENIUS files could not be imported", ""});
  return out;
}

GeniusImport import_text(const XmlText& domain, const std::vector<XmlText>& profiles, const GeniusOptions& options) {
  GeniusImport out;
  bool utf8 = true;  // like scenario files, XML input must be UTF-8 text
  for (const XmlText* x : {&domain}) utf8 = utf8_ok(*x, out.outcome.diagnostics) && utf8;
  for (const XmlText& p : profiles) utf8 = utf8_ok(p, out.outcome.diagnostics) && utf8;
  if (!utf8) return out;
  genius::Domain d;
  if (!genius::read_domain(domain.text, genius::Context{domain.name, &out.outcome.diagnostics}, d)) return out;
  if (profiles.empty()) {
    out.outcome.diagnostics.push_back(Diagnostic{Severity::error, domain.name, 0, 0, "", "",
                                         "no profile files given", "name one profile per party after the domain"});
    return out;
  }
  if (!options.party_ids.empty() && options.party_ids.size() != profiles.size()) {
    out.outcome.diagnostics.push_back(Diagnostic{Severity::error, "", 0, 0, "party_ids", "",
                                         std::to_string(options.party_ids.size()) + " party ids for " +
                                             std::to_string(profiles.size()) + " profiles", ""});
    return out;
  }
  Scenario s = scenario_from_domain(d, domain.name);
  std::vector<std::string> party_ids;
  bool ok = true;
  for (std::size_t j = 0; j < profiles.size(); ++j) {
    const std::string base = options.party_ids.empty() ? stem(profiles[j].name) : options.party_ids[j];
    Party party;
    party.id = genius::make_id(base, party_ids);
    party.name = base;
    party.role = Role::party;
    party.provenance.sources.push_back(profiles[j].name);
    Preferences prefs;
    const genius::Context ctx{profiles[j].name, &out.outcome.diagnostics};
    ok = genius::read_profile(profiles[j].text, ctx, d, s, prefs) && ok;
    prefs.issues.resize(s.issues.size());  // a profile that failed early may have none
    for (const IssueIndex i : s.issues.indices())
      if (s.issues[i].kind == IssueKind::discrete)
        prefs.issues[i].option_values.resize(s.issues[i].options.size());
    s.parties.push_back(std::move(party));
    s.preferences.push_back(std::move(prefs));
  }
  if (!ok) return out;
  for (Diagnostic& diag : validate(s)) out.outcome.diagnostics.push_back(std::move(diag));
  if (!has_errors(out.outcome.diagnostics)) out.scenario = std::move(s);
  return out;
}

}  // namespace

GeniusImport import_genius_text(const XmlText& domain, const std::vector<XmlText>& profiles,
                                const GeniusOptions& options) {
  return finish(import_text(domain, profiles, options));
}

GeniusImport import_genius(const std::string& domain_path, const std::vector<std::string>& profile_paths,
                           const GeniusOptions& options) {
  GeniusImport out;
  XmlText domain{domain_path, {}};
  if (!read_file(domain_path, domain.text, out.outcome.diagnostics)) return finish(std::move(out));
  std::vector<XmlText> profiles;
  for (const std::string& p : profile_paths) {
    profiles.push_back(XmlText{p, {}});
    if (!read_file(p, profiles.back().text, out.outcome.diagnostics)) return finish(std::move(out));
  }
  return import_genius_text(domain, profiles, options);
}

}  // namespace accord::io

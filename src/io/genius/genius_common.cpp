#include <algorithm>
#include <cctype>

#include "io/genius/genius_xml.hpp"

namespace accord::io::genius {

namespace {

Diagnostic make(Severity sev, const std::string& file, const tinyxml2::XMLElement* e,
                std::string path, std::string message, std::string hint) {
  Diagnostic d;
  d.severity = sev;
  d.file = file;
  d.line = e ? e->GetLineNum() : 0;
  d.path = std::move(path);
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

}  // namespace

void Context::error(const tinyxml2::XMLElement* e, std::string path, std::string message,
                    std::string hint) const {
  out->push_back(make(Severity::error, file, e, std::move(path), std::move(message), std::move(hint)));
}

void Context::warning(const tinyxml2::XMLElement* e, std::string path, std::string message,
                      std::string hint) const {
  out->push_back(make(Severity::warning, file, e, std::move(path), std::move(message), std::move(hint)));
}

std::string make_id(const std::string& text, std::vector<std::string>& taken) {
  std::string id;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || ch == '_' || ch == '.' || ch == '-') {
      id.push_back(ch);
    } else if (!id.empty() && id.back() != '_') {
      id.push_back('_');
    }
  }
  if (id.size() > 64) id.resize(64);  // scenario ids are at most 128 characters; keep room for "_N"
  while (!id.empty() && id.back() == '_') id.pop_back();
  if (id.empty()) id.push_back('x');
  std::string unique = id;
  for (int n = 2; std::find(taken.begin(), taken.end(), unique) != taken.end(); ++n) {
    unique.assign(id);
    unique.append(1, '_');
    unique.append(std::to_string(n));
  }
  taken.push_back(unique);
  return unique;
}

bool parse(tinyxml2::XMLDocument& doc, const std::string& text, const Context& ctx) {
  if (doc.Parse(text.data(), text.size()) == tinyxml2::XML_SUCCESS && doc.RootElement()) return true;
  Diagnostic d;
  d.file = ctx.file;
  d.line = doc.ErrorLineNum();
  d.message = doc.Error() ? std::string("malformed XML: ") + doc.ErrorStr()
                          : std::string("no XML element found");
  d.hint = "is this a GENIUS domain or profile file?";
  ctx.out->push_back(d);
  return false;
}

void collect_issues(const tinyxml2::XMLElement* root, std::vector<const tinyxml2::XMLElement*>& out) {
  for (const auto* e = root->FirstChildElement(); e; e = e->NextSiblingElement()) {
    if (std::string_view(e->Name()) == "issue") {
      out.push_back(e);
    } else if (std::string_view(e->Name()) == "objective") {
      collect_issues(e, out);
    }
  }
}

const tinyxml2::XMLElement* find_descendant(const tinyxml2::XMLElement* root, const char* name) {
  for (const auto* e = root->FirstChildElement(); e; e = e->NextSiblingElement()) {
    if (std::string_view(e->Name()) == name) return e;
    if (const auto* found = find_descendant(e, name)) return found;
  }
  return nullptr;
}

}  // namespace accord::io::genius

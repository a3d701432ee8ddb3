// GENIUS domain files: <negotiation_template><utility_space><objective><issue>...
#include <algorithm>
#include <string>

#include "io/genius/genius_xml.hpp"

namespace accord::io::genius {

namespace {

std::string attr(const tinyxml2::XMLElement* e, const char* name) {
  const char* v = e->Attribute(name);
  return v ? v : "";
}

std::string issue_type(const tinyxml2::XMLElement* e) {
  for (const char* key : {"type", "vtype", "etype"})
    if (const char* v = e->Attribute(key)) return v;
  return "discrete";
}

}  // namespace

bool read_domain(const std::string& text, const Context& ctx, Domain& d) {
  tinyxml2::XMLDocument doc;
  if (!parse(doc, text, ctx)) return false;
  const tinyxml2::XMLElement* root = doc.RootElement();
  const tinyxml2::XMLElement* objective = find_descendant(root, "objective");
  if (!objective) {
    ctx.error(root, root->Name(), "no <objective> element; expected a GENIUS domain file",
              "a domain file looks like <negotiation_template><utility_space><objective>…");
    return false;
  }
  d.name = attr(objective, "name");
  std::vector<const tinyxml2::XMLElement*> issues;
  collect_issues(objective, issues);
  if (issues.empty()) {
    ctx.error(objective, "objective", "the domain has no <issue> elements");
    return false;
  }
  bool ok = true;
  std::vector<int> seen_indices;
  for (const auto* e : issues) {
    DomainIssue is;
    is.name = attr(e, "name");
    const std::string path = "issue[name=" + is.name + "]";
    if (e->QueryIntAttribute("index", &is.index) != tinyxml2::XML_SUCCESS) {
      ctx.error(e, path, "missing or non-integer `index` attribute");
      ok = false;
      continue;
    }
    if (std::find(seen_indices.begin(), seen_indices.end(), is.index) != seen_indices.end()) {
      ctx.error(e, path, "duplicate issue index " + std::to_string(is.index) +
                             "; expected each <issue> to have its own index");
      ok = false;
      continue;
    }
    seen_indices.push_back(is.index);
    const std::string type = issue_type(e);
    if (type == "discrete") {
      for (const auto* item = e->FirstChildElement("item"); item; item = item->NextSiblingElement("item"))
        is.values.push_back(attr(item, "value"));
      if (is.values.empty()) {
        ctx.error(e, path, "discrete issue without <item> values");
        ok = false;
      }
    } else if (type == "integer") {
      is.integer = true;
      int64_t lo = 0, hi = 0;
      if (e->QueryInt64Attribute("lowerbound", &lo) != tinyxml2::XML_SUCCESS ||
          e->QueryInt64Attribute("upperbound", &hi) != tinyxml2::XML_SUCCESS || hi < lo) {
        ctx.error(e, path, "integer issue needs integer `lowerbound` <= `upperbound`, found `" +
                               attr(e, "lowerbound") + "`..`" + attr(e, "upperbound") + "`");
        ok = false;
      }
      is.lower = static_cast<long>(lo);
      is.upper = static_cast<long>(hi);
    } else {
      ctx.error(e, path, "issue type `" + type + "` is not supported; expected discrete or integer",
                "real-valued GENIUS issues have no grid; convert them to integer issues");
      ok = false;
    }
    d.issues.push_back(std::move(is));
  }
  return ok;
}

}  // namespace accord::io::genius

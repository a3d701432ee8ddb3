// GENIUS profile files: linear additive (weights + evaluations) or nonlinear (hyperrectangles).
#include <algorithm>
#include <cmath>
#include <string>

#include "io/genius/genius_xml.hpp"

namespace accord::io::genius {

namespace {

std::string attr(const tinyxml2::XMLElement* e, const char* name) {
  const char* v = e->Attribute(name);
  return v ? v : "";
}

std::size_t find_issue(const Domain& d, int index) {
  for (std::size_t j = 0; j < d.issues.size(); ++j)
    if (d.issues[j].index == index) return j;
  return d.issues.size();
}

// clip(offset + slope·(x − lower), 0, 1) as a piecewise-linear curve over [lower, upper].
std::vector<std::pair<double, double>> linear_curve(double lower, double upper, double slope,
                                                    double offset) {
  auto f = [&](double x) { return std::clamp(offset + slope * (x - lower), 0.0, 1.0); };
  std::vector<double> xs{lower, upper};
  if (slope != 0.0)
    for (const double level : {0.0, 1.0}) {
      const double x = lower + (level - offset) / slope;
      if (x > lower && x < upper) xs.push_back(x);
    }
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
  std::vector<std::pair<double, double>> curve;
  for (const double x : xs) curve.emplace_back(x, f(x));
  return curve;
}

bool read_discrete(const tinyxml2::XMLElement* e, const Context& ctx, const std::string& path,
                   const Issue& issue, IssuePreference& ip) {
  std::vector<double> eval(issue.options.size(), 0.0);
  std::vector<bool> seen(issue.options.size(), false);
  bool ok = true;
  for (const auto* item = e->FirstChildElement("item"); item; item = item->NextSiblingElement("item")) {
    const std::string value = attr(item, "value");
    const std::string ipath = path + ".item[value=" + value + "]";
    std::size_t o = 0;
    while (o < issue.options.size() && issue.options[OptionIndex(o)].label != value) ++o;
    if (o == issue.options.size()) {
      std::vector<std::string> labels;
      for (const Option& opt : issue.options) labels.push_back(opt.label);
      const std::string near = closest_match(value, labels);
      ctx.error(item, ipath, "value `" + value + "` is not an item of issue `" + issue.title + "` in the domain",
                near.empty() ? "" : "did you mean `" + near + "`?");
      ok = false;
      continue;
    }
    double x = 0.0;
    if (item->QueryDoubleAttribute("evaluation", &x) != tinyxml2::XML_SUCCESS) {
      ctx.warning(item, ipath + ".evaluation", "missing or non-numeric evaluation `" +
                                                   attr(item, "evaluation") + "`; using 0");
    } else if (x < 0) {
      ctx.error(item, ipath + ".evaluation", "negative evaluation `" + attr(item, "evaluation") +
                                                 "`; expected a number >= 0");
      ok = false;
    }
    eval[o] = x;
    seen[o] = true;
  }
  for (std::size_t o = 0; o < seen.size(); ++o)
    if (!seen[o])
      ctx.warning(e, path, "no evaluation for value `" + issue.options[OptionIndex(o)].label + "`; using 0");
  const double max = eval.empty() ? 0.0 : *std::max_element(eval.begin(), eval.end());
  if (max <= 0) ctx.warning(e, path, "every evaluation is 0; the issue counts 0 for this party");
  for (const double x : eval) ip.option_values.push_back(max > 0 ? x / max : 0.0);
  return ok;
}

bool read_integer(const tinyxml2::XMLElement* e, const Context& ctx, const std::string& path,
                  const DomainIssue& di, IssuePreference& ip) {
  const auto* ev = e->FirstChildElement("evaluator");
  if (!ev) {
    ctx.error(e, path, "integer issue without an <evaluator>", "expected <evaluator ftype=\"linear\" slope=… offset=…>");
    return false;
  }
  double slope = 0, offset = 0;
  if (attr(ev, "ftype") != "linear" || ev->QueryDoubleAttribute("slope", &slope) != tinyxml2::XML_SUCCESS ||
      ev->QueryDoubleAttribute("offset", &offset) != tinyxml2::XML_SUCCESS) {
    ctx.error(ev, path + ".evaluator", "unsupported evaluator (ftype `" + attr(ev, "ftype") +
                                           "`); expected ftype=\"linear\" with numeric slope and offset");
    return false;
  }
  ip.curve = linear_curve(static_cast<double>(di.lower), static_cast<double>(di.upper), slope, offset);
  return true;
}

bool read_rectangles(const tinyxml2::XMLElement* utility, const Context& ctx, const Domain& d,
                     Preferences& prefs) {
  double max = 0;
  if (utility->QueryDoubleAttribute("maxutility", &max) != tinyxml2::XML_SUCCESS || !(max > 0)) {
    ctx.error(utility, "utility.maxutility", "missing or non-positive maxutility `" +
                                                 attr(utility, "maxutility") + "`");
    return false;
  }
  bool ok = true;
  double positive = 0;
  for (const auto* uf = utility->FirstChildElement("ufun"); uf; uf = uf->NextSiblingElement("ufun")) {
    double weight = 1.0;
    uf->QueryDoubleAttribute("weight", &weight);
    const std::string agg = uf->Attribute("aggregation") ? attr(uf, "aggregation") : "sum";
    if (agg != "sum") {
      ctx.error(uf, "utility.ufun", "aggregation `" + agg + "` is not supported; expected sum");
      ok = false;
      continue;
    }
    for (const auto* hr = uf->FirstChildElement(); hr; hr = hr->NextSiblingElement()) {
      if (std::string_view(hr->Name()) != "hyperRectangle") {
        ctx.error(hr, "utility.ufun", std::string("element <") + hr->Name() + "> is not supported; expected <hyperRectangle>");
        ok = false;
        continue;
      }
      double u = 0;
      hr->QueryDoubleAttribute("utility", &u);
      Rectangle rect;
      rect.utility = weight * u / max;
      if (rect.utility > 0) positive += rect.utility;
      for (const auto* b = hr->FirstChildElement(); b; b = b->NextSiblingElement()) {
        const std::string name = b->Name();
        int index = 0;
        double lo = 0, hi = 0;
        const std::size_t j = b->QueryIntAttribute("index", &index) == tinyxml2::XML_SUCCESS
                                  ? find_issue(d, index) : d.issues.size();
        if (name != "INCLUDES" || j == d.issues.size() || !d.issues[j].integer ||
            b->QueryDoubleAttribute("min", &lo) != tinyxml2::XML_SUCCESS ||
            b->QueryDoubleAttribute("max", &hi) != tinyxml2::XML_SUCCESS) {
          ctx.error(b, "utility.ufun.hyperRectangle." + name,
                    "unsupported bound: expected <INCLUDES index=… min=… max=…/> on an integer issue of the domain");
          ok = false;
          continue;
        }
        rect.bounds.push_back(RectangleBound{IssueIndex(j), {}, ValueRange{lo, hi}});
      }
      prefs.rectangles.push_back(std::move(rect));
    }
  }
  if (positive > 1.0 + 1e-9)
    ctx.warning(utility, "utility", "the hyperrectangle utilities can add up to more than maxutility; "
                "GENIUS caps a bid's utility at 1, Accord does not");
  return ok;
}

}  // namespace

bool read_profile(const std::string& text, const Context& ctx, const Domain& d, const Scenario& s,
                  Preferences& prefs) {
  tinyxml2::XMLDocument doc;
  if (!parse(doc, text, ctx)) return false;
  const tinyxml2::XMLElement* root = doc.RootElement();
  prefs.present = true;
  prefs.issues.assign(s.issues.size(), IssuePreference{});
  if (const auto* res = find_descendant(root, "reservation")) {
    if (res->QueryDoubleAttribute("value", &prefs.reservation) != tinyxml2::XML_SUCCESS ||
        prefs.reservation < 0 || prefs.reservation > 1) {
      ctx.error(res, "reservation", "reservation value `" + attr(res, "value") + "`; expected a number in [0, 1]");
      return false;
    }
  } else if (std::string_view(root->Name()) == "reservation") {
    root->QueryDoubleAttribute("value", &prefs.reservation);
  }
  const tinyxml2::XMLElement* objective =
      std::string_view(root->Name()) == "objective" ? root : find_descendant(root, "objective");
  if (!objective) {
    ctx.error(root, root->Name(), "no <objective> element; expected a GENIUS profile");
    return false;
  }
  bool ok = true;
  if (const auto* utility = find_descendant(root, "utility"); utility && utility->Attribute("maxutility"))
    return read_rectangles(utility, ctx, d, prefs);

  std::vector<const tinyxml2::XMLElement*> issues;
  collect_issues(objective, issues);
  for (const auto* e : issues) {
    int index = 0;
    e->QueryIntAttribute("index", &index);
    const std::size_t j = find_issue(d, index);
    const std::string path = "issue[index=" + std::to_string(index) + "]";
    if (j == d.issues.size()) {
      ctx.error(e, path, "issue `" + attr(e, "name") + "` (index " + std::to_string(index) +
                             ") is not in the domain");
      ok = false;
      continue;
    }
    if (attr(e, "name") != d.issues[j].name)
      ctx.warning(e, path, "issue name `" + attr(e, "name") + "` differs from the domain's `" +
                               d.issues[j].name + "`; matched by index");
    IssuePreference& ip = prefs.issues[IssueIndex(j)];
    ip.present = true;
    ok = (d.issues[j].integer ? read_integer(e, ctx, path, d.issues[j], ip)
                              : read_discrete(e, ctx, path, s.issues[IssueIndex(j)], ip)) && ok;
  }
  std::vector<bool> weighted(d.issues.size(), false);
  std::vector<const tinyxml2::XMLElement*> stack{objective};
  while (!stack.empty()) {
    const auto* parent = stack.back();
    stack.pop_back();
    for (const auto* w = parent->FirstChildElement(); w; w = w->NextSiblingElement()) {
      if (std::string_view(w->Name()) == "objective") stack.push_back(w);
      if (std::string_view(w->Name()) != "weight") continue;
      int index = 0;
      double value = 0;
      w->QueryIntAttribute("index", &index);
      const std::size_t j = find_issue(d, index);
      if (j == d.issues.size() || w->QueryDoubleAttribute("value", &value) != tinyxml2::XML_SUCCESS) {
        ctx.error(w, "weight[index=" + std::to_string(index) + "]",
                  "weight `" + attr(w, "value") + "` for index " + std::to_string(index) +
                      "; expected a number for an issue index of the domain");
        ok = false;
        continue;
      }
      prefs.issues[IssueIndex(j)].weight = value;
      prefs.issues[IssueIndex(j)].present = true;
      weighted[j] = true;
    }
  }
  for (std::size_t j = 0; j < d.issues.size(); ++j)
    if (!weighted[j])
      ctx.warning(objective, "weight[index=" + std::to_string(d.issues[j].index) + "]",
                  "no weight for issue `" + d.issues[j].name + "`; it counts 0 for this party");
  return ok;
}

}  // namespace accord::io::genius

// Word-level redline of amended and split points (accord::redline) as JSON, text, Markdown and HTML.
#include <nlohmann/json.hpp>

#include "accord/report/diff.hpp"
#include "accord/report/outcome.hpp"
#include "html/svg.hpp"

namespace accord::report {

namespace {

std::string heading(const Scenario& s, const redline::Result& r, const redline::PointRedline& p) {
  return s.versions[r.from].points[p.old_point].id + " → " + s.versions[r.to].points[p.new_point].id +
         (p.split ? " (part of a split)" : "");
}

}  // namespace

Json redline_json(const Scenario& s, const redline::Result& r) {
  Json j;
  j["status"] = std::string(to_string(r.outcome.status));
  j["termination"] = {{"stop", std::string(to_string(r.outcome.termination.stop))},
                      {"detail", r.outcome.termination.detail}};
  Json points = Json::array();
  if (r.outcome.ok())
    for (const redline::PointRedline& p : r.points) {
      Json pieces = Json::array();
      for (const redline::Piece& x : p.diff.pieces)
        pieces.push_back({{"op", std::string(redline::to_string(x.op))}, {"text", x.text}});
      points.push_back({{"from", s.versions[r.from].points[p.old_point].id},
                        {"to", s.versions[r.to].points[p.new_point].id},
                        {"inserted", p.diff.inserted},
                        {"deleted", p.diff.deleted},
                        {"exact", p.diff.exact},
                        {"split", p.split},
                        {"pieces", std::move(pieces)}});
    }
  j["points"] = std::move(points);
  return j;
}

std::string redline_markup(const redline::WordDiff& d, Style style) {
  std::string out;
  for (const redline::Piece& p : d.pieces) {
    if (!out.empty()) out += ' ';
    const bool md = style == Style::markdown;
    if (p.op == redline::Op::remove) out += (md ? "~~" : "[-") + p.text + (md ? "~~" : "-]");
    else if (p.op == redline::Op::insert) out += (md ? "**" : "{+") + p.text + (md ? "**" : "+}");
    else out += p.text;
  }
  return out;
}

std::string redline_html_markup(const redline::WordDiff& d) {
  std::string out;
  for (const redline::Piece& p : d.pieces) {
    if (!out.empty()) out += ' ';
    if (p.op == redline::Op::remove) out += "<del>" + html::esc(p.text) + "</del>";
    else if (p.op == redline::Op::insert) out += "<ins>" + html::esc(p.text) + "</ins>";
    else out += html::esc(p.text);
  }
  return out;
}

std::string redline_text(const Scenario& s, const redline::Result& r, Style style) {
  if (!r.outcome.ok()) return wrap("Redline: " + r.outcome.message() + ".");
  std::string out = "Redline of amended and split points (" + std::string(style == Style::markdown ? "~~deleted~~ **inserted**" : "[-deleted-]{+inserted+}") +
                    "), " + s.versions[r.from].id + " → " + s.versions[r.to].id + ":\n";
  if (r.points.empty()) out += wrap("No amended point changed its text.");
  for (const redline::PointRedline& p : r.points) {
    const std::string line = heading(s, r, p) + ": " + redline_markup(p.diff, style) + " (" +
                             std::to_string(p.diff.deleted) + " words deleted, " + std::to_string(p.diff.inserted) +
                             " inserted" + (p.diff.exact ? "" : "; too long to diff word by word") + ")";
    out += style == Style::markdown ? "- " + line + "\n" : wrap(line, text_width(), "  ");
  }
  if (!r.outcome.termination.finished()) out += wrap("Partial: " + r.outcome.termination.detail + ".");
  return out;
}

std::string diff_html(const Scenario& s, const diff::Result& d, const redline::Result& r) {
  using html::esc;
  const std::string title = "Redline " + (d.outcome.ok() ? s.versions[d.from].id + " → " + s.versions[d.to].id : std::string("(invalid)"));
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) +
                    "</title><style>body{font:15px/1.5 system-ui,sans-serif;max-width:900px;margin:1em auto;padding:0 1em}"
                    "del{background:#ffebe9;color:#82071e}ins{background:#dafbe1;color:#116329;text-decoration:none}"
                    "table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:3px 6px;vertical-align:top}"
                    "</style></head><body><h1>" + esc(title) + "</h1>\n";
  if (!d.outcome.ok()) return out + "<p>" + esc(d.outcome.message()) + "</p></body></html>\n";
  out += "<p>" + std::to_string(d.from_count) + " → " + std::to_string(d.to_count) + " points.";
  for (const diff::Change c : diff::kChanges) {
    out += ' ';  // not " " + …: GCC 12 warns falsely (-Wrestrict) on that concatenation
    out += std::string(diff::to_string(c)) + ": " + std::to_string(d.count(c)) + ".";
  }
  out += "</p>\n<table><thead><tr><th scope=\"col\">" + esc(s.versions[d.from].id) + "</th><th scope=\"col\">" +
         esc(s.versions[d.to].id) + "</th><th scope=\"col\">redline</th></tr></thead><tbody>";
  for (const redline::PointRedline& p : r.points)
    out += "<tr><td>" + esc(s.versions[r.from].points[p.old_point].id) + "</td><td>" +
           esc(s.versions[r.to].points[p.new_point].id) + "</td><td>" + redline_html_markup(p.diff) + "</td></tr>";
  if (r.points.empty()) out += "<tr><td colspan=\"3\">No amended point changed its text.</td></tr>";
  return out + "</tbody></table></body></html>\n";
}

}  // namespace accord::report

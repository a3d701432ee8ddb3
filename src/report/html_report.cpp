// `accord report --html`: the whole analysis as one self-contained HTML document (inline CSS,
// inline SVG, a few lines of inline script; no network). Sections live in src/report/html/.
#include "accord/report/html.hpp"

#include "accord/report/analysis.hpp"

#include "html/sections.hpp"
#include "html/svg.hpp"

namespace accord::report {
namespace {

constexpr const char* kCss = R"css(
:root{--fg:#1b1f24;--muted:#5b6470;--bg:#fff;--line:#d0d7de;--ok:#1a7f37;--no:#cf222e;--open:#bf8700}
*{box-sizing:border-box}body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0}
header,main,footer{max-width:1180px;margin:0 auto;padding:0 16px}header{padding-top:16px}
h1{font-size:1.6em;margin:.3em 0}h2{border-bottom:2px solid var(--line);padding-bottom:4px;margin-top:2em}h3{margin:1.4em 0 .4em}
nav ul{display:flex;flex-wrap:wrap;gap:6px;list-style:none;padding:0}nav a{display:block;padding:4px 10px;border:1px solid var(--line);border-radius:14px;text-decoration:none;color:var(--fg)}
nav a:focus,nav a:hover{background:#eef2f6}a:focus,[tabindex]:focus,summary:focus{outline:3px solid #0969da;outline-offset:2px}
.scroll{overflow-x:auto}table{border-collapse:collapse;margin:.5em 0;font-size:.92em}th,td{border:1px solid var(--line);padding:3px 6px;vertical-align:top;text-align:left}
caption{caption-side:top;text-align:left;color:var(--muted);padding:2px 0}td.num{text-align:right;font-variant-numeric:tabular-nums}
.chart svg{width:100%;height:auto;max-width:100%}.chart{max-width:900px}.note,.muted{color:var(--muted);font-size:.9em}
svg text{font:11px system-ui,sans-serif;fill:#24292f}svg .tick{fill:var(--muted)}svg .axis-label{fill:var(--muted);font-size:12px}
svg .series-label{font-weight:600}svg .chart-title{font-weight:600}svg .bar-label{fill:#fff;font-weight:600}
.axis{stroke:#57606a}.grid{stroke:#eaeef2}.track{stroke:#d8dee4}.stem{stroke:#afb8c1}
.reservation{stroke:var(--no);stroke-width:2;stroke-dasharray:5 3}.acceptable-area{fill:#dafbe1;opacity:.6}
.bar.v-acceptable{fill:#2da44e}.bar.v-unacceptable{fill:#e5534b}.bar.v-open{fill:#d4a72c}.bar.open-range{fill:#d4a72c;opacity:.35}
td.v-acceptable{color:var(--ok)}td.v-unacceptable{color:var(--no)}td.v-open{color:var(--open)}
.chg-kept{fill:#8c959f;background:#eaeef2}.chg-amended{fill:#0969da;background:#ddf4ff}.chg-merged{fill:#8250df;background:#fbefff}
.chg-split{fill:#bf3989;background:#ffeff7}.chg-dropped{fill:#cf222e;background:#ffebe9}.chg-added{fill:#1a7f37;background:#dafbe1}
.chip{display:inline-block;padding:1px 8px;border-radius:10px;margin:2px;font-size:.9em}ul.counts{list-style:none;padding:0;display:flex;flex-wrap:wrap}
table.heat td{text-align:center;min-width:1.8em;font-weight:600}table.heat th.pt{text-align:center}
.st-accept{background:#aceebb;fill:#2da44e}.st-conditional{background:#fff1a8;fill:#d4a72c}.st-reject{background:#ffcecb;fill:#e5534b}.st-unknown{background:#eaeef2;fill:#afb8c1}
table.heat th.blocked{background:#cf222e;color:#fff}table.heat td.blocked{box-shadow:inset 0 0 0 2px #cf222e}
.readiness{border-left:5px solid var(--no);padding:4px 12px;background:#fff8f8}.readiness.ok{border-color:var(--ok);background:#f6fff8}
.finding{padding:6px 12px;border-left:5px solid var(--no);background:#fff8f8}.finding.ok{border-color:var(--ok);background:#f6fff8}
.pair-body{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}.pair-body .chart{flex:1 1 420px;max-width:560px}
.pkg-panel{flex:1 1 300px;border:1px solid var(--line);border-radius:6px;padding:8px 12px;font-size:.9em;max-height:460px;overflow:auto}
.projected circle{fill:#8c959f;opacity:.45}.frontier{fill:none;stroke:#0969da;stroke-width:2}.fp{fill:#0969da;cursor:pointer}
.mark{cursor:pointer}.mark circle,.mark rect{stroke:#24292f;stroke-width:1.5}.mark text{font-weight:600}
.m-nash circle{fill:#e69f00}.m-ks circle{fill:#cc79a7}.m-egal circle{fill:#009e73}.m-util circle{fill:#56b4e9}.m-closest circle{fill:#d55e00}.m-draft rect{fill:#fff}.m-draft.best rect{fill:#24292f}.draft-range{stroke:#24292f;stroke-width:1.5;stroke-dasharray:4 3}
.mark:focus circle,.mark:focus rect,.mark.sel circle,.mark.sel rect,circle.mark:focus,circle.mark.sel{stroke:#0969da;stroke-width:4}
dl.package{display:grid;grid-template-columns:minmax(8em,45%) 1fr;gap:2px 10px;margin:.3em 0}dl.package dt{color:var(--muted)}dl.package dd{margin:0}
.band{fill:#afb8c1;opacity:.55}.fc-smp{fill:#24292f}.fc-eum{fill:none;stroke:#24292f;stroke-width:1.5}.actor{stroke:#fff;stroke-width:1}
.series{fill:none;stroke-width:1.6}.multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:8px}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:12px}.swatch{display:inline-block;width:12px;height:12px;border-radius:50%;margin-right:4px;vertical-align:-1px}
table.stability td{text-align:center}table.stability tr.eq{background:#fff8c5}table.stability tr.sq th{outline:2px solid #0969da}
.ev circle{fill:#0969da;stroke:#fff}.ev text{fill:#fff;font-size:9px;font-weight:600}.ev-strike circle{fill:#cf222e}.ev-statement circle{fill:#8250df}.ev-proposal circle{fill:#1a7f37}
.version-mark{fill:#24292f}table.events td:nth-child(2){white-space:nowrap}.swatch.st-accept{background:#2da44e}.swatch.st-conditional{background:#d4a72c}.swatch.st-reject{background:#e5534b}.swatch.st-unknown{background:#afb8c1}
.est-mark{color:var(--open);font-weight:700}sup.cite{font-size:.75em}ol.sources{font-size:.9em;word-break:break-all}
.warn{background:#fff8c5;border:1px solid #d4a72c;padding:6px 12px;border-radius:6px}
@media (max-width:640px){body{font-size:14px}th,td{padding:2px 4px}}
@media print{nav,.pkg-panel{display:none}details{display:block}}
)css";

// Clicking (or Enter/Space on) a chart marker shows its package in the panel beside the chart.
constexpr const char* kScript = R"js(
(function(){
function esc(t){return String(t).replace(/[&<>"']/g,function(c){return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c];});}
function show(m){var pair=m.closest('.pair');if(!pair)return;var d=JSON.parse(m.getAttribute('data-p'));
pair.querySelectorAll('.sel').forEach(function(e){e.classList.remove('sel');});m.classList.add('sel');
var h='<h4>'+esc(d.t)+'</h4><p>'+Object.keys(d.u).map(function(k){return esc(k)+' '+d.u[k];}).join(', ')+'</p><dl class="package">';
d.x.forEach(function(p){h+='<dt>'+esc(p[0])+'</dt><dd>'+esc(p[1])+'</dd>';});
pair.querySelector('.pkg-panel').innerHTML=h+'</dl>';}
document.addEventListener('click',function(e){var m=e.target.closest&&e.target.closest('[data-p]');if(m)show(m);});
document.addEventListener('keydown',function(e){if(e.key!=='Enter'&&e.key!==' ')return;var m=e.target.closest&&e.target.closest('[data-p]');if(m){e.preventDefault();show(m);}});
})();
)js";

constexpr std::pair<const char*, const char*> kNav[] = {
    {"summary", "Summary"},     {"parties", "Parties"},     {"framework", "Framework"}, {"stances", "Stances"},
    {"utilities", "Utilities"}, {"rounds", "Rounds"},     {"negotiations", "Negotiations"}, {"bargain", "Bargaining"}, {"forecast", "Forecast"},   {"stability", "Stability"},
    {"timeline", "Timeline"},   {"sources", "Sources"}};

std::string summary_list(const Scenario& s, const ScenarioAnalysis& a) {
  std::string items;
  for (const SummaryLine& line : summary_items(s, a)) {  // the notes as links (report/sources.hpp)
    const std::string words = basis_words(line.basis);
    items += "<li>" + html::esc(line.text) + html::cite(line.basis) + (words.empty() ? "" : " (" + html::esc(words) + ")") +
             "</li>";
  }
  return items.empty() ? html::para("Nothing to summarise: the scenario has no versions or bargaining.")
                       : "<ul class=\"summary\">" + items + "</ul>\n";
}

std::string parties_table(const Scenario& s, const ScenarioAnalysis& a, std::size_t listed) {
  using html::esc;
  std::string out = "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">id</th><th scope=\"col\">name</th><th "
                    "scope=\"col\">role</th><th scope=\"col\">capability</th><th scope=\"col\">preferences</th><th "
                    "scope=\"col\">reservation</th><th scope=\"col\">sources</th></tr></thead><tbody>";
  for (const PartyIndex p : s.parties.indices()) {
    if (p.get() >= listed) break;
    const Party& party = s.parties[p];
    const Preferences& pr = s.preferences[p];
    const Citation c = a.sources.party(party);
    out += "<tr><td>" + esc(party.id) + "</td><td>" + esc(party.name) + "</td><td>" + esc(std::string(to_string(party.role))) +
           "</td><td class=\"num\">" + html::num(party.capability, 2) + html::estimate_html(c.estimate) + "</td><td>" +
           (pr.present ? "yes" : "no") + "</td><td class=\"num\">" +
           (pr.present ? html::num(pr.reservation, 3) + html::estimate_html(preference_inputs(pr).reservation_estimated)
                       : "—") +
           "</td><td>" + html::cite(c) + "</td></tr>";
  }
  out += "</tbody></table></div>\n";
  if (s.parties.size() > listed)
    out += "<p class=\"note\">… and " + std::to_string(s.parties.size() - listed) + " more parties.</p>\n";
  return out;
}

}  // namespace

std::string html_report(const Scenario& s, const ScenarioAnalysis& a, const HtmlOptions& options,
                        SectionTerminations* sections) {
  using html::esc;
  SectionTerminations ends = a.sections;
  const html::Context c{s, a, options, a.evaluations, &ends};
  const std::string title = "Accord report: " + (s.title.empty() ? s.id : s.title);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                    "script-src 'unsafe-inline'; img-src data:\">"
                    "<title>" + esc(title) + "</title><style>" + kCss + "</style></head>\n<body>\n<header><h1>" +
                    esc(title) + "</h1><p>Scenario <code>" + esc(s.id) + "</code>" + (s.date.empty() ? "" : ", " + esc(s.date)) +
                    ". " + esc(s.description) + html::cite(a.sources.scenario(s)) + "</p>" + html::legend_html(a);
  out += "<nav aria-label=\"Sections\"><ul>";
  for (const auto& [id, name] : kNav) out += "<li><a href=\"#" + std::string(id) + "\">" + name + "</a></li>";
  out += "</ul></nav></header>\n<main>\n";
  out += html::section("summary", "Summary", summary_list(s, a));
  out += html::section("parties", "Parties",
                       parties_table(s, a, a.options.limits.listed_parties) + html::preference_inputs_html(c));
  out += html::framework_section(c);
  out += html::stances_section(c);
  out += html::utilities_section(c);
  out += html::rounds_section(c);
  out += html::negotiations_section(c);
  out += html::bargain_section(c);
  out += html::forecast_section(c);
  out += html::stability_section(c);
  out += html::timeline_section(c);
  std::string partial;
  for (const auto& st : ends)
    if (!st.termination.finished())
      partial += "<li>" + esc(st.section) + ": " + esc(std::string(to_string(st.termination.stop))) + " — " +
                 esc(st.termination.detail) + "</li>";
  if (!partial.empty())
    out += html::section("partial", "Partial or skipped sections", "<ul>" + partial + "</ul>");
  out += html::sources_section(c);
  out += "</main>\n<footer><p class=\"note\">Made by Accord (<code>accord report --html</code>). This file is "
         "self-contained: it loads nothing from the network.</p></footer>\n<script>" + std::string(kScript) +
         "</script>\n</body></html>\n";
  if (sections != nullptr) *sections = std::move(ends);
  return out;
}

}  // namespace accord::report

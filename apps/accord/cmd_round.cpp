// accord round open|answer|close|show|publish: mediation rounds on a negotiation record
// (docs/rounds.md). The same store calls, engine and serialisers as the server's
// /api/scenarios/{id}/rounds routes; the CLI user holds the database, so it sees everything.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include "accord/report/round.hpp"
#include "store_cli.hpp"

namespace accord::cli {
namespace {

using Json = nlohmann::ordered_json;

constexpr double kCloseSeconds = 60.0;

std::shared_ptr<const store::Snapshot> snapshot_or_exit(const store::Store& s, const std::string& id) {
  auto snap = s.snapshot(id);
  if (!snap) throw store_exit(snap.error());
  return *snap;
}

RoundRecord round_or_exit(const store::Store& s, const std::string& id, std::int64_t n) {
  auto r = s.round(id, n);
  if (!r) throw store_exit(r.error());
  return *r;
}

rounds::Summary live(const Scenario& s, const RoundRecord& r) {
  evaluate::Params params;
  params.deadline = Deadline::after(kCloseSeconds);
  return rounds::summarize(s, r, params);
}

void print(const std::string& output, bool json, const Json& doc, const std::string& text) {
  write_output(output, json ? doc.dump(2) + "\n" : text);
}

Json read_json_file(const std::string& path, const char* flag) {
  std::ifstream in(path);
  if (!in) throw Exit{kExitInvalidInput, std::string(flag) + ": cannot read `" + path + "`"};
  std::stringstream buf;
  buf << in.rdbuf();
  Json j = Json::parse(buf.str(), nullptr, false);
  if (j.is_discarded()) throw Exit{kExitInvalidInput, std::string(flag) + ": `" + path + "` is not valid JSON"};
  return j;
}

Exit body_exit(const std::string& what, const report::BodyError& e) {
  return Exit{kExitInvalidInput, what + ": " + (e.field.empty() ? "" : e.field + ": ") + e.message};
}

// --acceptable ISSUE=A,B (option ids, or numbers for a numeric issue).
AcceptableSettings parse_acceptable(const Scenario& s, const std::string& text) {
  const std::size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0)
    throw Exit{kExitInvalidInput, "--acceptable: expected ISSUE=VALUE[,VALUE…], got `" + text + "`"};
  AcceptableSettings a;
  a.issue = text.substr(0, eq);
  const IssueIndex i = s.find_issue(a.issue);
  const bool numeric = i.valid() && s.issues[i].kind == IssueKind::numeric;
  std::stringstream rest(text.substr(eq + 1));
  std::string item;
  while (std::getline(rest, item, ',')) {
    if (item.empty()) continue;
    if (!numeric) {
      a.options.push_back(item);
      continue;
    }
    try {
      std::size_t used = 0;
      a.values.push_back(std::stod(item, &used));
      if (used != item.size()) throw std::invalid_argument(item);
    } catch (const std::exception&) {
      throw Exit{kExitInvalidInput, "--acceptable: `" + item + "` is not a number (issue `" + a.issue + "`)"};
    }
  }
  return a;
}

void add_round(CLI::App& app) {
  auto* cmd = app.add_subcommand("round", "Mediation rounds: circulate a version, collect private answers, close, "
                                          "publish the next version")
                  ->require_subcommand(1);
  struct Opts {
    std::string db, scenario, version, party, point, stance, note, amendment, by, file, output = "-";
    std::string label, date;
    std::vector<std::string> parties, acceptable, drop;
    std::vector<std::int64_t> adopt;
    std::int64_t round = 0;
    std::optional<std::int64_t> revision;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  auto common = [&](CLI::App* sub, bool writes) {
    sub->add_option("--db", o->db, "Database file")->required();
    sub->add_option("SCENARIO", o->scenario, "Scenario id")->required();
    sub->add_flag("--json", o->json, "Print the JSON document (docs/rounds.md \"JSON\")");
    sub->add_option("-o,--output", o->output, "Output file (default: standard output)");
    if (writes) sub->add_option("--by", o->by, "Recorded as the author (default cli:$USER)");
  };

  auto* open = cmd->add_subcommand("open", "Circulate a version in a new round")
                   ->footer("Example:\n  accord round open --db talks.db geneva-2025 v20 --parties UA,RU");
  common(open, true);
  open->add_option("VERSION", o->version, "The version to circulate (frozen from now on)")->required();
  open->add_option("--parties", o->parties, "Addressed party ids (default: every party of role `party` with "
                                             "preferences)")
      ->delimiter(',');
  open->add_option("--revision", o->revision, "Fail (exit 2) if the scenario was re-imported after revision N");
  open->callback([o, open] {
    require_utf8_options(open, {"--db", "--output"});
    auto s = open_store_or_exit(o->db);
    std::int64_t base = 0;
    if (o->revision) {
      base = *o->revision;
    } else {
      auto rev = s->revision(o->scenario);
      if (!rev) throw store_exit(rev.error());
      base = *rev;
    }
    auto r = s->open_round(o->scenario, o->version, o->parties, base, cli_author(o->by));
    if (!r) throw store_exit(r.error());
    const auto snap = snapshot_or_exit(*s, o->scenario);
    std::string parties;
    for (const std::string& p : r->parties) parties += (parties.empty() ? "" : ", ") + p;
    print(o->output, o->json, report::round_json(snap->scenario, *r, nullptr),
          "Round " + std::to_string(r->number) + " opened on " + r->version + " for " + parties + " (revision " +
              std::to_string(r->opened_revision) + "); " + r->version + " is frozen from now on.\n");
  });

  auto* answer = cmd->add_subcommand("answer", "Record a party's answers in an open round")
                     ->footer("Examples:\n  accord round answer --db talks.db geneva-2025 1 UA P20_04 reject "
                              "--note \"cap too low\" --acceptable army_cap=800,900\n"
                              "  accord round answer --db talks.db geneva-2025 1 RU --file ru.json   "
                              "# {\"responses\": {\"P20_01\": \"accept\", …}}");
  common(answer, true);
  answer->add_option("ROUND", o->round, "Round number")->required();
  answer->add_option("PARTY", o->party, "The answering party")->required();
  answer->add_option("POINT", o->point, "Point id (or use --file)");
  answer->add_option("STANCE", o->stance, "accept | reject | conditional | no_answer")
      ->check(CLI::IsMember({"accept", "reject", "conditional", "no_answer"}));
  answer->add_option("--note", o->note, "Why");
  answer->add_option("--amendment", o->amendment, "Proposed wording");
  answer->add_option("--acceptable", o->acceptable, "ISSUE=A,B: settings of an issue the point sets that the party "
                                                     "could accept; repeatable");
  answer->add_option("--file", o->file, "JSON file {\"responses\": {POINT: answer}} (the API's PUT body)");
  answer->add_option("--revision", o->revision, "Fail (exit 2) if an answer written changed after revision N");
  answer->callback([o, answer] {
    require_utf8_options(answer, {"--db", "--output", "--file"});
    auto s = open_store_or_exit(o->db);
    const auto snap = snapshot_or_exit(*s, o->scenario);
    std::vector<RoundResponse> answers;
    if (!o->file.empty()) {
      if (!o->point.empty()) throw Exit{kExitInvalidInput, "give either POINT STANCE or --file, not both"};
      const Json body = read_json_file(o->file, "--file");
      const Json& responses = body.is_object() && body.contains("responses") ? body["responses"] : body;
      if (auto e = report::parse_responses(responses, answers)) throw body_exit("--file", *e);
    } else {
      if (o->point.empty() || o->stance.empty())
        throw Exit{kExitInvalidInput, "give POINT and STANCE (or --file with several answers)"};
      RoundResponse a;
      a.point = o->point;
      a.answer = parse_round_answer(o->stance).value_or(RoundAnswer::no_answer);  // IsMember checked it
      a.note = o->note;
      a.amendment = o->amendment;
      for (const std::string& text : o->acceptable) a.acceptable.push_back(parse_acceptable(snap->scenario, text));
      answers.push_back(std::move(a));
    }
    const std::int64_t base = o->revision.value_or(snap->revision);
    auto w = s->set_responses(o->scenario, o->round, o->party, answers, base, cli_author(o->by));
    if (!w) throw store_exit(w.error());
    const Json doc = {{"schema", report::kRoundSchema}, {"scenario", o->scenario}, {"round", o->round},
                      {"party", o->party},           {"revision", w->revision},   {"written", answers.size()}};
    print(o->output, o->json, doc,
          o->party + ": " + std::to_string(answers.size()) + " answer" + (answers.size() == 1 ? "" : "s") +
              " recorded in round " + std::to_string(o->round) + " (revision " + std::to_string(w->revision) + ")\n");
  });

  auto* close = cmd->add_subcommand("close", "Close a round: who accepts what, readiness, convergence")
                    ->footer("Example:\n  accord round close --db talks.db geneva-2025 1");
  common(close, true);
  close->add_option("ROUND", o->round, "Round number")->required();
  close->add_option("--revision", o->revision, "Fail (exit 2) if an answer changed after revision N");
  close->callback([o, close] {
    require_utf8_options(close, {"--db", "--output"});
    auto s = open_store_or_exit(o->db);
    const auto snap = snapshot_or_exit(*s, o->scenario);
    const RoundRecord r = round_or_exit(*s, o->scenario, o->round);
    const std::int64_t computed_at = r.last_answer_revision();
    if (o->revision && computed_at > *o->revision)
      throw Exit{kExitInvalidInput, "an answer of round " + std::to_string(o->round) + " changed at revision " +
                                        std::to_string(computed_at) + ", after revision " +
                                        std::to_string(*o->revision)};
    const rounds::Summary sum = live(snap->scenario, r);
    const Json summary = report::close_summary_json(snap->scenario, r, Deadline::after(kCloseSeconds));
    auto closed = s->close_round(o->scenario, o->round, summary.dump(), computed_at, cli_author(o->by));
    if (!closed) throw store_exit(closed.error());
    print(o->output, o->json, summary, report::round_summary_text(snap->scenario, *closed, sum, report::Style::text));
  });

  auto* show = cmd->add_subcommand("show", "The rounds of a scenario, one round, or one party's answers")
                   ->footer("Examples:\n  accord round show --db talks.db geneva-2025            # every round\n"
                            "  accord round show --db talks.db geneva-2025 2 --json\n"
                            "  accord round show --db talks.db geneva-2025 2 --party UA   # with every revision");
  common(show, false);
  show->add_option("ROUND", o->round, "Round number (default: list every round)");
  show->add_option("--party", o->party, "Only this party's answers, with their history");
  show->callback([o, show] {
    require_utf8_options(show, {"--db", "--output"});
    auto s = open_store_read_only_or_exit(o->db);
    const auto snap = snapshot_or_exit(*s, o->scenario);
    const Scenario& sc = snap->scenario;
    if (o->round == 0) {
      auto all = s->rounds(o->scenario);
      if (!all) throw store_exit(all.error());
      std::vector<rounds::Summary> sums;
      for (const RoundRecord& r : *all) sums.push_back(live(sc, r));
      print(o->output, o->json, report::rounds_json(sc, *all, sums),
            report::rounds_text(sc, *all, sums, report::Style::text));
      return;
    }
    const RoundRecord r = round_or_exit(*s, o->scenario, o->round);
    if (!o->party.empty()) {
      if (std::find(r.parties.begin(), r.parties.end(), o->party) == r.parties.end())
        throw Exit{kExitInvalidInput, "party `" + o->party + "` is not addressed in round " + std::to_string(r.number)};
      auto history = s->response_history(o->scenario, o->round, o->party);
      if (!history) throw store_exit(history.error());
      std::string text;
      for (const RoundResponse& a : *history)
        text += a.set_at + "  r" + std::to_string(a.revision) + "  " + a.point + "  " +
                std::string(to_string(a.answer)) + "  by " + a.set_by + (a.note.empty() ? "" : "  — " + a.note) +
                (a.amendment.empty() ? "" : "  [amendment: " + a.amendment + "]") + "\n";
      print(o->output, o->json, report::responses_json(sc, r, o->party, &*history), text);
      return;
    }
    const rounds::Summary sum = live(sc, r);
    print(o->output, o->json, report::round_json(sc, r, &sum), report::round_text(sc, r, &sum, report::Style::text));
  });

  auto* publish = cmd->add_subcommand("publish", "Publish the next version from a closed round")
                      ->footer("Example:\n  accord round publish --db talks.db geneva-2025 1 --version v21 "
                               "--edits edits.json\n  # edits.json: {\"amend\": {\"P20_04\": {\"text\": \"…\", "
                               "\"sets\": {\"army_cap\": 800}}}, \"drop\": [\"P20_12\"], \"add\": [{\"text\": \"…\"}]}");
  common(publish, true);
  publish->add_option("ROUND", o->round, "Round number")->required();
  publish->add_option("--version", o->version, "The new version's id")->required();
  publish->add_option("--label", o->label, "The new version's label");
  publish->add_option("--date", o->date, "The new version's date");
  publish->add_option("--edits", o->file, "JSON file {amend?, drop?, add?} (the API's publish body)");
  publish->add_option("--drop", o->drop, "Drop this point; repeatable");
  publish->add_option("--adopt", o->adopt, "Adopt suggestion I of the close summary (numbered from 0; "
                                           "repairs and the closest package); comma-separated")
      ->delimiter(',');
  publish->add_option("--revision", o->revision, "Fail (exit 2) if a document was written after revision N");
  publish->callback([o, publish] {
    require_utf8_options(publish, {"--db", "--output", "--edits"});
    auto s = open_store_or_exit(o->db);
    const auto snap = snapshot_or_exit(*s, o->scenario);
    Json body = o->file.empty() ? Json::object() : read_json_file(o->file, "--edits");
    if (!body.is_object()) throw Exit{kExitInvalidInput, "--edits: expected a JSON object"};
    body["version"] = o->version;
    if (!o->label.empty()) body["label"] = o->label;
    if (!o->date.empty()) body["date"] = o->date;
    for (const std::string& d : o->drop) body["drop"].push_back(d);
    for (const std::int64_t i : o->adopt) body["adopt"].push_back(i);
    const RoundRecord r = round_or_exit(*s, o->scenario, o->round);
    if (r.status != RoundStatus::closed)
      throw Exit{kExitInvalidInput, "round " + std::to_string(r.number) + " is open; close it before publishing"};
    if (auto e = report::adopt_suggestions(snap->scenario, r, body)) throw body_exit("--adopt", *e);
    rounds::Edits edits;
    if (auto e = report::parse_edits(body, edits)) throw body_exit("--edits", *e);
    const rounds::NextVersion next =
        rounds::next_version(snap->scenario, snap->scenario.find_version(r.version), edits);
    if (!next.outcome.ok()) {
      const auto& d = next.outcome.diagnostics;
      throw Exit{kExitInvalidInput, (d.empty() || d.front().path.empty() ? "" : d.front().path + ": ") +
                                        next.outcome.message()};
    }
    auto w = s->publish_round(o->scenario, o->round, next.version, o->revision.value_or(snap->revision),
                              cli_author(o->by));
    if (!w) throw store_exit(w.error());
    print(o->output, o->json, report::published_json(snap->scenario, r, next, w->revision),
          report::published_text(snap->scenario, next, report::Style::text));
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("round", 22, add_round);

}  // namespace accord::cli

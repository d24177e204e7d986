// bilik query: walk the store from the command line.
#include <spdlog/spdlog.h>

#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "bilik/query.h"
#include "bilik/rule_pack.h"
#include "bilik/sql_query.h"
#include "bilik/store.h"
#include "commands.h"
#include "option_values.h"
#include "options.h"
#include "table_printer.h"

namespace bilik::cli {
namespace {

constexpr const char* kHelp = R"(usage: bilik query [--db FILE] [--format table|tsv|csv|json|jsonl] COMMAND ...

  entity NAME                       an entity by any name, case or suffix
                                    ("Tokayevin", "TÜRKİYƏ", "NATO-nun", "ABŞ'ın")
  neighbors NAME [--hops K] [--predicate P] [--type T]
                                    entities linked to NAME, up to K steps away (1 to 5, default 1)
  triples [--subject NAME] [--predicate P] [--object NAME] [--since DATE] [--until DATE]
          [--min-confidence X] [--stated-only]
                                    with the evidence of each: document, span, text, rule,
                                    confidence, inferred (1: derived by a rule infer:<id>);
                                    a date is its whole year, month or day, kept when it
                                    overlaps [--since, --until]; X from 0 to 1
  path A B [--max-hops K]           shortest paths between two entities (K 1 to 8, default 4),
                                    each step with its evidence
  match 'PATTERN'                   triple patterns joined SPARQL-style:
                                    '?p holds_position Qazaxıstan . ?p visited ?s'
  sql 'SELECT ...' [--timeout S] [--max-rows N]
                                    one read-only statement over the store's views, streamed; the
                                    argument after sql is the statement even if it starts with --;
                                    stops after S seconds (default 5, 0: none) or N rows (default: all)

  --db FILE        the store (default graph.db), opened read-only
  --format F       table (default on a terminal), tsv (default in a pipe), csv,
                   json (an array of objects with numbers and nulls typed), jsonl (one object a line)
  --predicate P    a predicate of schema/predicates.json (visited, met_with, ...)
  --type T         PERSON, STATE, ORGANIZATION, TREATY or LOCATION
  DATE             YYYY, YYYY-MM or YYYY-MM-DD

A query that finds nothing says so on standard error and exits 1.

examples:
  bilik query --db news.db entity "NATO-nun"
  bilik query --db news.db neighbors "İlham Əliyev" --hops 2 --type STATE
  bilik query --db news.db --format json path Tokayev Türkiyə
  bilik query --db news.db --format jsonl --max-rows 100 sql "SELECT * FROM triples"
)";

const std::set<std::string> kWithValue{"--db",    "--format", "--hops",  "--predicate", "--type",    "--subject",
                                       "--object", "--since", "--until", "--rules",     "--max-hops", "--timeout",
                                       "--max-rows", "--min-confidence"};

// The options each query command takes; any other is a usage error.
const std::map<std::string, std::set<std::string>>& options_of() {
  static const std::map<std::string, std::set<std::string>> table{
      {"entity", {}},
      {"neighbors", {"--hops", "--predicate", "--type"}},
      {"triples", {"--subject", "--predicate", "--object", "--since", "--until", "--min-confidence", "--stated-only"}},
      {"path", {"--max-hops"}},
      {"match", {}},
      {"sql", {"--timeout", "--max-rows"}}};
  return table;
}

// How many arguments follow each command.
size_t arity(const std::string& command) { return command == "path" ? 2 : command == "triples" ? 0 : 1; }

// The argument after the subcommand "sql" is the statement, whatever it
// looks like ("-- a comment\nSELECT ..."): it is taken out before the
// options are parsed, so it is never read as an option.
std::optional<std::string> take_sql_statement(Args& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") return std::nullopt;
    if (a.rfind("--", 0) == 0) {
      if (kWithValue.count(a)) ++i;  // skip the option's value
      continue;
    }
    if (a != "sql" || i + 1 >= args.size()) return std::nullopt;
    std::string statement = args[i + 1];
    args.erase(args.begin() + static_cast<long>(i) + 1);
    return statement;
  }
  return std::nullopt;
}

// Streams user SQL to the output with the --timeout and --max-rows limits:
// rows are printed as SQLite produces them, typed in JSON and JSON Lines.
int stream_user_sql(sqlite3* db, const std::string& statement, const SqlLimits& limits, const std::string& format) {
  RowPrinter printer(format, stdout);
  auto done = stream_sql(
      db, statement, limits, [&](const std::vector<std::string>& columns) { printer.columns(columns); },
      [&](const std::vector<Cell>& cells) { printer.row(cells); });
  printer.finish();
  if (!done) {
    spdlog::error("query: {}", done.error());
    return 2;
  }
  if (done->truncated)
    spdlog::warn("query: stopped after {} rows (--max-rows); more rows were left", done->rows);
  return 0;
}

}  // namespace

int run_query(const Args& given, const std::string& argv0) {
  Args args = given;
  const std::optional<std::string> statement = take_sql_statement(args);
  auto opts = parse_options(args, kWithValue, {"--help", "--stated-only"});
  if (!opts) return usage_error("query", opts.error());
  if (opts->has("--help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  // Every value is checked before the store is opened.
  if (opts->positional.empty()) return usage_error("query", "no COMMAND given (entity, neighbors, triples, path, match, sql)");
  // The statement taken out before parsing is sql's argument.
  if (statement) opts->positional.insert(opts->positional.begin() + 1, *statement);
  const std::string command = opts->positional[0];
  std::vector<std::string> commands;
  for (const auto& [name, options] : options_of()) commands.push_back(name);
  if (auto known = one_of("COMMAND", command, commands); !known) return usage_error("query", known.error());
  for (const auto& [option, values] : opts->values)
    if (option != "--db" && option != "--format" && option != "--rules" && !options_of().at(command).count(option))
      return usage_error("query", option + " does not apply to '" + command + "'");
  if (opts->has("--stated-only") && !options_of().at(command).count("--stated-only"))
    return usage_error("query", "--stated-only does not apply to '" + command + "'");
  const std::vector<std::string> operands(opts->positional.begin() + 1, opts->positional.end());
  if (operands.size() != arity(command))
    return usage_error("query", "'" + command + "' takes " +
                                    (arity(command) == 0 ? std::string("no argument")
                                     : arity(command) == 1 ? std::string("one argument (in quotes if it has spaces)")
                                                           : std::string("two entity names")) +
                                    ", got " + std::to_string(operands.size()));
  for (const std::string& operand : operands)
    if (operand.empty()) return usage_error("query", "'" + command + "' got an empty argument");
  auto format = one_of("--format", opts->get("--format", "auto"), {"auto", "table", "tsv", "csv", "json", "jsonl"});
  if (!format) return usage_error("query", format.error());
  auto hops = whole_number("--hops", opts->get("--hops", "1"), 1, 5);
  if (!hops) return usage_error("query", hops.error());
  auto max_hops = whole_number("--max-hops", opts->get("--max-hops", "4"), 1, 8);
  if (!max_hops) return usage_error("query", max_hops.error());
  std::string predicate, type;
  if (opts->given("--predicate")) {
    auto p = predicates("--predicate", opts->get("--predicate"));
    if (!p) return usage_error("query", p.error());
    if (p->size() != 1) return usage_error("query", "--predicate takes one predicate");
    predicate = p->front();
  }
  if (opts->given("--type")) {
    auto t = entity_types("--type", opts->get("--type"));
    if (!t) return usage_error("query", t.error());
    if (t->size() != 1) return usage_error("query", "--type takes one type");
    type = t->front();
  }
  std::string since, until;
  for (const char* option : {"--since", "--until"}) {
    if (!opts->given(option)) continue;
    auto date = iso_date(option, opts->get(option));
    if (!date) return usage_error("query", date.error());
    (std::string(option) == "--since" ? since : until) = *date;
  }
  auto min_confidence = fraction("--min-confidence", opts->get("--min-confidence", "0"));
  if (!min_confidence) return usage_error("query", min_confidence.error());
  auto timeout = seconds("--timeout", opts->get("--timeout", "5"), 86400);
  if (!timeout) return usage_error("query", timeout.error());
  auto max_rows = whole_number("--max-rows", opts->get("--max-rows", "0"), 0, 1'000'000'000'000);
  if (!max_rows) return usage_error("query", max_rows.error());

  auto store = Store::open(opts->get("--db", "graph.db"), Store::Mode::ReadOnly);
  if (!store) {
    spdlog::error("{}", store.error());
    return 2;
  }
  sqlite3* db = (*store)->handle();
  auto pack = load_rule_pack(opts->get("--rules", default_pack_dir(argv0)));
  const Morphology* morphology = pack ? &pack->morphology : nullptr;
  if (!pack) spdlog::warn("query: {}; names are matched without suffixes", pack.error());

  // 1: the name names nothing (said on stderr); 2: the store failed.
  auto resolve = [&](const std::string& name, std::vector<long long>& ids) -> int {
    auto found = find_entities(db, name, morphology);
    if (!found) {
      spdlog::error("query: {}", found.error());
      return 2;
    }
    if (found->empty()) {
      spdlog::error("query: no entity is called '{}'", name);
      return 1;
    }
    ids = *found;
    return 0;
  };
  std::string nothing;  // what to say when the answer has no row
  Result<Table> result = Table{};
  if (command == "entity") {
    std::vector<long long> ids;
    if (int status = resolve(operands[0], ids)) return status;
    Table all;
    for (long long id : ids) {
      auto card = entity_card(db, id);
      if (!card) return spdlog::error("query: {}", card.error()), 2;
      all.columns = card->columns;
      all.rows.insert(all.rows.end(), card->rows.begin(), card->rows.end());
    }
    result = all;
  } else if (command == "neighbors") {
    std::vector<long long> ids;
    if (int status = resolve(operands[0], ids)) return status;
    NeighborQuery q;
    q.hops = static_cast<int>(*hops);
    q.predicate = predicate;
    q.type = type;
    result = neighbors(db, ids, q);  // every entity so named: a generic name may be several
    nothing = "no neighbour of '" + operands[0] + "' within " + std::to_string(*hops) + " hop" + (*hops == 1 ? "" : "s") +
              (predicate.empty() && type.empty() ? "" : " with these filters");
  } else if (command == "triples") {
    TripleQuery q;
    if (opts->given("--subject"))
      if (int status = resolve(opts->get("--subject"), q.subjects)) return status;
    if (opts->given("--object"))
      if (int status = resolve(opts->get("--object"), q.objects)) return status;
    q.predicate = predicate;
    q.since = since;
    q.until = until;
    q.min_confidence = *min_confidence;
    q.stated_only = opts->has("--stated-only");
    result = triples(db, q);
    nothing = "no triple matches";
  } else if (command == "path") {
    std::vector<long long> from, to;
    if (int status = resolve(operands[0], from)) return status;
    if (int status = resolve(operands[1], to)) return status;
    result = shortest_paths(db, from.front(), to.front(), static_cast<int>(*max_hops));
    nothing = "no path between '" + operands[0] + "' and '" + operands[1] + "' within " + std::to_string(*max_hops) +
              " hops (--max-hops)";
  } else if (command == "match") {
    result = match_patterns(db, operands[0], morphology);
    nothing = "nothing matches the pattern";
  } else {
    return stream_user_sql(db, operands[0], {.timeout_seconds = *timeout, .max_rows = *max_rows},
                           *format == "auto" ? "" : *format);
  }
  if (!result) {
    spdlog::error("query: {}", result.error());
    return 2;
  }
  if (result->rows.empty() && !nothing.empty()) {
    spdlog::error("query: {}", nothing);
    return 1;
  }
  print_table(*result, *format == "auto" ? "" : *format, stdout);
  return 0;
}

}  // namespace bilik::cli

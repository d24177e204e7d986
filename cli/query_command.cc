// bilik query: walk the store from the command line.
#include <spdlog/spdlog.h>

#include <cstdio>
#include <optional>
#include <set>

#include "bilik/query.h"
#include "bilik/rule_pack.h"
#include "bilik/sql_query.h"
#include "bilik/store.h"
#include "commands.h"
#include "options.h"
#include "table_printer.h"

namespace bilik::cli {
namespace {

constexpr const char* kHelp = R"(usage: bilik query [--db FILE] [--format table|json|csv|tsv] COMMAND ...

  entity NAME                       an entity by any name, suffix or case ("Tokayevin", "TÜRKİYƏ")
  neighbors NAME [--hops K] [--predicate P] [--type T]
  triples [--subject NAME] [--predicate P] [--object NAME] [--since DATE] [--until DATE]
                                    with the evidence of each: document, span, text
  path A B [--max-hops K]           shortest paths between two entities, each step with its evidence
  match 'PATTERN'                   triple patterns joined SPARQL-style:
                                    '?p holds_position Qazaxıstan . ?p visited ?s'
  sql 'SELECT ...' [--timeout S] [--max-rows N]
                                    one read-only statement over the store's views, streamed; the
                                    argument after sql is the statement even if it starts with --;
                                    stops after S seconds (default 5, 0: none) or N rows (default: all)
)";

const std::set<std::string> kWithValue{"--db",    "--format", "--hops",  "--predicate", "--type",    "--subject",
                                       "--object", "--since", "--until", "--rules",     "--max-hops", "--timeout",
                                       "--max-rows"};

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

// Streams user SQL to the output with the --timeout and --max-rows limits.
int stream_user_sql(sqlite3* db, const std::string& statement, const ParsedOptions& opts) {
  SqlLimits limits;
  try {
    size_t used = 0;
    const std::string timeout = opts.get("--timeout", "5"), max_rows = opts.get("--max-rows", "0");
    limits.timeout_seconds = std::stod(timeout, &used);
    if (used != timeout.size() || !(limits.timeout_seconds >= 0)) throw std::invalid_argument(timeout);
    limits.max_rows = std::stoll(max_rows, &used);
    if (used != max_rows.size() || limits.max_rows < 0) throw std::invalid_argument(max_rows);
  } catch (...) {
    spdlog::error("query: --timeout needs seconds (0: no limit) and --max-rows a count (0: all)");
    return 2;
  }
  RowPrinter printer(opts.get("--format"), stdout);
  auto done = stream_sql(
      db, statement, limits, [&](const std::vector<std::string>& columns) { printer.columns(columns); },
      [&](const std::vector<std::string>& cells) { printer.row(cells); });
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
  auto opts = parse_options(args, kWithValue, {"--help"});
  if (!opts || opts->has("--help") || opts->positional.empty()) {
    if (!opts) spdlog::error("query: {}", opts.error());
    std::fputs(kHelp, opts && opts->has("--help") ? stdout : stderr);
    return opts && opts->has("--help") ? 0 : 2;
  }
  auto store = Store::open(opts->get("--db", "graph.db"), Store::Mode::ReadOnly);
  if (!store) {
    spdlog::error("{}", store.error());
    return 2;
  }
  sqlite3* db = (*store)->handle();
  auto pack = load_rule_pack(opts->get("--rules", default_pack_dir(argv0)));
  const Morphology* morphology = pack ? &pack->morphology : nullptr;
  const std::string command = opts->positional[0];
  const std::string arg = opts->positional.size() > 1 ? opts->positional[1] : "";

  auto resolve = [&](const std::string& name, std::vector<long long>& ids) -> bool {
    auto found = find_entities(db, name, morphology);
    if (!found) {
      spdlog::error("query: {}", found.error());
      return false;
    }
    if (found->empty()) {
      spdlog::error("query: no entity is called '{}'", name);
      return false;
    }
    ids = *found;
    return true;
  };

  Result<Table> result = Table{};
  if (command == "entity" && !arg.empty()) {
    std::vector<long long> ids;
    if (!resolve(arg, ids)) return 1;
    Table all;
    for (long long id : ids) {
      auto card = entity_card(db, id);
      if (!card) return spdlog::error("query: {}", card.error()), 2;
      all.columns = card->columns;
      all.rows.insert(all.rows.end(), card->rows.begin(), card->rows.end());
    }
    result = all;
  } else if (command == "neighbors" && !arg.empty()) {
    std::vector<long long> ids;
    if (!resolve(arg, ids)) return 1;
    NeighborQuery q;
    q.hops = std::stoi(opts->get("--hops", "1"));
    q.predicate = opts->get("--predicate");
    q.type = opts->get("--type");
    result = neighbors(db, ids.front(), q);
  } else if (command == "triples") {
    TripleQuery q;
    if (!opts->get("--subject").empty() && !resolve(opts->get("--subject"), q.subjects)) return 1;
    if (!opts->get("--object").empty() && !resolve(opts->get("--object"), q.objects)) return 1;
    q.predicate = opts->get("--predicate");
    q.since = opts->get("--since");
    q.until = opts->get("--until");
    result = triples(db, q);
  } else if (command == "path" && opts->positional.size() == 3) {
    std::vector<long long> from, to;
    if (!resolve(arg, from) || !resolve(opts->positional[2], to)) return 1;
    result = shortest_paths(db, from.front(), to.front(), std::stoi(opts->get("--max-hops", "4")));
  } else if (command == "match" && !arg.empty()) {
    result = match_patterns(db, arg, morphology);
  } else if (command == "sql" && statement) {
    return stream_user_sql(db, *statement, *opts);
  } else {
    std::fputs(kHelp, stderr);
    return 2;
  }
  if (!result) {
    spdlog::error("query: {}", result.error());
    return 2;
  }
  print_table(*result, opts->get("--format"), stdout);
  return 0;
}

}  // namespace bilik::cli

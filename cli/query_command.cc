// bilik query: walk the store from the command line.
#include <spdlog/spdlog.h>

#include <cstdio>

#include "bilik/query.h"
#include "bilik/rule_pack.h"
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
  sql 'SELECT ...'                  read-only SQL over the store's views
)";

}  // namespace

int run_query(const Args& args, const std::string& argv0) {
  auto opts = parse_options(args,
                            {"--db", "--format", "--hops", "--predicate", "--type", "--subject", "--object", "--since",
                             "--until", "--rules", "--max-hops"},
                            {"--help"});
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
  } else if (command == "sql" && !arg.empty()) {
    result = run_sql(db, arg);
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

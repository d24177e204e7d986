// bilik: Azerbaijani knowledge-graph extraction. Dispatches to subcommands.
#include <spdlog/spdlog.h>
#include <sqlite3.h>
#ifdef BILIK_JEMALLOC
#include <jemalloc/jemalloc.h>
#endif

#include <csignal>
#include <cstdio>
#include <map>
#include <string>

#include "bilik/rule_pack.h"
#include "commands.h"
#include "progress.h"

namespace {

constexpr const char* kUsage = R"(usage: bilik COMMAND [OPTIONS]

Reads Azerbaijani news into a knowledge graph (entities, relations, figures,
dates) kept in an SQLite store, and answers questions about it.

commands:
  extract [--db FILE] [--jobs N] ... INPUT...
              read articles (text, HTML, JSON Lines, archives; - for stdin) into the store
  explain TEXT | --file FILE | -
              show every match, the rule that made it and how overlaps were resolved
  rules test [--rules DIR]
              check every rule against its examples
  merge OUT.db IN.db...
              join stores (shards of one archive) as one run would
  query entity|neighbors|triples|path|match|sql ...
              walk the store (--format table|tsv|csv|json|jsonl)
  export --format gexf|graphml|csv|json|nquads -o FILE|- ...
              write the graph for Gephi, networkx, igraph, or RDF
  stats [--db FILE]
              what the store holds: documents, dates, entities, triples, size
  curate merge|split|rename|retype|alias|drop|drop-triple ... | list
              fix the graph in a curation file that every run applies again
  help COMMAND
              a command's options and examples (the same as bilik COMMAND --help)

examples:
  bilik extract --db news.db articles/
  bilik query --db news.db neighbors "İlham Əliyev" --hops 2
  bilik export --db news.db --format gexf -o news.gexf
  bilik curate --db news.db merge "Şavkat Mirziyoyev" "Şövkət Mirziyoyev"

options:
  -h, --help     this help
  --version      bilik's version, the rule pack's hash, SQLite and RE2 versions

The rule pack is found in $BILIK_DATA/az, next to an installed binary
(share/bilik/az), or in the source tree the binary was built from.
)";

using Command = int (*)(const bilik::cli::Args&, const std::string&);

const std::map<std::string, Command>& commands() {
  static const std::map<std::string, Command> table{
      {"extract", bilik::cli::run_extract}, {"explain", bilik::cli::run_explain}, {"rules", bilik::cli::run_rules},
      {"merge", bilik::cli::run_merge},     {"export", bilik::cli::run_export},   {"query", bilik::cli::run_query},
      {"stats", bilik::cli::run_stats},     {"curate", bilik::cli::run_curate}};
  return table;
}

// The malloc the program runs on: jemalloc with its version, or the C library's.
std::string allocator() {
#ifdef BILIK_JEMALLOC
  const char* v = nullptr;
  size_t size = sizeof v;
  if (mallctl("version", &v, &size, nullptr, 0) == 0 && v) return std::string("jemalloc ") + v;
  return "jemalloc";
#else
  return "the C library's malloc";
#endif
}

int version(const std::string& argv0) {
  std::printf("bilik %s\n", BILIK_VERSION);
  const std::string dir = bilik::default_pack_dir(argv0);
  auto pack = bilik::load_rule_pack(dir);
  if (pack) std::printf("rule pack: %s (hash %s)\n", dir.c_str(), pack->hash.c_str());
  else std::printf("rule pack: none loads from %s\n", dir.c_str());
  std::printf("SQLite %s\nRE2 %s\n", sqlite3_libversion(), BILIK_RE2_VERSION);
  std::printf("allocator %s\n", allocator().c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  auto logger = std::make_shared<spdlog::logger>("bilik", bilik::cli::progress_log_sink());
  logger->set_pattern("%^%l%$: %v");
  spdlog::set_default_logger(logger);
  // Past a file size limit (ulimit -f) a write fails with an error SQLite
  // reports and rolls back, instead of the signal killing the process.
  std::signal(SIGXFSZ, SIG_IGN);
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  const std::string command = argv[1];
  const bilik::cli::Args args(argv + 2, argv + argc);
  if (auto it = commands().find(command); it != commands().end()) return it->second(args, argv[0]);
  if (command == "--version") return version(argv[0]);
  if (command == "--help" || command == "-h" || (command == "help" && args.empty())) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (command == "help") {
    if (auto it = commands().find(args[0]); it != commands().end()) return it->second({"--help"}, argv[0]);
    spdlog::error("help: no command is called '{}'", args[0]);
    std::fputs("try 'bilik --help'\n", stderr);
    return 2;
  }
  spdlog::error("no command is called '{}'", command);
  std::fputs("try 'bilik --help'\n", stderr);
  return 2;
}

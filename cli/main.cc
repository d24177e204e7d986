// bilik: Azerbaijani knowledge-graph extraction. Dispatches to subcommands.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdio>
#include <string>

#include "commands.h"

namespace {

constexpr const char* kUsage = R"(usage: bilik COMMAND [OPTIONS]

commands:
  extract [--db FILE] [--jobs N] [--shard K/N] ... INPUT...
                          read articles (text, HTML, JSON Lines, archives; - for stdin) into the store
  explain [--rules DIR] TEXT|--file FILE
                          show every match, the rule that made it and how overlaps were resolved
  rules test [--rules DIR]
                          check every rule against its examples
  merge OUT.db IN.db...   join stores (shards of one archive) as one run would
  query entity|neighbors|triples|sql ...
                          walk the store (aligned table, or --format json|csv|tsv)
  export --format gexf|graphml|csv|json -o FILE [--graph relations|cooccurrence] ...
                          write the graph for Gephi, networkx, igraph

Run 'bilik COMMAND --help' for a command's options.
)";

}  // namespace

int main(int argc, char** argv) {
  auto logger = spdlog::stderr_color_mt("bilik");
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
  bilik::cli::Args args(argv + 2, argv + argc);
  if (command == "extract") return bilik::cli::run_extract(args, argv[0]);
  if (command == "explain") return bilik::cli::run_explain(args, argv[0]);
  if (command == "rules") return bilik::cli::run_rules(args, argv[0]);
  if (command == "merge") return bilik::cli::run_merge(args, argv[0]);
  if (command == "export") return bilik::cli::run_export(args, argv[0]);
  if (command == "query") return bilik::cli::run_query(args, argv[0]);
  if (command == "--help" || command == "-h" || command == "help") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  spdlog::error("unknown command '{}'", command);
  std::fputs(kUsage, stderr);
  return 2;
}

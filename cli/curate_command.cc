// bilik curate: write a line to the curation file (and apply it to a store),
// or list the lines with what each changed.
#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "bilik/curation.h"
#include "bilik/store.h"
#include "commands.h"
#include "curation_options.h"
#include "options.h"
#include "wording.h"

namespace bilik::cli {
namespace {

constexpr const char* kHelp = R"(usage: bilik curate VERB ARGS... [--curation FILE] [--db STORE]
       bilik curate list [--curation FILE] [--db STORE]

Adds a fix to the curation file (created if missing): FILE, else STORE.curation
beside the store (graph.db.curation). With --db it is applied to the store at
once; extract, merge and export apply the file too, and the store keeps its
lines, so a fix survives re-runs and merges. Give each name as one argument;
TYPE:NAME names an entity of one type (PERSON, STATE, ORGANIZATION, TREATY,
LOCATION). See docs/curation.md.

  merge A B...                 B (and more) join A; A's name is kept
  split A in DOCUMENT... [as NAME]
                               A's mentions in these documents (path or file
                               name) become a new entity
  rename A NAME                A is called NAME from now on
  retype A TYPE                A becomes of TYPE
  alias A NAME                 NAME is another name of A
  drop A                       A goes, with its mentions and triples
  drop-triple A PREDICATE B    A's PREDICATE triples to B go (* for any B)
  list                         every line, the store rows it changed and the
                               entities it touches now

  --curation FILE   the curation file (default: STORE.curation)
  --db STORE        the store (default graph.db); given, the line is applied now

examples:
  bilik curate --db news.db merge "Şavkat Mirziyoyev" "Şövkət Mirziyoyev"
  bilik curate --db news.db split "Əli Həsənov" in komekci.txt as "Əli Həsənov, köməkçi"
  bilik curate --db news.db retype "Qarabağ" LOCATION
  bilik curate --db news.db drop-triple PERSON:"Tokayev" visited "Ankara"
  bilik curate list --db news.db
)";

// The file's text, or "" when it does not exist.
Result<std::string> file_text(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return std::string();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Result<std::string>::failure(path + ": cannot open the curation file (unreadable)");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

size_t line_count(const std::string& text) {
  size_t n = 0;
  for (char c : text) n += c == '\n';
  return n + (!text.empty() && text.back() != '\n');
}

int list(const std::string& file, const std::string& db, bool db_given) {
  auto text = file_text(file);
  if (!text) {
    spdlog::error("{}", text.error());
    return 2;
  }
  auto lines = parse_curation(*text, file);
  if (!lines) {
    spdlog::error("{}", lines.error());
    return 2;
  }
  std::map<std::string, KeptCuration> kept;
  std::vector<KeptCuration> store_only;
  std::error_code error;
  if (db_given || std::filesystem::exists(db, error)) {
    auto store = Store::open(db, Store::Mode::ReadOnly);
    if (!store) {
      spdlog::error("{}", store.error());
      return 2;
    }
    auto stored = kept_curation(**store);
    if (!stored) {
      spdlog::error("curate: {}", stored.error());
      return 2;
    }
    for (const KeptCuration& k : *stored) kept.emplace(k.statement, k);
  }
  std::printf("%-28s %8s %8s  %s\n", "source", "rows", "entities", "statement");
  for (const CurationStatement& s : *lines) {
    auto it = kept.find(s.line());
    if (it == kept.end()) {
      std::printf("%-28s %8s %8s  %s\n", s.source.c_str(), "-", "-", s.line().c_str());
      continue;
    }
    std::printf("%-28s %8lld %8lld  %s\n", s.source.c_str(), it->second.rows, it->second.entities, s.line().c_str());
    kept.erase(it);
  }
  // Lines the store keeps from elsewhere (a merged store, another file).
  for (const auto& [line, k] : kept)
    std::printf("%-28s %8lld %8lld  %s\n", k.source.c_str(), k.rows, k.entities, line.c_str());
  if (lines->empty() && kept.empty()) std::fprintf(stderr, "no curation line in %s or %s\n", file.c_str(), db.c_str());
  return 0;
}

}  // namespace

int run_curate(const Args& args, const std::string&) {
  auto opts = parse_options(args, {"--curation", "--db"}, {"--help"});
  if (!opts) return usage_error("curate", opts.error());
  if (opts->has("--help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  const std::string db = opts->get("--db", "graph.db");
  const std::string file = curation_path(*opts, db);
  if (opts->given("--curation") && file.empty()) return usage_error("curate", "--curation needs a file name");
  if (!opts->positional.empty() && opts->positional[0] == "list") {
    if (opts->positional.size() > 1) return usage_error("curate", "unexpected argument '" + opts->positional[1] + "'");
    return list(file, db, opts->given("--db"));
  }
  auto text = file_text(file);
  if (!text) {
    spdlog::error("{}", text.error());
    return 2;
  }
  const std::string source = file + ":" + std::to_string(line_count(*text) + 1);
  auto statement = curation_from_words(opts->positional, source);
  if (!statement) return usage_error("curate", statement.error());
  // The file must read well before a line is added to it.
  auto lines = parse_curation(*text, file);
  if (!lines) {
    spdlog::error("{}", lines.error());
    return 2;
  }
  const std::string line = statement->line();
  bool present = false;
  for (const CurationStatement& s : *lines)
    if (s.line() == line) {
      std::printf("bilik curate: %s already holds this line (%s)\n", file.c_str(), s.source.c_str());
      present = true;
    }
  std::unique_ptr<Store> store;
  if (opts->given("--db")) {
    // A mistyped store name must not become a new, empty store.
    std::error_code error;
    if (!std::filesystem::exists(db, error)) {
      spdlog::error("curate: {}: no such store; nothing was written (extract into it first)", db);
      return 2;
    }
    auto opened = Store::open(db, Store::Mode::ReadWrite);
    if (!opened) {
      spdlog::error("{}", opened.error());
      return 2;
    }
    store = std::move(*opened);
  }
  if (!present) {
    std::ofstream out(file, std::ios::binary | std::ios::app);
    out << (text->empty() || text->back() == '\n' ? "" : "\n") << line << '\n';
    out.close();
    if (!out) {
      spdlog::error("curate: cannot write {}: {}", file, std::strerror(errno));
      return 2;
    }
    lines->push_back(*statement);
    std::printf("bilik curate: %s: %s\n", source.c_str(), line.c_str());
  }
  if (!store) return 0;
  if (Status s = curate_store(*store, *lines); !s) {
    spdlog::error("{}", s.error());
    return 2;
  }
  auto stored = kept_curation(*store);
  if (!stored) {
    spdlog::error("curate: {}", stored.error());
    return 2;
  }
  for (const KeptCuration& k : *stored)
    if (k.statement == line)
      std::printf("bilik curate: applied to %s: %s changed in all, %s touched now\n", db.c_str(),
                  count(k.rows, "store row").c_str(), count(k.entities, "entity", "entities").c_str());
  return 0;
}

}  // namespace bilik::cli

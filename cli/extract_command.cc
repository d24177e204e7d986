// bilik extract: read articles into the store, one transaction per batch.
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <map>

#include "bilik/extraction.h"
#include "bilik/reader.h"
#include "bilik/rule_pack.h"
#include "bilik/store.h"
#include "commands.h"
#include "options.h"
#include "progress.h"

namespace bilik::cli {
namespace {

constexpr const char* kHelp = R"(usage: bilik extract [--db FILE] [--rules DIR] [--metadata TSV] [--published DATE] [--quiet] [--verbose] INPUT...

  INPUT       files or folders (recursively: .txt, .md); - reads standard input
  --db        the store to write (default graph.db)
  --rules     the rule pack folder (default: the bundled Azerbaijani pack)
  --metadata  a TSV with a 'file' column and any of 'title', 'published', 'url'
  --published the publication date (YYYY-MM-DD) of documents that give none
  --quiet     only errors and the summary line
  --verbose   log every document
)";

constexpr size_t kBatchDocuments = 64;

}  // namespace

int run_extract(const Args& args, const std::string& argv0) {
  auto opts = parse_options(args, {"--db", "--rules", "--metadata", "--published"}, {"--quiet", "--verbose", "--help"});
  if (!opts) {
    spdlog::error("extract: {}", opts.error());
    std::fputs(kHelp, stderr);
    return 2;
  }
  if (opts->has("--help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  if (opts->positional.empty()) {
    std::fputs(kHelp, stderr);
    return 2;
  }
  if (opts->has("--quiet")) spdlog::set_level(spdlog::level::err);
  if (opts->has("--verbose")) spdlog::set_level(spdlog::level::debug);
  const auto started = std::chrono::steady_clock::now();

  const std::string pack_dir = opts->get("--rules", default_pack_dir(argv0));
  auto pack = load_rule_pack(pack_dir);
  if (!pack) {
    spdlog::error("{}", pack.error());
    return 2;
  }
  std::map<std::string, Metadata> metadata;
  if (!opts->get("--metadata").empty()) {
    auto loaded = load_metadata_tsv(opts->get("--metadata"));
    if (!loaded) {
      spdlog::error("{}", loaded.error());
      return 2;
    }
    metadata = std::move(*loaded);
  }
  auto store = Store::open(opts->get("--db", "graph.db"), Store::Mode::ReadWrite);
  if (!store) {
    spdlog::error("{}", store.error());
    return 2;
  }

  std::vector<InputError> errors;
  const std::vector<std::string> files = list_inputs(opts->positional, errors);
  for (const InputError& e : errors) spdlog::error("{}: {}", e.path, e.message);
  size_t failed = errors.size(), stored = 0, skipped = 0, bytes = 0, in_batch = 0;
  Progress progress(files.size(), !opts->has("--quiet"));

  auto commit = [&]() -> bool {
    if (in_batch == 0) return true;
    if (Status s = (*store)->commit(); !s) {
      spdlog::error("{}", s.error());
      return false;
    }
    in_batch = 0;
    return true;
  };

  for (size_t i = 0; i < files.size(); ++i) {
    progress.update(i, bytes, failed);
    auto doc = read_document(files[i]);
    if (!doc) {
      spdlog::error("{}", doc.error());
      ++failed;
      continue;
    }
    bytes += doc->text.size();
    apply_metadata(*doc, metadata);
    if (doc->published.empty()) doc->published = opts->get("--published");
    const std::string hash = document_hash(*doc);
    if ((*store)->is_current(doc->uri, hash, pack->hash)) {
      spdlog::debug("{}: unchanged, skipped", doc->uri);
      ++skipped;
      continue;
    }
    const Extraction x = extract_document(doc->text, *pack, doc->published);
    if (in_batch == 0) {
      if (Status s = (*store)->begin(); !s) {
        spdlog::error("{}", s.error());
        return 2;
      }
    }
    if (Status s = (*store)->put_document(*doc, hash, pack->hash, x); !s) {
      spdlog::error("{}", s.error());
      (*store)->rollback();
      return 2;
    }
    spdlog::debug("{}: {} entities, {} mentions", doc->uri, x.entities.entities.size(), x.entities.mentions.size());
    ++stored;
    if (++in_batch >= kBatchDocuments && !commit()) return 2;
  }
  if (!commit()) return 2;
  progress.update(files.size(), bytes, failed);
  if (stored > 0) {
    if (Status s = (*store)->remove_orphans(); !s) spdlog::warn("{}", s.error());
  }
  const Store::Counts counts = (*store)->counts();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf(
      "bilik extract: %zu documents read (%zu stored, %zu unchanged, %zu failed); store holds %lld documents, %lld "
      "entities, %lld mentions; %.2f s\n",
      stored + skipped, stored, skipped, failed, counts.documents, counts.entities, counts.mentions, seconds);
  return failed > 0 ? 1 : 0;
}

}  // namespace bilik::cli

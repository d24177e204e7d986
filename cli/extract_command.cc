// bilik extract: read articles into the store, one transaction per batch.
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <thread>

#include "bilik/extraction.h"
#include "bilik/parallel_extraction.h"
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
  --jobs      threads extracting in parallel (default: all cores); the store is the same for any value
  --quiet     only errors and the summary line
  --verbose   log every document
)";

constexpr size_t kBatchDocuments = 64;

}  // namespace

int run_extract(const Args& args, const std::string& argv0) {
  auto opts = parse_options(args, {"--db", "--rules", "--metadata", "--published", "--jobs"},
                           {"--quiet", "--verbose", "--help"});
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
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  if (!opts->get("--jobs").empty()) {
    try {
      jobs = static_cast<unsigned>(std::stoul(opts->get("--jobs")));
    } catch (...) {
      jobs = 0;
    }
    if (jobs == 0) {
      spdlog::error("extract: --jobs needs a positive number, not '{}'", opts->get("--jobs"));
      return 2;
    }
  }

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

  // Batches: read and check sequentially, extract on `jobs` threads, write
  // in input order in one transaction per batch.
  for (size_t first = 0; first < files.size(); first += kBatchDocuments) {
    progress.update(first, bytes, failed);
    const size_t last = std::min(files.size(), first + kBatchDocuments);
    std::vector<Document> docs;
    std::vector<std::string> hashes;
    for (size_t i = first; i < last; ++i) {
      auto doc = read_document(files[i]);
      if (!doc) {
        spdlog::error("{}", doc.error());
        ++failed;
        continue;
      }
      bytes += doc->text.size();
      apply_metadata(*doc, metadata);
      if (doc->published.empty()) doc->published = opts->get("--published");
      std::string hash = document_hash(*doc);
      if ((*store)->is_current(doc->uri, hash, pack->hash)) {
        spdlog::debug("{}: unchanged, skipped", doc->uri);
        ++skipped;
        continue;
      }
      docs.push_back(std::move(*doc));
      hashes.push_back(std::move(hash));
    }
    if (docs.empty()) continue;
    std::vector<const Document*> pointers;
    for (const Document& d : docs) pointers.push_back(&d);
    const std::vector<Extraction> extracted = extract_in_parallel(pointers, *pack, jobs);
    if (Status s = (*store)->begin(); !s) {
      spdlog::error("{}", s.error());
      return 2;
    }
    in_batch = docs.size();
    for (size_t d = 0; d < docs.size(); ++d) {
      if (Status s = (*store)->put_document(docs[d], hashes[d], pack->hash, extracted[d]); !s) {
        spdlog::error("{}", s.error());
        (*store)->rollback();
        return 2;
      }
      spdlog::debug("{}: {} entities, {} mentions", docs[d].uri, extracted[d].entities.entities.size(),
                    extracted[d].entities.mentions.size());
      ++stored;
    }
    if (!commit()) return 2;
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

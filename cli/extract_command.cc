// bilik extract: read articles into the store, in batches: read and check
// sequentially, extract on `--jobs` threads, write in input order in one
// transaction per batch: while one batch is read, the one before it is
// extracted and the one before that written.
#include <fnmatch.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <future>
#include <map>
#include <memory>
#include <thread>

#include "bilik/extraction.h"
#include "bilik/parallel_extraction.h"
#include "bilik/reader.h"
#include "bilik/rule_pack.h"
#include "bilik/sources.h"
#include "bilik/store.h"
#include "commands.h"
#include "options.h"
#include "output_path.h"
#include "progress.h"

namespace bilik::cli {
namespace {

constexpr const char* kHelp = R"(usage: bilik extract [OPTIONS] INPUT...

  INPUT         files or folders (recursively) of .txt, .md, .html, .jsonl, and
                archives or compressed files (.gz .xz .zst .bz2 .tar .tar.* .tgz .zip);
                - reads standard input
  --db FILE     the store to write (default graph.db)
  --rules DIR   the rule pack folder (default: the bundled Azerbaijani pack)
  --jobs N      threads extracting in parallel (default: all cores); the store is the same for any N
  --include GLOB, --exclude GLOB
                only files whose path matches (repeatable), none that match
  --shard K/N   only the documents whose name hashes to K of N (0 <= K < N)
  --stdin-format text|jsonl
                what - holds: one text (default) or JSON Lines articles
  --json-field NAME=FIELD
                JSON Lines field names (id, url, title, published, text), e.g. text=body
  --metadata TSV  a table with a 'file' column and any of 'title', 'published', 'url'
  --published DATE  the publication date (YYYY-MM-DD) of documents that give none
  --max-errors N  stop once N documents have failed (default: never)
  --max-document-mb N refuse a document (file, archive member, JSON line) over N MB (default 64)
  --log-file FILE   also write the log to FILE
  --quiet       only errors and the summary line;  --verbose  log every document

Ctrl-C finishes the current batch and stops; the next run goes on from there.
)";

constexpr size_t kBatchDocuments = 64;

std::atomic<bool> interrupted{false};

// The first Ctrl-C (or SIGTERM) lets the current batch finish; a second one
// ends the process at once (the store stays sound, the next open marks the
// run interrupted).
void on_interrupt(int signal) {
  if (interrupted.exchange(true)) {
    std::signal(signal, SIG_DFL);
    std::raise(signal);
  }
}

uint64_t fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

struct Shard {
  uint64_t index = 0, count = 1;
  bool takes(const std::string& uri) const { return count <= 1 || fnv1a(uri) % count == index; }
};

Result<Shard> parse_shard(const std::string& spec) {
  Shard s;
  if (spec.empty()) return s;
  const size_t slash = spec.find('/');
  try {
    if (slash == std::string::npos) throw std::invalid_argument(spec);
    s.index = std::stoull(spec.substr(0, slash));
    s.count = std::stoull(spec.substr(slash + 1));
  } catch (...) {
    return Result<Shard>::failure("--shard needs K/N, e.g. 0/4, not '" + spec + "'");
  }
  if (s.count == 0 || s.index >= s.count) return Result<Shard>::failure("--shard K/N needs 0 <= K < N: " + spec);
  return s;
}

bool matches_any(const std::vector<std::string>& globs, const std::string& path) {
  for (const std::string& g : globs)
    if (fnmatch(g.c_str(), path.c_str(), 0) == 0 || fnmatch(g.c_str(), path.c_str(), FNM_PATHNAME | FNM_LEADING_DIR) == 0)
      return true;
  return false;
}

}  // namespace

int run_extract(const Args& args, const std::string& argv0) {
  auto opts = parse_options(args,
                            {"--db", "--rules", "--metadata", "--published", "--jobs", "--include", "--exclude",
                             "--shard", "--json-field", "--max-errors", "--log-file", "--max-document-mb", "--stdin-format"},
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
  // From here on Ctrl-C lets the current batch finish.
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  if (!opts->get("--log-file").empty()) {
    if (Status s = refuse_store_as_output(opts->get("--log-file"), opts->get("--db", "graph.db")); !s) {
      spdlog::error("extract: --log-file {}", s.error());
      return 2;
    }
    try {
      spdlog::default_logger()->sinks().push_back(
          std::make_shared<spdlog::sinks::basic_file_sink_mt>(opts->get("--log-file")));
    } catch (const spdlog::spdlog_ex& e) {
      spdlog::error("extract: --log-file: {}", e.what());
      return 2;
    }
  }
  if (opts->has("--quiet")) spdlog::set_level(spdlog::level::err);
  if (opts->has("--verbose")) spdlog::set_level(spdlog::level::debug);
  const auto started = std::chrono::steady_clock::now();

  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  size_t max_errors = 0;
  SourceOptions source_options;
  try {
    if (!opts->get("--jobs").empty()) jobs = static_cast<unsigned>(std::stoul(opts->get("--jobs")));
    if (!opts->get("--max-errors").empty()) max_errors = std::stoul(opts->get("--max-errors"));
    if (!opts->get("--max-document-mb").empty()) source_options.max_document_bytes = std::stoul(opts->get("--max-document-mb")) << 20;
  } catch (...) {
    jobs = 0;
  }
  if (jobs == 0) {
    spdlog::error("extract: --jobs and --max-errors need positive numbers");
    return 2;
  }
  if (const std::string published = opts->get("--published"); !published.empty() && !is_publication_date(published)) {
    spdlog::error("extract: --published '{}' is not a date (YYYY-MM-DD, a day that exists)", published);
    return 2;
  }
  auto shard = parse_shard(opts->get("--shard"));
  if (!shard) {
    spdlog::error("extract: {}", shard.error());
    return 2;
  }
  source_options.stdin_format = opts->get("--stdin-format", "text");
  if (source_options.stdin_format != "text" && source_options.stdin_format != "jsonl") {
    spdlog::error("extract: --stdin-format is text or jsonl, not '{}'", source_options.stdin_format);
    return 2;
  }
  if (auto it = opts->values.find("--json-field"); it != opts->values.end()) {
    for (const std::string& spec : it->second) {
      const size_t eq = spec.find('=');
      const std::string key = spec.substr(0, eq), value = eq == std::string::npos ? "" : spec.substr(eq + 1);
      JsonFields& f = source_options.fields;
      std::string* target = key == "id" ? &f.id : key == "url" ? &f.url : key == "title" ? &f.title
                          : key == "published" ? &f.published : key == "text" ? &f.text : nullptr;
      if (!target || value.empty()) {
        spdlog::error("extract: --json-field needs NAME=FIELD with NAME one of id, url, title, published, text");
        return 2;
      }
      *target = value;
    }
  }

  auto pack = load_rule_pack(opts->get("--rules", default_pack_dir(argv0)));
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
  if (auto run = (*store)->start_run("extract", args, pack->hash); !run) {
    spdlog::error("{}", run.error());
    return 2;
  }

  std::vector<InputError> errors;
  std::vector<std::string> files;
  const auto includes = opts->values["--include"], excludes = opts->values["--exclude"];
  for (const std::string& f : list_inputs(opts->positional, errors))
    if (f == "-" || ((includes.empty() || matches_any(includes, f)) && !matches_any(excludes, f))) files.push_back(f);
  for (const InputError& e : errors) spdlog::error("{}: {}", e.path, e.message);
  size_t failed = errors.size(), stored = 0, skipped = 0, bytes = 0;
  Progress progress(files.size(), !opts->has("--quiet"));

  std::vector<Document> pending;
  std::vector<std::string> hashes;
  ExtractionPool pool(*pack, jobs);
  struct Batch {
    std::vector<Document> documents;
    std::vector<std::string> hashes;
    std::vector<Extraction> extracted;
  };
  // Writes a batch in one transaction.
  auto write = [&](const Batch& batch) -> bool {
    if (Status s = (*store)->begin(); !s) {
      spdlog::error("{}", s.error());
      return false;
    }
    for (size_t d = 0; d < batch.documents.size(); ++d) {
      if (Status s = (*store)->put_document(batch.documents[d], batch.hashes[d], pack->hash, batch.extracted[d]); !s) {
        spdlog::error("{}", s.error());
        (*store)->rollback();
        return false;
      }
      spdlog::debug("{}: {} entities, {} mentions", batch.documents[d].uri, batch.extracted[d].entities.entities.size(),
                    batch.extracted[d].entities.mentions.size());
    }
    if (Status s = (*store)->commit(); !s) {
      spdlog::error("{}", s.error());
      return false;
    }
    stored += batch.documents.size();
    return true;
  };
  // Three batches move at once: one is read here, the one before it is
  // extracted by the pool, and the one before that is written.
  std::future<bool> writing;
  auto written = [&]() -> bool { return !writing.valid() || writing.get(); };
  std::shared_ptr<Batch> extracting;
  // Collects the batch in extraction and hands it to the writer.
  auto pass_on = [&]() -> bool {
    if (!extracting) return true;
    std::shared_ptr<Batch> batch = std::move(extracting);
    extracting.reset();
    batch->extracted = pool.collect();
    if (!written()) return false;
    writing = std::async(std::launch::async, [&write, batch] { return write(*batch); });
    return true;
  };
  // Sends the pending documents to the pool.
  auto flush = [&]() -> bool {
    if (pending.empty()) return true;
    if (!pass_on()) return false;
    extracting = std::make_shared<Batch>();
    extracting->documents = std::move(pending);
    extracting->hashes = std::move(hashes);
    pending.clear();
    hashes.clear();
    std::vector<const Document*> pointers;
    for (const Document& d : extracting->documents) pointers.push_back(&d);
    pool.submit(std::move(pointers));
    return true;
  };
  bool stop = false;
  auto take = [&](Result<Document> doc) {
    if (stop) return;  // a batch failed to store: read no further, even inside this file
    if (!doc) {
      spdlog::error("{}", doc.error());
      ++failed;
      return;
    }
    if (!shard->takes(doc->uri)) return;
    bytes += doc->text.size();
    apply_metadata(*doc, metadata);
    if (doc->published.empty()) doc->published = opts->get("--published");
    std::string hash = document_hash(*doc);
    if ((*store)->is_current(doc->uri, hash, pack->hash)) {
      spdlog::debug("{}: unchanged, skipped", doc->uri);
      ++skipped;
      return;
    }
    pending.push_back(std::move(*doc));
    hashes.push_back(std::move(hash));
    if (pending.size() >= kBatchDocuments && !flush()) stop = true;
  };

  int status = 0;
  for (size_t i = 0; i < files.size() && !stop; ++i) {
    progress.update(i, bytes, failed);
    read_source(files[i], source_options, take);
    if (max_errors && failed >= max_errors) {
      spdlog::error("extract: {} documents failed (--max-errors {}); stopping", failed, max_errors);
      status = 1;
      break;
    }
    if (interrupted) {
      spdlog::error("extract: interrupted; the current batch is stored, the next run goes on from here");
      status = 130;
      break;
    }
  }
  // Writes the run's outcome; a failed write is reported, the run's own
  // status stands.
  auto finish = [&](const char* outcome, int code) {
    if (Status s = (*store)->finish_run(outcome, {static_cast<long long>(stored), static_cast<long long>(skipped),
                                                  static_cast<long long>(failed)});
        !s)
      spdlog::error("{}", s.error());
    return code;
  };
  bool all_written = !stop && flush() && pass_on();
  if (extracting) pool.collect();          // a batch left behind by a failure
  all_written = written() && all_written;  // always wait for the writer
  if (!all_written) {
    spdlog::error("extract: stopped; the {} documents stored before the failing batch are kept, and the next run goes "
                  "on from there",
                  stored);
    return finish("failed", 2);
  }
  progress.update(files.size(), bytes, failed);
  if (stored > 0)
    if (Status s = (*store)->remove_orphans(); !s) spdlog::warn("{}", s.error());
  const Store::Counts counts = (*store)->counts();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf(
      "bilik extract: %zu documents read (%zu stored, %zu unchanged, %zu failed); store holds %lld documents, %lld "
      "entities, %lld mentions; %.2f s\n",
      stored + skipped, stored, skipped, failed, counts.documents, counts.entities, counts.mentions, seconds);
  if (status) return finish(status == 130 ? "interrupted" : "failed", status);
  return finish("finished", failed > 0 ? 1 : 0);
}

}  // namespace bilik::cli

// bilik extract: read articles (files, folders, archives, standard input),
// name them and apply metadata, and hand them to the library's Ingest
// (graph/include/bilik/ingest.h), which extracts and stores them in batches.
#include <fnmatch.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <cstdio>
#include <map>
#include <memory>
#include <thread>

#include "bilik/fnv1a.h"
#include "bilik/ingest.h"
#include "bilik/reader.h"
#include "bilik/rule_pack.h"
#include "bilik/sources.h"
#include "bilik/stop.h"
#include "bilik/store.h"
#include "commands.h"
#include "curation_options.h"
#include "option_values.h"
#include "options.h"
#include "output_path.h"
#include "progress.h"
#include "wording.h"

namespace bilik::cli {
namespace {

constexpr const char* kHelp = R"(usage: bilik extract [OPTIONS] INPUT...

Reads articles into the store, extracting entities, relations, figures and
dates. A second run over the same inputs skips what is unchanged. Documents
are named by their file's full path (a folder given as news/ or /home/u/news/
names the same documents); a text read again under another name (another
path, a JSON Lines id, a crawl's second address) is stored once, with each
name and url kept as a source of it ("duplicates folded" in the summary).

  INPUT         files or folders (recursively) of .txt, .md, .html, .jsonl, and
                archives or compressed files (.gz .xz .zst .bz2 .tar .tar.* .tgz .zip);
                - reads standard input
  --name NAME   the name of the document on standard input (JSON Lines: NAME#id);
                without it a text is named -# and the hash of its text, so two
                different texts never replace each other
  --db FILE     the store to write (default graph.db)
  --rules DIR   the rule pack folder (default: the bundled Azerbaijani pack)
  --curation FILE  fixes to apply after the run (default: STORE.curation if it
                exists); the store keeps them and applies them after every run
  --jobs N      threads extracting in parallel (1 to 256; default: all cores); the store is the same for any N
  --include GLOB, --exclude GLOB
                only files whose path matches (repeatable), none that match
  --shard K/N   only the documents whose name hashes to K of N (0 <= K < N); the name
                is the full path, so give every shard the corpus at the same path
  --stdin-format text|jsonl
                what - holds: one text (default) or JSON Lines articles
  --json-field NAME=FIELD
                JSON Lines field names (id, url, title, published, text), e.g. text=body
  --metadata TSV  a table with a 'file' column and any of 'title', 'published', 'url'
  --published DATE  the publication date (YYYY-MM-DD) of documents that give none
  --max-errors N  stop once N documents have failed (default 0: never)
  --max-document-mb N refuse a document (file, archive member, JSON line) over N MB (1 to 4096, default 64)
  --log-file FILE   also write the log to FILE
  --quiet       only errors and the summary line;  --verbose  log every document

An empty document, or an input holding no document, is a warning; the run
goes on. Ctrl-C stops within a second, keeping the batches already stored;
the next run goes on from there. Exit status: 0 all read, 1 some documents
failed, 2 usage or store error, 130 interrupted.

examples:
  bilik extract --db news.db articles/ archive-2022.tar.gz
  curl -s https://example.az/feed.jsonl | bilik extract --db news.db --stdin-format jsonl -
  curl -s https://example.az/2024/05/sammit | bilik extract --db news.db --name sammit.html -
  bilik extract --db part0.db --shard 0/4 --jobs 2 crawl/
  bilik extract --db news.db --curation fixes.txt articles/
)";

std::atomic<bool> interrupted{false};

// The first Ctrl-C (or SIGTERM) stops extraction within a few sentences and
// drops the batch it was extracting (the batches stored before it stay); a
// second one ends the process at once (the store stays sound, the next open
// marks the run interrupted).
void on_interrupt(int signal) {
  request_stop();
  if (interrupted.exchange(true)) {
    std::signal(signal, SIG_DFL);
    std::raise(signal);
  }
}

struct Shard {
  uint64_t index = 0, count = 1;
  bool takes(const std::string& uri) const { return count <= 1 || fnv1a(kFnv1aOffset, uri) % count == index; }
};

Result<Shard> parse_shard(const std::string& spec) {
  Shard s;
  if (spec.empty()) return s;
  const size_t slash = spec.find('/');
  if (slash == std::string::npos) return Result<Shard>::failure("--shard: '" + spec + "' is not K/N, e.g. 0/4");
  auto index = whole_number("--shard", spec.substr(0, slash), 0, 1'000'000);
  auto count = whole_number("--shard", spec.substr(slash + 1), 1, 1'000'000);
  if (!index || !count) return Result<Shard>::failure("--shard: '" + spec + "' is not K/N, e.g. 0/4");
  if (*index >= *count) return Result<Shard>::failure("--shard: '" + spec + "' needs 0 <= K < N");
  s.index = static_cast<uint64_t>(*index);
  s.count = static_cast<uint64_t>(*count);
  return s;
}

// The bytes a progress line counts for an input file; nothing for standard input.
uint64_t size_of(const std::string& path) {
  std::error_code error;
  const auto size = path == "-" ? 0 : std::filesystem::file_size(path, error);
  return error ? 0 : size;
}

std::string describe(const std::vector<std::string>& inputs) {
  std::string out;
  for (const std::string& i : inputs) out += (out.empty() ? "" : ", ") + i;
  return out;
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
                             "--shard", "--json-field", "--max-errors", "--log-file", "--max-document-mb", "--stdin-format",
                             "--name", "--curation"},
                            {"--quiet", "--verbose", "--help"});
  if (!opts) return usage_error("extract", opts.error());
  if (opts->has("--help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  // Every value is checked before anything is opened or written.
  if (opts->positional.empty()) return usage_error("extract", "no INPUT given (files, folders, or - for standard input)");
  auto jobs = whole_number("--jobs", opts->get("--jobs", std::to_string(std::clamp(std::thread::hardware_concurrency(), 1u, 256u))),
                           1, 256);
  if (!jobs) return usage_error("extract", jobs.error());
  auto max_errors = whole_number("--max-errors", opts->get("--max-errors", "0"), 0, 1'000'000'000);
  if (!max_errors) return usage_error("extract", max_errors.error());
  auto max_mb = whole_number("--max-document-mb", opts->get("--max-document-mb", "64"), 1, 4096);
  if (!max_mb) return usage_error("extract", max_mb.error());
  SourceOptions source_options;
  source_options.max_document_bytes = static_cast<size_t>(*max_mb) << 20;
  auto shard = parse_shard(opts->get("--shard"));
  if (!shard) return usage_error("extract", shard.error());
  auto stdin_format = one_of("--stdin-format", opts->get("--stdin-format", "text"), {"text", "jsonl"});
  if (!stdin_format) return usage_error("extract", stdin_format.error());
  source_options.stdin_format = *stdin_format;
  if (opts->given("--name")) {
    source_options.stdin_name = opts->get("--name");
    if (source_options.stdin_name.empty()) return usage_error("extract", "--name: the name is empty");
    if (std::find(opts->positional.begin(), opts->positional.end(), "-") == opts->positional.end())
      return usage_error("extract", "--name names standard input, but no INPUT is - (files are named by their path)");
  }
  if (opts->given("--published"))
    if (auto published = iso_date("--published", opts->get("--published"), DateShape::Day); !published)
      return usage_error("extract", published.error());
  if (auto it = opts->values.find("--json-field"); it != opts->values.end()) {
    for (const std::string& spec : it->second) {
      const size_t eq = spec.find('=');
      const std::string key = spec.substr(0, eq), value = eq == std::string::npos ? "" : spec.substr(eq + 1);
      JsonFields& f = source_options.fields;
      std::string* target = key == "id" ? &f.id : key == "url" ? &f.url : key == "title" ? &f.title
                          : key == "published" ? &f.published : key == "text" ? &f.text : nullptr;
      if (!target || value.empty())
        return usage_error("extract", "--json-field: '" + spec +
                                          "' is not NAME=FIELD with NAME one of id, url, title, published, text");
      *target = value;
    }
  }
  if (!opts->get("--log-file").empty()) {
    if (Status s = refuse_store_as_output(opts->get("--log-file"), opts->get("--db", "graph.db")); !s)
      return usage_error("extract", "--log-file " + s.error());
    try {
      spdlog::default_logger()->sinks().push_back(
          std::make_shared<spdlog::sinks::basic_file_sink_mt>(opts->get("--log-file")));
    } catch (const spdlog::spdlog_ex& e) {
      spdlog::error("extract: --log-file: {}", e.what());
      return 2;
    }
  }
  // From here on Ctrl-C lets the current batch finish.
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  if (opts->has("--quiet")) spdlog::set_level(spdlog::level::err);
  if (opts->has("--verbose")) spdlog::set_level(spdlog::level::debug);
  const auto started = std::chrono::steady_clock::now();

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
  // A bad curation line stops the run before the store is opened.
  auto curation = read_curation(*opts, opts->get("--db", "graph.db"));
  if (!curation) {
    spdlog::error("{}", curation.error());
    return 2;
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
  if (files.empty() && errors.empty()) spdlog::warn("extract: no file to read in {}", describe(opts->positional));
  size_t failed = errors.size(), empty = 0, bytes = 0, documents = 0, emitted = 0;
  // The ETA is by input bytes: documents are not known before they are read.
  uint64_t input_bytes = 0, inputs_done = 0;
  std::vector<uint64_t> sizes;
  for (const std::string& f : files) input_bytes += sizes.emplace_back(size_of(f));
  Progress progress(input_bytes, Progress::Unit::InputBytes, !opts->has("--quiet"));
  auto show = [&] { progress.update({documents, bytes, inputs_done, failed}); };

  Ingest ingest(**store, &*pack, static_cast<unsigned>(*jobs));
  bool stop = false;
  auto take = [&](Result<Document> doc) {
    if (stop || interrupted) return;  // a batch failed to store, or Ctrl-C: read no further, even inside this file
    ++emitted;
    if (!doc) {
      ++documents;
      spdlog::error("{}", doc.error());
      ++failed;
      return;
    }
    if (!shard->takes(doc->uri)) return;
    ++documents;
    if (doc->text.empty()) {
      spdlog::warn("{}: empty document, skipped", doc->uri);
      ++empty;
      return;
    }
    bytes += doc->text.size();
    show();
    apply_metadata(*doc, metadata);
    if (doc->published.empty()) doc->published = opts->get("--published");
    std::string hash = document_hash(*doc);
    if (!ingest.add(std::move(*doc), std::move(hash))) stop = true;
  };

  int status = 0;
  for (size_t i = 0; i < files.size() && !stop; ++i) {
    show();
    const size_t before = emitted;
    read_source(files[i], source_options, take);
    if (emitted == before && !stop) spdlog::warn("{}: no document in this input", files[i]);
    inputs_done += sizes[i];
    progress.update({documents, bytes, inputs_done, failed}, true);
    if (*max_errors && failed >= static_cast<size_t>(*max_errors)) {
      spdlog::error("extract: {} failed (--max-errors {}); stopping", count(failed, "document"), *max_errors);
      status = 1;
      break;
    }
    if (interrupted) {
      spdlog::error("extract: interrupted; the batches stored before stay, the next run goes on from here");
      status = 130;
      break;
    }
  }
  const bool all_written = ingest.finish() && !stop;
  const size_t stored = ingest.counts().stored, folded = ingest.counts().folded, skipped = ingest.counts().unchanged;
  // Writes the run's outcome; a failed write is reported, the run's own
  // status stands.
  auto finish = [&](const char* outcome, int code) {
    if (Status s = (*store)->finish_run(outcome, {static_cast<long long>(stored), static_cast<long long>(skipped),
                                                  static_cast<long long>(failed), static_cast<long long>(folded)});
        !s)
      spdlog::error("{}", s.error());
    return code;
  };
  if (interrupted && status != 130) {      // Ctrl-C during the last batch
    spdlog::error("extract: interrupted; the batches stored before stay, the next run goes on from here");
    status = 130;
  }
  if (!all_written) {
    spdlog::error("extract: stopped; the {} documents stored before the failing batch are kept, and the next run goes "
                  "on from there",
                  stored);
    return finish("failed", 2);
  }
  progress.clear();
  if (stored + folded > 0)  // a name that moved to another text may leave its old document's entities behind
    if (Status s = (*store)->remove_orphans(); !s) spdlog::warn("{}", s.error());
  // After every run, so a fix outlives the documents extracted again.
  if (Status s = curate_store(**store, *curation); !s) {
    spdlog::error("{}", s.error());
    return finish("failed", 2);
  }
  const auto totals = (*store)->counts();
  if (!totals) {
    spdlog::error("{}", totals.error());
    return finish("failed", 2);
  }
  const Store::Counts& counts = *totals;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("bilik extract: %s read (%zu stored, %s folded, %zu unchanged, %zu empty, %zu failed); store holds %s, %s, "
              "%s; %.2f s\n",
              count(documents, "document").c_str(), stored, count(folded, "duplicate").c_str(), skipped, empty, failed,
              count(counts.documents, "document").c_str(), count(counts.entities, "entity", "entities").c_str(),
              count(counts.mentions, "mention").c_str(), seconds);
  if (status) return finish(status == 130 ? "interrupted" : "failed", status);
  return finish("finished", failed > 0 ? 1 : 0);
}

}  // namespace bilik::cli

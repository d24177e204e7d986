// The store's writer alone: every document of SOURCE.db is read into memory
// with its extraction (as merge reads it), then written into a new store
// OUT.db the way Ingest's writer thread does (indexes deferred, batches of
// Ingest::kBatchDocuments documents, one transaction each, indexes built),
// timed.
//
//   build/bench/store_writes SOURCE.db OUT.db [REPEAT]
//
// Writes REPEAT times (default 3) and prints, each time, the rows written,
// rows/s, wall and CPU seconds, the bytes handed to write(2) (the WAL, the
// checkpoints, any temporary file), and MB/s of text on CPU time; then the
// best. OUT.db is replaced. DOCUMENTS=N takes SOURCE.db's first N documents
// only (callgrind: --toggle-collect='*write_all*'), BATCH=N writes N
// documents a transaction. bench/store_writes.sh makes SOURCE.db from the
// corpora.
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <vector>

#include "bilik/ingest.h"
#include "bilik/store.h"

namespace {

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

int fail(const std::string& error) {
  std::fprintf(stderr, "store_writes: %s\n", error.c_str());
  return 1;
}

// Bytes this process has handed to write(2) so far (/proc/self/io wchar).
double written_bytes() {
  std::ifstream io("/proc/self/io");
  std::string key;
  double value = 0;
  while (io >> key >> value)
    if (key == "wchar:") return value;
  return 0;
}

struct Cost {
  double written = 0;
  long long rows = 0;
  double wall = 0, cpu = 0, close_wall = 0, close_cpu = 0;
};

// Writes `docs` into a new store at `path` as Ingest's writer does; closing
// the store (its last checkpoint) is timed apart.
[[gnu::noinline]] bilik::Result<Cost> write_all(const std::vector<bilik::Store::StoredDocument>& docs, const std::string& path) {
  using R = bilik::Result<Cost>;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  auto out = bilik::Store::open(path, bilik::Store::Mode::ReadWrite);
  if (!out) return R::failure(out.error());
  bilik::Store& store = **out;
  if (auto run = store.start_run("merge", {"store_writes"}, ""); !run) return R::failure(run.error());
  const size_t batch = std::getenv("BATCH") ? std::stoul(std::getenv("BATCH")) : bilik::Ingest::kBatchDocuments;
  Cost cost;
  const long long rows_before = store.rows_changed();
  const double written_before = written_bytes();
  auto started = std::chrono::steady_clock::now();
  double cpu_started = cpu_seconds();
  if (auto s = store.defer_indexes(); !s) return R::failure(s.error());
  for (size_t first = 0; first < docs.size(); first += batch) {
    if (auto s = store.begin_documents(); !s) return R::failure(s.error());
    const size_t last = std::min(docs.size(), first + batch);
    for (size_t d = first; d < last; ++d) {
      const auto& doc = docs[d];
      auto put = store.put_document(doc.document, doc.content_hash, doc.rules_hash, doc.extraction);
      if (!put) return R::failure(put.error());
    }
    if (auto s = store.commit(); !s) return R::failure(s.error());
  }
  if (auto s = store.restore_indexes(); !s) return R::failure(s.error());
  cost.cpu = cpu_seconds() - cpu_started;
  cost.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  cost.rows = store.rows_changed() - rows_before;
  started = std::chrono::steady_clock::now();
  cpu_started = cpu_seconds();
  out->reset();
  cost.close_cpu = cpu_seconds() - cpu_started;
  cost.close_wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  cost.written = written_bytes() - written_before;
  return cost;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: store_writes SOURCE.db OUT.db [REPEAT]\n");
    return 2;
  }
  std::vector<bilik::Store::StoredDocument> docs;
  double text_bytes = 0;
  {
    auto source = bilik::Store::open(argv[1], bilik::Store::Mode::ReadOnly);
    if (!source) return fail(source.error());
    std::vector<long long> ids;
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2((*source)->handle(), "SELECT id FROM document ORDER BY id", -1, &q, nullptr);
    while (q && sqlite3_step(q) == SQLITE_ROW) ids.push_back(sqlite3_column_int64(q, 0));
    sqlite3_finalize(q);
    if (const char* limit = std::getenv("DOCUMENTS"); limit && std::stoul(limit) < ids.size()) ids.resize(std::stoul(limit));
    for (long long id : ids) {
      auto doc = (*source)->load_document(id);
      if (!doc) return fail(doc.error());
      text_bytes += static_cast<double>(doc->document.text.size());
      docs.push_back(std::move(*doc));
    }
  }
  const int repeat = argc > 3 ? std::atoi(argv[3]) : 3;
  double best = 0;
  for (int r = 0; r < repeat; ++r) {
    auto cost = write_all(docs, argv[2]);
    if (!cost) return fail(cost.error());
    std::printf("store_writes: %zu documents, %.1f MB of text, %lld rows, %.0f rows/s, %.3f s (%.3f s CPU), "
                "closing %.3f s (%.3f s CPU), %.0f MB written; %.1f MB/s of text on CPU time\n",
                docs.size(), text_bytes / 1e6, cost->rows, static_cast<double>(cost->rows) / cost->wall, cost->wall,
                cost->cpu, cost->close_wall, cost->close_cpu, cost->written / 1e6, text_bytes / 1e6 / cost->cpu);
    if (r == 0 || cost->cpu < best) best = cost->cpu;
  }
  std::printf("best: %.3f s CPU, %.1f MB/s of text\n", best, text_bytes / 1e6 / best);
  return 0;
}

// Documents into a store, the way `extract` and `merge` both write them.
//
// Documents are taken in batches of kBatchDocuments, or fewer when their
// texts reach kBatchBytes. A batch is extracted on
// a pool of threads (documents that come with their extraction, as merge's
// do, skip this) while the next one is read, and written in input order in
// one transaction while the one after it is extracted. The pool is handed
// the next batch as soon as it finishes one, before the finished batch waits
// for the writer, so extraction goes on during that wait. A document stored unchanged under its name is skipped; a text already
// stored, or taken earlier in the run, under another name is not extracted
// again but recorded as another source of its document. After stop_requested()
// (Ctrl-C) the batch in extraction is dropped and nothing more is written; the
// batches written stay, so the next run goes on from there.
//
//   Ingest ingest(store, &pack, jobs);
//   for (Document d : read) if (!ingest.add(std::move(d), document_hash(d))) break;
//   bool ok = ingest.finish();   // false: a batch failed to store (logged)
//
// Into an empty store, the indexes no write reads are built once at the end
// (Store::defer_indexes); finish() builds them, whatever the run's outcome.
//
// finish() logs at debug level what the writer cost: "writer: N rows, X
// rows/s, Y s (Z s CPU), of which indexes built at the end ...", rows being
// the store rows inserted, updated or deleted, Y the time inside write() and
// restore_indexes, Z the writer threads' CPU time (finish's, for the indexes).
#pragma once

#include <cstddef>
#include <future>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "bilik/document.h"
#include "bilik/extraction.h"
#include "bilik/parallel_extraction.h"
#include "bilik/store.h"

namespace bilik {

class Ingest {
 public:
  // A batch is one transaction of the writer: the larger, the fewer pages
  // it writes twice (SQLite's commit writes every page the batch touched;
  // 64 documents a batch wrote 60% more than 256), the more a Ctrl-C drops.
  static constexpr size_t kBatchDocuments = 256;
  static constexpr size_t kBatchBytes = size_t{1} << 20;

  struct Counts {
    size_t stored = 0, folded = 0, unchanged = 0;
  };

  // `pack` may be null when every document comes with its extraction.
  Ingest(Store& store, const RulePack* pack, unsigned jobs);
  ~Ingest();
  Ingest(const Ingest&) = delete;
  Ingest& operator=(const Ingest&) = delete;

  // A document read by extract: extracted with the pack unless its name or
  // its text is stored already. False once a batch has failed to store.
  bool add(Document document, std::string content_hash);
  // A document with its extraction, made with the pack `rules_hash` names
  // (merge's stored documents).
  bool add_extracted(Document document, std::string content_hash, std::string rules_hash, Extraction extraction);
  // Stores what is left and waits for the writer. False when a batch failed.
  bool finish();
  const Counts& counts() const { return counts_; }

 private:
  struct Pending {
    Document document;
    std::string content_hash, rules_hash;
    std::string text_hash;   // text_hash(document.text), or empty: computed when stored
    bool duplicate = false;  // its text is stored or taken already: recorded as a source
    bool extracted = false;  // came with its extraction
  };
  struct Batch {
    std::vector<Pending> documents;
    std::vector<Extraction> extractions;  // one per document; empty for duplicates
    size_t bytes = 0;                     // of the documents' texts
  };
  bool take(Pending pending, Extraction extraction);
  bool flush();    // sends the pending documents to extraction, and the batch extracted before them to the writer
  bool pass_on();  // hands the batch in extraction to the writer
  std::shared_ptr<Batch> collect();                 // the batch in extraction, extracted; null when none
  bool write_later(std::shared_ptr<Batch> batch);   // waits for the writer, then starts it on `batch`
  bool written();  // waits for the writer: false when its batch failed
  bool write(const Batch& batch);  // write_batch, timed and counted
  bool write_batch(const Batch& batch);

  Store& store_;
  const RulePack* pack_;
  std::unique_ptr<ExtractionPool> pool_;
  Batch pending_;
  std::shared_ptr<Batch> extracting_;
  std::future<bool> writing_;
  std::unordered_set<std::string> texts_taken_;
  Counts counts_;
  // What the writer did, for finish()'s debug line. Written by the writer
  // thread, read after its future is waited for.
  struct WriterCost {
    long long rows = 0;
    double seconds = 0, cpu_seconds = 0;
  } writer_cost_;
  bool failed_ = false;
  bool deferral_decided_ = false;  // the first batch asks the store to defer its indexes
};

}  // namespace bilik

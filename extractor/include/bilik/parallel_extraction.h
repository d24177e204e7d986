// Extracting many documents on several threads, results in input order.
//
// The pool's `jobs` threads live as long as the pool, so each keeps its
// caches (word readings, gazetteer keys) from one batch to the next. A batch
// is submitted and collected later, so the caller can read the next batch
// meanwhile; one batch is in flight at a time. The pack is shared read-only
// (RE2, the gazetteer and the morphology are safe to share); each document
// is extracted by exactly one thread, so the results, and a store written
// from them in order, are the same whatever the number of threads.
//
//   ExtractionPool pool(pack, 2);
//   pool.submit(docs);            // the documents must live until collect()
//   ... read the next batch ...
//   std::vector<Extraction> out = pool.collect();
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "bilik/document.h"
#include "bilik/extraction.h"

namespace bilik {

class ExtractionPool {
 public:
  ExtractionPool(const RulePack& pack, unsigned jobs);
  ~ExtractionPool();
  ExtractionPool(const ExtractionPool&) = delete;
  ExtractionPool& operator=(const ExtractionPool&) = delete;

  // Starts extracting a batch (none may be in flight).
  void submit(std::vector<const Document*> documents);
  // Waits for the batch in flight and returns its results, in input order.
  std::vector<Extraction> collect();

 private:
  void work();       // takes documents of the current batch until none is left
  void serve();      // a pool thread: waits for batches until the pool goes

  const RulePack& pack_;
  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  std::vector<const Document*> documents_;
  std::vector<Extraction> results_;
  size_t next_ = 0;      // the next document to take (under mutex_)
  size_t batch_ = 0;     // counts batches, so a thread joins each once
  unsigned busy_ = 0;    // pool threads still working on this batch
  bool stopping_ = false;
};

}  // namespace bilik

// Extracting many documents on several threads, results in input order.
//
// The pool's threads live as long as the pool, so each keeps its caches
// (word readings, gazetteer keys) from one batch to the next. The pack is
// shared read-only (RE2, the gazetteer and the morphology are safe to share);
// each document is extracted by exactly one thread, so the results, and a
// store written from them in order, are the same whatever the number of
// threads. One caller at a time.
//
//   ExtractionPool pool(pack, 2);
//   std::vector<Extraction> out = pool.extract(docs);
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

  // Extracts every document; the calling thread works too.
  std::vector<Extraction> extract(const std::vector<const Document*>& documents);

 private:
  void work();       // takes documents of the current batch until none is left
  void serve();      // a pool thread: waits for batches until the pool goes

  const RulePack& pack_;
  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  const std::vector<const Document*>* documents_ = nullptr;
  std::vector<Extraction>* results_ = nullptr;
  size_t next_ = 0;      // the next document to take (under mutex_)
  size_t batch_ = 0;     // counts batches, so a thread joins each once
  unsigned busy_ = 0;    // pool threads still working on this batch
  bool stopping_ = false;
};

}  // namespace bilik

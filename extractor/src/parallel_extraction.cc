#include "bilik/parallel_extraction.h"

namespace bilik {

ExtractionPool::ExtractionPool(const RulePack& pack, unsigned jobs) : pack_(pack) {
  for (unsigned t = 1; t < jobs; ++t) threads_.emplace_back([this] { serve(); });
}

ExtractionPool::~ExtractionPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void ExtractionPool::work() {
  for (;;) {
    size_t i;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (next_ >= documents_->size()) return;
      i = next_++;
    }
    const Document& d = *(*documents_)[i];
    (*results_)[i] = extract_document(d.text, pack_, d.published);
  }
}

void ExtractionPool::serve() {
  size_t seen = 0;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || batch_ != seen; });
      if (stopping_) return;
      seen = batch_;
    }
    work();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      --busy_;
    }
    done_.notify_one();
  }
}

std::vector<Extraction> ExtractionPool::extract(const std::vector<const Document*>& documents) {
  std::vector<Extraction> results(documents.size());
  {
    std::lock_guard<std::mutex> lock(mutex_);
    documents_ = &documents;
    results_ = &results;
    next_ = 0;
    busy_ = static_cast<unsigned>(threads_.size());
    ++batch_;
  }
  wake_.notify_all();
  work();
  std::unique_lock<std::mutex> lock(mutex_);
  done_.wait(lock, [&] { return busy_ == 0; });
  documents_ = nullptr;
  results_ = nullptr;
  return results;
}

}  // namespace bilik

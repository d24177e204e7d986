#include "bilik/parallel_extraction.h"

#include <algorithm>

namespace bilik {

ExtractionPool::ExtractionPool(const RulePack& pack, unsigned jobs) : pack_(pack) {
  for (unsigned t = 0; t < std::max(1u, jobs); ++t) threads_.emplace_back([this] { serve(); });
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
      if (next_ >= documents_.size()) return;
      i = next_++;
    }
    const Document& d = *documents_[i];
    results_[i] = extract_document(d.text, pack_, d.published);
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

void ExtractionPool::submit(std::vector<const Document*> documents) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    results_.assign(documents.size(), Extraction{});
    documents_ = std::move(documents);
    next_ = 0;
    busy_ = static_cast<unsigned>(threads_.size());
    ++batch_;
  }
  wake_.notify_all();
}

std::vector<Extraction> ExtractionPool::collect() {
  std::unique_lock<std::mutex> lock(mutex_);
  done_.wait(lock, [&] { return busy_ == 0; });
  documents_.clear();
  return std::move(results_);
}

}  // namespace bilik

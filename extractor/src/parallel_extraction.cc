#include "bilik/parallel_extraction.h"

#include <atomic>
#include <thread>

namespace bilik {

std::vector<Extraction> extract_in_parallel(const std::vector<const Document*>& documents, const RulePack& pack,
                                            unsigned jobs) {
  std::vector<Extraction> results(documents.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < documents.size(); i = next++)
      results[i] = extract_document(documents[i]->text, pack, documents[i]->published);
  };
  const unsigned threads = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(documents.size())));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return results;
}

}  // namespace bilik

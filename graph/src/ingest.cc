#include "bilik/ingest.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <ctime>

#include "bilik/stop.h"

namespace bilik {

namespace {

double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace

Ingest::Ingest(Store& store, const RulePack* pack, unsigned jobs)
    : store_(store), pack_(pack), pool_(pack ? std::make_unique<ExtractionPool>(*pack, jobs) : nullptr) {}

Ingest::~Ingest() {
  if (extracting_ && pool_) pool_->collect();  // a batch left behind by a failure
  written();
  if (Status s = store_.restore_indexes(); !s) spdlog::error("{}", s.error());  // when finish() was not called
}

bool Ingest::add(Document document, std::string content_hash) {
  if (store_.is_current(document.uri, content_hash, pack_->hash)) {
    spdlog::debug("{}: unchanged, skipped", document.uri);
    ++counts_.unchanged;
    return !failed_;
  }
  std::string hash = text_hash(document.text);
  const bool duplicate =
      !texts_taken_.insert(hash).second || store_.holds_text(document, content_hash, pack_->hash, hash);
  return take({std::move(document), std::move(content_hash), pack_->hash, std::move(hash), duplicate, false},
              Extraction{});
}

bool Ingest::add_extracted(Document document, std::string content_hash, std::string rules_hash, Extraction extraction) {
  if (store_.is_current(document.uri, content_hash, rules_hash)) {
    ++counts_.unchanged;
    return !failed_;
  }
  return take({std::move(document), std::move(content_hash), std::move(rules_hash), "", false, true},
              std::move(extraction));
}

bool Ingest::take(Pending pending, Extraction extraction) {
  if (failed_) return false;
  pending_.bytes += pending.document.text.size();
  pending_.documents.push_back(std::move(pending));
  pending_.extractions.push_back(std::move(extraction));
  if ((pending_.documents.size() >= kBatchDocuments || pending_.bytes >= kBatchBytes) && !flush()) failed_ = true;
  return !failed_;
}

bool Ingest::flush() {
  if (pending_.documents.empty()) return true;
  // The pool gets the next batch before this one waits for the writer, so
  // it never idles while the writer finishes the batch before.
  std::shared_ptr<Batch> extracted = collect();
  extracting_ = std::make_shared<Batch>(std::move(pending_));
  pending_ = Batch{};
  std::vector<const Document*> to_extract;
  for (const Pending& p : extracting_->documents)
    if (!p.duplicate && !p.extracted) to_extract.push_back(&p.document);
  if (pool_) pool_->submit(std::move(to_extract));
  return write_later(std::move(extracted));
}

bool Ingest::pass_on() { return write_later(collect()); }

std::shared_ptr<Ingest::Batch> Ingest::collect() {
  if (!extracting_) return nullptr;
  std::shared_ptr<Batch> batch = std::move(extracting_);
  extracting_.reset();
  std::vector<Extraction> extracted = pool_ ? pool_->collect() : std::vector<Extraction>{};
  for (size_t d = 0, next = 0; d < batch->documents.size(); ++d)
    if (!batch->documents[d].duplicate && !batch->documents[d].extracted)
      batch->extractions[d] = std::move(extracted[next++]);
  return batch;
}

bool Ingest::write_later(std::shared_ptr<Batch> batch) {
  if (!batch) return true;
  if (stop_requested()) return true;  // cut short by Ctrl-C: none of it is stored, the next run extracts it
  if (!written()) return false;
  if (stop_requested()) return true;  // Ctrl-C while the batch before was written
  writing_ = std::async(std::launch::async, [this, batch] { return write(*batch); });
  return true;
}

bool Ingest::written() { return !writing_.valid() || writing_.get(); }

bool Ingest::finish() {
  bool ok = !failed_ && (stop_requested() || flush()) && pass_on();
  if (extracting_ && pool_) pool_->collect();  // a batch left behind by a failure
  extracting_.reset();
  ok = written() && ok;  // always wait for the writer
  // Whatever the outcome, the store gets back the indexes the run left out.
  const auto started = std::chrono::steady_clock::now();
  const double cpu_started = thread_cpu_seconds();
  if (Status s = store_.restore_indexes(); !s) {
    spdlog::error("{}", s.error());
    ok = false;
  }
  const double index_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const double index_cpu = thread_cpu_seconds() - cpu_started;
  writer_cost_.seconds += index_seconds;
  writer_cost_.cpu_seconds += index_cpu;
  failed_ = failed_ || !ok;
  const WriterCost& w = writer_cost_;
  spdlog::debug("writer: {} rows, {:.0f} rows/s, {:.3f} s ({:.3f} s CPU), of which indexes built at the end {:.3f} s "
                "({:.3f} s CPU)",
                w.rows, w.seconds > 0 ? static_cast<double>(w.rows) / w.seconds : 0.0, w.seconds, w.cpu_seconds,
                index_seconds, index_cpu);
  return ok;
}

bool Ingest::write(const Batch& batch) {
  const auto started = std::chrono::steady_clock::now();
  const double cpu_started = thread_cpu_seconds();
  const long long rows_before = store_.rows_changed();
  const bool ok = write_batch(batch);
  writer_cost_.rows += store_.rows_changed() - rows_before;
  writer_cost_.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  writer_cost_.cpu_seconds += thread_cpu_seconds() - cpu_started;
  return ok;
}

bool Ingest::write_batch(const Batch& batch) {
  if (!deferral_decided_) {
    deferral_decided_ = true;
    if (Status s = store_.defer_indexes(); !s) {
      spdlog::error("{}", s.error());
      return false;
    }
  }
  if (Status s = store_.begin_documents(); !s) {
    spdlog::error("{}", s.error());
    return false;
  }
  Counts added;
  auto fail = [&](const std::string& error) {
    spdlog::error("{}", error);
    store_.rollback();
    return false;
  };
  for (size_t d = 0; d < batch.documents.size(); ++d) {
    const Pending& p = batch.documents[d];
    if (p.duplicate) {
      auto recorded = store_.put_source(p.document, p.content_hash, p.rules_hash, p.text_hash);
      if (!recorded) return fail(recorded.error());
      if (*recorded) {
        ++added.folded;
        spdlog::debug("{}: the text of a stored document; recorded as its source", p.document.uri);
        continue;
      }
    }
    // A duplicate whose first copy was not stored as the reader expected
    // (its text differs after all, or it changed meanwhile) is extracted here.
    const Extraction extracted = p.duplicate ? extract_document(p.document.text, *pack_, p.document.published)
                                             : Extraction{};
    const Extraction& x = p.duplicate ? extracted : batch.extractions[d];
    auto outcome = store_.put_document(p.document, p.content_hash, p.rules_hash, x, p.text_hash);
    if (!outcome) return fail(outcome.error());
    ++(*outcome == Store::Stored::Folded ? added.folded : added.stored);
    spdlog::debug("{}: {} entities, {} mentions", p.document.uri, x.entities.entities.size(), x.entities.mentions.size());
  }
  if (Status s = store_.commit(); !s) {
    spdlog::error("{}", s.error());
    return false;
  }
  counts_.stored += added.stored;
  counts_.folded += added.folded;
  return true;
}

}  // namespace bilik

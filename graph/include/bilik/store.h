// The SQLite triple store: documents, entities, names, mentions (and the
// figures, dates and triples tables their issues fill).
//
// Opening for writing applies the migrations compiled from schema/*.sql (one
// file per schema version, each in its own transaction) and keeps the store
// in WAL mode, so readers and a writer never block each other; any open
// refuses a store written by a newer bilik, an SQLite file that is not a
// bilik store (graph/src/store_marker.h) and a version that is not a number. Errors say what to do ("locked by another process", "read-only",
// "the disk is full"). A document is
// replaced as a whole inside the caller's transaction, so a run killed at any
// point leaves each document either fully old or fully new, never half.
// Entities are shared across documents: a document's entity joins the stored
// entity of the same type that already carries one of its names (a lone
// surname is not enough for a person), else it becomes a new entity.
//
//   auto store = Store::open("graph.db", Store::Mode::ReadWrite);
//   (*store)->begin();
//   (*store)->put_document(doc, hashes, extraction);
//   (*store)->commit();
//
// Thread safety: one thread may call is_current while another writes
// documents; everything else is for one thread at a time.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>
#include <string>

#include "bilik/document.h"
#include "bilik/extraction.h"
#include "bilik/result.h"

namespace bilik {

struct StoreIdentity;  // graph/src/store_marker.h

// Stable fingerprint of a document's text and metadata.
std::string document_hash(const Document& doc);

class Store {
 public:
  enum class Mode { ReadWrite, ReadOnly };
  static constexpr int kSchemaVersion = 4;

  static Result<std::unique_ptr<Store>> open(const std::string& path, Mode mode);
  ~Store();
  // A copy of the whole store in memory, writable and at this schema
  // version, that never touches the file (export applies curation there).
  Result<std::unique_ptr<Store>> copy_in_memory();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Each extract or merge is recorded as a run (table `run`): started here,
  // its outcome written by finish_run. Documents stored in between name it.
  // Each run names its process; a run left "running" whose process is gone
  // was killed, and the next open for writing marks it "interrupted".
  struct RunCounts {
    long long stored = 0, unchanged = 0, failed = 0;
  };
  Result<long long> start_run(const std::string& command, const std::vector<std::string>& arguments,
                              const std::string& rules_hash);
  Status finish_run(const std::string& status, const RunCounts& counts);

  // True when `uri` is stored with this content and was extracted by this pack.
  bool is_current(const std::string& uri, const std::string& content_hash, const std::string& rules_hash);

  Status begin();
  Status commit();
  Status rollback();

  // Replaces every row of the document (call between begin and commit).
  Status put_document(const Document& doc, const std::string& content_hash, const std::string& rules_hash,
                      const Extraction& extraction);
  // Removes entities no document mentions any more, and the keys of names
  // neither a document nor curation gives an entity.
  Status remove_orphans();

  // A stored document and everything extracted from it, rebuilt from the
  // store's rows as the extraction that wrote them (for merging stores).
  struct StoredDocument {
    Document document;
    std::string content_hash, rules_hash;
    Extraction extraction;
  };
  // Documents in the store: (id, uri), in id order.
  std::vector<std::pair<long long, std::string>> document_ids();
  Result<StoredDocument> load_document(long long id);

  struct Counts {
    long long documents = 0, entities = 0, mentions = 0, figures = 0, dates = 0, triples = 0;
  };
  Counts counts();

  sqlite3* handle() { return db_; }

 private:
  Store(sqlite3* db, std::string path, Mode mode) : db_(db), path_(std::move(path)), mode_(mode) {}
  // Applies the migrations past the version the file holds (checked by
  // identify_store, at most kSchemaVersion).
  Status migrate(const StoreIdentity& identity);
  // Runs left 'running' by a process that no longer exists become
  // 'interrupted' (their `finished` stays NULL).
  Status mark_dead_runs();
  Status exec(const char* sql);
  // The stored entity for a document's entity, and the unconfirmed name
  // that found it, if one did.
  struct EntityMatch {
    long long id = 0;
    std::string confirmed_name;
  };
  Result<EntityMatch> entity_for(const DocEntity& entity);

  // Statements prepared once and reused for every document.
  sqlite3_stmt* cached(const char* sql);

  sqlite3* db_ = nullptr;
  std::string path_;
  Mode mode_;
  long long run_id_ = 0;
  std::mutex cache_mutex_;  // is_current (reading thread) and writes (writer thread) share the cache
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace bilik

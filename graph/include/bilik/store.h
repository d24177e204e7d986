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
// surname is not enough for a person), else it becomes a new entity; an
// entity the extractor scoped to one key or to its document
// (identity_scope.h) is found only by that key, or never. Table entity_link
// records how each document's entity was found.
//
// One document per text: a text already stored under another name is
// recorded as another source of that document (table document_source: its
// name, url and content hash), not stored or extracted again. A document's
// `uri` is the name it was extracted from; every name, that one included, is
// a source. A name that comes to hold another text leaves its old document,
// and a document left with no name goes with everything extracted from it.
//
//   auto store = Store::open("graph.db", Store::Mode::ReadWrite);
//   (*store)->begin();
//   if (!(*store)->holds_text(doc, hash, pack.hash)) x = extract_document(...);
//   (*store)->put_document(doc, hash, pack.hash, x);   // or put_source(doc, hash, pack.hash)
//   (*store)->commit();
//
// Thread safety: one thread may call is_current and holds_text while
// another writes documents (they read through a connection of their own, so
// they see what the writer has committed); everything else is for one
// thread at a time.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>
#include <string>
#include <string_view>

#include "bilik/document.h"
#include "bilik/model.h"
#include "bilik/result.h"

namespace bilik {

struct StoreIdentity;  // graph/src/store_marker.h

// Stable fingerprint of a document's text and metadata (title, published,
// and url when it has one, so hashes from before urls were kept stay valid).
std::string document_hash(const Document& doc);

class Store {
 public:
  enum class Mode { ReadWrite, ReadOnly };
  static constexpr int kSchemaVersion = 8;

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
    long long stored = 0, unchanged = 0, failed = 0, folded = 0;  // folded: duplicates recorded as sources
  };
  Result<long long> start_run(const std::string& command, const std::vector<std::string>& arguments,
                              const std::string& rules_hash);
  Status finish_run(const std::string& status, const RunCounts& counts);

  // True when `uri` is a source of a stored document with this content, and
  // the document was extracted by this pack.
  bool is_current(const std::string& uri, const std::string& content_hash, const std::string& rules_hash);
  // True when put_source would record `doc` without an extraction: its text
  // is stored, extracted by this pack, and `doc` does not change the metadata
  // of the name the text was extracted from. `known_text_hash`, here and
  // below, is text_hash(doc.text) when the caller has it (else computed).
  bool holds_text(const Document& doc, const std::string& content_hash, const std::string& rules_hash,
                  std::string_view known_text_hash = {});

  Status begin();
  // begin, for a transaction of put_source and put_document calls only:
  // foreign keys go unchecked until its commit or rollback, a tenth of the
  // writer's CPU (the store makes every id put_document writes, and removes
  // a replaced document's rows itself, not by cascade).
  Status begin_documents();
  Status commit();
  Status rollback();

  // Call these between begin and commit.
  // Records `doc.uri` (with its url and content hash) as a source of the
  // stored document holding its text, when holds_text; else changes nothing
  // and returns false (the document needs an extraction: put_document).
  Result<bool> put_source(const Document& doc, const std::string& content_hash, const std::string& rules_hash,
                          std::string_view known_text_hash = {});
  // Stores `doc`: as a source when put_source can (Folded: `extraction` is
  // not used), else as the document of its text with this extraction
  // (Extracted), taking over the sources of a stored copy of the text made
  // by another pack. Either way the name leaves the document it held before.
  enum class Stored { Extracted, Folded };
  Result<Stored> put_document(const Document& doc, const std::string& content_hash, const std::string& rules_hash,
                              const Extraction& extraction, std::string_view known_text_hash = {});
  // Removes entities no document mentions any more, and the keys of names
  // neither a document nor curation gives an entity.
  Status remove_orphans();

  // Into a store holding no document, a run writes faster without the
  // indexes no write reads (by entity, key or document, of mentions, names,
  // links, figures, dates and triples) and builds them once at its end: a
  // fifth of the writer's CPU. defer_indexes drops them when the store holds
  // no document (else changes nothing); restore_indexes builds any that are
  // missing (a no-op when none is). A run that ends in any way restores
  // them (Ingest::finish); one killed before leaves them missing, queries
  // slower, and the next open for writing builds them (unless another run
  // is still going: it will). remove_document builds them first, so every
  // later write of the run has them.
  Status defer_indexes();
  Status restore_indexes();

  // A stored document and everything extracted from it, rebuilt from the
  // store's rows as the extraction that wrote them (for merging stores).
  struct StoredDocument {
    Document document;
    std::string content_hash, rules_hash;
    Extraction extraction;
  };
  // A name a stored document was read under.
  struct Source {
    long long document_id = 0;
    std::string uri, url, content_hash;
  };
  // Every source in the store, by name (in a store from before schema 4,
  // read without upgrading, each document is its one source).
  Result<std::vector<Source>> sources();
  // These reads, and counts, fail with the store's error (a damaged file
  // names itself and how to check it); a partial answer is never returned.
  Result<StoredDocument> load_document(long long id);

  struct Counts {
    long long documents = 0, entities = 0, mentions = 0, figures = 0, dates = 0, triples = 0;
  };
  Result<Counts> counts();

  // Rows inserted, updated or deleted through this store since it opened
  // (SQLite's total_changes: rows left alone by INSERT OR IGNORE and index
  // entries are not counted).
  long long rows_changed() const { return sqlite3_total_changes64(db_); }

  sqlite3* handle() { return db_; }

 private:
  Store(sqlite3* db, std::string path, Mode mode) : db_(db), path_(std::move(path)), mode_(mode) {}
  // Applies the migrations past the version the file holds (checked by
  // identify_store, at most kSchemaVersion).
  Status migrate(const StoreIdentity& identity);
  // Runs left 'running' by a process that no longer exists become
  // 'interrupted' (their `finished` stays NULL).
  Status mark_dead_runs();
  // Fills text_hash for documents stored before schema 4, then folds
  // documents with the same text into the oldest (graph/src/document_sources.cc).
  Status fold_legacy_documents();
  // The stored document holding exactly `text`, whose text_hash is `hash`.
  struct TextOwner {
    long long id = 0;
    std::string uri, content_hash, rules_hash;
  };
  enum class Caller { Reader, Writer };  // the thread asking: only the writer's uses the statement cache
  std::optional<TextOwner> document_with_text(const std::string& text, const std::string& hash, Caller caller);
  // True when `doc` is recorded as a source of `owner` rather than extracted.
  static bool folds_into(const std::optional<TextOwner>& owner, const Document& doc, const std::string& content_hash,
                         const std::string& rules_hash);
  // put_source, given the stored document holding the text (or none).
  Result<bool> put_source_into(const std::optional<TextOwner>& owner, const Document& doc,
                               const std::string& content_hash, const std::string& rules_hash);
  // Removes document `id` and every row extracted from it or naming it,
  // with or without foreign keys on.
  Status remove_document(long long id);
  // Removes the source `uri` from document `id`: a document left with no
  // source goes; one whose own name left is named by its oldest source.
  Status detach_source(const std::string& uri, long long id);
  // The document `uri` is a source of.
  std::optional<long long> source_document(const std::string& uri);
  Status insert_source(long long document_id, const std::string& uri, const std::string& url,
                       const std::string& content_hash, std::optional<long long> run_id, const std::string& added);
  Status insert_extraction(long long document_id, const Extraction& extraction);
  Status exec(const char* sql);
  // The stored entity for a document's entity, and the unconfirmed name
  // that found it, if one did.
  struct EntityMatch {
    long long id = 0;
    std::string confirmed_name;
    const char* via = "new";  // entity_link.via
    std::string key;          // the key that matched (or, for a new keyed entity, will match)
  };
  // A document's entity's names folded (fold_key), each once.
  struct FoldedNames {
    std::string name;
    std::vector<std::string> aliases, unconfirmed, local;  // as DocEntity lists them
    std::string confirmed;                                 // the name an unconfirmed one matched, if any
    bool is_local(const std::string& key) const;          // a name shown but never compared
  };
  static FoldedNames fold_names(const DocEntity& entity);
  Result<EntityMatch> entity_for(const DocEntity& entity, const FoldedNames& folded);
  // The entities entity_key gives `key` of `type` (two at most: more than
  // one is as good as two), and entity_key's INSERT OR IGNORE, both through
  // key_cache_.
  const std::vector<long long>& entities_with_key(const std::string& key, const std::string& type);
  Status insert_key(const std::string& key, const std::string& type, long long entity_id);

  // Statements prepared once and reused for every document (not by the
  // reading thread: it has reader_statement).
  sqlite3_stmt* cached(const char* sql);
  // The reading thread's statement `stmt` (is_current, holds_text), prepared
  // on first use on its own read-only connection, reader_, opened then
  // (null if it cannot be: the caller answers "not stored").
  sqlite3_stmt* reader_statement(sqlite3_stmt*& stmt, const char* sql);
  sqlite3* reader_ = nullptr;
  sqlite3_stmt* reader_current_ = nullptr;
  sqlite3_stmt* reader_text_ = nullptr;
  // The writer's multi-row INSERTs (graph/src/row_inserter.h), made on first use.
  struct Inserters;
  struct DeleteInserters {
    void operator()(Inserters* in) const;
  };
  std::unique_ptr<Inserters, DeleteInserters> inserters_;

  sqlite3* db_ = nullptr;
  std::string path_;
  Mode mode_;
  long long version_ = 0;  // the schema version of the file (read-only opens do not upgrade it)
  long long run_id_ = 0;
  bool indexes_deferred_ = false;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  // What the writer read from and wrote to entity_key, kept across its
  // transactions (begin_documents) while no other connection writes the
  // store (PRAGMA data_version). Forgotten by begin (curation), a rollback,
  // a failed commit and remove_orphans, whose changes it would not see.
  struct KeyCache {
    std::unordered_map<std::string, std::vector<long long>> found;  // "type\tkey" -> entities_with_key
    std::unordered_set<std::string> stored;                         // "type\tkey\tentity" in entity_key
    long long data_version = -1;
  } key_cache_;
};

}  // namespace bilik

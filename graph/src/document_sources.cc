// One document per text: the Store's sources (table document_source), and
// how a document read under a name is folded into the stored document with
// the same text or stored as a new one (store.h states the contract).
#include <spdlog/spdlog.h>

#include "bilik/store.h"
#include "sentence_spans.h"
#include "statement.h"

namespace bilik {

namespace {

void bind_optional(Statement& s, int i, const std::string& value) {
  if (value.empty()) s.bind_null(i);
  else s.bind(i, value);
}

// text_hash(doc.text), unless the caller gave it.
std::string hash_of_text(const Document& doc, std::string_view known) {
  return known.empty() ? text_hash(doc.text) : std::string(known);
}

}  // namespace

std::optional<Store::TextOwner> Store::document_with_text(const std::string& text, const std::string& hash,
                                                         Caller caller) {
  static constexpr const char* kSql = "SELECT id, uri, content_hash, rules_hash FROM document "
                                      "WHERE text_hash = ? AND text = ? ORDER BY id LIMIT 1";
  // extract's reading thread asks this (through holds_text) while its
  // writing thread writes: each has its own connection and statement.
  sqlite3_stmt* stmt = caller == Caller::Writer ? cached(kSql) : reader_statement(reader_text_, kSql);
  Statement q(caller == Caller::Writer || !reader_ ? db_ : reader_, stmt);
  q.bind_static(1, hash).bind_static(2, text);
  if (q.step() != SQLITE_ROW) return std::nullopt;
  return TextOwner{q.column_int(0), q.column_text(1), q.column_text(2), q.column_text(3)};
}

std::optional<long long> Store::source_document(const std::string& uri) {
  Statement q(db_, cached("SELECT document_id FROM document_source WHERE uri = ?"));
  q.bind(1, uri);
  if (q.step() != SQLITE_ROW) return std::nullopt;
  return q.column_int(0);
}

// The name the text was extracted from, with other metadata (a new
// publication date changes its dates), is extracted again.
bool Store::folds_into(const std::optional<TextOwner>& owner, const Document& doc, const std::string& content_hash,
                       const std::string& rules_hash) {
  return owner && owner->rules_hash == rules_hash && (owner->uri != doc.uri || owner->content_hash == content_hash);
}

bool Store::holds_text(const Document& doc, const std::string& content_hash, const std::string& rules_hash,
                       std::string_view known_text_hash) {
  if (doc.text.empty()) return false;
  return folds_into(document_with_text(doc.text, hash_of_text(doc, known_text_hash), Caller::Reader), doc, content_hash,
                    rules_hash);
}

Status Store::insert_source(long long document_id, const std::string& uri, const std::string& url,
                            const std::string& content_hash, std::optional<long long> run_id, const std::string& added) {
  Statement ins(db_, cached("INSERT INTO document_source(document_id, uri, url, content_hash, run_id, added) "
                            "VALUES(?, ?, ?, ?, ?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))) "
                            "ON CONFLICT(uri) DO UPDATE SET document_id = excluded.document_id, url = excluded.url, "
                            "content_hash = excluded.content_hash, run_id = excluded.run_id"));
  ins.bind(1, document_id).bind(2, uri);
  bind_optional(ins, 3, url);
  ins.bind(4, content_hash);
  if (run_id) ins.bind(5, *run_id); else ins.bind_null(5);
  bind_optional(ins, 6, added);
  if (ins.step() != SQLITE_DONE) return Status::failure(path_ + ": " + uri + ": " + ins.error());
  return {};
}

Status Store::remove_document(long long id) {
  // Without its indexes by document, each delete below reads a whole table.
  if (indexes_deferred_)
    if (Status s = restore_indexes(); !s) return s;
  // Every table whose rows name a document (schema/*.sql: document_id ...
  // REFERENCES document), children first: a triple names its figure.
  static constexpr const char* kDeletes[] = {
      "DELETE FROM triple WHERE document_id = ?",      "DELETE FROM mention WHERE document_id = ?",
      "DELETE FROM figure WHERE document_id = ?",      "DELETE FROM date_expr WHERE document_id = ?",
      "DELETE FROM entity_name WHERE document_id = ?", "DELETE FROM entity_link WHERE document_id = ?",
      "DELETE FROM document_source WHERE document_id = ?", "DELETE FROM document WHERE id = ?"};
  for (const char* sql : kDeletes) {
    Statement del(db_, cached(sql));
    del.bind(1, id);
    if (del.step() != SQLITE_DONE) return Status::failure(path_ + ": " + del.error());
  }
  return {};
}

Status Store::detach_source(const std::string& uri, long long id) {
  Statement del(db_, cached("DELETE FROM document_source WHERE uri = ?"));
  del.bind(1, uri);
  if (del.step() != SQLITE_DONE) return Status::failure(path_ + ": " + del.error());
  Statement oldest(db_, cached("SELECT uri, url, content_hash FROM document_source WHERE document_id = ? "
                               "ORDER BY id LIMIT 1"));
  oldest.bind(1, id);
  if (oldest.step() != SQLITE_ROW) return remove_document(id);
  Statement rename(db_, cached("UPDATE document SET uri = ?, url = ?, content_hash = ? WHERE id = ? AND uri = ?"));
  rename.bind(1, oldest.column_text(0));
  if (oldest.is_null(1)) rename.bind_null(2); else rename.bind(2, oldest.column_text(1));
  rename.bind(3, oldest.column_text(2)).bind(4, id).bind(5, uri);
  if (rename.step() != SQLITE_DONE) return Status::failure(path_ + ": " + rename.error());
  return {};
}

Result<bool> Store::put_source(const Document& doc, const std::string& content_hash, const std::string& rules_hash,
                               std::string_view known_text_hash) {
  if (doc.text.empty()) return false;
  return put_source_into(document_with_text(doc.text, hash_of_text(doc, known_text_hash), Caller::Writer), doc,
                         content_hash, rules_hash);
}

Result<bool> Store::put_source_into(const std::optional<TextOwner>& owner, const Document& doc,
                                    const std::string& content_hash, const std::string& rules_hash) {
  if (!folds_into(owner, doc, content_hash, rules_hash)) return false;
  if (const auto before = source_document(doc.uri); before && *before != owner->id)
    if (Status s = detach_source(doc.uri, *before); !s) return s;
  const std::optional<long long> run = run_id_ ? std::optional<long long>(run_id_) : std::nullopt;
  if (Status s = insert_source(owner->id, doc.uri, doc.url, content_hash, run, ""); !s) return s;
  return true;
}

Result<Store::Stored> Store::put_document(const Document& doc, const std::string& content_hash,
                                         const std::string& rules_hash, const Extraction& x,
                                         std::string_view known_text_hash) {
  // The stored document with this text, if any: folded into, or replaced.
  const std::string hash = hash_of_text(doc, known_text_hash);
  const auto copy = doc.text.empty() ? std::nullopt : document_with_text(doc.text, hash, Caller::Writer);
  auto folded = put_source_into(copy, doc, content_hash, rules_hash);
  if (!folded) return Status::failure(folded.error());
  if (*folded) return Stored::Folded;

  // A copy of the text from another pack (or under this name with other
  // metadata) is replaced, and its other names become this document's.
  struct KeptSource {
    std::string uri, url, content_hash, added;
    std::optional<long long> run_id;
  };
  std::vector<KeptSource> kept;
  if (copy) {
    Statement q(db_, cached("SELECT uri, coalesce(url, ''), content_hash, added, run_id FROM document_source "
                            "WHERE document_id = ? AND uri <> ? ORDER BY id"));
    q.bind(1, copy->id).bind(2, doc.uri);
    if (Status s = q.each([&] {
          kept.push_back({q.column_text(0), q.column_text(1), q.column_text(2), q.column_text(3),
                          q.is_null(4) ? std::nullopt : std::optional<long long>(q.column_int(4))});
        });
        !s)
      return Status::failure(path_ + ": " + s.error());
  }
  if (const auto before = source_document(doc.uri); before && (!copy || *before != copy->id))
    if (Status s = detach_source(doc.uri, *before); !s) return s;
  if (copy)
    if (Status s = remove_document(copy->id); !s) return s;

  Statement ins(db_, cached("INSERT INTO document(uri, title, published, text, content_hash, rules_hash, run_id, url, "
                            "text_hash, sentences) VALUES(?,?,?,?,?,?,?,?,?,?)"));
  ins.bind_static(1, doc.uri).bind_static(2, doc.title);
  bind_optional(ins, 3, doc.published);
  ins.bind_static(4, doc.text).bind_static(5, content_hash).bind_static(6, rules_hash);
  if (run_id_) ins.bind(7, run_id_); else ins.bind_null(7);
  bind_optional(ins, 8, doc.url);
  ins.bind_static(9, hash).bind_blob(10, encode_sentences(x.sentences));
  if (ins.step() != SQLITE_DONE) return Status::failure(path_ + ": " + doc.uri + ": " + ins.error());
  const long long id = sqlite3_last_insert_rowid(db_);
  const std::optional<long long> run = run_id_ ? std::optional<long long>(run_id_) : std::nullopt;
  if (Status s = insert_source(id, doc.uri, doc.url, content_hash, run, ""); !s) return s;
  for (const KeptSource& k : kept)
    if (Status s = insert_source(id, k.uri, k.url, k.content_hash, k.run_id, k.added); !s) return s;
  if (Status s = insert_extraction(id, x); !s) return s;
  return Stored::Extracted;
}

Result<std::vector<Store::Source>> Store::sources() {
  std::vector<Source> out;
  Statement q(db_, version_ >= 5 ? "SELECT document_id, uri, coalesce(url, ''), content_hash FROM document_source ORDER BY uri"
                                  : "SELECT id, uri, '', content_hash FROM document ORDER BY uri");
  if (Status s = q.each([&] { out.push_back({q.column_int(0), q.column_text(1), q.column_text(2), q.column_text(3)}); }); !s)
    return Result<std::vector<Source>>::failure(path_ + ": " + s.error());
  return out;
}

Status Store::fold_legacy_documents() {
  std::vector<std::pair<long long, std::string>> missing;
  {
    Statement q(db_, "SELECT id, text FROM document WHERE text_hash IS NULL");
    if (Status s = q.each([&] { missing.emplace_back(q.column_int(0), text_hash(q.column_text(1))); }); !s)
      return Status::failure(path_ + ": " + s.error());
  }
  if (missing.empty()) return {};
  if (Status s = exec("BEGIN IMMEDIATE;"); !s) return s;
  for (const auto& [id, hash] : missing) {
    Statement update(db_, cached("UPDATE document SET text_hash = ? WHERE id = ?"));
    update.bind(1, hash).bind(2, id);
    if (update.step() != SQLITE_DONE) {
      exec("ROLLBACK;");
      return Status::failure(path_ + ": " + update.error());
    }
  }
  // Documents stored twice before schema 5 become sources of the oldest copy.
  if (Status s = exec("CREATE TEMP TABLE fold AS SELECT d.id AS duplicate, "
                      "(SELECT min(e.id) FROM document e WHERE e.text_hash = d.text_hash AND e.text = d.text) AS kept "
                      "FROM document d;"
                      "DELETE FROM temp.fold WHERE duplicate = kept;"
                      "UPDATE document_source SET document_id = "
                      "(SELECT kept FROM temp.fold WHERE duplicate = document_source.document_id) "
                      "WHERE document_id IN (SELECT duplicate FROM temp.fold);"
                      "DELETE FROM document WHERE id IN (SELECT duplicate FROM temp.fold);");
      !s) {
    exec("ROLLBACK;");
    return s;
  }
  const long long folded = sqlite3_changes(db_);
  if (Status s = exec("DROP TABLE temp.fold; COMMIT;"); !s) {
    exec("ROLLBACK;");
    return s;
  }
  if (folded > 0) {
    spdlog::info("{}: {} documents held a text stored before; each is now a source of the first", path_, folded);
    return remove_orphans();
  }
  return {};
}

}  // namespace bilik

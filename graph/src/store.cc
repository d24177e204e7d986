#include "bilik/store.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <vector>

#include "bilik/fnv1a.h"
#include "bilik/folded_text.h"
#include "row_inserter.h"
#include "run_owner.h"
#include "schema_sql.h"
#include "sentence_spans.h"
#include "statement.h"
#include "store_marker.h"

namespace bilik {

static_assert(schema::kMigrations.size() == Store::kSchemaVersion, "one schema/*.sql file per version");

namespace {


size_t word_count(const std::string& key) {
  if (key.empty()) return 0;
  size_t n = 1;
  for (char c : key) n += c == ' ';
  return n;
}

}  // namespace

std::string document_hash(const Document& doc) {
  uint64_t h = kFnv1aOffset;
  for (const std::string* part : {&doc.title, &doc.published, &doc.text}) {
    h = fnv1a(h, *part);
    h = fnv1a(h, std::string_view("\x1f", 1));
  }
  if (!doc.url.empty()) h = fnv1a(h, doc.url);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

namespace {

// SQLite keeps memory statistics under a global mutex taken around every
// allocation (bilik reads none of them; the writer allocates for every row:
// a tenth of its CPU). Only possible before SQLite's first open, so the first
// store opened in a process does it; later calls change nothing.
void configure_sqlite() {
  static const int done = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)done;
}

// Opens the file; a read-only open retries as immutable, since a WAL store in
// a folder the reader cannot write has no way to make its shared-memory file.
sqlite3* open_file(const std::string& path, Store::Mode mode, std::string& error) {
  sqlite3* db = nullptr;
  if (mode == Store::Mode::ReadOnly) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      error = path + ": no such store";
      return nullptr;
    }
  }
  // A writing store's connection is used by one thread at a time (the
  // reading thread has its own, Store::reader_statement), so it takes no
  // mutex around every call: a twentieth of the writer's CPU. Read-only
  // ones stay serialized.
  const int flags = mode == Store::Mode::ReadOnly ? SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_READONLY
                                                  : SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    error = path + ": " + (db ? sqlite_problem(db) : "out of memory");
    sqlite3_close(db);
    return nullptr;
  }
  if (mode == Store::Mode::ReadOnly &&
      sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) != SQLITE_OK) {
    const int code = sqlite3_extended_errcode(db) & 0xFF;
    if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN) return db;  // migrate() reports it
    sqlite3_close(db);
    db = nullptr;
    std::string uri = "file:";
    for (char c : std::filesystem::absolute(path).string()) {
      if (c == '%' || c == '?' || c == '#') {
        char hex[4];
        std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
        uri += hex;
      } else {
        uri += c;
      }
    }
    uri += "?immutable=1";
    if (sqlite3_open_v2(uri.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX, nullptr) !=
        SQLITE_OK) {
      error = path + ": " + (db ? sqlite_problem(db) : "out of memory");
      sqlite3_close(db);
      return nullptr;
    }
    spdlog::debug("{}: read as immutable (the folder is not writable)", path);
  }
  return db;
}

}  // namespace

Result<std::unique_ptr<Store>> Store::open(const std::string& path, Mode mode) {
  configure_sqlite();
  std::string error;
  sqlite3* db = open_file(path, mode, error);
  if (!db) return Result<std::unique_ptr<Store>>::failure(error);
  sqlite3_busy_timeout(db, 5000);
  std::unique_ptr<Store> store(new Store(db, path, mode));
  // Nothing is written before the file is known to be a bilik store (or new).
  auto identity = identify_store(db, path);
  if (!identity) return Result<std::unique_ptr<Store>>::failure(identity.error());
  if (identity->version > kSchemaVersion)
    return Result<std::unique_ptr<Store>>::failure(
        path + ": the store has schema version " + std::to_string(identity->version) +
        ", newer than this bilik understands (" + std::to_string(kSchemaVersion) + "); use a newer bilik");
  if (mode == Mode::ReadWrite) {
    if (Status s = store->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"); !s)
      return Result<std::unique_ptr<Store>>::failure(s.error());
  }
  if (Status s = store->exec("PRAGMA foreign_keys=ON;"); !s) return Result<std::unique_ptr<Store>>::failure(s.error());
  if (Status s = store->migrate(*identity); !s) return Result<std::unique_ptr<Store>>::failure(s.error());
  store->version_ = mode == Mode::ReadWrite ? kSchemaVersion : identity->version;
  if (mode == Mode::ReadWrite) {
    if (Status s = store->mark_dead_runs(); !s) return Result<std::unique_ptr<Store>>::failure(s.error());
    // A run into an empty store killed before its end left them out (one
    // still running builds them at its end, and is not kept waiting).
    long long running_runs = 0;
    {
      Statement running(db, "SELECT count(*) FROM run WHERE status = 'running'");
      auto row = running.next();
      if (!row) return Result<std::unique_ptr<Store>>::failure(path + ": " + row.error());
      if (*row) running_runs = running.column_int(0);
    }
    if (running_runs == 0)
      if (Status s = store->restore_indexes(); !s) return Result<std::unique_ptr<Store>>::failure(s.error());
    if (Status s = store->fold_legacy_documents(); !s) return Result<std::unique_ptr<Store>>::failure(s.error());
  }
  return store;
}

Result<std::unique_ptr<Store>> Store::copy_in_memory() {
  using R = Result<std::unique_ptr<Store>>;
  configure_sqlite();
  sqlite3* db = nullptr;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
    sqlite3_close(db);
    return R::failure(path_ + ": no memory for a copy of the store");
  }
  std::unique_ptr<Store> copy(new Store(db, path_, Mode::ReadWrite));
  sqlite3_backup* backup = sqlite3_backup_init(db, "main", db_, "main");
  if (!backup) return R::failure(path_ + ": copying the store: " + sqlite_problem(db));
  sqlite3_backup_step(backup, -1);
  if (sqlite3_backup_finish(backup) != SQLITE_OK) return R::failure(path_ + ": copying the store: " + sqlite_problem(db));
  auto identity = identify_store(db, path_);
  if (!identity) return R::failure(identity.error());
  if (Status s = copy->exec("PRAGMA foreign_keys=ON;"); !s) return R::failure(s.error());
  // An older store's copy gets the tables of this version; the file does not.
  if (Status s = copy->migrate(*identity); !s) return R::failure(s.error());
  return copy;
}

namespace {

// The indexes defer_indexes drops, as schema/*.sql made them: no write of a
// document reads them (schema/008_writer.sql lists who does).
constexpr const char* kDeferredIndexes[][2] = {
    {"mention_by_document", "mention(document_id)"},    {"mention_by_entity", "mention(entity_id)"},
    {"entity_name_by_key", "entity_name(key)"},         {"entity_name_by_entity", "entity_name(entity_id)"},
    {"entity_link_by_entity", "entity_link(entity_id)"}, {"figure_by_document", "figure(document_id)"},
    {"date_by_document", "date_expr(document_id)"},     {"triple_by_document", "triple(document_id)"},
    {"triple_by_subject", "triple(subject_id)"},        {"triple_by_object", "triple(object_id)"}};

}  // namespace

Status Store::defer_indexes() {
  if (indexes_deferred_) return {};
  {  // read and reset before the DDL below
    Statement any(db_, "SELECT 1 FROM document LIMIT 1");
    auto row = any.next();
    if (!row) return Status::failure(path_ + ": " + row.error());
    if (*row) return {};
  }
  std::string sql = "BEGIN IMMEDIATE;";
  for (const auto& [name, on] : kDeferredIndexes) sql += std::string("DROP INDEX IF EXISTS ") + name + ";";
  if (Status s = exec((sql + "COMMIT;").c_str()); !s) {
    if (!sqlite3_get_autocommit(db_)) exec("ROLLBACK;");
    return s;
  }
  indexes_deferred_ = true;
  spdlog::debug("{}: an empty store: its indexes by entity, key and document are built at the end", path_);
  return {};
}

Status Store::restore_indexes() {
  std::string names;
  for (const auto& [name, on] : kDeferredIndexes) names += std::string(names.empty() ? "'" : ",'") + name + "'";
  long long present = 0;
  {  // read and reset before any DDL below
    Statement count(db_, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN (" + names + ")");
    auto row = count.next();
    if (!row) return Status::failure(path_ + ": " + row.error());
    if (*row) present = count.column_int(0);
  }
  indexes_deferred_ = false;
  if (present == static_cast<long long>(std::size(kDeferredIndexes))) return {};
  // Inside the writer's transaction (remove_document), or a transaction of its own.
  const bool own = sqlite3_get_autocommit(db_) != 0;
  std::string sql = own ? "BEGIN IMMEDIATE;" : "";
  for (const auto& [name, on] : kDeferredIndexes) sql += std::string("CREATE INDEX IF NOT EXISTS ") + name + " ON " + on + ";";
  if (own) sql += "COMMIT;";
  if (Status s = exec(sql.c_str()); !s) {
    if (own && !sqlite3_get_autocommit(db_)) exec("ROLLBACK;");
    return s;
  }
  return {};
}

Store::~Store() {
  inserters_.reset();
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  // The reader goes first, so the writer's close is the last one (below).
  sqlite3_finalize(reader_current_);
  sqlite3_finalize(reader_text_);
  sqlite3_close(reader_);
  // The store stays in WAL mode, so a reader never blocks a writer. A
  // writer copies the log into the store file before it goes (a reader
  // still open may keep the last pages in the log); when it is the last
  // connection, closing also removes the -wal file, leaving one file that
  // can be copied. Readers cannot do that: one that closes last leaves an
  // empty -wal and a -shm beside the store, which the next writer removes.
  if (mode_ == Mode::ReadWrite) sqlite3_exec(db_, "PRAGMA wal_checkpoint(PASSIVE);", nullptr, nullptr, nullptr);
  sqlite3_close(db_);
}

sqlite3_stmt* Store::cached(const char* sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) return it->second;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) != SQLITE_OK) stmt = nullptr;
  if (stmt) cache_.emplace(sql, stmt);
  return stmt;
}

Status Store::exec(const char* sql) {
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
    return Status::failure(path_ + ": " + sqlite_problem(db_));
  return {};
}

Status Store::migrate(const StoreIdentity& identity) {
  const long long version = identity.version;
  if (mode_ == Mode::ReadOnly) {
    if (version == 0) return Status::failure(path_ + ": an empty file, not a bilik store");
    if (version < kSchemaVersion)
      spdlog::debug("{}: schema version {}; the next extract or merge upgrades it to {}", path_, version,
                   kSchemaVersion);
    return {};
  }
  if (version > 0 && version < kSchemaVersion)
    spdlog::info("{}: upgrading the store from schema version {} to {}", path_, version, kSchemaVersion);
  const std::string mark = "PRAGMA application_id = " + std::to_string(kBilikApplicationId) + ";";
  for (long long v = version; v < kSchemaVersion; ++v) {
    const std::string sql = "BEGIN;" + mark + std::string(schema::kMigrations[static_cast<size_t>(v)]) +
                            "INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', '" +
                            std::to_string(v + 1) + "'); COMMIT;";
    if (Status s = exec(sql.c_str()); !s) {
      exec("ROLLBACK;");
      return Status::failure("migrating to schema " + std::to_string(v + 1) + ": " + s.error());
    }
  }
  if (!identity.marked && version == kSchemaVersion)
    if (Status s = exec(mark.c_str()); !s) return s;
  return {};
}

Status Store::mark_dead_runs() {
  std::vector<long long> dead;
  {
    Statement running(db_, "SELECT id, owner FROM run WHERE status = 'running'");
    Status read = running.each([&] {
      // A run recorded before schema 3 names no owner: no bilik that could
      // still be running it opens a store of this version.
      if (running.is_null(1) || owner_liveness(running.column_text(1)) == Liveness::Dead)
        dead.push_back(running.column_int(0));
    });
    if (!read) return Status::failure(path_ + ": " + read.error());
  }
  for (long long id : dead) {
    Statement update(db_, "UPDATE run SET status = 'interrupted' WHERE id = ? AND status = 'running'");
    update.bind(1, id);
    if (update.step() != SQLITE_DONE) return Status::failure(path_ + ": " + update.error());
    spdlog::info("{}: run {} was killed before it ended; marked interrupted", path_, id);
  }
  return {};
}

Result<long long> Store::start_run(const std::string& command, const std::vector<std::string>& arguments,
                                   const std::string& rules_hash) {
  // Arguments that are not UTF-8 are kept with U+FFFD rather than refused.
  const std::string args =
      nlohmann::json(arguments).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  Statement insert(db_, "INSERT INTO run(command, arguments, bilik_version, rules_hash, owner) VALUES(?,?,?,?,?)");
  insert.bind(1, command).bind(2, args).bind(3, std::string(BILIK_VERSION));
  if (rules_hash.empty()) insert.bind_null(4); else insert.bind(4, rules_hash);
  insert.bind(5, this_process_owner());
  if (insert.step() != SQLITE_DONE) return Result<long long>::failure(path_ + ": " + insert.error());
  run_id_ = sqlite3_last_insert_rowid(db_);
  return run_id_;
}

Status Store::finish_run(const std::string& status, const RunCounts& counts) {
  Statement update(db_, "UPDATE run SET finished = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), status = ?, "
                        "documents_stored = ?, documents_unchanged = ?, documents_failed = ?, documents_folded = ? WHERE id = ?");
  update.bind(1, status).bind(2, counts.stored).bind(3, counts.unchanged).bind(4, counts.failed).bind(5, counts.folded);
  update.bind(6, run_id_);
  if (update.step() != SQLITE_DONE) return Status::failure(path_ + ": " + update.error());
  return {};
}

sqlite3_stmt* Store::reader_statement(sqlite3_stmt*& stmt, const char* sql) {
  if (stmt) return stmt;
  // A writing store's file gets a second connection. A read-only store's
  // connection is serialized, and a store in memory (copy_in_memory) has no
  // file and no writer thread: both share their one connection.
  const char* file = sqlite3_db_filename(db_, "main");
  const bool own = mode_ == Mode::ReadWrite && file && *file;
  if (own && !reader_) {
    if (sqlite3_open_v2(file, &reader_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
      // Never the writer's connection instead, which takes no mutex: the
      // caller reads "not stored", and the writer sorts it out.
      spdlog::debug("{}: no second connection for reading ({}); documents are checked by the writer", path_,
                    reader_ ? sqlite3_errmsg(reader_) : "out of memory");
      sqlite3_close(reader_);
      reader_ = nullptr;
      return nullptr;
    }
    sqlite3_busy_timeout(reader_, 5000);
  }
  sqlite3_prepare_v3(own ? reader_ : db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  return stmt;
}

bool Store::is_current(const std::string& uri, const std::string& content_hash, const std::string& rules_hash) {
  sqlite3_stmt* stmt = reader_statement(reader_current_, "SELECT s.content_hash, d.rules_hash FROM document_source s "
                                                         "JOIN document d ON d.id = s.document_id WHERE s.uri = ?");
  Statement q(reader_ ? reader_ : db_, stmt);
  q.bind(1, uri);
  return q.step() == SQLITE_ROW && q.column_text(0) == content_hash && q.column_text(1) == rules_hash;
}

Status Store::begin() {
  key_cache_ = {};  // whatever this transaction does to entity_key, the cache does not see
  return exec("BEGIN IMMEDIATE;");
}
// The pragma changes nothing inside a transaction: it goes before and after.
Status Store::begin_documents() {
  if (Status s = exec("PRAGMA foreign_keys=OFF;"); !s) return s;
  Status s = exec("BEGIN IMMEDIATE;");
  if (!s) {
    exec("PRAGMA foreign_keys=ON;");
    return s;
  }
  // Another process that wrote the store since (two extracts into one
  // store take turns) may have changed entity_key.
  Statement version(db_, cached("PRAGMA data_version"));
  const long long data_version = version.step() == SQLITE_ROW ? version.column_int(0) : -1;
  if (data_version != key_cache_.data_version) key_cache_ = {{}, {}, data_version};
  return s;
}
Status Store::commit() {
  Status s = exec("COMMIT;");
  // A failed COMMIT (a full disk) may leave the transaction open: drop it,
  // so the store keeps exactly what earlier commits wrote.
  if (!s && !sqlite3_get_autocommit(db_)) exec("ROLLBACK;");
  if (!s) key_cache_ = {};
  if (Status on = exec("PRAGMA foreign_keys=ON;"); s && !on) return on;
  return s;
}
Status Store::rollback() {
  key_cache_ = {};
  Status s = exec("ROLLBACK;");
  if (Status on = exec("PRAGMA foreign_keys=ON;"); s && !on) return on;
  return s;
}

Store::FoldedNames Store::fold_names(const DocEntity& entity) {
  FoldedNames f;
  f.name = fold_key(entity.name);
  for (const std::string& a : entity.aliases) f.aliases.push_back(fold_key(a));
  for (const std::string& u : entity.unconfirmed_names) f.unconfirmed.push_back(fold_key(u));
  for (const std::string& a : entity.local_aliases) f.local.push_back(fold_key(a));
  return f;
}

bool Store::FoldedNames::is_local(const std::string& key) const {
  return std::find(local.begin(), local.end(), key) != local.end();
}

const std::vector<long long>& Store::entities_with_key(const std::string& key, const std::string& type) {
  auto [it, missing] = key_cache_.found.try_emplace(type + '\t' + key);
  if (missing) {
    Statement find(db_, cached("SELECT entity_id FROM entity_key WHERE key = ? AND type = ? LIMIT 2"));
    find.bind(1, key).bind(2, type);
    while (find.step() == SQLITE_ROW) it->second.push_back(find.column_int(0));
  }
  return it->second;
}

Status Store::insert_key(const std::string& key, const std::string& type, long long entity_id) {
  const std::string cache_key = type + '\t' + key;
  if (!key_cache_.stored.insert(cache_key + '\t' + std::to_string(entity_id)).second) return {};
  Statement insert(db_, cached("INSERT OR IGNORE INTO entity_key(key, type, entity_id) VALUES(?,?,?)"));
  insert.bind(1, key).bind(2, type).bind(3, entity_id);
  if (insert.step() != SQLITE_DONE) return Status::failure(path_ + ": " + insert.error());
  if (sqlite3_changes(db_) > 0) key_cache_.found.erase(cache_key);
  return {};
}

Result<Store::EntityMatch> Store::entity_for(const DocEntity& entity, const FoldedNames& folded) {
  const std::string type(type_name(entity.type));
  std::vector<const std::string*> keys;
  if (entity.scope == IdentityScope::Key) keys.push_back(&entity.identity_key);
  if (entity.scope == IdentityScope::Names) {
    keys.push_back(&folded.name);
    for (const std::string& a : folded.aliases)
      if (!folded.is_local(a)) keys.push_back(&a);
  }
  const size_t confirmed = keys.size();
  // Last, the forms with a suffix cut this document could not confirm.
  if (entity.scope == IdentityScope::Names)
    for (const std::string& u : folded.unconfirmed) keys.push_back(&u);
  for (size_t k = 0; k < keys.size(); ++k) {
    const std::string& key = *keys[k];
    // A lone surname or first name does not identify a person across documents.
    if (entity.type == EntityType::Person && word_count(key) < 2 && entity.gazetteer_entry < 0) continue;
    const std::vector<long long>& ids = entities_with_key(key, type);
    if (ids.size() != 1) continue;
    if (k >= confirmed) return EntityMatch{ids[0], entity.unconfirmed_names[k - confirmed], "suffix", key};
    const char* via = entity.scope == IdentityScope::Key ? "key" : entity.gazetteer_entry >= 0 ? "gazetteer" : "name";
    return EntityMatch{ids[0], "", via, key};
  }
  Statement insert(db_, cached("INSERT INTO entity(type, name, known) VALUES(?, ?, ?)"));
  insert.bind(1, type).bind(2, entity.name).bind(3, entity.gazetteer_entry >= 0 ? 1 : 0);
  if (insert.step() != SQLITE_DONE) return Result<EntityMatch>::failure(path_ + ": " + insert.error());
  const char* via = entity.scope == IdentityScope::Document ? "document" : "new";
  return EntityMatch{static_cast<long long>(sqlite3_last_insert_rowid(db_)), "", via,
                     entity.scope == IdentityScope::Key ? entity.identity_key : ""};
}

// The writer's multi-row INSERTs, one per table it fills for a document.
struct Store::Inserters {
  explicit Inserters(sqlite3* db)
      : name(db, "INSERT OR IGNORE INTO entity_name(entity_id, document_id, name, key, role, local)", 6),
        link(db, "INSERT OR IGNORE INTO entity_link(entity_id, document_id, via, key, note)", 5),
        mention(db, "INSERT OR FAIL INTO mention(document_id, entity_id, start, \"end\", surface, gram_case, rule)", 7),
        figure(db, "INSERT OR FAIL INTO figure(document_id, start, \"end\", surface, value, value_text, range_end, unit, "
                   "qualifier, counted, rule)", 11),
        date(db, "INSERT OR FAIL INTO date_expr(document_id, start, \"end\", surface, value, expression, rule)", 7),
        triple(db, "INSERT OR FAIL INTO triple(document_id, subject_id, predicate, object_id, object_literal, start, \"end\", "
                   "rule, confidence, date, amount_id, role)", 12) {}
  void clear() {
    for (RowInserter* r : {&name, &link, &mention, &figure, &date, &triple}) r->clear();
  }
  RowInserter name, link, mention, figure, date, triple;
};

void Store::DeleteInserters::operator()(Inserters* in) const { delete in; }

Status Store::insert_extraction(long long doc_id, const Extraction& x) {
  if (!inserters_) inserters_.reset(new Inserters(db_));
  Inserters& in = *inserters_;
  auto fail = [&](const std::string& error) {
    in.clear();
    return Status::failure(path_ + ": " + error);
  };
  // Each entity is identified first (entity_for reads entity_key, which
  // insert_key writes as it goes); its link and names follow, in the same
  // order, once all are known. Texts are bound without a copy: each lives in
  // `x`, `found_all` or `folded_all` until its rows are in.
  std::vector<long long> entity_ids;
  entity_ids.reserve(x.entities.entities.size());
  std::vector<EntityMatch> found_all;  // never reallocated: the link rows point into it
  found_all.reserve(x.entities.entities.size());
  std::vector<FoldedNames> folded_all;  // never reallocated: the name rows point into it
  folded_all.reserve(x.entities.entities.size());
  for (const DocEntity& e : x.entities.entities) {
    FoldedNames& folded = folded_all.emplace_back(fold_names(e));
    auto found = entity_for(e, folded);
    if (!found) return in.clear(), Status::failure(found.error());
    found_all.push_back(std::move(*found));
    const EntityMatch& f = found_all.back();
    const long long id = f.id;
    entity_ids.push_back(id);
    in.link.integer(id).integer(doc_id).text(f.via).text_or_null(f.key).text_or_null(e.identity_note);
    const std::string type(type_name(e.type));
    if (e.scope == IdentityScope::Key) {
      if (Status s = insert_key(e.identity_key, type, id); !s) return in.clear(), s;
    }
    auto add_name = [&](const std::string& n, const std::string& k, const char* role) -> Status {
      // Only an entity identified by its names is found by them.
      const bool local = e.scope != IdentityScope::Names || folded.is_local(k);
      if (std::string_view(role) != "unconfirmed" && !local)
        if (Status s = insert_key(k, type, id); !s) return s;
      in.name.integer(id).integer(doc_id).text(n).text(k).text(role).integer(local ? 1 : 0);
      return {};
    };
    // A suffix cut that another document confirms replaces the suffixed name.
    const bool confirmed = !f.confirmed_name.empty();
    if (confirmed) folded.confirmed = fold_key(f.confirmed_name);
    if (Status s = confirmed ? add_name(f.confirmed_name, folded.confirmed, "name") : add_name(e.name, folded.name, "name");
        !s)
      return in.clear(), s;
    for (size_t a = 0; a < e.aliases.size(); ++a)
      if (!confirmed || folded.aliases[a] != folded.name)
        if (Status s = add_name(e.aliases[a], folded.aliases[a], "alias"); !s) return in.clear(), s;
    if (!confirmed)
      for (size_t u = 0; u < e.unconfirmed_names.size(); ++u)
        if (Status s = add_name(e.unconfirmed_names[u], folded.unconfirmed[u], "unconfirmed"); !s) return in.clear(), s;
  }
  if (auto r = in.link.flush(); !r) return fail(r.error());
  if (auto r = in.name.flush(); !r) return fail(r.error());
  for (const Mention& m : x.entities.mentions) {
    in.mention.integer(doc_id).integer(entity_ids[m.entity]).integer(static_cast<long long>(m.start));
    in.mention.integer(static_cast<long long>(m.end)).text(m.surface).text(m.gram_case).text(m.rule);
  }
  if (auto r = in.mention.flush(); !r) return fail(r.error());
  for (const Figure& f : x.figures) {
    in.figure.integer(doc_id).integer(static_cast<long long>(f.start)).integer(static_cast<long long>(f.end));
    in.figure.text(f.surface).real(f.value).text(f.value_text);
    if (f.range_end) in.figure.real(*f.range_end); else in.figure.null();
    in.figure.text(f.unit).text(f.qualifier).text_or_null(f.counted).text(f.rule);
  }
  // A multi-row INSERT gives its rows consecutive rowids, the last one known.
  auto last_figure = in.figure.flush();
  if (!last_figure) return fail(last_figure.error());
  const long long first_figure = *last_figure - static_cast<long long>(x.figures.size()) + 1;
  for (const DateMention& d : x.dates) {
    in.date.integer(doc_id).integer(static_cast<long long>(d.start)).integer(static_cast<long long>(d.end));
    in.date.text(d.surface).text_or_null(d.value).text(d.expression).text(d.rule);
  }
  if (auto r = in.date.flush(); !r) return fail(r.error());
  for (const Triple& t : x.triples) {
    in.triple.integer(doc_id).integer(entity_ids[t.subject]).text(t.predicate);
    if (t.object) in.triple.integer(entity_ids[*t.object]); else in.triple.null();
    in.triple.text_or_null(t.object_literal).integer(static_cast<long long>(t.start));
    in.triple.integer(static_cast<long long>(t.end)).text(t.rule).real(t.confidence).text_or_null(t.date);
    if (t.amount) in.triple.integer(first_figure + static_cast<long long>(*t.amount)); else in.triple.null();
    in.triple.text_or_null(t.role);
  }
  if (auto r = in.triple.flush(); !r) return fail(r.error());
  return {};
}

Status Store::remove_orphans() {
  key_cache_ = {};
  Status s = exec(
      "BEGIN;"
      "DELETE FROM entity WHERE id NOT IN (SELECT entity_id FROM entity_name) "
      "AND id NOT IN (SELECT entity_id FROM mention) "
      "AND id NOT IN (SELECT subject_id FROM triple) "
      "AND id NOT IN (SELECT object_id FROM triple WHERE object_id IS NOT NULL);"
      // Names no document uses any more stop identifying their entity.
      "DELETE FROM entity_key WHERE NOT EXISTS (SELECT 1 FROM entity_name n "
      "WHERE n.entity_id = entity_key.entity_id AND n.key = entity_key.key AND n.role <> 'unconfirmed' "
      "AND n.local = 0) AND NOT EXISTS (SELECT 1 FROM entity_link l WHERE l.entity_id = entity_key.entity_id "
      "AND l.key = entity_key.key AND l.via IN ('new', 'key')) "
      // ... unless curation gave the entity that name (alias, rename).
      "AND NOT EXISTS (SELECT 1 FROM curated_name c WHERE c.entity_id = entity_key.entity_id AND c.key = entity_key.key);"
      "COMMIT;");
  // A failed step leaves the transaction open: end it, so nothing half done stays.
  if (!s && !sqlite3_get_autocommit(db_)) exec("ROLLBACK;");
  return s;
}

Result<Store::StoredDocument> Store::load_document(long long id) {
  StoredDocument out;
  // A store read before its upgrade to schema 5 has no urls.
  Statement doc(db_, std::string("SELECT uri, coalesce(title, ''), coalesce(published, ''), text, content_hash, "
                                 "rules_hash, ") +
                         (version_ >= 5 ? "coalesce(url, '')" : "''") + ", " +
                         (version_ >= 7 ? "sentences" : "NULL") + " FROM document WHERE id = ?");
  doc.bind(1, id);
  auto fail = [&](const Status& s) { return Result<StoredDocument>::failure(path_ + ": " + s.error()); };
  auto found = doc.next();
  if (!found) return fail(Status::failure(found.error()));
  if (!*found) return Result<StoredDocument>::failure(path_ + ": no document " + std::to_string(id));
  out.document = {doc.column_text(0), doc.column_text(1), doc.column_text(2), doc.column_text(3), doc.column_text(6)};
  // The sentences travel with the document (a store from before schema 7 has none).
  out.extraction.sentences = stored_sentences(doc.column_blob(7), out.document.text);
  out.content_hash = doc.column_text(4);
  out.rules_hash = doc.column_text(5);

  // Entities in the order the document's extraction listed them.
  std::map<long long, size_t> index_of;
  auto& entities = out.extraction.entities.entities;
  // Stores older than schema 4 (read, never upgraded, by merge) have no local names and no links.
  const bool linked = version_ >= 4;
  Statement names(db_, std::string("SELECT n.entity_id, e.type, e.known, n.name, n.role, ") +
                           (linked ? "n.local" : "0") +
                           " FROM entity_name n JOIN entity e ON e.id = n.entity_id WHERE n.document_id = ? ORDER BY n.rowid");
  names.bind(1, id);
  Status read = names.each([&] {
    const long long entity = names.column_int(0);
    auto [it, inserted] = index_of.try_emplace(entity, entities.size());
    if (inserted) {
      DocEntity e;
      e.type = parse_type(names.column_text(1)).value_or(EntityType::Location);
      e.gazetteer_entry = names.column_int(2) ? 0 : -1;
      entities.push_back(e);
    }
    DocEntity& e = entities[it->second];
    const std::string name = names.column_text(3), role = names.column_text(4);
    if (role == "name") e.name = name;
    else if (role == "unconfirmed") e.unconfirmed_names.push_back(name);
    else e.aliases.push_back(name);
    if (role == "alias" && names.column_int(5)) e.local_aliases.push_back(name);
  });
  if (!read) return fail(read);
  // How each entity was identified, so a merge identifies it the same way.
  Statement links(db_, linked ? "SELECT entity_id, via, coalesce(key, ''), coalesce(note, '') FROM entity_link "
                                "WHERE document_id = ?"
                              : "SELECT 0, '', '', '' WHERE 0 AND ?");
  links.bind(1, id);
  read = links.each([&] {
    auto it = index_of.find(links.column_int(0));
    if (it == index_of.end()) return;
    DocEntity& e = entities[it->second];
    const std::string via = links.column_text(1);
    if (via == "document") e.scope = IdentityScope::Document;
    if (via == "key" || (via == "new" && !links.column_text(2).empty()))
      e.scope = IdentityScope::Key, e.identity_key = links.column_text(2);
    e.identity_note = links.column_text(3);
  });
  if (!read) return fail(read);
  Statement mentions(db_, "SELECT entity_id, start, \"end\", surface, gram_case, rule FROM mention "
                          "WHERE document_id = ? ORDER BY id");
  mentions.bind(1, id);
  read = mentions.each([&] {
    Mention m;
    m.entity = index_of.at(mentions.column_int(0));
    m.start = static_cast<size_t>(mentions.column_int(1));
    m.end = static_cast<size_t>(mentions.column_int(2));
    m.surface = mentions.column_text(3);
    m.gram_case = mentions.column_text(4);
    m.rule = mentions.column_text(5);
    out.extraction.entities.mentions.push_back(m);
  });
  if (!read) return fail(read);
  std::map<long long, size_t> figure_index;
  Statement figures(db_, "SELECT id, start, \"end\", surface, value, coalesce(value_text, ''), range_end, unit, "
                         "qualifier, coalesce(counted, ''), rule FROM figure WHERE document_id = ? ORDER BY id");
  figures.bind(1, id);
  read = figures.each([&] {
    Figure f;
    figure_index[figures.column_int(0)] = out.extraction.figures.size();
    f.start = static_cast<size_t>(figures.column_int(1));
    f.end = static_cast<size_t>(figures.column_int(2));
    f.surface = figures.column_text(3);
    f.value = figures.column_real(4);
    f.value_text = figures.column_text(5);
    if (!figures.is_null(6)) f.range_end = figures.column_real(6);
    f.unit = figures.column_text(7);
    f.qualifier = figures.column_text(8);
    f.counted = figures.column_text(9);
    f.rule = figures.column_text(10);
    out.extraction.figures.push_back(f);
  });
  if (!read) return fail(read);
  Statement dates(db_, "SELECT start, \"end\", surface, coalesce(value, ''), coalesce(expression, ''), rule "
                       "FROM date_expr WHERE document_id = ? ORDER BY id");
  dates.bind(1, id);
  read = dates.each([&] {
    DateMention d;
    d.start = static_cast<size_t>(dates.column_int(0));
    d.end = static_cast<size_t>(dates.column_int(1));
    d.surface = dates.column_text(2);
    d.value = dates.column_text(3);
    d.expression = dates.column_text(4);
    d.rule = dates.column_text(5);
    out.extraction.dates.push_back(d);
  });
  if (!read) return fail(read);
  Statement triples(db_, "SELECT subject_id, predicate, object_id, coalesce(object_literal, ''), start, \"end\", rule, "
                         "confidence, coalesce(date, ''), amount_id, coalesce(role, '') FROM triple "
                         "WHERE document_id = ? ORDER BY id");
  triples.bind(1, id);
  read = triples.each([&] {
    Triple t;
    t.subject = index_of.at(triples.column_int(0));
    t.predicate = triples.column_text(1);
    if (!triples.is_null(2)) t.object = index_of.at(triples.column_int(2));
    t.object_literal = triples.column_text(3);
    t.start = static_cast<size_t>(triples.column_int(4));
    t.end = static_cast<size_t>(triples.column_int(5));
    t.rule = triples.column_text(6);
    t.confidence = triples.column_real(7);
    t.date = triples.column_text(8);
    if (!triples.is_null(9)) t.amount = figure_index.at(triples.column_int(9));
    t.role = triples.column_text(10);
    out.extraction.triples.push_back(t);
  });
  if (!read) return fail(read);
  return out;
}

Result<Store::Counts> Store::counts() {
  Counts c;
  const std::pair<const char*, long long*> queries[] = {
      {"SELECT count(*) FROM document", &c.documents}, {"SELECT count(*) FROM entity", &c.entities},
      {"SELECT count(*) FROM mention", &c.mentions},   {"SELECT count(*) FROM figure", &c.figures},
      {"SELECT count(*) FROM date_expr", &c.dates},    {"SELECT count(*) FROM triple", &c.triples}};
  for (const auto& [sql, out] : queries) {
    Statement q(db_, sql);
    auto row = q.next();
    if (!row) return Result<Counts>::failure(path_ + ": " + row.error());
    if (*row) *out = q.column_int(0);
  }
  return c;
}

}  // namespace bilik

#include "bilik/curation.h"

#include <variant>

#include "bilik/folded_text.h"
#include "bilik/vocabulary.h"
#include "statement.h"

namespace bilik {
namespace {

using Verb = CurationStatement::Verb;

// Applies one line to the store's rows; counts the rows it changes.
class Applier {
 public:
  // `applied_before`: the line has changed rows in an earlier application,
  // so a name it no longer finds is one it merged or dropped, not news.
  Applier(sqlite3* db, long long curation_id, const CurationStatement& s, bool applied_before, CurationOutcome& out)
      : db_(db), id_(curation_id), s_(s), applied_before_(applied_before), out_(out) {}

  Status apply() {
    Status s;
    switch (s_.verb) {
      case Verb::Merge: s = merge(); break;
      case Verb::Split: s = split(); break;
      case Verb::Rename: s = rename(); break;
      case Verb::Retype: s = retype(); break;
      case Verb::Alias: s = alias(); break;
      case Verb::Drop: s = drop(); break;
      case Verb::DropTriple: s = drop_triple(); break;
    }
    // A read that failed (a damaged store) fails the line, whatever it did.
    if (!read_error_.empty()) return Status::failure("curation " + s_.source + ": " + read_error_);
    return s;
  }

 private:
  // Entities carrying the name (as a document's name, alias or a curated
  // name); a typed reference also finds an entity retyped or merged away
  // from that type, through the keys it kept.
  std::vector<long long> resolve(const EntityRef& ref) {
    Statement q(db_,
                "SELECT k.entity_id FROM entity_key k JOIN entity e ON e.id = k.entity_id "
                "WHERE k.key = ?1 AND (?2 = '' OR e.type = ?2 OR k.type = ?2) "
                "UNION SELECT c.entity_id FROM curated_name c JOIN entity e ON e.id = c.entity_id "
                "WHERE c.key = ?1 AND (?2 = '' OR e.type = ?2) ORDER BY 1");
    q.bind(1, ref.key).bind(2, ref.type);
    std::vector<long long> ids;
    note(q.each([&] { ids.push_back(q.column_int(0)); }));
    return ids;
  }

  // Keeps the first failed read; apply() reports it.
  void note(const Status& read) {
    if (!read && read_error_.empty()) read_error_ = read.error();
  }
  bool found(Statement& q) {
    auto row = q.next();
    if (!row) note(Status::failure(row.error()));
    return row && *row;
  }

  std::string described(const EntityRef& ref) const {
    return (ref.type.empty() ? "" : ref.type + " ") + "'" + ref.name + "'";
  }

  // The one entity a reference names, or 0 with a warning.
  long long one(const EntityRef& ref) {
    const std::vector<long long> ids = resolve(ref);
    if (ids.empty()) {
      warn_missing(ref);
      return 0;
    }
    if (ids.size() > 1) {
      out_.warnings.push_back(s_.source + ": " + std::to_string(ids.size()) + " entities are called " + described(ref) +
                              "; give the type (PERSON:\"...\") to say which; the line was not applied");
      return 0;
    }
    return ids[0];
  }

  void warn_missing(const EntityRef& ref) {
    if (applied_before_) return;
    out_.warnings.push_back(s_.source + ": no entity in the store is called " + described(ref) +
                            " (it may appear after a later run); the line changed nothing");
  }

  Status run(const std::string& sql, std::initializer_list<std::variant<long long, std::string>> values) {
    Statement q(db_, sql);
    if (!q.ok()) return Status::failure("curation " + s_.source + ": " + q.error());
    int i = 1;
    for (const auto& v : values) {
      if (std::holds_alternative<long long>(v)) q.bind(i++, std::get<long long>(v));
      else q.bind(i++, std::get<std::string>(v));
    }
    if (q.step() != SQLITE_DONE) return Status::failure("curation " + s_.source + ": " + q.error());
    out_.rows += sqlite3_changes(db_);
    return {};
  }

  // Records that this line touched the entity (not counted as a change).
  Status touched(long long entity, bool made = false) {
    Statement q(db_, "INSERT OR IGNORE INTO curated_entity(entity_id, curation_id, made) VALUES(?, ?, ?)");
    q.bind(1, entity).bind(2, id_).bind(3, made ? 1LL : 0LL);
    if (q.step() != SQLITE_DONE) return Status::failure("curation " + s_.source + ": " + q.error());
    return {};
  }

  std::string type_of(long long entity) {
    Statement q(db_, "SELECT type FROM entity WHERE id = ?");
    q.bind(1, entity);
    return found(q) ? q.column_text(0) : "";
  }

  // Gives the entity a name of its own that identifies it for later documents.
  Status add_name(long long entity, const std::string& name) {
    const std::string key = fold_key(name);
    if (Status s = run("INSERT OR IGNORE INTO curated_name(entity_id, curation_id, name, key) VALUES(?, ?, ?, ?)",
                       {entity, id_, name, key});
        !s)
      return s;
    return run("INSERT OR IGNORE INTO entity_key(key, type, entity_id) VALUES(?, ?, ?)", {key, type_of(entity), entity});
  }

  // Moves every row of `from` to `to` and deletes `from`. A document that
  // names both keeps the survivor's name as its name, the other as an alias.
  Status join(long long to, long long from) {
    const std::pair<const char*, bool> steps[] = {
        {"UPDATE entity_name SET role = 'alias' WHERE entity_id = ?2 AND role = 'name' AND document_id IN "
         "(SELECT document_id FROM entity_name WHERE entity_id = ?1 AND role = 'name')", true},
        {"UPDATE OR IGNORE entity_name SET entity_id = ?1 WHERE entity_id = ?2", true},
        {"DELETE FROM entity_name WHERE entity_id = ?2", false},
        {"INSERT OR IGNORE INTO entity_key(key, type, entity_id) SELECT key, type, ?1 FROM entity_key WHERE entity_id = ?2", true},
        {"DELETE FROM entity_key WHERE entity_id = ?2", false},
        {"UPDATE OR IGNORE curated_name SET entity_id = ?1 WHERE entity_id = ?2", true},
        {"INSERT OR IGNORE INTO curated_entity(entity_id, curation_id, made) "
         "SELECT ?1, curation_id, 0 FROM curated_entity WHERE entity_id = ?2", false},
        {"UPDATE OR IGNORE entity_link SET entity_id = ?1 WHERE entity_id = ?2", false},
        {"DELETE FROM entity_link WHERE entity_id = ?2", false},
        {"UPDATE mention SET entity_id = ?1 WHERE entity_id = ?2", true},
        {"UPDATE triple SET subject_id = ?1 WHERE subject_id = ?2", true},
        {"UPDATE triple SET object_id = ?1 WHERE object_id = ?2", true},
        {"UPDATE entity SET known = 1 WHERE id = ?1 AND known = 0 AND (SELECT known FROM entity WHERE id = ?2) = 1", true},
        {"DELETE FROM entity WHERE id = ?2", true}};
    for (const auto& [sql, counted] : steps) {
      const long long before = out_.rows;
      if (Status s = run(sql, {to, from}); !s) return s;
      if (!counted) out_.rows = before;
    }
    return {};
  }

  Status merge() {
    const long long to = one(s_.entities[0]);
    if (!to) return {};
    if (Status s = touched(to); !s) return s;
    for (size_t i = 1; i < s_.entities.size(); ++i) {
      const std::vector<long long> ids = resolve(s_.entities[i]);
      // Found as the survivor itself: an earlier application joined it.
      for (long long from : ids)
        if (from != to)
          if (Status s = join(to, from); !s) return s;
      if (ids.empty()) warn_missing(s_.entities[i]);
    }
    return {};
  }

  Status rename() {
    const long long id = one(s_.entities[0]);
    if (!id) return {};
    if (Status s = touched(id); !s) return s;
    if (Status s = run("UPDATE entity SET name = ? WHERE id = ? AND name <> ?1", {s_.value, id}); !s) return s;
    return add_name(id, s_.value);
  }

  Status retype() {
    const long long id = one(s_.entities[0]);
    if (!id) return {};
    if (Status s = touched(id); !s) return s;
    if (Status s = run("UPDATE entity SET type = ?1 WHERE id = ?2 AND type <> ?1", {s_.value, id}); !s) return s;
    // The keys stay under the old type too, so documents that still read it
    // as the old type join this entity.
    return run("INSERT OR IGNORE INTO entity_key(key, type, entity_id) SELECT key, ?1, ?2 FROM entity_key "
               "WHERE entity_id = ?2",
               {s_.value, id});
  }

  Status alias() {
    const long long id = one(s_.entities[0]);
    if (!id) return {};
    if (Status s = touched(id); !s) return s;
    return add_name(id, s_.value);
  }

  Status drop() {
    const std::vector<long long> ids = resolve(s_.entities[0]);
    if (ids.empty()) warn_missing(s_.entities[0]);
    for (long long id : ids) {
      for (const char* sql : {"DELETE FROM triple WHERE subject_id = ?1 OR object_id = ?1",
                              "DELETE FROM mention WHERE entity_id = ?1", "DELETE FROM entity WHERE id = ?1"})
        if (Status s = run(sql, {id}); !s) return s;
    }
    return {};
  }

  Status drop_triple() {
    const std::vector<long long> subjects = resolve(s_.entities[0]);
    if (subjects.empty()) warn_missing(s_.entities[0]);
    std::vector<long long> objects;
    if (!s_.entities[1].any) {
      objects = resolve(s_.entities[1]);
      if (objects.empty()) warn_missing(s_.entities[1]);
    }
    auto it = Vocabulary::builtin().predicates.find(s_.value);
    const bool symmetric = it != Vocabulary::builtin().predicates.end() && it->second.symmetric;
    for (long long subject : subjects) {
      if (s_.entities[1].any) {
        if (Status s = run("DELETE FROM triple WHERE subject_id = ? AND predicate = ?", {subject, s_.value}); !s) return s;
        continue;
      }
      for (long long object : objects) {
        const std::string sql = symmetric ? "DELETE FROM triple WHERE predicate = ?3 AND ((subject_id = ?1 AND object_id = ?2) "
                                            "OR (subject_id = ?2 AND object_id = ?1))"
                                          : "DELETE FROM triple WHERE predicate = ?3 AND subject_id = ?1 AND object_id = ?2";
        if (Status s = run(sql, {subject, object, s_.value}); !s) return s;
      }
    }
    return {};
  }

  // The documents a split names: by their stored path, or its last parts.
  std::vector<long long> documents() {
    std::vector<long long> ids;
    for (const std::string& d : s_.documents) {
      Statement q(db_, "SELECT id FROM document WHERE uri = ?1 OR substr(uri, -length(?1) - 1) = '/' || ?1");
      q.bind(1, d);
      const size_t before = ids.size();
      note(q.each([&] { ids.push_back(q.column_int(0)); }));
      if (ids.size() == before)
        out_.warnings.push_back(s_.source + ": no document in the store is called '" + d + "'");
    }
    return ids;
  }

  Status split() {
    const long long id = one(s_.entities[0]);
    if (!id) return {};
    const std::vector<long long> docs = documents();
    std::string list;
    for (long long d : docs) list += (list.empty() ? "" : ",") + std::to_string(d);
    if (list.empty()) return {};
    const std::string in = " AND document_id IN (" + list + ")";
    {
      Statement used(db_, "SELECT 1 FROM mention WHERE entity_id = ?" + in + " UNION ALL "
                          "SELECT 1 FROM entity_name WHERE entity_id = ?1" + in);
      used.bind(1, id);
      if (!found(used)) return touched(id);  // nothing of it left in those documents
    }
    long long made = 0;
    {
      Statement q(db_, "SELECT entity_id FROM curated_entity WHERE curation_id = ? AND made = 1");
      q.bind(1, id_);
      if (found(q)) made = q.column_int(0);
    }
    // A split into a name another entity of the type already carries joins it.
    if (!made && !s_.value.empty()) {
      EntityRef named{type_of(id), s_.value, fold_key(s_.value), false};
      const std::vector<long long> ids = resolve(named);
      if (ids.size() == 1 && ids[0] != id) made = ids[0];
    }
    if (!made) {
      if (Status s = run("INSERT INTO entity(type, name, known) SELECT type, CASE WHEN ?2 = '' THEN name ELSE ?2 END, 0 "
                         "FROM entity WHERE id = ?1",
                         {id, s_.value});
          !s)
        return s;
      made = sqlite3_last_insert_rowid(db_);
      if (Status s = touched(made, true); !s) return s;
    }
    if (Status s = touched(id); !s) return s;
    for (const std::string& sql :
         {"UPDATE mention SET entity_id = ?1 WHERE entity_id = ?2" + in,
          "UPDATE OR IGNORE entity_name SET entity_id = ?1 WHERE entity_id = ?2" + in,
          "UPDATE OR IGNORE entity_link SET entity_id = ?1 WHERE entity_id = ?2" + in,
          "UPDATE triple SET subject_id = ?1 WHERE subject_id = ?2" + in,
          "UPDATE triple SET object_id = ?1 WHERE object_id = ?2" + in})
      if (Status s = run(sql, {made, id}); !s) return s;
    if (!s_.value.empty()) return add_name(made, s_.value);
    return {};
  }

  sqlite3* db_;
  long long id_;
  const CurationStatement& s_;
  bool applied_before_;
  CurationOutcome& out_;
  std::string read_error_;
};

}  // namespace

Result<size_t> keep_curation(Store& store, const std::vector<CurationStatement>& statements) {
  size_t added = 0;
  if (statements.empty()) return added;
  Statement insert(store.handle(), "INSERT OR IGNORE INTO curation(statement, source) VALUES(?, ?)");
  if (!insert.ok()) return Result<size_t>::failure("keeping curation: " + insert.error());
  for (const CurationStatement& s : statements) {
    insert.reset();
    insert.bind(1, s.line()).bind(2, s.source);
    if (insert.step() != SQLITE_DONE) return Result<size_t>::failure("keeping curation " + s.source + ": " + insert.error());
    added += sqlite3_changes(store.handle()) > 0;
  }
  return added;
}

Result<std::vector<KeptCuration>> kept_curation(Store& store) {
  std::vector<KeptCuration> out;
  Statement q(store.handle(),
              "SELECT c.id, c.statement, c.source, c.added, coalesce(c.applied, ''), c.rows, "
              "(SELECT count(*) FROM curated_entity e WHERE e.curation_id = c.id) FROM curation c ORDER BY c.id");
  if (Status s = q.each([&] {
        out.push_back({q.column_int(0), q.column_text(1), q.column_text(2), q.column_text(3), q.column_text(4),
                       q.column_int(5), q.column_int(6)});
      });
      !s)
    return Result<std::vector<KeptCuration>>::failure(s.error());
  return out;
}

namespace {

// A kept line parsed again (the store keeps lines written the canonical way).
Result<CurationStatement> reparse(const KeptCuration& k) {
  auto parsed = parse_curation_line(k.statement, k.source, 0);
  if (!parsed || parsed->size() != 1)
    return Result<CurationStatement>::failure(k.source + ": the store's curation line '" + k.statement +
                                              "' does not parse" + (parsed ? "" : ": " + parsed.error()));
  CurationStatement s = (*parsed)[0];
  s.source = k.source;
  return s;
}

}  // namespace

Status carry_curation(Store& from, Store& to) {
  Statement insert(to.handle(), "INSERT INTO curation(statement, source, rows) VALUES(?1, ?2, ?3) "
                                "ON CONFLICT(statement) DO UPDATE SET rows = max(rows, ?3)");
  if (!insert.ok()) return Status::failure("keeping curation: " + insert.error());
  auto kept = kept_curation(from);
  if (!kept) return Status::failure("reading the curation of a store: " + kept.error());
  for (const KeptCuration& k : *kept) {
    // A line that does not parse is refused here, not at every later run.
    if (auto s = reparse(k); !s) return Status::failure(s.error());
    insert.reset();
    insert.bind(1, k.statement).bind(2, k.source).bind(3, k.rows);
    if (insert.step() != SQLITE_DONE) return Status::failure("keeping curation " + k.source + ": " + insert.error());
  }
  return {};
}

Result<std::vector<CurationOutcome>> apply_curation(Store& store) {
  using R = Result<std::vector<CurationOutcome>>;
  std::vector<CurationOutcome> outcomes;
  auto read = kept_curation(store);
  if (!read) return R::failure(read.error());
  const std::vector<KeptCuration>& kept = *read;
  if (kept.empty()) return outcomes;
  if (Status s = store.begin(); !s) return R::failure(s.error());
  for (const KeptCuration& k : kept) {
    auto s = reparse(k);
    if (!s) {
      store.rollback();
      return R::failure(s.error());
    }
    CurationOutcome out{k.statement, k.source, 0, {}};
    if (Status st = Applier(store.handle(), k.id, *s, k.rows > 0, out).apply(); !st) {
      store.rollback();
      return R::failure(st.error());
    }
    Statement mark(store.handle(), "UPDATE curation SET applied = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
                                   "rows = rows + ? WHERE id = ?");
    mark.bind(1, out.rows).bind(2, k.id);
    if (mark.step() != SQLITE_DONE) {
      store.rollback();
      return R::failure(mark.error());
    }
    outcomes.push_back(std::move(out));
  }
  if (Status s = store.commit(); !s) return R::failure(s.error());
  return outcomes;
}

}  // namespace bilik

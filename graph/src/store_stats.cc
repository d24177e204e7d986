#include "bilik/store_stats.h"

#include <filesystem>

#include "statement.h"

namespace bilik {
namespace {

Result<std::vector<std::pair<std::string, long long>>> counted(sqlite3* db, const char* sql) {
  Statement q(db, sql);
  if (!q.ok()) return Result<std::vector<std::pair<std::string, long long>>>::failure(q.error());
  std::vector<std::pair<std::string, long long>> out;
  if (Status s = q.each([&] { out.emplace_back(q.column_text(0), q.column_int(1)); }); !s)
    return Result<std::vector<std::pair<std::string, long long>>>::failure(s.error());
  return out;
}

long long file_size(const std::string& path) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  return error ? 0 : static_cast<long long>(size);
}

}  // namespace

Result<StoreStats> store_stats(sqlite3* db, size_t most_connected) {
  StoreStats s;
  Statement documents(db,
                      "SELECT count(*), count(*) - count(nullif(published, '')), min(nullif(published, '')), "
                      "max(nullif(published, '')) FROM document");
  if (auto row = documents.next(); !row || !*row) return Result<StoreStats>::failure(documents.error());
  s.documents = documents.column_int(0);
  s.undated_documents = documents.column_int(1);
  s.first_published = documents.column_text(2);
  s.last_published = documents.column_text(3);
  Statement totals(db, "SELECT (SELECT count(*) FROM entity), (SELECT count(*) FROM mention), (SELECT count(*) FROM triple)");
  if (auto row = totals.next(); !row || !*row) return Result<StoreStats>::failure(totals.error());
  s.entities = totals.column_int(0);
  s.mentions = totals.column_int(1);
  s.triples = totals.column_int(2);
  auto types = counted(db, "SELECT type, count(*) FROM entity GROUP BY type ORDER BY 2 DESC, 1");
  if (!types) return Result<StoreStats>::failure(types.error());
  s.entities_by_type = std::move(*types);
  auto predicates = counted(db, "SELECT predicate, count(*) FROM triple GROUP BY predicate ORDER BY 2 DESC, 1");
  if (!predicates) return Result<StoreStats>::failure(predicates.error());
  s.triples_by_predicate = std::move(*predicates);
  Statement connected(db,
                      "WITH pair AS (SELECT subject_id AS a, object_id AS b FROM triple WHERE object_id IS NOT NULL AND object_id != subject_id "
                      "  UNION SELECT object_id, subject_id FROM triple WHERE object_id IS NOT NULL AND object_id != subject_id), "
                      "degree AS (SELECT a AS id, count(*) AS n FROM pair GROUP BY a ORDER BY n DESC, a LIMIT ?1) "
                      "SELECT e.name, e.type, d.n, (SELECT count(*) FROM mention m WHERE m.entity_id = e.id) "
                      "FROM degree d JOIN entity e ON e.id = d.id ORDER BY d.n DESC, e.name");
  connected.bind(1, static_cast<long long>(most_connected));
  Status read = connected.each([&] {
    s.most_connected.push_back({connected.column_text(0), connected.column_text(1), connected.column_int(2),
                                connected.column_int(3)});
  });
  if (!read) return Result<StoreStats>::failure(read.error());
  if (const char* path = sqlite3_db_filename(db, "main"); path && *path)
    s.bytes = file_size(path) + file_size(std::string(path) + "-wal");
  return s;
}

}  // namespace bilik

#include "row_inserter.h"

#include "statement.h"

namespace bilik {

RowInserter::~RowInserter() {
  for (sqlite3_stmt* s : statements_) sqlite3_finalize(s);
}

sqlite3_stmt* RowInserter::statement(size_t rows) {
  sqlite3_stmt*& stmt = statements_[rows];
  if (stmt) return stmt;
  std::string row = "(";
  for (int c = 0; c < columns_; ++c) row += c ? ",?" : "?";
  row += ")";
  std::string sql = head_ + " VALUES";
  for (size_t r = 0; r < rows; ++r) sql += (r ? "," : "") + row;
  if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()) + 1, SQLITE_PREPARE_PERSISTENT, &stmt,
                         nullptr) != SQLITE_OK)
    stmt = nullptr;
  return stmt;
}

Result<long long> RowInserter::flush() {
  const size_t columns = static_cast<size_t>(columns_);
  const size_t total = values_.size() / columns;
  long long last = 0;
  for (size_t first = 0; first < total; first += kRows) {
    const size_t rows = std::min(kRows, total - first);
    sqlite3_stmt* stmt = statement(rows);
    if (!stmt) {
      clear();
      return Result<long long>::failure(sqlite_problem(db_));
    }
    const Value* v = values_.data() + first * columns;
    for (int i = 1; i <= static_cast<int>(rows * columns); ++i, ++v) {
      switch (v->kind) {
        case Value::Integer: sqlite3_bind_int64(stmt, i, v->i); break;
        case Value::Real: sqlite3_bind_double(stmt, i, v->d); break;
        case Value::Text: sqlite3_bind_text(stmt, i, v->t.data(), static_cast<int>(v->t.size()), SQLITE_STATIC); break;
        case Value::Null: sqlite3_bind_null(stmt, i); break;
      }
    }
    if (sqlite3_step(stmt) != SQLITE_DONE) {
      std::string problem = sqlite_problem(db_);
      sqlite3_reset(stmt);
      clear();
      return Result<long long>::failure(std::move(problem));
    }
    sqlite3_reset(stmt);
    last = sqlite3_last_insert_rowid(db_);
  }
  clear();
  return last;
}

void RowInserter::clear() { values_.clear(); }

}  // namespace bilik

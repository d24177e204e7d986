// Private to the graph module: one prepared SQLite statement, with typed
// binds and reads. Owned statements are finalized when it goes; borrowed
// ones (from the store's cache) are reset for their next use.
//
// Reads go through each() (every row) or next() (one row): both return the
// store's error as a value, [[nodiscard]], so an error can never pass for
// the end of the rows (a damaged store is reported, not read as empty).
// step() is for statements that write, whose caller checks SQLITE_DONE.
//
//   Statement q(db, "SELECT id FROM entity");
//   if (Status s = q.each([&] { ids.push_back(q.column_int(0)); }); !s) return fail(s.error());
#pragma once

#include <sqlite3.h>

#include <string>
#include <type_traits>

#include "bilik/result.h"

namespace bilik {

// SQLite's last error on `db`, said so a user knows what to do about it:
// "the store is locked by another process ...", then SQLite's own words.
inline std::string sqlite_problem(sqlite3* db) {
  const int code = sqlite3_extended_errcode(db);
  const std::string own = sqlite3_errmsg(db);
  const char* what = nullptr;
  switch (code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: what = "the store is locked by another process (bilik waited 5 s); run again when it is done"; break;
    case SQLITE_READONLY:
      what = "the store is read-only: bilik cannot write the file or create its journal beside it "
             "(check the permissions of the file and its folder)";
      break;
    case SQLITE_FULL: what = "the disk is full"; break;
    case SQLITE_IOERR: what = "a read or write failed (the disk may be full, over a size limit, or failing)"; break;
    case SQLITE_NOTADB: what = "the file is not a bilik store, or it is damaged"; break;
    case SQLITE_CORRUPT: {
      // Said in full, with the file's name: the caller may not add it.
      const char* file = sqlite3_db_filename(db, "main");
      const std::string name = file && *file ? file : "the store";
      return "the store " + name + " looks damaged (SQLite: " + own + "); " +
             "check it with: sqlite3 " + name + " \"PRAGMA integrity_check\"";
    }
    case SQLITE_CANTOPEN: what = "cannot open the store (a missing folder, or no permission)"; break;
    default: break;
  }
  return what ? std::string(what) + " (SQLite: " + own + ")" : own;
}

// A prepared statement: owned (finalized at the end) or borrowed from the
// store's cache (reset at the end, prepared once per store).
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db), owned_(true) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) stmt_ = nullptr;
  }
  Statement(sqlite3* db, const std::string& sql) : Statement(db, sql.c_str()) {}
  Statement(sqlite3* db, sqlite3_stmt* cached) : db_(db), stmt_(cached), owned_(false) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() {
    if (owned_) sqlite3_finalize(stmt_);
    else reset();
  }
  bool ok() const { return stmt_ != nullptr; }
  Statement& bind(int i, long long v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Statement& bind(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  // Text that stays unchanged until this statement's step is done (SQLite
  // keeps the pointer, no copy): a string literal, or a string the caller
  // owns across the step. Never a temporary.
  Statement& bind_static(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    return *this;
  }
  Statement& bind_static(int i, std::string&&) = delete;
  Statement& bind_static(int i, const char* literal) {
    sqlite3_bind_text(stmt_, i, literal, -1, SQLITE_STATIC);
    return *this;
  }
  Statement& bind_real(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  Statement& bind_blob(int i, const std::string& v) {
    sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind_null(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  // For statements that write: SQLITE_DONE when done, else an error code.
  int step() { return stmt_ ? sqlite3_step(stmt_) : SQLITE_MISUSE; }
  // Calls on_row() for every row; an on_row returning bool stops the rows
  // early by returning false. Fails with the store's error, whether at
  // prepare or at any row.
  template <class OnRow>
  [[nodiscard]] Status each(OnRow&& on_row) {
    if (!stmt_) return Status::failure(error());
    int rc;
    while ((rc = sqlite3_step(stmt_)) == SQLITE_ROW) {
      if constexpr (std::is_same_v<std::invoke_result_t<OnRow>, bool>) {
        if (!on_row()) return {};
      } else {
        on_row();
      }
    }
    if (rc != SQLITE_DONE) return Status::failure(error());
    return {};
  }
  // One row: true when there is one (its columns readable), false when there
  // is none, the store's error otherwise.
  [[nodiscard]] Result<bool> next() {
    if (!stmt_) return Result<bool>::failure(error());
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return Result<bool>::failure(error());
  }
  int column_count() { return sqlite3_column_count(stmt_); }
  std::string column_name(int i) { return sqlite3_column_name(stmt_, i); }
  void reset() {
    if (!stmt_) return;  // a statement that failed to prepare: step() reports it
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  // reset, keeping the bindings: for a loop that binds every parameter on
  // every run, where clearing them first is work for nothing.
  void restart() {
    if (stmt_) sqlite3_reset(stmt_);
  }
  long long column_int(int i) { return sqlite3_column_int64(stmt_, i); }
  double column_real(int i) { return sqlite3_column_double(stmt_, i); }
  bool is_null(int i) { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }
  int column_type(int i) { return sqlite3_column_type(stmt_, i); }
  std::string column_text(int i) {
    const auto* t = sqlite3_column_text(stmt_, i);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
  std::string column_blob(int i) {
    const auto* b = static_cast<const char*>(sqlite3_column_blob(stmt_, i));
    return b ? std::string(b, static_cast<size_t>(sqlite3_column_bytes(stmt_, i))) : "";
  }
  std::string error() const { return sqlite_problem(db_); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  bool owned_;
};

}  // namespace bilik

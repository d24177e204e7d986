#include "store_marker.h"

#include <charconv>
#include <cstdio>

#include "statement.h"

namespace bilik {
namespace {

bool has_table(sqlite3* db, const char* name) {
  Statement q(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  q.bind(1, std::string(name));
  return q.step() == SQLITE_ROW;
}

std::string hex(long long id) {
  char out[16];
  std::snprintf(out, sizeof out, "0x%08llX", static_cast<unsigned long long>(id) & 0xFFFFFFFFULL);
  return out;
}

}  // namespace

Result<StoreIdentity> identify_store(sqlite3* db, const std::string& path) {
  StoreIdentity identity;
  Statement application(db, "PRAGMA application_id");
  if (!application.ok() || application.step() != SQLITE_ROW)
    return Result<StoreIdentity>::failure(path + ": " + sqlite_problem(db));
  const long long id = application.column_int(0);
  identity.marked = id == kBilikApplicationId;
  if (id != 0 && !identity.marked)
    return Result<StoreIdentity>::failure(path + ": this SQLite file belongs to another program (application_id " +
                                          hex(id) + "), not a bilik store; refused, nothing was written");
  Statement tables(db, "SELECT count(*) FROM sqlite_master");
  if (tables.step() != SQLITE_ROW) return Result<StoreIdentity>::failure(path + ": " + sqlite_problem(db));
  if (tables.column_int(0) == 0) {
    if (identity.marked)
      return Result<StoreIdentity>::failure(path + ": a bilik store with no tables; it is damaged");
    return identity;
  }
  if (!has_table(db, "meta"))
    return Result<StoreIdentity>::failure(path + ": this SQLite file is not a bilik store (it has no meta table)");
  Statement get(db, "SELECT value FROM meta WHERE key = 'schema_version'");
  const bool found = get.ok() && get.step() == SQLITE_ROW;
  if (!identity.marked && (!found || !has_table(db, "document")))
    return Result<StoreIdentity>::failure(path + ": this SQLite file is not a bilik store (its meta table is another "
                                          "program's: no bilik mark, application_id " + hex(kBilikApplicationId) +
                                          "); refused, nothing was written");
  if (!found) return Result<StoreIdentity>::failure(path + ": the store has no schema version in its meta table; it is damaged");
  const std::string text = get.column_text(0);
  const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
  long long version = 0;
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), version);
  if (digits && parsed.ec == std::errc::result_out_of_range)
    return Result<StoreIdentity>::failure(path + ": the store has schema version " + text +
                                          ", newer than this bilik understands; use a newer bilik");
  if (!digits || parsed.ec != std::errc() || version < 1)
    return Result<StoreIdentity>::failure(path + ": the store's schema version '" + text +
                                          "' is not a version bilik has written (a whole number from 1); the store "
                                          "is damaged");
  identity.version = version;
  return identity;
}

}  // namespace bilik

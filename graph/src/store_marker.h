// Private to the graph module: what an SQLite file is to bilik, decided
// before anything is written to it.
//
// A bilik store carries application_id 0x62696C6B ("bilk") in its header
// and its schema version in meta.schema_version. Stores written before the
// mark (schema 1 and 2) are recognised by their shape instead: a meta table
// whose schema_version is a version bilik has had, beside a document table;
// opening one for writing adds the mark. Anything else with tables, or with
// another program's application_id, is not a bilik store and is refused, so
// a foreign database that happens to hold a meta(key, value) table is never
// taken over. A file with no tables at all is new and may be initialised.
// The stored version is never trusted: anything but a whole number from 1 up
// is reported as damage, and a version past this bilik's is refused by the
// caller, so no version string can index the migrations.
//
//   auto identity = identify_store(db, "graph.db");
//   if (!identity) return fail(identity.error());
//   if (identity->version > Store::kSchemaVersion) ...
#pragma once

#include <sqlite3.h>

#include <string>

#include "bilik/result.h"

namespace bilik {

inline constexpr int kBilikApplicationId = 0x62696C6B;  // "bilk"

struct StoreIdentity {
  long long version = 0;  // 0: a new file with no tables
  bool marked = false;    // carries kBilikApplicationId
};

Result<StoreIdentity> identify_store(sqlite3* db, const std::string& path);

}  // namespace bilik

// What a store holds, in one summary: documents and the range of their
// publication dates, entities by type, triples by predicate, the entities
// with the most distinct neighbours, and the store's size on disk. Reads
// only; a handful of aggregate queries, each one pass over a table (seconds
// on a store of millions of mentions, milliseconds on a sample).
//
//   auto stats = store_stats(store->handle(), 10);
//   if (stats) std::printf("%lld documents\n", stats->documents);
#pragma once

#include <sqlite3.h>

#include <string>
#include <utility>
#include <vector>

#include "bilik/result.h"

namespace bilik {

struct ConnectedEntity {
  std::string name, type;
  long long neighbours = 0;  // distinct entities linked by a triple, either direction
  long long mentions = 0;
};

struct StoreStats {
  long long documents = 0, undated_documents = 0;
  std::string first_published, last_published;  // "" when no document is dated
  long long entities = 0, mentions = 0, triples = 0;
  std::vector<std::pair<std::string, long long>> entities_by_type;     // most first
  std::vector<std::pair<std::string, long long>> triples_by_predicate;  // most first
  std::vector<ConnectedEntity> most_connected;
  long long bytes = 0;  // the database file and its write-ahead log
};

Result<StoreStats> store_stats(sqlite3* db, size_t most_connected = 10);

}  // namespace bilik

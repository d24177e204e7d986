// Printing query tables: aligned columns on a terminal, or TSV, CSV, JSON
// (an array of objects) or JSON Lines (an object a line, for streams). JSON
// keeps the cells' types: numbers are numbers, NULL is null.
#pragma once

#include <cstdio>
#include <string>

#include "bilik/query.h"

namespace bilik::cli {

// format: "table", "tsv", "csv", "json", "jsonl"; "" picks table on a terminal, tsv in a pipe.
void print_table(const Table& table, std::string format, std::FILE* out);

}  // namespace bilik::cli

// Printing query tables: aligned columns on a terminal, or JSON, CSV, TSV.
#pragma once

#include <cstdio>
#include <string>

#include "bilik/query.h"

namespace bilik::cli {

// format: "table", "json", "csv", "tsv"; "" picks table on a terminal, tsv in a pipe.
void print_table(const Table& table, std::string format, std::FILE* out);

}  // namespace bilik::cli

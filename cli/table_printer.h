// Printing query tables: aligned columns on a terminal, or JSON, CSV, TSV.
//
// RowPrinter prints rows as they come, so a result of any size streams
// through one row of memory: CSV, TSV and JSON row by row; the aligned
// table sizes its columns from the first kMeasuredRows rows and cuts later
// cells that are wider (cells are at most 60 letters wide anyway).
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "bilik/query.h"

namespace bilik::cli {

class RowPrinter {
 public:
  static constexpr size_t kMeasuredRows = 1000;
  // format: "table", "json", "csv", "tsv"; "" picks table on a terminal, tsv in a pipe.
  RowPrinter(std::string format, std::FILE* out);
  void columns(const std::vector<std::string>& columns);
  void row(const std::vector<std::string>& cells);
  // Prints what is held back and closes the output's structure (JSON's ']');
  // prints nothing when columns() was never called.
  void finish();

 private:
  void line(const std::vector<std::string>& cells);
  void measure_and_flush();
  std::string format_;
  std::FILE* out_;
  std::vector<std::string> columns_;
  std::vector<std::vector<std::string>> held_;  // table rows waiting for the column widths
  std::vector<size_t> widths_;
  bool started_ = false;
  bool measured_ = false;
  long long rows_ = 0;
};

void print_table(const Table& table, std::string format, std::FILE* out);

}  // namespace bilik::cli

// Printing query tables: aligned columns on a terminal, or TSV, CSV, JSON
// (an array of objects) or JSON Lines (an object a line, for streams). JSON
// keeps the cells' types: numbers are numbers, NULL is null.
//
// RowPrinter prints rows as they come, so a result of any size streams
// through one row of memory: TSV, CSV, JSON and JSON Lines row by row; the
// aligned table sizes its columns from the first kMeasuredRows rows and cuts
// later cells that are wider (cells are at most 60 letters wide anyway).
//
//   RowPrinter printer(format, stdout);
//   printer.columns({"id", "name"});
//   printer.row({Cell::integer(7), Cell("Bakı")});
//   printer.finish();
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "bilik/query.h"

namespace bilik::cli {

class RowPrinter {
 public:
  static constexpr size_t kMeasuredRows = 1000;
  // format: "table", "tsv", "csv", "json", "jsonl"; "" picks table on a terminal, tsv in a pipe.
  RowPrinter(std::string format, std::FILE* out);
  void columns(const std::vector<std::string>& columns);
  void row(const std::vector<Cell>& cells);
  // Prints what is held back and closes the output's structure (JSON's ']');
  // prints nothing when columns() was never called.
  void finish();

 private:
  void line(const std::vector<Cell>& cells);
  void measure_and_flush();
  std::string format_;
  std::FILE* out_;
  std::vector<std::string> columns_;
  std::vector<std::vector<Cell>> held_;  // table rows waiting for the column widths
  std::vector<size_t> widths_;
  bool started_ = false;
  bool measured_ = false;
  long long rows_ = 0;
};

// A whole table through a RowPrinter.
void print_table(const Table& table, std::string format, std::FILE* out);

}  // namespace bilik::cli

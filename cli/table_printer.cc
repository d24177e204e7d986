#include "table_printer.h"

#include "bilik/graph_writers.h"

#include <unistd.h>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace bilik::cli {
namespace {

size_t width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\t', ' ');
  return s;
}

// A cell as JSON: numbers stay numbers, NULL is null.
nlohmann::ordered_json typed(const Cell& c) {
  switch (c.kind) {
    case Cell::Kind::Null: return nullptr;
    case Cell::Kind::Integer: return std::stoll(c.text);
    case Cell::Kind::Real: return std::stod(c.text);
    case Cell::Kind::Text: break;
  }
  return c.text;
}

}  // namespace

RowPrinter::RowPrinter(std::string format, std::FILE* out) : format_(std::move(format)), out_(out) {
  if (format_.empty()) format_ = isatty(fileno(out_)) ? "table" : "tsv";
}

void RowPrinter::columns(const std::vector<std::string>& columns) {
  columns_ = columns;
  started_ = true;
  if (format_ == "csv" || format_ == "tsv") line({columns_.begin(), columns_.end()});
  if (format_ == "json") std::fputc('[', out_);
}

void RowPrinter::row(const std::vector<Cell>& cells) {
  ++rows_;
  if (format_ == "json" || format_ == "jsonl") {
    // Columns keep their order; a name given twice keeps its last cell.
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (size_t i = 0; i < columns_.size() && i < cells.size(); ++i) object[columns_[i]] = typed(cells[i]);
    if (format_ == "jsonl") {
      std::fprintf(out_, "%s\n", object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
      return;
    }
    // The layout of a whole array dumped with indent 1: each object indented one space more.
    std::string text = object.dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string indented = " ";
    for (char c : text) {
      indented += c;
      if (c == '\n') indented += ' ';
    }
    std::fprintf(out_, "%s\n%s", rows_ > 1 ? "," : "", indented.c_str());
    return;
  }
  if (format_ == "csv" || format_ == "tsv" || measured_) {
    line(cells);
    return;
  }
  held_.push_back(cells);
  if (held_.size() >= kMeasuredRows) measure_and_flush();
}

void RowPrinter::finish() {
  if (!started_) return;  // refused before it ran: nothing to close
  if (format_ == "json") {
    std::fputs(rows_ ? "\n]\n" : "]\n", out_);
  } else if (format_ == "table" && !measured_) {
    measure_and_flush();
  }
  std::fflush(out_);
}

void RowPrinter::measure_and_flush() {
  widths_.assign(columns_.size(), 0);
  for (size_t i = 0; i < columns_.size(); ++i) widths_[i] = width(columns_[i]);
  for (const auto& r : held_)
    for (size_t i = 0; i < r.size() && i < widths_.size(); ++i)
      widths_[i] = std::min<size_t>(60, std::max(widths_[i], width(one_line(r[i].text))));
  measured_ = true;
  line({columns_.begin(), columns_.end()});
  std::vector<Cell> rule;
  for (size_t n : widths_) rule.push_back(std::string(n, '-'));
  line(rule);
  for (const auto& r : held_) line(r);
  held_.clear();
}

void RowPrinter::line(const std::vector<Cell>& cells) {
  if (format_ == "csv" || format_ == "tsv") {
    const bool csv = format_ == "csv";
    for (size_t i = 0; i < cells.size(); ++i)
      std::fprintf(out_, "%s%s", i ? (csv ? "," : "\t") : "",
                   (csv ? csv_field(cells[i].text) : one_line(cells[i].text)).c_str());
    std::fputc('\n', out_);
    return;
  }
  for (size_t i = 0; i < cells.size() && i < widths_.size(); ++i) {
    std::string c = one_line(cells[i].text);
    while (width(c) > widths_[i]) {  // cut whole letters, never inside one
      while (!c.empty() && (static_cast<unsigned char>(c.back()) & 0xC0) == 0x80) c.pop_back();
      if (!c.empty()) c.pop_back();
    }
    std::fprintf(out_, "%s%s%*s", i ? "  " : "", c.c_str(), static_cast<int>(widths_[i] - width(c)), "");
  }
  std::fputc('\n', out_);
}

void print_table(const Table& t, std::string format, std::FILE* out) {
  RowPrinter printer(std::move(format), out);
  printer.columns(t.columns);
  for (const auto& r : t.rows) printer.row(r);
  printer.finish();
}

}  // namespace bilik::cli

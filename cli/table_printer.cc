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

void print_table(const Table& t, std::string format, std::FILE* out) {
  if (format.empty()) format = isatty(fileno(out)) ? "table" : "tsv";
  if (format == "json" || format == "jsonl") {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& r : t.rows) {
      nlohmann::ordered_json row = nlohmann::ordered_json::object();
      for (size_t i = 0; i < t.columns.size(); ++i) row[t.columns[i]] = typed(r[i]);
      if (format == "jsonl") std::fprintf(out, "%s\n", row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
      else rows.push_back(row);
    }
    if (format == "json") std::fprintf(out, "%s\n", rows.dump(1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return;
  }
  if (format == "csv" || format == "tsv") {
    const bool csv = format == "csv";
    auto line = [&](const std::vector<Cell>& cells) {
      for (size_t i = 0; i < cells.size(); ++i)
        std::fprintf(out, "%s%s", i ? (csv ? "," : "\t") : "",
                     (csv ? csv_field(cells[i].text) : one_line(cells[i].text)).c_str());
      std::fputc('\n', out);
    };
    line({t.columns.begin(), t.columns.end()});
    for (const auto& r : t.rows) line(r);
    return;
  }
  std::vector<size_t> w(t.columns.size());
  for (size_t i = 0; i < t.columns.size(); ++i) w[i] = width(t.columns[i]);
  for (const auto& r : t.rows)
    for (size_t i = 0; i < r.size(); ++i) w[i] = std::min<size_t>(60, std::max(w[i], width(one_line(r[i].text))));
  auto line = [&](const std::vector<Cell>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      std::string c = one_line(cells[i].text);
      while (width(c) > w[i]) {  // cut whole letters, never inside one
        while (!c.empty() && (static_cast<unsigned char>(c.back()) & 0xC0) == 0x80) c.pop_back();
        if (!c.empty()) c.pop_back();
      }
      std::fprintf(out, "%s%s%*s", i ? "  " : "", c.c_str(), static_cast<int>(w[i] - width(c)), "");
    }
    std::fputc('\n', out);
  };
  line({t.columns.begin(), t.columns.end()});
  std::vector<Cell> rule;
  for (size_t n : w) rule.push_back(std::string(n, '-'));
  line(rule);
  for (const auto& r : t.rows) line(r);
}

}  // namespace bilik::cli

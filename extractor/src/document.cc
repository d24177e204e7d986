#include "bilik/document.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <sstream>

#include "bilik/fnv1a.h"
#include "bilik/utf8.h"

namespace bilik {
namespace {

constexpr std::string_view kBlanks = " \t\r\n";

std::string_view trim(std::string_view s) {
  const size_t a = s.find_first_not_of(kBlanks);
  const size_t b = s.find_last_not_of(kBlanks);
  return a == std::string_view::npos ? std::string_view() : s.substr(a, b - a + 1);
}

// "---\nkey: value\n---\n" at the very start.
void take_front_matter(Document& doc) {
  if (doc.text.rfind("---\n", 0) != 0) return;
  const size_t close = doc.text.find("\n---", 3);
  if (close == std::string::npos) return;
  std::istringstream block(doc.text.substr(4, close - 4));
  std::string line;
  while (std::getline(block, line)) {
    const size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::string_view key = trim(std::string_view(line).substr(0, colon));
    std::string value(trim(std::string_view(line).substr(colon + 1)));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
      value = value.substr(1, value.size() - 2);
    if (key == "title") doc.title = value;
    if (key == "published" || key == "date") doc.published = value;
  }
  size_t body = close + 4;
  if (body < doc.text.size() && doc.text[body] == '\n') ++body;
  doc.text.erase(0, body);
}

// The 1-based line holding byte `pos`.
size_t line_at(const std::string& bytes, size_t pos) {
  return 1 + static_cast<size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(pos), '\n'));
}

}  // namespace


std::string text_hash(std::string_view text) {
  const uint64_t h = fnv1a(kFnv1aOffset, text);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

bool is_publication_date(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return false;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return false;
  int parts[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p)
    for (int i = 0; i < lengths[p]; ++i) {
      const char c = text[static_cast<size_t>(starts[p] + i)];
      if (c < '0' || c > '9') return false;
      parts[p] = parts[p] * 10 + (c - '0');
    }
  const int year = parts[0], month = parts[1], day = parts[2];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days[12] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return day <= days[month - 1];
}

Result<Document> parse_document(const std::string& uri, std::string bytes) {
  Document doc;
  doc.uri = uri;
  if (bytes.empty()) return doc;  // empty: the caller decides what that means
  if (const size_t nul = bytes.find('\0'); nul != std::string::npos)
    return Result<Document>::failure(uri + ": byte " + std::to_string(nul) + " (line " + std::to_string(line_at(bytes, nul)) +
                                     "): NUL byte; this looks like a binary file, not text");
  if (const size_t bad = first_invalid_utf8(bytes); bad != std::string_view::npos)
    return Result<Document>::failure(uri + ": byte " + std::to_string(bad) + " (line " + std::to_string(line_at(bytes, bad)) +
                                     "): invalid UTF-8, " + describe_invalid_utf8(bytes, bad) +
                                     "; convert the file to UTF-8 first");
  doc.text = std::move(bytes);
  if (doc.text.rfind("\xEF\xBB\xBF", 0) == 0) doc.text.erase(0, 3);  // byte order mark
  take_front_matter(doc);
  if (!doc.published.empty() && !is_publication_date(doc.published))
    return Result<Document>::failure(uri + ": the front matter's date '" + doc.published +
                                     "' is not a date (YYYY-MM-DD, or an ISO 8601 date and time)");
  if (doc.text.find_first_not_of(kBlanks) == std::string::npos) {
    doc.text.clear();
    return doc;
  }
  if (doc.title.empty()) {  // the first line that is not blank, when it is short enough
    const std::string_view text = doc.text;
    for (size_t start = 0; start < text.size();) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view line = trim(text.substr(start, end - start));
      start = end + 1;
      if (line.empty()) continue;
      if (line.size() <= 200) doc.title = line;
      break;
    }
  }
  return doc;
}

}  // namespace bilik

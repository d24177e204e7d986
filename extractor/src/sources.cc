#include "bilik/sources.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <cstring>

#include "bilik/reader.h"

namespace bilik {
namespace {

namespace fs = std::filesystem;

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

const char* kCompressed[] = {".gz", ".xz", ".zst", ".bz2"};
const char* kArchives[] = {".tar", ".zip", ".tgz", ".tbz2", ".txz"};

bool is_compressed(const std::string& name) {
  return std::any_of(std::begin(kCompressed), std::end(kCompressed), [&](const char* e) { return ends_with(name, e); });
}

bool is_archive(const std::string& name) {
  if (std::any_of(std::begin(kArchives), std::end(kArchives), [&](const char* e) { return ends_with(name, e); }))
    return true;
  return ends_with(name, ".tar.gz") || ends_with(name, ".tar.xz") || ends_with(name, ".tar.zst") ||
         ends_with(name, ".tar.bz2");
}

std::string without_compression(const std::string& name) {
  for (const char* e : kCompressed)
    if (ends_with(name, e)) return name.substr(0, name.size() - std::strlen(e));
  return name;
}

bool is_html(const std::string& name) { return ends_with(name, ".html") || ends_with(name, ".htm"); }
bool is_jsonl(const std::string& name) { return ends_with(name, ".jsonl") || ends_with(name, ".ndjson"); }

std::string field(const nlohmann::json& j, const std::string& name) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  return "";
}

void read_json_lines(const std::string& uri, const std::string& bytes, const SourceOptions& options,
                     const EmitDocument& emit) {
  std::istringstream lines(bytes);
  std::string line;
  size_t line_no = 0;
  while (std::getline(lines, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = uri + ":" + std::to_string(line_no);
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      emit(Result<Document>::failure(where + ": not a JSON object"));
      continue;
    }
    auto text = j.find(options.fields.text);
    if (text == j.end() || !text->is_string()) {
      emit(Result<Document>::failure(where + ": field '" + options.fields.text + "' is missing or not a string"));
      continue;
    }
    std::string id = field(j, options.fields.id);
    if (id.empty()) id = field(j, options.fields.url);
    if (id.empty()) id = "line-" + std::to_string(line_no);
    auto doc = parse_document(uri + "#" + id, text->get<std::string>());
    if (doc) {
      doc->title = field(j, options.fields.title);
      doc->published = field(j, options.fields.published).substr(0, 10);
    }
    emit(std::move(doc));
  }
}

// libarchive's message for the last failure; it can be null (found by fuzzing).
std::string archive_message(archive* a) {
  const char* m = archive_error_string(a);
  return m ? m : "not a readable archive (truncated or damaged)";
}

void read_archive(const std::string& path, const SourceOptions& options, const EmitDocument& emit) {
  archive* a = archive_read_new();
  archive_read_support_filter_all(a);
  archive_read_support_format_all(a);
  const std::string name = lower(fs::path(path).filename().string());
  const bool single = is_compressed(name) && !is_archive(name);
  if (single) archive_read_support_format_raw(a);
  if (archive_read_open_filename(a, path.c_str(), 1 << 16) != ARCHIVE_OK) {
    emit(Result<Document>::failure(path + ": cannot open the archive: " + archive_message(a)));
    archive_read_free(a);
    return;
  }
  archive_entry* entry;
  int status;
  while ((status = archive_read_next_header(a, &entry)) == ARCHIVE_OK) {
    if (archive_entry_filetype(entry) != AE_IFREG && !single) continue;
    const char* inner_path = archive_entry_pathname(entry);
    const std::string inner = single ? without_compression(fs::path(path).filename().string())
                                     : (inner_path ? inner_path : "");
    const std::string uri = single ? path : path + "#" + inner;
    if (!single && !is_readable_name(inner)) continue;
    std::string bytes;
    char buffer[1 << 16];
    la_ssize_t n;
    bool too_big = false;
    while ((n = archive_read_data(a, buffer, sizeof buffer)) > 0) {
      if (bytes.size() + static_cast<size_t>(n) > options.max_member_bytes) {
        too_big = true;
        break;
      }
      bytes.append(buffer, static_cast<size_t>(n));
    }
    if (too_big) {
      emit(Result<Document>::failure(uri + ": expands past " + std::to_string(options.max_member_bytes >> 20) +
                                     " MB; refused (a compression bomb, or raise the limit)"));
      continue;
    }
    if (n < 0) {
      emit(Result<Document>::failure(uri + ": the archive is damaged at byte " +
                                     std::to_string(archive_filter_bytes(a, -1)) + ": " + archive_message(a)));
      break;
    }
    read_bytes(uri, inner, std::move(bytes), options, emit);
  }
  if (status != ARCHIVE_EOF && status != ARCHIVE_OK)
    emit(Result<Document>::failure(path + ": the archive is damaged: " + archive_message(a)));
  archive_read_free(a);
}

}  // namespace

bool is_readable_name(const std::string& raw) {
  const std::string name = lower(without_compression(lower(raw)));
  return ends_with(name, ".txt") || ends_with(name, ".md") || is_html(name) || is_jsonl(name) || is_archive(lower(raw)) ||
         is_archive(name);
}

void read_bytes(const std::string& uri, const std::string& name, std::string bytes, const SourceOptions& options,
                const EmitDocument& emit) {
  const std::string n = lower(name);
  if (is_jsonl(n)) {
    read_json_lines(uri, bytes, options, emit);
  } else if (is_html(n)) {
    emit(parse_html(uri, bytes));
  } else {
    emit(parse_document(uri, std::move(bytes)));
  }
}

void read_source(const std::string& path, const SourceOptions& options, const EmitDocument& emit) {
  const std::string name = lower(fs::path(path).filename().string());
  if (path != "-" && (is_archive(name) || is_compressed(name))) {
    read_archive(path, options, emit);
    return;
  }
  if (path == "-") {
    if (options.stdin_format == "jsonl") {
      std::ostringstream buffer;
      buffer << std::cin.rdbuf();
      read_json_lines("-", buffer.str(), options, emit);
    } else {
      emit(read_document(path));
    }
    return;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    emit(Result<Document>::failure(path + ": cannot open (missing or unreadable)"));
    return;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  read_bytes(path, name, buffer.str(), options, emit);
}

}  // namespace bilik

#include "bilik/sources.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <cerrno>
#include <functional>
#include <cstring>
#include <unordered_map>

#include "bilik/document.h"

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

std::string megabytes(size_t bytes) { return std::to_string(bytes >> 20) + " MB"; }

// Reads a byte stream in chunks: returns the number of bytes put in `buffer`,
// 0 at the end, or -1 on a read error (then `error` says why).
using ReadChunk = std::function<long(char* buffer, size_t capacity, std::string& error)>;

ReadChunk chunks_of(std::istream& in) {
  return [&in](char* buffer, size_t capacity, std::string& error) -> long {
    in.read(buffer, static_cast<std::streamsize>(capacity));
    if (in.bad()) {
      error = "read error";
      return -1;
    }
    return static_cast<long>(in.gcount());
  };
}

ReadChunk chunks_of(int fd) {
  return [fd](char* buffer, size_t capacity, std::string& error) -> long {
    ssize_t n;
    do n = ::read(fd, buffer, capacity);
    while (n < 0 && errno == EINTR);
    if (n < 0) error = std::string("read error: ") + std::strerror(errno);
    return static_cast<long>(n);
  };
}

ReadChunk chunks_of(std::string_view bytes) {
  return [bytes, pos = size_t{0}](char* buffer, size_t capacity, std::string&) mutable -> long {
    const size_t n = std::min(capacity, bytes.size() - pos);
    std::memcpy(buffer, bytes.data() + pos, n);
    pos += n;
    return static_cast<long>(n);
  };
}

enum class ReadEnd { Done, TooBig, Failed };

// Reads the whole stream into `out`, stopping once it passes `limit` bytes.
ReadEnd read_all(const ReadChunk& read, size_t limit, std::string& out, std::string& error) {
  char buffer[1 << 16];
  long n;
  while ((n = read(buffer, sizeof buffer, error)) > 0) {
    if (out.size() + static_cast<size_t>(n) > limit) return ReadEnd::TooBig;
    out.append(buffer, static_cast<size_t>(n));
  }
  return n < 0 ? ReadEnd::Failed : ReadEnd::Done;
}

std::string too_big(const std::string& uri, size_t limit) {
  return uri + ": larger than " + megabytes(limit) +
         " (--max-document-mb); refused: a compression bomb or not one article";
}

// The ids seen so far in one JSON Lines file, with the line of each.
using SeenIds = std::unordered_map<std::string, size_t>;

void emit_json_line(const std::string& uri, size_t line_no, const std::string& line, const SourceOptions& options,
                    SeenIds& seen, const EmitDocument& emit) {
  const std::string where = uri + ":" + std::to_string(line_no);
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded()) {
    // Parse again for the position; the non-throwing parse does not keep it.
    // Only a syntax error has one: a number out of range ("1e999") does not.
    std::string why = "not valid JSON";
    try {
      const nlohmann::json parsed = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      why += " (column " + std::to_string(e.byte) + ")";
    } catch (const nlohmann::json::exception&) {
      why += " (a number out of range)";
    }
    emit(Result<Document>::failure(where + ": " + why));
    return;
  }
  if (!j.is_object()) {
    emit(Result<Document>::failure(where + ": a JSON " + std::string(j.type_name()) + ", not an object"));
    return;
  }
  auto text = j.find(options.fields.text);
  if (text == j.end() || !text->is_string()) {
    emit(Result<Document>::failure(where + ": field '" + options.fields.text + "' is " +
                                   (text == j.end() ? std::string("missing")
                                                    : "a JSON " + std::string(text->type_name()) + ", not a string")));
    return;
  }
  std::string id = field(j, options.fields.id);
  if (id.empty()) id = field(j, options.fields.url);
  if (id.empty()) id = "line-" + std::to_string(line_no);
  // A document is named by its id: a second line with the same id would
  // silently replace the first.
  if (auto [first, added] = seen.try_emplace(id, line_no); !added) {
    emit(Result<Document>::failure(where + ": id '" + id + "' was already used on line " +
                                   std::to_string(first->second) + "; this line is skipped (ids must be unique)"));
    return;
  }
  std::string published;
  if (auto date = j.find(options.fields.published); date != j.end() && !date->is_null()) {
    if (!date->is_string() || !is_publication_date(date->get<std::string>())) {
      emit(Result<Document>::failure(where + ": field '" + options.fields.published + "' is " +
                                     date->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
                                     ", not a date (YYYY-MM-DD, or an ISO 8601 date and time)"));
      return;
    }
    published = date->get<std::string>().substr(0, 10);
  }
  auto doc = parse_document(uri + "#" + id, text->get<std::string>());
  if (doc) {
    doc->title = field(j, options.fields.title);
    doc->published = published;
    doc->url = field(j, options.fields.url);
  }
  emit(std::move(doc));
}

// One article per line, read as a stream: memory holds one line, and a line
// longer than the document limit is skipped with an error.
void read_json_lines(const std::string& uri, const ReadChunk& read, const SourceOptions& options,
                     const EmitDocument& emit) {
  std::string line, error;
  size_t line_no = 1;
  bool overlong = false;
  SeenIds seen;
  auto finish_line = [&] {
    if (overlong)
      emit(Result<Document>::failure(too_big(uri + ":" + std::to_string(line_no), options.max_document_bytes)));
    else if (line.find_first_not_of(" \t\r") != std::string::npos)
      emit_json_line(uri, line_no, line, options, seen, emit);
    line.clear();
    overlong = false;
    ++line_no;
  };
  char buffer[1 << 16];
  long n;
  while ((n = read(buffer, sizeof buffer, error)) > 0) {
    std::string_view chunk(buffer, static_cast<size_t>(n));
    for (size_t nl; (nl = chunk.find('\n')) != std::string_view::npos; chunk.remove_prefix(nl + 1)) {
      if (!overlong && line.size() + nl <= options.max_document_bytes) line.append(chunk.substr(0, nl));
      else overlong = true;
      finish_line();
    }
    if (!overlong && line.size() + chunk.size() <= options.max_document_bytes) line.append(chunk);
    else overlong = true;
  }
  if (!line.empty() || overlong) finish_line();
  if (n < 0) emit(Result<Document>::failure(uri + ":" + std::to_string(line_no) + ": " + error));
}

void read_stream(const std::string& uri, const std::string& name, const ReadChunk& read, const SourceOptions& options,
                 const EmitDocument& emit) {
  const std::string n = lower(name);
  if (is_jsonl(without_compression(n))) {
    read_json_lines(uri, read, options, emit);
    return;
  }
  std::string bytes, error;
  switch (read_all(read, options.max_document_bytes, bytes, error)) {
    case ReadEnd::TooBig: emit(Result<Document>::failure(too_big(uri, options.max_document_bytes))); return;
    case ReadEnd::Failed: emit(Result<Document>::failure(uri + ": " + error)); return;
    case ReadEnd::Done: break;
  }
  if (is_html(without_compression(n)))
    emit(parse_html(uri, bytes));
  else
    emit(parse_document(uri, std::move(bytes)));
}

// libarchive's message for the last failure; it can be null (found by fuzzing).
std::string archive_message(archive* a) {
  const char* m = archive_error_string(a);
  return m ? m : "not a readable archive (truncated or damaged)";
}

// An absolute member path or one with a ".." step: tar and unzip would
// write it outside the folder. bilik writes nothing, but refuses the name.
bool leaves_archive(const std::string& inner) {
  if (inner.empty() || inner[0] == '/' || inner[0] == '\\' || (inner.size() > 1 && inner[1] == ':')) return true;
  for (const auto& step : fs::path(inner))
    if (step == "..") return true;
  return false;
}

// What a member that is not a regular file is, for the warning that names
// it; "" for folders, which need no word.
std::string special_member(archive_entry* entry) {
  if (const char* target = archive_entry_hardlink(entry))
    return std::string("a hard link (to ") + target + ")";
  switch (archive_entry_filetype(entry)) {
    case AE_IFREG:
    case AE_IFDIR: return "";
    case AE_IFLNK: {
      const char* target = archive_entry_symlink(entry);
      return std::string("a symbolic link (to ") + (target ? target : "?") + ")";
    }
    case AE_IFCHR: return "a character device";
    case AE_IFBLK: return "a block device";
    case AE_IFIFO: return "a FIFO";
    case AE_IFSOCK: return "a socket";
    default: return "not a regular file";
  }
}

void read_archive(const std::string& path, int fd, const SourceOptions& options, const EmitDocument& emit) {
  archive* a = archive_read_new();
  archive_read_support_filter_all(a);
  const std::string name = lower(fs::path(path).filename().string());
  // A compressed file ("a.txt.gz") is one document whatever its bytes look
  // like: a gzip of zeros must not pass for an empty tar.
  const bool single = is_compressed(name) && !is_archive(name);
  if (single) archive_read_support_format_raw(a);
  else archive_read_support_format_all(a);
  if (archive_read_open_fd(a, fd, 1 << 16) != ARCHIVE_OK) {
    emit(Result<Document>::failure(path + ": cannot open the archive: " + archive_message(a)));
    archive_read_free(a);
    return;
  }
  bool damaged = false;
  const ReadChunk read = [&](char* buffer, size_t capacity, std::string& error) -> long {
    const la_ssize_t n = archive_read_data(a, buffer, capacity);
    if (n < 0) {
      error = "the archive is damaged at byte " + std::to_string(archive_filter_bytes(a, -1)) + ": " + archive_message(a);
      damaged = true;
      return -1;
    }
    return static_cast<long>(n);
  };
  size_t read_members = 0;
  archive_entry* entry;
  int status;
  while (!damaged && (status = archive_read_next_header(a, &entry)) == ARCHIVE_OK) {
    const char* inner_path = archive_entry_pathname(entry);
    if (!single) {
      const std::string special = special_member(entry);
      if (!special.empty())
        spdlog::warn("{}#{}: {} inside the archive; skipped (bilik reads only regular files in archives)", path,
                     inner_path ? inner_path : "", special);
      if (archive_entry_filetype(entry) != AE_IFREG || !special.empty()) continue;
    }
    const std::string inner = single ? without_compression(fs::path(path).filename().string())
                                     : (inner_path ? inner_path : "");
    const std::string uri = single ? path : path + "#" + inner;
    if (!single && !is_readable_name(inner)) continue;
    if (!single && leaves_archive(inner)) {
      emit(Result<Document>::failure(uri + ": the path inside the archive is absolute or climbs out with '..'; "
                                     "refused (bilik never writes members to disk)"));
      continue;
    }
    ++read_members;
    read_stream(uri, inner, read, options, emit);
  }
  if (!damaged && status != ARCHIVE_EOF && status != ARCHIVE_OK)
    emit(Result<Document>::failure(path + ": the archive is damaged: " + archive_message(a)));
  else if (!damaged && read_members == 0)
    emit(Result<Document>::failure(path + ": the archive holds no file bilik reads (.txt, .md, .html, .jsonl)"));
  archive_read_free(a);
}

// Opens a file to read without ever blocking in open(): a device or socket
// is refused before it is opened (opening some devices acts on them), and a
// FIFO is opened non-blocking, so one with no writer reads as empty instead
// of waiting for ever. Returns the descriptor, or -1 with `error` set.
int open_input(const std::string& path, std::string& error) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    error = "cannot open (missing or unreadable)";
    return -1;
  }
  if (S_ISDIR(st.st_mode)) {
    error = "is a folder";
    return -1;
  }
  const char* kind = S_ISCHR(st.st_mode) ? "a character device" : S_ISBLK(st.st_mode) ? "a block device"
                   : S_ISSOCK(st.st_mode) ? "a socket" : nullptr;
  if (kind) {
    error = std::string(kind) + ", not a file; refused (bilik reads files, folders, and - for standard input)";
    return -1;
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    error = "cannot open (missing or unreadable)";
    return -1;
  }
  // Reads block again (a FIFO's writer may be slow); the open is done. A
  // regular file's reads never block.
  if (!S_ISREG(st.st_mode)) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

}  // namespace

bool is_readable_name(const std::string& raw) {
  const std::string name = lower(without_compression(lower(raw)));
  return ends_with(name, ".txt") || ends_with(name, ".md") || is_html(name) || is_jsonl(name) || is_archive(lower(raw)) ||
         is_archive(name);
}

void read_bytes(const std::string& uri, const std::string& name, std::string bytes, const SourceOptions& options,
                const EmitDocument& emit) {
  read_stream(uri, name, chunks_of(std::string_view(bytes)), options, emit);
}

std::string canonical_name(const std::string& path) {
  if (path == "-") return path;
  std::error_code error;
  // A file that is no link is its folder's canonical path and its own name:
  // the folder is resolved once for all the files read from it in a row,
  // not each path step again for every file (a system call per step).
  const fs::path given(path);
  const fs::path file = given.filename();
  if (given.has_parent_path() && !file.empty() && file != "." && file != ".." &&
      fs::symlink_status(given, error).type() == fs::file_type::regular && !error) {
    thread_local std::string folder, canonical_folder;  // absolute, as given; and resolved
    const fs::path parent = fs::absolute(given.parent_path(), error);
    if (!error && (parent.string() != folder || canonical_folder.empty())) {
      const fs::path resolved = fs::weakly_canonical(parent, error);
      if (!error) {
        folder = parent.string();
        canonical_folder = resolved.string();
      }
    }
    if (!error) return (fs::path(canonical_folder) / file).string();
    error.clear();
  }
  const fs::path canonical = fs::weakly_canonical(fs::absolute(path, error), error);
  return error ? path : canonical.string();
}

void read_source(const std::string& path, const SourceOptions& options, const EmitDocument& emit) {
  const std::string name = lower(fs::path(path).filename().string());
  if (path == "-") {
    const bool jsonl = options.stdin_format == "jsonl";
    const std::string& given = options.stdin_name;
    read_stream(given.empty() ? "-" : given, jsonl ? "-.jsonl" : "-.txt", chunks_of(std::cin), options,
                [&](Result<Document> doc) {
                  // Unnamed, a text is known by its hash: two different texts never share a name.
                  if (doc && !jsonl && given.empty() && !doc->text.empty()) doc->uri = "-#" + text_hash(doc->text);
                  emit(std::move(doc));
                });
    return;
  }
  std::string error;
  const int fd = open_input(path, error);
  if (fd < 0) {
    emit(Result<Document>::failure(path + ": " + error));
    return;
  }
  // Messages name the path as given; documents, the canonical path.
  const std::string canonical = canonical_name(path);
  const EmitDocument named = [&](Result<Document> doc) {
    if (doc && doc->uri.compare(0, path.size(), path) == 0) doc->uri = canonical + doc->uri.substr(path.size());
    emit(std::move(doc));
  };
  if (is_archive(name) || is_compressed(name)) read_archive(path, fd, options, named);
  else read_stream(path, name, chunks_of(fd), options, named);
  ::close(fd);
}

}  // namespace bilik

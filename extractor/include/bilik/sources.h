// Every input format bilik reads, as a stream of documents.
//
// A path names a plain text or Markdown file, an HTML page (text taken with
// libxml2's HTML parser: scripts, styles and navigation dropped; title and
// publication date from the markup), a JSON Lines file (one article per line,
// field names configurable), or an archive or compressed file read through
// libarchive (.gz, .xz, .zst, .bz2, .tar, .tar.*, .tgz, .zip), whose members
// are read by the same rules. A file's documents are named by its canonical
// path (canonical_name: absolute, ".", ".." and symbolic links resolved), so
// "news/a.txt" and "/home/u/news/a.txt" are one name; a document inside a
// file is named "file#inner/path" (archives) or "file#id" (JSON Lines).
// Messages name the path as given. Standard input ("-") is named
// `stdin_name` when given (JSON Lines: "NAME#id"); unnamed, a text is
// "-#" and its text_hash (two different texts never share a name, the same
// text is the same name) and JSON Lines are "-#id". A JSON Lines `url`
// field is kept in the document's url. Everything is read
// as a stream and each document or failure handed to `emit` as it is read,
// so memory holds one document whatever the archive's size. A document (a
// file, a member, a JSON line) larger than `max_document_bytes` is refused,
// which also bounds what a compression bomb can expand to. Archive paths are
// names only: nothing is ever written to disk, and a member whose path is
// absolute or climbs out with ".." is refused; members that are links,
// devices, FIFOs or sockets are skipped with a warning naming them.
// Nothing is lost in silence: a JSON Lines id used twice is an error per
// repeat (file:line), an HTML page nested past libxml2's depth limit is
// refused (the text after that point would be lost), and a date that is not
// a real day ("2022-13-45", 20220101) is an error with file and line.
// Opening never blocks: a device or socket is refused before open(), a
// FIFO is opened non-blocking (with no writer it reads as empty).
//
//   read_source("crawl.jsonl.gz", options, [&](Result<Document> d) { ... });
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "bilik/document.h"
#include "bilik/result.h"

namespace bilik {

struct JsonFields {
  std::string id = "id", url = "url", title = "title", published = "published", text = "text";
};

struct SourceOptions {
  JsonFields fields;
  std::string stdin_format = "text";  // "text" (one document) or "jsonl" (one per line)
  std::string stdin_name;             // the name of standard input's documents (--name), or empty
  size_t max_document_bytes = 64u << 20;
};

using EmitDocument = std::function<void(Result<Document>)>;

// True for the file names extract reads from folders.
bool is_readable_name(const std::string& name);

// The name a file's documents carry: the absolute path with ".", ".." and
// symbolic links resolved; "-" stays "-".
std::string canonical_name(const std::string& path);

void read_source(const std::string& path, const SourceOptions& options, const EmitDocument& emit);

// Reads bytes already in memory as the format `name` implies (used for
// archive members and by tests).
void read_bytes(const std::string& uri, const std::string& name, std::string bytes, const SourceOptions& options,
                const EmitDocument& emit);

// The text, title and date of an HTML page.
Result<Document> parse_html(const std::string& uri, const std::string& bytes);

}  // namespace bilik

// A document as read: where it came from, its metadata and its text.
//
// `published` is either empty or a real calendar day "YYYY-MM-DD"; readers
// check a date they are given with is_publication_date and refuse (or, for
// a page's own markup, drop) anything else, so no "2022-13-45" or
// "20220101" reaches the store.
#pragma once

#include <string>
#include <string_view>

#include "bilik/result.h"

namespace bilik {

struct Document {
  std::string uri;        // canonical path, "path#inner/path", "path#id", or a standard-input name
  std::string title;      // from metadata, else the first line when short
  std::string published;  // ISO 8601 day (YYYY-MM-DD) from metadata, or empty
  std::string text;       // the text as read (after any front matter)
  std::string url;        // where the text was published (JSON Lines, --metadata), or empty
};

// A 16-hex-digit fingerprint (64-bit FNV-1a) of the text alone, whatever
// the document's name and metadata.
std::string text_hash(std::string_view text);

// True for "YYYY-MM-DD" naming a day that exists (year 0001-9999, leap
// years counted), alone or followed by an ISO 8601 time ("T10:00:00Z" or a
// space and a time); the day is the first 10 bytes.
bool is_publication_date(std::string_view text);

// A document from bytes already read, named `uri`: refuses NUL bytes and bad
// UTF-8 (naming the byte and line), drops a byte order mark, takes a
// front-matter block ("---", "title: ...", "published: ...", "---") as
// metadata, and titles the document with its first short line. Only blanks:
// the document comes back with empty text (the caller decides).
Result<Document> parse_document(const std::string& uri, std::string bytes);

}  // namespace bilik

// Turning command-line inputs into documents.
//
// Inputs are files, folders (searched recursively for .txt and .md) or "-"
// for standard input. A document must be valid UTF-8 without NUL bytes;
// every refusal names the file and, for bad UTF-8, the byte offset. A
// document with no text (an empty file, only blanks) is no failure: it comes
// back with empty text, and the caller decides (extract warns and skips it).
// A text may open with a front-matter block ("---", "key: value" lines,
// "---") giving title and published (a real day, else the document is
// refused); the stored text is what follows it.
//
//   std::vector<InputError> errors;
//   for (const std::string& path : list_inputs(args, errors)) {
//     Result<Document> doc = read_document(path);
//   }
#pragma once

#include <map>
#include <string>
#include <vector>

#include "bilik/document.h"
#include "bilik/result.h"

namespace bilik {

struct InputError {
  std::string path;
  std::string message;
};

// Files to read, in a stable order; paths that cannot be listed go to errors.
// A symbolic link found in a folder is followed only when its target lies
// inside that folder: one pointing elsewhere (/etc/passwd) is an error, not
// read. A path named on the command line is read wherever it points.
std::vector<std::string> list_inputs(const std::vector<std::string>& inputs, std::vector<InputError>& errors);

Result<Document> read_document(const std::string& path);

// Metadata kept beside a corpus: a TSV with a header naming a `file` column
// and any of `title`, `published`, `url`. Keyed by file name; values that are
// not ISO dates in `published` ("unknown") are ignored.
struct Metadata {
  std::string title, published, url;
};
Result<std::map<std::string, Metadata>> load_metadata_tsv(const std::string& path);
// Sets the document's title from the index, and its publication date and
// url where it has none.
void apply_metadata(Document& doc, const std::map<std::string, Metadata>& index);

}  // namespace bilik

// A curation file: the fixes a researcher keeps for the graph, one statement
// a line, read by `extract`, `merge`, `export`, `explain` and written by
// `bilik curate` (docs/curation.md).
//
//   # comments run to the end of the line
//   merge "Şavkat Mirziyoyev" "Şövkət Mirziyoyev"     the second joins the first
//   split ORGANIZATION:"Müdafiə Nazirliyi" in rusiya.txt as "Rusiya Müdafiə Nazirliyi"
//   rename "Tokayev" "Qasım-Jomart Tokayev"
//   retype "Qarabağ" LOCATION
//   alias "ABŞ" "Amerika Birləşmiş Ştatları"
//   drop "Bakı Şəhər"
//   drop-triple "Tokayev" visited *                   * is any object
//
// An entity is named, never numbered (ids change between runs): a quoted
// name, or one bare word, optionally prefixed by its type (PERSON:"..."). A
// name matches an entity that carries it under the folded key identity uses
// (Turkic case folding: "İLHAM ƏLİYEV" is "İlham Əliyev"). Parsing checks
// the shape of every line, the types and the predicates; it never looks at a
// store, so a name no store holds yet is not an error. Errors name
// FILE:LINE:COLUMN (columns count characters from 1). No I/O but
// load_curation_file's one read.
//
//   auto lines = load_curation_file("news.db.curation");
//   if (!lines) { spdlog::error("{}", lines.error()); return 2; }
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bilik/result.h"

namespace bilik {

// An entity as a curation line names it.
struct EntityRef {
  std::string type;  // "" for any type
  std::string name;  // as written
  std::string key;   // fold_key(name)
  bool any = false;  // '*' (drop-triple's object only)
};

struct CurationStatement {
  enum class Verb { Merge, Split, Rename, Retype, Alias, Drop, DropTriple };
  Verb verb = Verb::Merge;
  // merge: the survivor, then those joining it; drop-triple: subject, object;
  // every other verb: the one entity.
  std::vector<EntityRef> entities;
  // rename and alias: the new name; retype: the type; drop-triple: the
  // predicate; split: the new entity's name ("" keeps the old one).
  std::string value;
  std::vector<std::string> documents;  // split: the documents whose mentions move
  std::string source;                  // FILE:LINE it was read from

  // The statement written back the one canonical way (what the store keeps,
  // so the same fix written twice is kept once).
  std::string line() const;
};

std::string_view verb_name(CurationStatement::Verb verb);

// Parses one line (without its newline). A blank or comment-only line gives
// an empty vector; `file` and `line_number` are only for the messages and
// `source`.
Result<std::vector<CurationStatement>> parse_curation_line(std::string_view line, const std::string& file,
                                                           size_t line_number);

// Every statement of a file's text, in order; the first bad line fails the
// whole file.
Result<std::vector<CurationStatement>> parse_curation(std::string_view text, const std::string& file);

// Reads and parses the file; a missing or unreadable file is an error.
Result<std::vector<CurationStatement>> load_curation_file(const std::string& path);

// A statement from command-line words, as `bilik curate VERB ARGS...` takes
// them (each name one argument, no quotes needed); `source` names it in errors.
Result<CurationStatement> curation_from_words(const std::vector<std::string>& words, const std::string& source);

// Whether an entity of `type` known by these folded keys is what `ref` names.
bool ref_matches(const EntityRef& ref, std::string_view type, const std::vector<std::string>& keys);

}  // namespace bilik

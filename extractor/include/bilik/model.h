// What extraction finds in one document, as the store keeps it: the
// document's entities and their mentions, figures, dates and triples, and
// the sentences they were read in. Extraction (extractor/) writes these and
// the store (graph/) reads and writes them; this header needs neither side,
// so the graph links no matcher. Offsets are bytes of the original text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bilik/entity_type.h"

namespace bilik {

enum class IdentityScope {
  Names,     // any of its names (not local_aliases) finds it in other documents
  Key,       // only identity_key does: a treaty known by subject, parties and date
  Document,  // nothing does: a generic name no text ties to an owner
};

struct DocEntity {
  EntityType type = EntityType::Location;
  std::string name;                  // canonical, nominative
  std::vector<std::string> aliases;  // other names used in this document
  // Names with a likely suffix cut that this document could not confirm
  // ("Mirqədirov" of "Mirqədirovun"): used to find the entity in other
  // documents, never stored as names.
  std::vector<std::string> unconfirmed_names;
  int32_t gazetteer_entry = -1;
  // How a store may join this entity with other documents' entities
  // (identity_scope.h): by its names, by one key, or not at all.
  IdentityScope scope = IdentityScope::Names;
  std::string identity_key;                // IdentityScope::Key: the only key compared
  std::string identity_note;               // why, in words: shown by explain and the store
  std::vector<std::string> local_aliases;  // aliases shown but never compared across documents
};

struct Mention {
  size_t start = 0, end = 0;  // original byte span
  size_t folded_start = 0, folded_end = 0;
  size_t entity = 0;          // index into the document's entities
  std::string surface;        // original[start, end)
  std::string name;           // bare nominative form of this mention
  std::string gram_case;
  std::string rule;
  std::string joined_by;      // why this mention is its entity's: "same name", "surname of …"
};

struct ResolvedEntities {
  std::vector<DocEntity> entities;
  std::vector<Mention> mentions;  // text order
};

struct Figure {
  size_t start = 0, end = 0;  // original bytes
  size_t folded_start = 0, folded_end = 0;
  std::string surface;
  double value = 0;
  std::string value_text;     // exact decimal
  std::optional<double> range_end;
  std::string unit;
  std::string qualifier = "exact";
  std::string counted;        // the counted noun, bare ("layihə")
  std::string rule = "figure";
};

struct DateMention {
  size_t start = 0, end = 0;  // original bytes
  size_t folded_start = 0, folded_end = 0;
  std::string surface;
  std::string value;       // ISO 8601 day, month, year or interval; empty when unresolved
  std::string expression;  // the normalised expression ("2022-05-10", "year(-1)", "year(+0)-10", "--05-10")
  std::string rule;
};

struct Triple {
  size_t subject = 0;                 // document entity index
  std::string predicate;
  std::optional<size_t> object;       // document entity index
  std::string object_literal;
  size_t start = 0, end = 0;          // original byte span of the evidence
  std::string rule;
  double confidence = 0.9;
  std::string date;
  std::optional<size_t> amount;       // index into the document's figures
  std::string role;
};

struct Extraction {
  ResolvedEntities entities;
  std::vector<Figure> figures;
  std::vector<DateMention> dates;
  std::vector<Triple> triples;
  // The sentences' original byte spans, in order: stored with the document,
  // so the graph reads the sentences extraction used instead of cutting again.
  std::vector<std::pair<uint32_t, uint32_t>> sentences;
  bool stopped = false;  // request_stop() cut it short: partial, store none of it
};

}  // namespace bilik

// One entity per referent within a document.
//
// Accepted candidates become mentions of document entities: names from one
// gazetteer entry are one entity; a surname alone joins the one full name in
// the document that ends with it ("Tokayev" → "Qasım-Jomart Tokayev"); two
// full names with the same surname and nearly the same first name are one
// person ("Qasım"/"Kasım"); an organisation name that ends another one of the
// same document joins it ("Müdafiə Nazirliyi" → "Qazaxıstan Müdafiə
// Nazirliyi"); an acronym in brackets after a name is that name. A name read
// with a weak suffix cut ("Tokayevin") keeps the cut only when the document
// or a gazetteer knows the bare form. The canonical name is the gazetteer's,
// else the longest name used.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bilik/entity_matcher.h"
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

ResolvedEntities resolve_entities(std::string_view original, const AnalyzedText& text,
                                  std::vector<Candidate>& candidates, const RulePack& pack);

}  // namespace bilik

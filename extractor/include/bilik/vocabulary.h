// The relation vocabulary: each predicate with the entity types its subject
// and object may have, whether its object is a literal (a quote) and whether
// it is symmetric. The vocabulary is schema/predicates.json, compiled in;
// relation rules are checked against it when a pack loads.
//
//   const PredicateSpec& said = Vocabulary::builtin().predicates.at("said");
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "bilik/entity_type.h"
#include "bilik/result.h"

namespace bilik {

struct PredicateSpec {
  std::vector<EntityType> subject, object;
  bool literal_object = false;
  bool symmetric = false;
};

struct Vocabulary {
  std::map<std::string, PredicateSpec> predicates;
  // The vocabulary compiled from schema/predicates.json.
  static const Vocabulary& builtin();
  static Result<Vocabulary> parse(std::string_view json, const std::string& where);
};

}  // namespace bilik

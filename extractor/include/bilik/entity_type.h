// The entity types of ../shared/gold/FORMAT.md and their names in the store.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bilik {

enum class EntityType { Person, State, Organization, Treaty, Location };

std::string_view type_name(EntityType type);                 // "PERSON", ...
std::optional<EntityType> parse_type(std::string_view name);  // inverse of type_name
std::vector<std::string> all_type_names();                    // every type, in enum order

}  // namespace bilik

#include "bilik/entity_type.h"

#include <array>
#include <utility>

namespace bilik {
namespace {
constexpr std::array<std::pair<EntityType, std::string_view>, 5> kNames{{
    {EntityType::Person, "PERSON"},
    {EntityType::State, "STATE"},
    {EntityType::Organization, "ORGANIZATION"},
    {EntityType::Treaty, "TREATY"},
    {EntityType::Location, "LOCATION"},
}};
}  // namespace

std::string_view type_name(EntityType type) {
  for (const auto& [t, name] : kNames)
    if (t == type) return name;
  return "?";
}

std::optional<EntityType> parse_type(std::string_view name) {
  for (const auto& [t, n] : kNames)
    if (n == name) return t;
  return std::nullopt;
}

std::vector<std::string> all_type_names() {
  std::vector<std::string> out;
  for (const auto& [t, name] : kNames) out.emplace_back(name);
  return out;
}

}  // namespace bilik

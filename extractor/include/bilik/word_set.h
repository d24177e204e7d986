// A set of words, looked up by string_view without making a string of it:
//   WordSet stops = {"bu", "həmin"};
//   if (stops.contains(text.substr(from, size))) ...
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace bilik {

struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view word) const noexcept { return std::hash<std::string_view>{}(word); }
};

using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

}  // namespace bilik

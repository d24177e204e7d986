// A set of words, looked up by string_view without making a string of it:
//   WordSet stops = {"bu", "həmin"};
//   if (stops.contains(text.substr(from, size))) ...
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace bilik {

// Not noexcept on purpose: libstdc++ then keeps each word's hash beside it,
// and a look-up compares hashes before words and never hashes a stored word
// again to find where its bucket ends.
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
};

using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

}  // namespace bilik

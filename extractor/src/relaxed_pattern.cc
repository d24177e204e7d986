#include "relaxed_pattern.h"

#include <cctype>

namespace bilik {
namespace {

bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Copies the escape starting at pattern[i] ('\') to `out`, with its braces
// ("\p{L}", "\x{259}"); returns the index of its last character.
size_t copy_escape(std::string_view pattern, size_t i, std::string& out) {
  out += pattern[i];
  if (i + 1 >= pattern.size()) return i;
  const char kind = pattern[++i];
  out += kind;
  if ((kind == 'p' || kind == 'P' || kind == 'x') && i + 1 < pattern.size() && pattern[i + 1] == '{')
    while (i + 1 < pattern.size() && pattern[i] != '}') out += pattern[++i];
  return i;
}

}  // namespace

std::optional<std::string> relaxed_pattern(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  bool relaxed = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      i = copy_escape(pattern, i, out);
    } else if (c == '[') {  // a class, copied whole: "]" first in it is a member
      out += c;
      size_t j = i + 1;
      if (j < pattern.size() && pattern[j] == '^') out += pattern[j++];
      if (j < pattern.size() && pattern[j] == ']') out += pattern[j++];
      for (; j < pattern.size() && pattern[j] != ']'; ++j) {
        if (pattern[j] == '\\') j = copy_escape(pattern, j, out);
        else out += pattern[j];
      }
      if (j < pattern.size()) out += pattern[j];
      i = j;
    } else if (c == '{') {  // "{n,m}": keep "{n," and drop m
      size_t j = i + 1;
      while (j < pattern.size() && digit(pattern[j])) ++j;
      size_t k = j + 1;
      while (k < pattern.size() && digit(pattern[k])) ++k;
      if (j > i + 1 && j < pattern.size() && pattern[j] == ',' && k > j + 1 && k < pattern.size() && pattern[k] == '}') {
        out.append(pattern.substr(i, j + 1 - i));
        out += '}';
        i = k;
        relaxed = true;
      } else {
        out += c;
      }
    } else {
      out += c;
    }
  }
  if (!relaxed) return std::nullopt;
  return out;
}

std::shared_ptr<const RE2> relaxed_twin(const RE2& pattern) {
  const auto relaxed = relaxed_pattern(pattern.pattern());
  if (!relaxed) return nullptr;
  auto twin = std::make_shared<const RE2>(*relaxed, pattern.options());
  if (!twin->ok()) return nullptr;
  return twin;
}

}  // namespace bilik

// The first two bytes of the words of a list (a word of one byte, its
// first): tells, without a look-up, that most words start with none of them.
//
//   OpeningBytes months;
//   months.add("yanvar");
//   months.may_open("yanvarda");   // true
//   months.may_open("bazar");      // false: no month opens with "ba"
//   opening_key("yanvarda", 3) == opening_key("yanvar", 3)   // the first bytes as one integer
#pragma once

#include <algorithm>
#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace bilik {

// Up to `bytes` (at most 3) first bytes of `word` and their count, as one
// integer: equal keys, equal openings. opening_key("yanvar", 3) is that of "yan".
inline uint32_t opening_key(std::string_view word, size_t bytes) {
  const size_t n = std::min(word.size(), bytes);
  uint32_t key = static_cast<uint32_t>(n) << 24;
  for (size_t k = 0; k < n; ++k) key |= static_cast<uint32_t>(static_cast<unsigned char>(word[k])) << (8 * k);
  return key;
}

class OpeningBytes {
 public:
  void add(std::string_view word) {
    if (word.empty()) return;
    first_[static_cast<unsigned char>(word[0])] = true;
    if (word.size() < 2) short_word_ = true;
    else pairs_.set(pair(word));
  }
  // False only when `w` starts with no word added.
  bool may_open(std::string_view w) const {
    if (w.empty() || !first_[static_cast<unsigned char>(w[0])]) return false;
    return short_word_ || (w.size() >= 2 && pairs_.test(pair(w)));
  }

 private:
  static size_t pair(std::string_view w) {
    return static_cast<size_t>(static_cast<unsigned char>(w[0])) << 8 | static_cast<unsigned char>(w[1]);
  }
  std::array<bool, 256> first_{};
  std::bitset<65536> pairs_;
  bool short_word_ = false;  // a word of one byte was added: its first byte alone tells
};

}  // namespace bilik

// Private to the extractor: the words of an analysed text with their stems
// (every suffix reading the morphology allows, no harmony), computed once
// per word, and the left-to-right scan the figure and date finders share.
#pragma once

#include <cstdint>
#include <deque>
#include <string_view>
#include <vector>

#include "bilik/entity_matcher.h"
#include "bilik/morphology.h"
#include "bilik/stop.h"

namespace bilik {

class WordStems {
 public:
  WordStems(const AnalyzedText& text, const Morphology& morphology)
      : t_(text), morphology_(morphology), slot_(text.words.size(), kNotRead) {}

  std::string_view word(size_t i) const {
    return std::string_view(t_.folded.text).substr(t_.words[i].start, t_.words[i].end - t_.words[i].start);
  }
  // The word itself first, then its stems, longest first.
  const std::vector<std::string_view>& stems(size_t i) const {
    if (slot_[i] != kNotRead) return read_[slot_[i]];
    std::vector<std::string_view> out;
    const std::string_view w = word(i);
    for (const SuffixReading& r : morphology_.readings(w, {.harmony = false, .min_slot = 1, .min_stem_chars = 1}))
      out.push_back(w.substr(0, r.stem_bytes));
    slot_[i] = static_cast<uint32_t>(read_.size());
    return read_.emplace_back(std::move(out));
  }
  bool stem_is(size_t i, std::string_view target) const {
    for (std::string_view s : stems(i))
      if (s == target) return true;
    return false;
  }

 private:
  const AnalyzedText& t_;
  const Morphology& morphology_;
  static constexpr uint32_t kNotRead = UINT32_MAX;
  // The stems of the words read so far, by word: few words are (those near
  // a number or a month), so each has a slot in read_, kept in a deque,
  // whose elements stay where they are as it grows.
  mutable std::vector<uint32_t> slot_;
  mutable std::deque<std::vector<std::string_view>> read_;
};

// Tries `try_at(word, sentence, item)` at each word of each sentence that
// `may_start(word)`; where it consumes words (returns a later index) and
// `keep(item)`, the item is collected and the scan goes on after it.
// `may_start` must be true wherever try_at may consume: it only spares the
// other words an item made and dropped.
template <class Item, class MayStart, class TryAt, class Keep>
std::vector<Item> scan_words(const AnalyzedText& t, MayStart may_start, TryAt try_at, Keep keep) {
  std::vector<Item> out;
  size_t steps = 0;
  for (const Sentence& s : t.sentences) {
    for (size_t i = s.first_word; i < s.end_word;) {
      if ((++steps & 0xFFF) == 0 && stop_requested()) return out;  // the caller drops a stopped extraction
      if (!may_start(i)) {
        ++i;
        continue;
      }
      Item item;
      const size_t next = try_at(i, s, item);
      if (next > i) {
        if (keep(item)) out.push_back(std::move(item));
        i = next;
      } else {
        ++i;
      }
    }
  }
  return out;
}

}  // namespace bilik

// Private to the extractor: the words of an analysed text with their stems
// (every suffix reading the morphology allows, no harmony), computed once
// per word, and the left-to-right scan the figure and date finders share.
#pragma once

#include <string_view>
#include <unordered_map>
#include <vector>

#include "bilik/entity_matcher.h"
#include "bilik/morphology.h"
#include "bilik/opening_bytes.h"
#include "bilik/stop.h"

namespace bilik {

class WordStems {
 public:
  WordStems(const AnalyzedText& text, const Morphology& morphology) : t_(text), morphology_(morphology) {}

  std::string_view word(size_t i) const {
    return std::string_view(t_.folded.text).substr(t_.words[i].start, t_.words[i].end - t_.words[i].start);
  }
  // The word itself first, then its stems, longest first.
  const std::vector<std::string_view>& stems(size_t i) const {
    auto it = cache_.find(i);
    if (it != cache_.end()) return it->second;
    std::vector<std::string_view> out;
    const std::string_view w = word(i);
    for (const SuffixReading& r : morphology_.readings(w, {.harmony = false, .min_slot = 1, .min_stem_chars = 1}))
      out.push_back(w.substr(0, r.stem_bytes));
    return cache_.emplace(i, std::move(out)).first->second;
  }
  bool stem_is(size_t i, std::string_view target) const {
    for (std::string_view s : stems(i))
      if (s == target) return true;
    return false;
  }

 private:
  const AnalyzedText& t_;
  const Morphology& morphology_;
  mutable std::unordered_map<size_t, std::vector<std::string_view>> cache_;
};

// Tries `try_at(word, sentence, item)` at each word of each sentence; where
// it consumes words (returns a later index) and `keep(item)`, the item is
// collected and the scan goes on after it.
template <class Item, class TryAt, class Keep>
std::vector<Item> scan_words(const AnalyzedText& t, TryAt try_at, Keep keep) {
  std::vector<Item> out;
  size_t steps = 0;
  for (const Sentence& s : t.sentences) {
    for (size_t i = s.first_word; i < s.end_word;) {
      if ((++steps & 0xFFF) == 0 && stop_requested()) return out;  // the caller drops a stopped extraction
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

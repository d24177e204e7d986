// Private to the extractor: word forms with their readings, as
// Morphology::readings remembers them. A table of (hash, entry) slots,
// probed in turn from the hash, over entries that never move, so that a
// look-up reads one slot and one entry, and a reference to readings lives as
// long as the table, moves included.
//
//   RememberedForms forms;
//   const uint64_t hash = std::hash<std::string_view>{}(word);
//   const auto* known = forms.find(word, hash);
//   const auto& readings = known ? *known : forms.add(word, hash, compute(word));
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "bilik/morphology.h"

namespace bilik {

class RememberedForms {
 public:
  const std::vector<SuffixReading>* find(std::string_view word, uint64_t hash) const {
    if (slots_.empty()) return nullptr;
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (!slot.entry) return nullptr;
      if (slot.hash == hash && slot.entry->word == word) return &slot.entry->readings;
    }
  }
  const std::vector<SuffixReading>& add(std::string_view word, uint64_t hash, std::vector<SuffixReading> readings) {
    if ((entries_.size() + 1) * 2 > slots_.size()) grow();
    const Entry& entry = entries_.emplace_back(Entry{std::string(word), std::move(readings)});
    place(hash, &entry);
    return entry.readings;
  }
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string word;
    std::vector<SuffixReading> readings;
  };
  struct Slot {
    uint64_t hash = 0;
    const Entry* entry = nullptr;
  };
  void place(uint64_t hash, const Entry* entry) {
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    while (slots_[i].entry) i = (i + 1) & mask;
    slots_[i] = {hash, entry};
  }
  void grow() {
    std::vector<Slot> old(std::max<size_t>(1024, slots_.size() * 2));
    old.swap(slots_);
    for (const Slot& slot : old)
      if (slot.entry) place(slot.hash, slot.entry);
  }
  std::deque<Entry> entries_;
  std::vector<Slot> slots_;  // a power of two, at most half full
};

}  // namespace bilik

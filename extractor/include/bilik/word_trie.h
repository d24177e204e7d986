// A trie over whole words, for the gazetteer. An edge is one slot of an
// open-addressing table, found by hashing its parent node with its word, and
// holds the word itself (in one shared arena), so following or adding an
// edge costs one probe and one comparison of the word, whatever the number
// of names, and loading allocates nothing beyond the table's growth.
//
//   WordTrie t;
//   uint32_t node = t.add_child(WordTrie::kRoot, "qazaxıstan");
//   std::optional<uint32_t> same = t.child(WordTrie::kRoot, "qazaxıstan");
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bilik {

class WordTrie {
 public:
  static constexpr uint32_t kRoot = 0;

  // The node reached from `node` by `word`, made if new. Throws
  // std::length_error past 2^32 nodes or 4 GB of words.
  uint32_t add_child(uint32_t node, std::string_view word);
  std::optional<uint32_t> child(uint32_t node, std::string_view word) const;
  // The node each path (words separated by single spaces) ends at, made if
  // new: add_child word by word on each path in turn, but a word of every
  // path at once, so that the table's memory is fetched for all of them
  // together. Loads a large gazetteer several times faster.
  std::vector<uint32_t> add_paths(const std::vector<std::string_view>& paths);
  // Room for `edges` more edges without growing the table.
  void reserve(size_t edges);
  // Nodes made so far, the root included: node ids run from 0 to nodes() - 1.
  uint32_t nodes() const { return nodes_; }

 private:
  struct Edge {
    uint32_t parent = 0, child = 0;  // child 0 (the root) marks a free slot
    uint32_t hash = 0;               // the word's hash, to skip most comparisons
    uint32_t word = 0;               // offset in arena_ of the word's length and bytes
  };
  std::string_view word_at(uint32_t offset) const;
  size_t find_slot(uint32_t node, std::string_view word, uint64_t hash) const;
  uint32_t add_child(uint32_t node, std::string_view word, uint64_t hash);
  void grow(size_t slots);

  std::vector<Edge> edges_;  // a power of two, at most half full
  size_t used_ = 0;
  std::string arena_;        // each edge's word: its length (4 bytes), then its bytes
  uint32_t nodes_ = 1;       // the root
};

}  // namespace bilik

#include "bilik/word_trie.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <functional>
#include <stdexcept>

namespace bilik {
namespace {

uint64_t hash_word(std::string_view word) { return std::hash<std::string_view>{}(word); }

// The slot an edge's probe starts from: its parent mixed into its word's hash.
size_t start_of(uint32_t node, uint64_t hash) {
  uint64_t key = hash ^ (static_cast<uint64_t>(node) * 0x9e3779b97f4a7c15ULL);
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdULL;
  key ^= key >> 33;
  return static_cast<size_t>(key);
}

// A power of two holding `edges` at most half full.
size_t slots_for(size_t edges) { return std::max<size_t>(64, std::bit_ceil(edges * 10 / 7 + 1)); }

}  // namespace

std::string_view WordTrie::word_at(uint32_t offset) const {
  uint32_t size;
  std::memcpy(&size, arena_.data() + offset, sizeof size);
  return std::string_view(arena_).substr(offset + sizeof size, size);
}

size_t WordTrie::find_slot(uint32_t node, std::string_view w, uint64_t hash) const {
  const size_t mask = edges_.size() - 1;
  const uint32_t h = static_cast<uint32_t>(hash);
  for (size_t slot = start_of(node, hash) & mask;; slot = (slot + 1) & mask) {
    const Edge& e = edges_[slot];
    if (e.child == 0 || (e.parent == node && e.hash == h && word_at(e.word) == w)) return slot;
  }
}

void WordTrie::grow(size_t slots) {
  std::vector<Edge> old(slots);
  old.swap(edges_);
  const size_t mask = edges_.size() - 1;
  for (const Edge& e : old) {
    if (e.child == 0) continue;
    size_t slot = start_of(e.parent, hash_word(word_at(e.word))) & mask;
    while (edges_[slot].child != 0) slot = (slot + 1) & mask;
    edges_[slot] = e;
  }
}

void WordTrie::reserve(size_t edges) {
  if (slots_for(used_ + edges) > edges_.size()) grow(slots_for(used_ + edges));
}

uint32_t WordTrie::add_child(uint32_t node, std::string_view w) { return add_child(node, w, hash_word(w)); }

uint32_t WordTrie::add_child(uint32_t node, std::string_view w, uint64_t hash) {
  if (slots_for(used_ + 1) > edges_.size()) grow(slots_for(used_ + 1));
  Edge& e = edges_[find_slot(node, w, hash)];
  if (e.child == 0) {
    if (nodes_ == UINT32_MAX || arena_.size() + sizeof(uint32_t) + w.size() > UINT32_MAX)
      throw std::length_error("a word trie holds at most 2^32 nodes and 4 GB of words");
    const uint32_t size = static_cast<uint32_t>(w.size());
    e = {node, nodes_++, static_cast<uint32_t>(hash), static_cast<uint32_t>(arena_.size())};
    arena_.append(reinterpret_cast<const char*>(&size), sizeof size);
    arena_.append(w);
    ++used_;
  }
  return e.child;
}

std::vector<uint32_t> WordTrie::add_paths(const std::vector<std::string_view>& paths) {
  std::vector<uint32_t> nodes(paths.size(), kRoot);
  std::vector<size_t> at(paths.size(), 0);  // where each path's next word starts; npos when done
  struct Step {
    size_t path;
    std::string_view word;
    uint64_t hash;
  };
  std::vector<Step> steps;
  for (;;) {
    steps.clear();
    for (size_t p = 0; p < paths.size(); ++p) {
      if (at[p] == std::string_view::npos) continue;
      const size_t space = paths[p].find(' ', at[p]);
      const std::string_view word = paths[p].substr(at[p], space == std::string_view::npos ? space : space - at[p]);
      at[p] = space == std::string_view::npos ? space : space + 1;
      steps.push_back({p, word, hash_word(word)});
    }
    if (steps.empty()) return nodes;
    reserve(steps.size());  // no growth while the probes are in flight
    const size_t mask = edges_.size() - 1;
    for (const Step& s : steps) __builtin_prefetch(&edges_[start_of(nodes[s.path], s.hash) & mask]);
    for (const Step& s : steps) nodes[s.path] = add_child(nodes[s.path], s.word, s.hash);
  }
}

std::optional<uint32_t> WordTrie::child(uint32_t node, std::string_view w) const {
  if (edges_.empty()) return std::nullopt;
  const Edge& e = edges_[find_slot(node, w, hash_word(w))];
  if (e.child == 0) return std::nullopt;
  return e.child;
}

}  // namespace bilik

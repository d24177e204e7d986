#include "bilik/atom_scanner.h"

#include <algorithm>
#include <deque>
#include <stdexcept>

namespace bilik {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + 32) : c; }

}  // namespace

AtomScanner::AtomScanner(const std::vector<std::string>& atoms) : atoms_(atoms.size()) {
  for (const std::string& atom : atoms) {
    for (char c : atom) {
      const unsigned char b = lower(static_cast<unsigned char>(c));
      if (class_of_[b] == 0) class_of_[b] = static_cast<uint8_t>(classes_++);
    }
  }
  for (unsigned char c = 'A'; c <= 'Z'; ++c) class_of_[c] = class_of_[c + 32];

  // The trie of the atoms; kNone where it has no edge.
  next_.assign(classes_, kNone);
  std::vector<std::vector<int>> ends(1);
  std::vector<uint32_t> depth(1, 0);  // each state's bytes: the atom prefix it stands for
  for (size_t i = 0; i < atoms.size(); ++i) {
    if (atoms[i].empty()) {
      in_every_text_.push_back(static_cast<int>(i));
      continue;
    }
    uint32_t state = 0;
    for (char c : atoms[i]) {
      uint32_t& edge = next_[state * classes_ + class_of_[static_cast<unsigned char>(c)]];
      if (edge == kNone) {
        edge = static_cast<uint32_t>(ends.size());
        ends.emplace_back();
        depth.push_back(depth[state] + 1);
        next_.resize(next_.size() + classes_, kNone);  // `edge` is not used after this
      }
      state = next_[state * classes_ + class_of_[static_cast<unsigned char>(c)]];
    }
    ends[state].push_back(static_cast<int>(i));
  }

  // States numbered breadth first: the few near the root, where the scan
  // spends most of its steps, share the cache.
  std::vector<uint32_t> renumbered(ends.size(), kNone), order = {0};
  renumbered[0] = 0;
  for (size_t i = 0; i < order.size(); ++i)
    for (uint32_t c = 0; c < classes_; ++c)
      if (const uint32_t child = next_[order[i] * classes_ + c]; child != kNone) {
        renumbered[child] = static_cast<uint32_t>(order.size());
        order.push_back(child);
      }
  std::vector<uint32_t> trie(next_.size(), kNone);
  std::vector<std::vector<int>> ends_of(ends.size());
  std::vector<uint32_t> depth_of(ends.size());
  for (size_t state = 0; state < order.size(); ++state) {
    for (uint32_t c = 0; c < classes_; ++c)
      if (const uint32_t child = next_[order[state] * classes_ + c]; child != kNone)
        trie[state * classes_ + c] = renumbered[child];
    ends_of[state] = std::move(ends[order[state]]);
    depth_of[state] = depth[order[state]];
  }
  next_ = std::move(trie);
  ends = std::move(ends_of);
  depth = std::move(depth_of);

  // Breadth first, each state's missing edges are those of its longest
  // proper suffix that is a trie state, and it ends that suffix's atoms too.
  const size_t states = ends.size();
  std::vector<uint32_t> suffix(states, 0);
  std::deque<uint32_t> queue;
  for (uint32_t c = 0; c < classes_; ++c) {
    uint32_t& edge = next_[c];
    if (edge == kNone) edge = 0;
    else queue.push_back(edge);
  }
  while (!queue.empty()) {
    const uint32_t state = queue.front();
    queue.pop_front();
    for (uint32_t c = 0; c < classes_; ++c) {
      uint32_t& edge = next_[state * classes_ + c];
      const uint32_t fallback = next_[suffix[state] * classes_ + c];
      if (edge == kNone) {
        edge = fallback;
        continue;
      }
      suffix[edge] = fallback;
      ends[edge].insert(ends[edge].end(), ends[fallback].begin(), ends[fallback].end());
      queue.push_back(edge);
    }
  }

  // States that end atoms numbered last, so a step tells it reached one by
  // its target alone; the others keep their breadth-first order.
  if (static_cast<uint64_t>(states) * classes_ > UINT32_MAX)
    throw std::length_error("too many atoms for one scanner: " + std::to_string(atoms.size()));
  std::vector<uint32_t> placed(states);
  uint32_t quiet = 0;
  for (size_t state = 0; state < states; ++state)
    if (ends[state].empty()) placed[state] = quiet++;
  uint32_t holding = quiet;
  for (size_t state = 0; state < states; ++state)
    if (!ends[state].empty()) placed[state] = holding++;
  std::vector<uint32_t> table(next_.size());
  std::vector<std::vector<int>> ends_placed(states);
  depth_.assign(states, 0);
  for (size_t state = 0; state < states; ++state) {
    for (uint32_t c = 0; c < classes_; ++c)
      table[placed[state] * classes_ + c] = placed[next_[state * classes_ + c]] * classes_;
    ends_placed[placed[state]] = std::move(ends[state]);
    depth_[placed[state]] = depth[state];
  }
  next_ = std::move(table);
  holds_from_ = quiet * classes_;
  ends_from_.reserve(states - quiet + 1);
  for (size_t state = quiet; state < states; ++state) {
    ends_from_.push_back(static_cast<uint32_t>(ends_.size()));
    ends_.insert(ends_.end(), ends_placed[state].begin(), ends_placed[state].end());
  }
  ends_from_.push_back(static_cast<uint32_t>(ends_.size()));
}

void AtomScanner::scan(std::string_view text, std::vector<int>& found) const {
  found.clear();
  if (atoms_ == 0) return;
  // The states reached that end atoms, each once, by their entry in the
  // table past holds_from_; their atoms after the pass. Room for all is
  // made first: nothing in the pass may throw between setting a state's
  // flag and clearing it.
  thread_local std::vector<uint8_t> reached;
  thread_local std::vector<uint32_t> ending;
  thread_local std::vector<uint64_t> seen;
  const size_t holding = next_.size() - holds_from_;
  if (reached.size() < holding) reached.resize(holding, 0);
  ending.clear();
  ending.reserve(ends_from_.size());
  seen.assign((atoms_ + 63) / 64, 0);
  const uint32_t* next = next_.data();
  const uint8_t* class_of = class_of_.data();
  const uint32_t holds_from = holds_from_;
  uint8_t* reached_at = reached.data();
  auto note = [&](uint32_t at) {
    if (at < holds_from || reached_at[at - holds_from]) return;
    reached_at[at - holds_from] = 1;
    ending.push_back(at - holds_from);
  };
  auto step = [&](uint32_t at, char c) { return next[at + class_of[static_cast<unsigned char>(c)]]; };
  // Each step waits for the one before it. Four lanes over four stretches
  // of the text, run side by side, each from the automaton's start. A lane
  // goes on past its stretch only while an atom begun inside it may still be
  // in progress: while the prefix its state stands for started before the
  // stretch's end (the next lane finds every atom starting from there on).
  constexpr size_t kLanes = 4, kShortestStretch = 16;
  const size_t stretch = text.size() / kLanes;
  const char* const text_end = text.data() + text.size();
  if (stretch < kShortestStretch) {
    uint32_t at = 0;
    for (const char* c = text.data(); c < text_end; ++c) note(at = step(at, *c));
  } else {
    const char* from[kLanes];
    for (size_t lane = 0; lane < kLanes; ++lane) from[lane] = text.data() + lane * stretch;
    uint32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    for (size_t i = 0; i < stretch; ++i) {
      a0 = step(a0, from[0][i]);
      a1 = step(a1, from[1][i]);
      a2 = step(a2, from[2][i]);
      a3 = step(a3, from[3][i]);
      if ((a0 >= holds_from) | (a1 >= holds_from) | (a2 >= holds_from) | (a3 >= holds_from)) {
        note(a0);
        note(a1);
        note(a2);
        note(a3);
      }
    }
    const uint32_t at[kLanes] = {a0, a1, a2, a3};
    for (size_t lane = 0; lane + 1 < kLanes; ++lane) {
      const char* const stretch_end = from[lane + 1];
      uint32_t a = at[lane];
      for (const char* c = stretch_end; c < text_end && depth_[a / classes_] > static_cast<size_t>(c - stretch_end); ++c)
        note(a = step(a, *c));
    }
    uint32_t a = at[kLanes - 1];  // the last lane reads to the end
    for (const char* c = from[kLanes - 1] + stretch; c < text_end; ++c) note(a = step(a, *c));
  }
  auto mark = [&](int atom) { seen[atom / 64] |= uint64_t{1} << (atom % 64); };
  for (int atom : in_every_text_) mark(atom);
  for (uint32_t entry : ending) {
    reached_at[entry] = 0;
    const uint32_t state = entry / classes_;
    for (uint32_t e = ends_from_[state]; e < ends_from_[state + 1]; ++e) mark(ends_[e]);
  }
  size_t count = 0;
  for (uint64_t bits : seen) count += static_cast<size_t>(__builtin_popcountll(bits));
  found.reserve(count);
  for (size_t word = 0; word < seen.size(); ++word)
    for (uint64_t bits = seen[word]; bits != 0; bits &= bits - 1)
      found.push_back(static_cast<int>(word * 64 + static_cast<size_t>(__builtin_ctzll(bits))));
}

}  // namespace bilik

#include "bilik/atom_scanner.h"

#include <algorithm>
#include <deque>

namespace bilik {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + 32) : c; }

}  // namespace

AtomScanner::AtomScanner(const std::vector<std::string>& atoms) : atoms_(atoms.size()) {
  for (const std::string& atom : atoms)
    for (char c : atom) {
      const unsigned char b = lower(static_cast<unsigned char>(c));
      if (class_of_[b] == 0) class_of_[b] = static_cast<uint8_t>(classes_++);
    }
  for (unsigned char c = 'A'; c <= 'Z'; ++c) class_of_[c] = class_of_[c + 32];

  // The trie of the atoms; kNone where it has no edge.
  next_.assign(classes_, kNone);
  std::vector<std::vector<int>> ends(1);
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
        next_.resize(next_.size() + classes_, kNone);  // `edge` is not used after this
      }
      state = next_[state * classes_ + class_of_[static_cast<unsigned char>(c)]];
    }
    ends[state].push_back(static_cast<int>(i));
  }

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

  for (uint32_t& edge : next_) edge = edge * classes_ | (ends[edge].empty() ? 0 : kHolds);
  ends_from_.reserve(states + 1);
  for (const std::vector<int>& e : ends) {
    ends_from_.push_back(static_cast<uint32_t>(ends_.size()));
    ends_.insert(ends_.end(), e.begin(), e.end());
  }
  ends_from_.push_back(static_cast<uint32_t>(ends_.size()));
}

void AtomScanner::scan(std::string_view text, std::vector<int>& found) const {
  found.clear();
  if (atoms_ == 0) return;
  thread_local std::vector<uint64_t> seen;
  seen.assign((atoms_ + 63) / 64, 0);
  auto mark = [&](int atom) { seen[atom / 64] |= uint64_t{1} << (atom % 64); };
  for (int atom : in_every_text_) mark(atom);
  const uint32_t* next = next_.data();
  uint32_t at = 0;
  for (char c : text) {
    at = next[(at & ~kHolds) + class_of_[static_cast<unsigned char>(c)]];
    if (at & kHolds) {
      const uint32_t state = (at & ~kHolds) / classes_;
      for (uint32_t e = ends_from_[state]; e < ends_from_[state + 1]; ++e) mark(ends_[e]);
    }
  }
  for (size_t word = 0; word < seen.size(); ++word)
    for (uint64_t bits = seen[word]; bits != 0; bits &= bits - 1)
      found.push_back(static_cast<int>(word * 64 + static_cast<size_t>(__builtin_ctzll(bits))));
}

}  // namespace bilik

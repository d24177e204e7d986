// Private to the extractor: a rule's pattern searched through its relaxed
// twin, the pattern without the upper bounds of its counted repetitions
// ("(?:X){0,300}?" becomes "(?:X){0,}?").
//
// The bounds are what makes RE2 slow. Its DFA needs a state for each count
// of each repetition in flight, so on a sentence it has not seen it builds
// states byte by byte, thousands of instructions a byte; the twin's DFA
// stays small and is soon built. The twin matches everywhere the pattern
// does, and more. Where the twin's match keeps every repetition within its
// bound, it is the pattern's match too, groups and all: the pattern's
// matches are the twin's that keep the bounds, in the same order of
// preference. So the twin captures each counted repetition, and its length
// bounds its passes (counted_repetitions.h); only when a bound may be broken
// is the pattern itself asked, anchored where the twin's match starts (it
// cannot match before), and the twin searches on after that start when the
// pattern does not match there. Matches without groups need only the twin's
// DFA, when the whole match is short enough for every bound.
//
//   auto search = RelaxedSearch::make(pattern);   // null: no counted repetition
//   search->match(text, pos, text.size(), RE2::UNANCHORED, groups, n);
#pragma once

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "counted_repetitions.h"

namespace bilik {

class RelaxedSearch {
 public:
  // Null when the pattern has no counted repetition (or RE2 cannot compile
  // the twin, or the pattern is literal, never captures, matches longest or
  // is Latin-1), which leaves the pattern to search alone.
  static std::shared_ptr<const RelaxedSearch> make(std::shared_ptr<const RE2> pattern);

  // As pattern.Match(text, pos, end, anchor, groups, n), groups numbered as
  // the pattern numbers them: the same answer, found through the twin.
  bool match(std::string_view text, size_t pos, size_t end, RE2::Anchor anchor, re2::StringPiece* groups,
             int n) const;

  // Whether the twin's matches can stand in for the pattern's: false when a
  // counted repetition's body can match nothing (then its length says nothing
  // of its count) and the twin only tells where the pattern cannot match.
  bool stands_in() const { return stands_in_; }

 private:
  bool within_bounds(const re2::StringPiece& span) const;  // every bound kept, even by the whole span

  struct Bound {
    int group;    // the twin's group capturing the repetition
    size_t most;  // its upper bound
    std::optional<Markers> markers;  // bytes every pass holds one of
  };
  std::shared_ptr<const RE2> pattern_, twin_;
  bool stands_in_ = false;
  std::vector<Bound> bounds_;
  std::vector<int> twin_group_;  // the pattern's group i is the twin's group twin_group_[i]
};

}  // namespace bilik

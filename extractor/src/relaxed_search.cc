#include "relaxed_search.h"

#include <algorithm>
#include <map>

#include "counted_repetitions.h"

namespace bilik {
namespace {

constexpr int64_t kTwinMemory = 16 << 20;  // RE2's budget for a twin

// How many passes the repetition captured by `piece` may have made: no more
// than its marker bytes, or than its bytes when it has none.
size_t passes_at_most(const re2::StringPiece& piece, const std::optional<Markers>& markers) {
  if (!piece.data()) return 0;
  if (!markers) return piece.size();
  size_t count = 0;
  for (char c : piece) count += (*markers)[static_cast<unsigned char>(c)];
  return count;
}

}  // namespace

std::shared_ptr<const RelaxedSearch> RelaxedSearch::make(std::shared_ptr<const RE2> pattern) {
  // The twin is read from UTF-8 text, and its groups tell the passes of a
  // leftmost-first match: under other options the pattern searches alone.
  const RE2::Options& options = pattern->options();
  if (options.literal() || options.never_capture() || options.longest_match() ||
      options.encoding() != RE2::Options::EncodingUTF8)
    return nullptr;
  const std::string written = pattern->pattern();
  if (written.find(kCountGroup) != std::string::npos || written.find(kSpanGroup) != std::string::npos) return nullptr;
  std::vector<CountedRepetition> counted;
  const std::string twin_pattern = captured_twin(written, counted);
  if (counted.empty()) return nullptr;
  // A twin has no counted repetitions left to blow up its DFA, which needs
  // less than the pattern's budget; on text no rule has seen, DFAs grow
  // toward their budgets, and the twins' share of the run's memory with them.
  RE2::Options twin_options = options;
  twin_options.set_max_mem(std::min<int64_t>(options.max_mem(), kTwinMemory));
  auto twin = std::make_shared<const RE2>(twin_pattern, twin_options);
  if (!twin->ok()) return nullptr;
  auto search = std::make_shared<RelaxedSearch>();
  search->pattern_ = std::move(pattern);
  search->twin_ = twin;
  search->stands_in_ = true;
  for (const CountedRepetition& c : counted)
    if (may_match_nothing(c.body, search->pattern_->options())) search->stands_in_ = false;
  // The twin's groups in order: the added ones bound the repetitions, the
  // others are the pattern's own, in the pattern's order. A repetition inside
  // a group taken more than once is bounded by the group around all its runs.
  const std::map<int, std::string>& names = twin->CapturingGroupNames();
  const std::map<std::string, int>& numbers = twin->NamedCapturingGroups();
  auto added = [](const std::string& name) { return name.rfind(kCountGroup, 0) == 0 || name.rfind(kSpanGroup, 0) == 0; };
  search->twin_group_.push_back(0);
  for (int g = 1; g <= twin->NumberOfCapturingGroups(); ++g) {
    auto it = names.find(g);
    if (it == names.end() || !added(it->second)) search->twin_group_.push_back(g);
  }
  for (size_t k = 0; k < counted.size(); ++k) {
    const CountedRepetition& c = counted[k];
    auto own = numbers.find(std::string(kCountGroup) + std::to_string(k));
    auto all_runs = c.span ? numbers.find(std::string(kSpanGroup) + std::to_string(*c.span)) : own;
    if (own == numbers.end() || all_runs == numbers.end()) return nullptr;  // a misread left one in a class
    search->bounds_.push_back({all_runs->second, c.most, c.markers});
  }
  // The pattern's groups must have their twins.
  if (static_cast<int>(search->twin_group_.size()) != search->pattern_->NumberOfCapturingGroups() + 1)
    return nullptr;
  return search;
}

bool RelaxedSearch::match(std::string_view text, size_t pos, size_t end, RE2::Anchor anchor,
                          re2::StringPiece* groups, int n) const {
  if (!stands_in_) {
    // The twin only tells where the pattern finds nothing.
    return twin_->Match(text, pos, end, anchor, nullptr, 0) && pattern_->Match(text, pos, end, anchor, groups, n);
  }
  thread_local std::vector<re2::StringPiece> found;
  found.assign(twin_->NumberOfCapturingGroups() + 1, re2::StringPiece());
  // The pattern matches nowhere the twin does not, so its leftmost match
  // starts where the twin's does or later. Where the twin's match breaks a
  // bound, the pattern is asked for a match at that start alone (its DFA
  // then follows one start, not every start at once as a search does); if
  // it has none, the twin searches on from the next byte. Past a few such
  // starts the pattern searches the rest itself: each twin search may read
  // to the same far end again.
  constexpr int kAnchoredTries = 8;
  for (int tries = 0;; ++tries) {
    if (n <= 1) {
      // The span alone, from the twin's DFA: kept when even the whole match
      // is within every bound, without asking RE2 for groups.
      if (!twin_->Match(text, pos, end, anchor, found.data(), 1)) return false;
      if (within_bounds(found[0])) {
        if (n == 1) groups[0] = found[0];
        return true;
      }
    }
    if (!twin_->Match(text, pos, end, anchor, found.data(), static_cast<int>(found.size()))) return false;
    bool within = true;
    for (const Bound& b : bounds_) within = within && passes_at_most(found[b.group], b.markers) <= b.most;
    if (within) {
      for (int i = 0; i < n; ++i)  // past the pattern's groups, cleared as RE2 clears them
        groups[i] = i < static_cast<int>(twin_group_.size()) ? found[twin_group_[i]] : re2::StringPiece();
      return true;
    }
    if (anchor != RE2::UNANCHORED) return pattern_->Match(text, pos, end, anchor, groups, n);
    const size_t start = found[0].data() - text.data();
    if (tries == kAnchoredTries) return pattern_->Match(text, start, end, RE2::UNANCHORED, groups, n);
    if (pattern_->Match(text, start, end, RE2::ANCHOR_START, groups, n)) return true;
    if (start >= end) return false;
    pos = start + 1;
  }
}

bool RelaxedSearch::within_bounds(const re2::StringPiece& span) const {
  for (const Bound& b : bounds_)
    if (passes_at_most(span, b.markers) > b.most) return false;
  return true;
}

}  // namespace bilik

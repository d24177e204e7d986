// Private to the extractor: how a rule's pattern is searched. Text in the
// narrow alphabet (narrow_alphabet.h) is searched by the pattern narrowed to
// it, other text by the pattern as written; each through its relaxed twin
// where it has counted repetitions (relaxed_search.h). Every way gives
// pattern.Match's answer, groups and all.
//
//   RuleSearch search(pattern);
//   const bool narrow = in_narrow_alphabet(sentence);   // once per text searched
//   search.match(text, pos, text.size(), RE2::UNANCHORED, groups, n, narrow);
#pragma once

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <string_view>

#include "relaxed_search.h"

namespace bilik {

class RuleSearch {
 public:
  explicit RuleSearch(std::shared_ptr<const RE2> pattern);

  // As pattern.Match(text, pos, end, anchor, groups, n). `narrow_text` says
  // that text[pos, end) is in the narrow alphabet.
  bool match(std::string_view text, size_t pos, size_t end, RE2::Anchor anchor, re2::StringPiece* groups, int n,
             bool narrow_text) const {
    const Way& way = narrow_text && narrow_ ? *narrow_ : wide_;
    return way.relaxed ? way.relaxed->match(text, pos, end, anchor, groups, n)
                       : way.pattern->Match(text, pos, end, anchor, groups, n);
  }

  // The twin of the pattern as written, null when it has none.
  const RelaxedSearch* relaxed() const { return wide_.relaxed.get(); }
  // Whether the pattern has a narrowed form.
  bool narrows() const { return narrow_.has_value(); }

 private:
  struct Way {
    std::shared_ptr<const RE2> pattern;
    std::shared_ptr<const RelaxedSearch> relaxed;
  };
  Way wide_;
  std::optional<Way> narrow_;
};

}  // namespace bilik

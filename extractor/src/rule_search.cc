#include "rule_search.h"

#include "narrow_alphabet.h"

namespace bilik {

RuleSearch::RuleSearch(std::shared_ptr<const RE2> pattern) {
  wide_.relaxed = RelaxedSearch::make(pattern);
  wide_.pattern = std::move(pattern);
  const std::optional<std::string> narrowed = narrowed_pattern(wide_.pattern->pattern());
  if (!narrowed) return;
  auto narrow = std::make_shared<const RE2>(*narrowed, wide_.pattern->options());
  // Its groups must be the pattern's, numbered and named alike.
  if (!narrow->ok() || narrow->NumberOfCapturingGroups() != wide_.pattern->NumberOfCapturingGroups() ||
      narrow->NamedCapturingGroups() != wide_.pattern->NamedCapturingGroups())
    return;
  auto relaxed = RelaxedSearch::make(narrow);
  if (wide_.relaxed && !relaxed) return;  // it would search without a twin: slower than the pattern with one
  narrow_ = Way{std::move(narrow), std::move(relaxed)};
}

}  // namespace bilik

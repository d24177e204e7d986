// RulePack::RuleFilter: the rules a text may match (rule_pack.h).
#include "bilik/rule_pack.h"

#include <algorithm>

namespace bilik {

std::vector<int> RulePack::RuleFilter::atoms_in(std::string_view text) const {
  std::vector<int> found;
  if (!filter || filter->NumRegexps() == 0) return found;
  // Atoms are lower case; placeholders (<<PERSON:...>>) are the only capitals.
  thread_local std::string lower;
  lower.assign(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  if (atom_set) {
    atom_set->Match(lower, &found);
  } else {
    for (size_t i = 0; i < atoms.size(); ++i)
      if (lower.find(atoms[i]) != std::string::npos) found.push_back(static_cast<int>(i));
  }
  return found;
}

std::vector<int> RulePack::RuleFilter::rules_for(const std::vector<int>& found_atoms) const {
  thread_local std::vector<int> ids;
  ids.clear();
  std::vector<int> rules;
  if (!filter || filter->NumRegexps() == 0 || (found_atoms.empty() && !unfiltered)) return rules;
  filter->AllPotentials(found_atoms, &ids);
  for (int id : ids) rules.push_back(rule_of_id[id]);
  std::sort(rules.begin(), rules.end());
  return rules;
}

}  // namespace bilik

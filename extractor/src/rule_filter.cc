// RulePack::RuleFilter: the rules a text may match (rule_pack.h).
#include "bilik/rule_pack.h"

namespace bilik {

std::vector<int> RulePack::RuleFilter::candidates(std::string_view text) const {
  thread_local std::vector<int> found_atoms, ids;
  found_atoms.clear();
  ids.clear();
  std::vector<int> rules;
  if (!filter || filter->NumRegexps() == 0) return rules;
  // Atoms are lower case; placeholders (<<PERSON:...>>) are the only capitals.
  thread_local std::string lower;
  lower.assign(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  if (atom_set) {
    atom_set->Match(lower, &found_atoms);
  } else {
    for (size_t i = 0; i < atoms.size(); ++i)
      if (lower.find(atoms[i]) != std::string::npos) found_atoms.push_back(static_cast<int>(i));
  }
  filter->AllPotentials(found_atoms, &ids);
  for (int id : ids) rules.push_back(rule_of_id[id]);
  std::sort(rules.begin(), rules.end());
  return rules;
}

}  // namespace bilik

// RulePack::RuleFilter: the rules a text may match (rule_pack.h).
#include "bilik/rule_pack.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <unordered_map>

namespace bilik {

std::vector<int> RulePack::RuleFilter::atoms_in(std::string_view text) const {
  std::vector<int> found;
  if (scanner) scanner->scan(text, found);  // none for a filter of no rules
  return found;
}

std::array<std::vector<int>, 2> RulePack::relation_atoms_in(std::string_view text) const {
  std::array<std::vector<int>, 2> found;
  if (!relation_atoms) return found;
  relation_atoms->scan(text, found[0]);  // ascending: the first filter's atoms, then the second's
  const int split = static_cast<int>(relation_filters[0].atoms.size());
  const auto second = std::lower_bound(found[0].begin(), found[0].end(), split);
  for (auto it = second; it != found[0].end(); ++it) found[1].push_back(*it - split);
  found[0].erase(second, found[0].end());
  return found;
}

namespace {

// The rules each set of atoms lets through, remembered per thread and per
// filter: FilteredRE2 walks its whole tree of atoms for every set, and
// sentences repeat sets. A weak pointer names the filter remembered for (its
// control block outlives the filter, so no later filter is mistaken for it).
class RulesForAtoms {
 public:
  bool remembers(const std::shared_ptr<re2::FilteredRE2>& filter) const {
    return !owner_.expired() && !owner_.owner_before(filter) && !filter.owner_before(owner_);
  }
  void reset(const std::shared_ptr<re2::FilteredRE2>& filter) {
    rules_.clear();
    owner_ = filter;
  }
  const std::vector<int>* find(const std::vector<int>& atoms) const {
    auto it = rules_.find(atoms);
    return it == rules_.end() ? nullptr : &it->second;
  }
  void add(const std::vector<int>& atoms, const std::vector<int>& rules) {
    if (rules_.size() >= kMaxSets) rules_.clear();
    rules_.emplace(atoms, rules);
  }

 private:
  static constexpr size_t kMaxSets = 1 << 14;
  struct Hash {
    size_t operator()(const std::vector<int>& atoms) const {
      uint64_t h = 14695981039346656037ull;  // FNV-1a over the atom ids
      for (int a : atoms) h = (h ^ static_cast<uint32_t>(a)) * 1099511628211ull;
      return static_cast<size_t>(h);
    }
  };
  std::weak_ptr<re2::FilteredRE2> owner_;
  std::unordered_map<std::vector<int>, std::vector<int>, Hash> rules_;
};

}  // namespace

std::vector<int> RulePack::RuleFilter::rules_for(const std::vector<int>& found_atoms) const {
  std::vector<int> rules;
  if (!filter || filter->NumRegexps() == 0 || (found_atoms.empty() && !unfiltered)) return rules;
  // A pack has three filters (entities, relations in one and in two sentences).
  thread_local std::array<RulesForAtoms, 3> memories;
  thread_local size_t next = 0;
  RulesForAtoms* memory = nullptr;
  for (RulesForAtoms& m : memories)
    if (m.remembers(filter)) memory = &m;
  if (!memory) {
    memory = &memories[next];
    next = (next + 1) % memories.size();
    memory->reset(filter);
  }
  if (const std::vector<int>* known = memory->find(found_atoms)) return *known;
  thread_local std::vector<int> ids;
  ids.clear();
  const auto short_atoms = short_guard ? std::lower_bound(found_atoms.begin(), found_atoms.end(), short_guard->first_atom)
                                       : found_atoms.end();
  if (short_atoms == found_atoms.end()) filter->AllPotentials(found_atoms, &ids);
  else filter->AllPotentials(std::vector<int>(found_atoms.begin(), short_atoms), &ids);
  for (int id : ids) rules.push_back(rule_of_id[id]);
  std::sort(rules.begin(), rules.end());
  if (short_guard) {  // the rules only a short atom guards, dropped when the text has none of theirs
    std::vector<int> found_short, passed_ids, passed;
    for (auto it = short_atoms; it != found_atoms.end(); ++it) found_short.push_back(*it - short_guard->first_atom);
    short_guard->filter->AllPotentials(found_short, &passed_ids);
    for (int id : passed_ids) passed.push_back(short_guard->rule_of_id[id]);
    std::sort(passed.begin(), passed.end());
    std::erase_if(rules, [&](int rule) {
      return std::binary_search(short_guard->guarded.begin(), short_guard->guarded.end(), rule) &&
             !std::binary_search(passed.begin(), passed.end(), rule);
    });
  }
  memory->add(found_atoms, rules);
  return rules;
}

}  // namespace bilik

// Private to the extractor: a rule pack's relation rules, inferences and
// entity rules read from its rule files (rule_pack.cc reads the rest). The
// two kinds fill different filters, so their patterns compile side by side,
// relation rules in a second thread: RE2's compiling is most of a pack's
// loading. A failure is the one a single pass over the files, in order,
// would meet first: a rule's own problem, JSON of the wrong shape, or an id
// an earlier rule has.
//
//   if (Status s = read_rules(files, defines, root, pack); !s) return s.error();
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "bilik/result.h"
#include "bilik/rule_pack.h"

namespace bilik {

using RuleFiles = std::vector<std::pair<std::string, nlohmann::json>>;  // path, contents
using Defines = std::map<std::string, std::string>;

// Into `pack`: the rules, entity rules sorted by stage, and all three
// filters finished. `root` is the pack's directory.
Status read_rules(const RuleFiles& files, const Defines& defines, const std::filesystem::path& root, RulePack& pack);

}  // namespace bilik

// Private to the extractor: a relation rule or an inference read from a rule
// file, its types checked against the predicate vocabulary.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "bilik/relations.h"
#include "bilik/result.h"
#include "bilik/rule_pack.h"

namespace bilik {

Result<RelationRule> parse_relation_rule(const nlohmann::json& node, const std::string& file,
                                         const std::map<std::string, std::string>& defines,
                                         RulePack::RuleFilter (&filters)[2]);
Result<Inference> parse_inference(const nlohmann::json& node, const std::string& file);

}  // namespace bilik

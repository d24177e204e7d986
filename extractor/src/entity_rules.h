// Private to the extractor: an entity rule read from a rule file, and the
// pattern shapes the entity matcher runs faster (a pattern that opens with
// a listed word, or that is one capitalised group).
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "bilik/result.h"
#include "bilik/rule_pack.h"

namespace bilik {

Result<EntityRule> parse_rule(const nlohmann::json& node, const std::string& file,
                              const std::map<std::string, std::string>& defines,
                              const std::shared_ptr<re2::FilteredRE2>& filter);
// True when every match of `p` starts with group `group`, written
// "(?P<group>\p{L}+)", taken once.
bool opens_with_letters(const std::string& p, const std::string& group);
// True when every match of `p` starts with a letter or a digit: each of its
// alternatives opens with an element taken at least once that is one (a
// letter or digit, "\\p{L}", "\\p{N}", "\\d", a class of only these) or a
// group whose alternatives all do.
bool opens_with_word_char(const std::string& p);
// True when the pattern is group `group` and nothing else.
bool is_whole_pattern(const std::string& p, const std::string& group);

}  // namespace bilik

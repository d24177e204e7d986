// Private to the extractor: reading a rule pack's files. Each file's text
// with its path, JSON that names the file, line and column of a syntax
// error, {NAME} defines expanded, unknown keys refused, and a rule's pattern
// compiled inside the filter that picks the rules a text can match.
// entity_rules.h and relation_rules.h parse the rule kinds with these;
// rule_pack.cc reads the manifest.
#pragma once

#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <filesystem>
#include <initializer_list>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "bilik/result.h"

namespace bilik {

struct FileText {
  std::string path, text;
};

Result<FileText> read_file(const std::filesystem::path& path);
Result<nlohmann::json> parse_json(const FileText& file);
// Replaces {NAME} with (?:definition), recursively; RE2 counted repetitions
// ({2}, {1,8}) start with a digit and are left alone.
Result<std::string> expand(const std::string& pattern, const std::map<std::string, std::string>& defines,
                           int depth = 0);
// Every key of an object must be one the loader reads ("about" is a comment
// anywhere): a misspelt key is an error naming it. `where` names the file
// and the rule.
Status known_keys(const nlohmann::json& node, std::initializer_list<std::string_view> known, const std::string& where);
// The strings of an array member, or none.
std::vector<std::string> strings(const nlohmann::json& node, const char* key);
// A rule's pattern with its defines expanded, compiled once, inside the
// filter that will pick the rules a text can match (the filter owns it).
Result<std::shared_ptr<const RE2>> compile_pattern(const nlohmann::json& node,
                                                   const std::map<std::string, std::string>& defines,
                                                   re2::FilteredRE2& filter,
                                                   const std::shared_ptr<re2::FilteredRE2>& owner);

}  // namespace bilik

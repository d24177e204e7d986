// A small option parser shared by the subcommands: --name VALUE, --flag,
// and positional arguments, with a clear error for anything unknown.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "bilik/result.h"

namespace bilik::cli {

struct ParsedOptions {
  std::map<std::string, std::vector<std::string>> values;  // --name VALUE (repeatable)
  std::set<std::string> flags;                              // --flag
  std::vector<std::string> positional;

  std::string get(const std::string& name, const std::string& fallback = "") const {
    auto it = values.find(name);
    return it == values.end() || it->second.empty() ? fallback : it->second.back();
  }
  bool has(const std::string& flag) const { return flags.count(flag) > 0; }
};

Result<ParsedOptions> parse_options(const std::vector<std::string>& args, const std::set<std::string>& with_value,
                                    const std::set<std::string>& flags);

}  // namespace bilik::cli

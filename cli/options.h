// A small option parser shared by the subcommands: --name VALUE,
// --name=VALUE, --flag, and positional arguments. `-h` stands for --help
// and `-o` for --output wherever the command takes them; "-" alone is a
// positional (standard input or output) and "--" ends the options. Any
// other argument that starts with '-' is an unknown option, so a mistyped
// option is never read as a file name.
//
//   auto opts = parse_options(args, {"--db", "--output"}, {"--help"});
//   if (!opts) return usage_error("export", opts.error());
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
  bool given(const std::string& name) const { return values.count(name) > 0; }
  bool has(const std::string& flag) const { return flags.count(flag) > 0; }
};

Result<ParsedOptions> parse_options(const std::vector<std::string>& args, const std::set<std::string>& with_value,
                                    const std::set<std::string>& flags);

// Reports a usage error the way every command does: one line naming the bad
// argument, then where the help is. Returns 2, the usage exit status.
int usage_error(const std::string& command, const std::string& message);

}  // namespace bilik::cli

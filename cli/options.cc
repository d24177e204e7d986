#include "options.h"

#include <spdlog/spdlog.h>

#include <cstdio>

namespace bilik::cli {
namespace {

// The short spellings and the long options they stand for.
std::string long_name(const std::string& arg) {
  if (arg == "-h") return "--help";
  if (arg == "-o") return "--output";
  return arg;
}

}  // namespace

Result<ParsedOptions> parse_options(const std::vector<std::string>& args, const std::set<std::string>& with_value,
                                    const std::set<std::string>& flags) {
  ParsedOptions out;
  bool only_positional = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (only_positional || a == "-" || a.empty() || a[0] != '-') {
      out.positional.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    std::string name = long_name(a), value;
    const bool inline_value = a.rfind("--", 0) == 0 && a.find('=') != std::string::npos;
    if (inline_value) {
      name = a.substr(0, a.find('='));
      value = a.substr(a.find('=') + 1);
    }
    if (with_value.count(name)) {
      if (!inline_value) {
        if (i + 1 >= args.size()) return Result<ParsedOptions>::failure(a + " needs a value");
        value = args[++i];
      }
      out.values[name].push_back(value);
    } else if (flags.count(name) && !inline_value) {
      out.flags.insert(name);
    } else {
      return Result<ParsedOptions>::failure("unknown option " + (inline_value ? name : a));
    }
  }
  return out;
}

int usage_error(const std::string& command, const std::string& message) {
  spdlog::error("{}: {}", command, message);
  std::fprintf(stderr, "try 'bilik %s --help'\n", command.c_str());
  return 2;
}

}  // namespace bilik::cli

#include "options.h"

namespace bilik::cli {

Result<ParsedOptions> parse_options(const std::vector<std::string>& args, const std::set<std::string>& with_value,
                                    const std::set<std::string>& flags) {
  ParsedOptions out;
  bool only_positional = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (only_positional || a == "-" || a.rfind("--", 0) != 0) {
      out.positional.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    std::string name = a, value;
    const bool inline_value = a.find('=') != std::string::npos;
    if (inline_value) {
      name = a.substr(0, a.find('='));
      value = a.substr(a.find('=') + 1);
    }
    if (with_value.count(name)) {
      if (!inline_value) {
        if (i + 1 >= args.size()) return Result<ParsedOptions>::failure(name + " needs a value");
        value = args[++i];
      }
      out.values[name].push_back(value);
    } else if (flags.count(name) && !inline_value) {
      out.flags.insert(name);
    } else {
      return Result<ParsedOptions>::failure("unknown option " + name);
    }
  }
  return out;
}

}  // namespace bilik::cli

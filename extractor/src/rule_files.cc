#include "rule_files.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "bilik/utf8.h"

namespace bilik {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Line and column of a byte offset, for JSON syntax errors.
std::string place(const std::string& text, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

Result<FileText> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Result<FileText>::failure(path.string() + ": cannot open");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return FileText{path.string(), buffer.str()};
}

Result<json> parse_json(const FileText& file) {
  try {
    return json::parse(file.text);
  } catch (const json::parse_error& e) {
    return Result<json>::failure(file.path + ":" + place(file.text, e.byte ? e.byte - 1 : 0) +
                                 ": JSON syntax error: " + e.what());
  }
}

// Replaces {NAME} with (?:definition), recursively; RE2 counted repetitions
// ({2}, {1,8}) start with a digit and are left alone.
Result<std::string> expand(const std::string& pattern, const std::map<std::string, std::string>& defines,
                           int depth) {
  if (depth > 16) return Result<std::string>::failure("defines nest too deeply (a cycle?)");
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      size_t len = 2;  // an escape; \p{L} and \P{Lu} keep their braces
      if ((pattern[i + 1] == 'p' || pattern[i + 1] == 'P') && i + 2 < pattern.size() && pattern[i + 2] == '{') {
        const size_t close = pattern.find('}', i);
        if (close != std::string::npos) len = close - i + 1;
      }
      out += pattern.substr(i, len);
      i += len - 1;
      continue;
    }
    if (pattern[i] == '{' && i + 1 < pattern.size() && (std::isupper(static_cast<unsigned char>(pattern[i + 1])) ||
                                                       pattern[i + 1] == '_')) {
      const size_t close = pattern.find('}', i);
      if (close == std::string::npos) return Result<std::string>::failure("unclosed {" + pattern.substr(i + 1));
      const std::string name = pattern.substr(i + 1, close - i - 1);
      auto it = defines.find(name);
      if (it == defines.end()) return Result<std::string>::failure("unknown define {" + name + "}");
      auto inner = expand(it->second, defines, depth + 1);
      if (!inner) return inner;
      out += "(?:" + *inner + ")";
      i = close;
      continue;
    }
    out += pattern[i];
  }
  return out;
}

// Every key of an object must be one the loader reads ("about" is a comment
// anywhere): a misspelt key ("patern", "priorty") is an error naming it,
// never an option silently ignored. `where` names the file and the rule.
Status known_keys(const json& node, std::initializer_list<std::string_view> known, const std::string& where) {
  if (!node.is_object()) return Status::failure(where + "expected a JSON object, found " + node.type_name());
  for (const auto& [key, value] : node.items()) {
    if (key == "about" || std::find(known.begin(), known.end(), std::string_view(key)) != known.end()) continue;
    std::string closest, all;
    size_t best = 3;
    for (std::string_view k : known) {
      all += (all.empty() ? "" : ", ") + std::string(k);
      if (const size_t d = edit_distance(key, k); d < best) best = d, closest = k;
    }
    return Status::failure(where + "unknown key '" + key + "' (" +
                           (closest.empty() ? "known keys: " + all : "did you mean '" + closest + "'?") + ")");
  }
  return {};
}

std::vector<std::string> strings(const json& node, const char* key) {
  std::vector<std::string> out;
  if (node.contains(key))
    for (const auto& v : node.at(key)) out.push_back(v.get<std::string>());
  return out;
}

// A rule's pattern with its defines expanded, compiled once, inside the
// filter that will pick the rules a text can match (the filter owns it).
Result<std::shared_ptr<const RE2>> compile_pattern(const json& node, const std::map<std::string, std::string>& defines,
                                                   re2::FilteredRE2& filter,
                                                   const std::shared_ptr<re2::FilteredRE2>& owner) {
  const std::string source = node.at("pattern").get<std::string>();
  if (source.empty())
    return Result<std::shared_ptr<const RE2>>::failure("the pattern is empty (it would match everywhere)");
  auto pattern = expand(source, defines);
  if (!pattern) return Result<std::shared_ptr<const RE2>>::failure(pattern.error());
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(static_cast<int64_t>(node.value("max_mem_mb", 64)) << 20);
  int id = -1;
  if (filter.Add(*pattern, options, &id) != RE2::NoError) {
    const RE2 failed(*pattern, options);  // only to read RE2's message
    std::string message = "RE2: " + failed.error();
    if (failed.error_code() == RE2::ErrorPatternTooLarge)
      message += " (over the rule's memory budget of " + std::to_string(options.max_mem() >> 20) +
                 " MB; \"max_mem_mb\" on the rule raises it)";
    return Result<std::shared_ptr<const RE2>>::failure(message);
  }
  return std::shared_ptr<const RE2>(owner, &filter.GetRE2(id));
}

}  // namespace bilik

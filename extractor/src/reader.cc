#include "bilik/reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unistd.h>
#include <sstream>

#include "bilik/sources.h"

namespace bilik {
namespace {

namespace fs = std::filesystem;

bool wanted(const fs::path& p) { return is_readable_name(p.filename().string()); }

std::string trim(std::string s) {
  const size_t a = s.find_first_not_of(" \t\r\n");
  const size_t b = s.find_last_not_of(" \t\r\n");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

// True when `path` is `root` or lies below it (both canonical).
bool inside(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p)
    if (p == path.end() || *p != *r) return false;
  return true;
}

}  // namespace

std::vector<std::string> list_inputs(const std::vector<std::string>& inputs, std::vector<InputError>& errors) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    if (input == "-") {
      files.push_back(input);
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
      errors.push_back({input, "no such file or folder"});
      continue;
    }
    if (!fs::is_directory(status)) {
      files.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    const fs::path root = fs::weakly_canonical(fs::absolute(input, ec), ec);
    fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      errors.push_back({input, "cannot list the folder: " + ec.message()});
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        errors.push_back({it->path().string(), "cannot list: " + ec.message()});
        ec.clear();
        continue;
      }
      std::error_code fe;
      if (it->is_symlink(fe) && !it->is_directory(fe) && wanted(it->path())) {
        // A link may point anywhere (/etc/passwd): only targets inside the
        // folder are read as part of it.
        const fs::path target = fs::weakly_canonical(fs::absolute(it->path(), fe), fe);
        if (!fe && !inside(target, root)) {
          errors.push_back({it->path().string(), "a symbolic link to " + target.string() + ", outside " + input +
                                                     "; not read (name the file itself to read it)"});
          continue;
        }
      }
      if (it->is_directory(fe)) {
        if (::access(it->path().c_str(), R_OK | X_OK) != 0)
          errors.push_back({it->path().string(), "cannot read the folder (permission denied)"});
        continue;
      }
      if (it->is_regular_file(fe) && wanted(it->path())) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

Result<Document> read_document(const std::string& path) {
  std::string bytes;
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    bytes = buffer.str();
  } else {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return Result<Document>::failure(path + ": is a folder");
    std::ifstream in(path, std::ios::binary);
    if (!in) return Result<Document>::failure(path + ": cannot open (missing or unreadable)");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return Result<Document>::failure(path + ": read error");
    bytes = buffer.str();
  }
  return parse_document(path, std::move(bytes));
}

}  // namespace bilik

namespace bilik {

Result<std::map<std::string, Metadata>> load_metadata_tsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Result<std::map<std::string, Metadata>>::failure(path + ": cannot open the metadata file");
  std::string line;
  std::vector<std::string> header;
  auto split_tabs = [](const std::string& l) {
    std::vector<std::string> cols;
    std::istringstream s(l);
    std::string c;
    while (std::getline(s, c, '\t')) cols.push_back(trim(c));
    return cols;
  };
  if (!std::getline(in, line)) return Result<std::map<std::string, Metadata>>::failure(path + ": empty metadata file");
  header = split_tabs(line);
  const auto col = [&](const char* name) -> int {
    for (size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return static_cast<int>(i);
    return -1;
  };
  const int file = col("file"), title = col("title"), published = col("published"), url = col("url");
  if (file < 0) return Result<std::map<std::string, Metadata>>::failure(path + ":1: the header has no 'file' column");
  std::map<std::string, Metadata> index;
  while (std::getline(in, line)) {
    const auto cols = split_tabs(line);
    auto get = [&](int c) { return c >= 0 && c < static_cast<int>(cols.size()) ? cols[c] : std::string(); };
    Metadata m{get(title), get(published), get(url)};
    const bool iso = m.published.size() >= 4 && std::all_of(m.published.begin(), m.published.begin() + 4, ::isdigit);
    if (!iso) m.published.clear();
    if (!get(file).empty()) index[fs::path(get(file)).filename().string()] = m;
  }
  return index;
}

void apply_metadata(Document& doc, const std::map<std::string, Metadata>& index) {
  auto it = index.find(fs::path(doc.uri).filename().string());
  if (it == index.end()) return;
  if (doc.published.empty()) doc.published = it->second.published;
  if (!it->second.title.empty()) doc.title = it->second.title;
  if (doc.url.empty()) doc.url = it->second.url;
}

}  // namespace bilik

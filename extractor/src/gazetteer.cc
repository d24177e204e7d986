#include "bilik/gazetteer.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>

#include "bilik/stop.h"

namespace bilik {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t at = s.find(sep, start);
    parts.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return parts;
}

// Only spaces, hyphens and a line break (page breaks split names in
// archived text) may separate the words of one name.
bool joins_name(const std::string& text, size_t from, size_t to) {
  if (to <= from || to - from > 4) return false;
  for (size_t i = from; i < to; ++i)
    if (text[i] != ' ' && text[i] != '-' && text[i] != '\n') return false;
  return true;
}

}  // namespace

uint32_t Gazetteer::add_entry(std::string canonical, EntityType type, std::string_view file) {
  if (files_.empty() || files_.back() != file) {
    auto known = std::find(files_.begin(), files_.end(), file);
    if (known == files_.end()) {
      known = files_.insert(files_.end(), std::string(file));
      const size_t slash = file.rfind('/');  // the rule names the file, not its folder
      rules_.push_back("gazetteer:" + std::string(slash == std::string_view::npos ? file : file.substr(slash + 1)));
    }
    entries_.push_back({std::move(canonical), type, static_cast<uint32_t>(known - files_.begin())});
  } else {
    entries_.push_back({std::move(canonical), type, static_cast<uint32_t>(files_.size() - 1)});
  }
  return static_cast<uint32_t>(entries_.size() - 1);
}

bool Gazetteer::add_name(std::string_view name, uint32_t entry) {
  std::string key = fold_key(name);
  if (key.empty()) return false;
  add_keys({std::move(key)}, {entry});
  return true;
}

void Gazetteer::add_keys(const std::vector<std::string>& keys, const std::vector<uint32_t>& entries) {
  std::vector<std::string_view> paths;
  std::vector<uint32_t> path_entries;
  for (size_t i = 0; i < keys.size(); ++i)
    if (!keys[i].empty()) {
      paths.push_back(keys[i]);
      path_entries.push_back(entries[i]);
    }
  const std::vector<uint32_t> nodes = trie_.add_paths(paths);
  if (entry_at_.size() < trie_.nodes()) entry_at_.resize(trie_.nodes(), -1);
  for (size_t i = 0; i < paths.size(); ++i) {
    if (entry_at_[nodes[i]] < 0) entry_at_[nodes[i]] = static_cast<int32_t>(path_entries[i]);
    first_words_.add(paths[i].substr(0, paths[i].find(' ')));
    max_words_ = std::max<size_t>(max_words_, std::count(paths[i].begin(), paths[i].end(), ' ') + 1);
  }
  names_ += paths.size();
}

std::optional<uint32_t> Gazetteer::lookup(std::string_view key) const {
  if (entry_at_.empty() || key.empty()) return std::nullopt;
  uint32_t node = WordTrie::kRoot;
  for (std::string_view word : split(key, ' ')) {
    auto next = trie_.child(node, word);
    if (!next) return std::nullopt;
    node = *next;
  }
  if (entry_at_[node] < 0) return std::nullopt;
  return static_cast<uint32_t>(entry_at_[node]);
}

Status Gazetteer::load_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Status::failure(path + ": cannot open the gazetteer");
  std::string content(static_cast<size_t>(std::max<std::streamoff>(0, in.tellg())), '\0');
  in.seekg(0);
  if (!in.read(content.data(), static_cast<std::streamsize>(content.size())))
    return Status::failure(path + ": cannot read the gazetteer");
  try {
    return add_tsv(path, content);
  } catch (const std::length_error& e) {
    return Status::failure(path + ": the gazetteer is too large (" + e.what() + ")");
  }
}

Status Gazetteer::add_tsv(const std::string& path, std::string_view content) {
  const size_t lines = static_cast<size_t>(std::count(content.begin(), content.end(), '\n')) + 1;
  entries_.reserve(entries_.size() + lines);
  trie_.reserve(lines * 2);  // about two words a name
  std::vector<std::string> keys;  // names go into the trie a batch at a time (WordTrie::add_paths)
  std::vector<uint32_t> key_entries;
  auto add = [&](std::string key, uint32_t entry) {
    keys.push_back(std::move(key));
    key_entries.push_back(entry);
    if (keys.size() < 512) return;
    add_keys(keys, key_entries);
    keys.clear();
    key_entries.clear();
  };
  size_t line_no = 0;
  for (size_t from = 0; from < content.size();) {
    const size_t newline = std::min(content.find('\n', from), content.size());
    std::string_view line = content.substr(from, newline - from);
    from = newline + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::string_view cols[3];  // name, type, aliases; more columns are ignored
    size_t count = 0;
    for (size_t start = 0; count < 3 && start <= line.size(); ++count) {
      const size_t tab = std::min(line.find('\t', start), line.size());
      cols[count] = line.substr(start, tab - start);
      start = tab + 1;
    }
    if (count < 2)
      return Status::failure(path + ":" + std::to_string(line_no) + ": expected 'name<TAB>TYPE[<TAB>aliases]'");
    const auto type = parse_type(cols[1]);
    if (!type)
      return Status::failure(path + ":" + std::to_string(line_no) + ": unknown type '" + std::string(cols[1]) +
                             "' (PERSON, STATE, ORGANIZATION, TREATY, LOCATION)");
    std::string key = fold_key(cols[0]);
    if (key.empty()) return Status::failure(path + ":" + std::to_string(line_no) + ": the name has no letters");
    const uint32_t id = add_entry(std::string(cols[0]), *type, path);
    add(std::move(key), id);
    if (count > 2 && !cols[2].empty())
      for (std::string_view alias : split(cols[2], '|'))
        if (std::string alias_key = fold_key(alias); !alias_key.empty()) add(std::move(alias_key), id);
  }
  add_keys(keys, key_entries);
  return {};
}

std::vector<GazetteerMatch> Gazetteer::scan(const FoldedText& f, const std::vector<Word>& words,
                                            const Morphology& morphology,
                                            const WordSet* common_words) const {
  std::vector<GazetteerMatch> matches;
  if (entry_at_.empty()) return matches;
  auto word_text = [&](size_t i) {
    return std::string_view(f.text).substr(words[i].start, words[i].end - words[i].start);
  };
  for (size_t i = 0; i < words.size() && ((i & 0xFFF) != 0 || !stop_requested()); ++i) {
    // A sentence's first word may be a common word ("İlham"): it starts a
    // name only when the name goes on past it ("İlham Əliyev").
    const bool opens_sentence = !words[i].capitalized && words[i].opens_sentence;
    // A name's first word, or a stem of it (two letters at least), opens
    // with the word's first two bytes.
    if ((!words[i].capitalized && !opens_sentence) || !first_words_.may_open(word_text(i)) ||
        (words[i].glued && morphology.is_suffix_chain(word_text(i), nullptr)))
      continue;
    uint32_t node = 0;
    GazetteerMatch best;
    bool found = false;
    for (size_t j = i; j < words.size() && j - i < max_words_; ++j) {
      if (j > i && !joins_name(f.text, words[j - 1].end, words[j].start)) break;
      const std::string_view w = word_text(j);
      std::optional<bool> common;  // asked only of a stem that ends an entry
      for (const SuffixReading& r : morphology.readings(w, {.harmony = false, .min_slot = 1, .min_stem_chars = 2})) {
        auto next = trie_.child(node, w.substr(0, r.stem_bytes));
        if (!next || entry_at_[*next] < 0) continue;
        // A suffix cut on a word the lexicon knows must leave a word it knows:
        // "Limanı" is not "Lima" + "nı"; "qrupunun" is "qrupu" + "nun".
        if (r.stem_bytes < w.size() && common_words) {
          if (!common) common = common_words->contains(w);
          if (*common && !common_words->contains(w.substr(0, r.stem_bytes))) continue;
        }
        best = {static_cast<uint32_t>(entry_at_[*next]), i, j, words[i].start, words[j].start + r.stem_bytes,
                words[j].end, r.gram_case};
        found = true;
        break;
      }
      auto next = trie_.child(node, w);
      if (!next) break;
      node = *next;
    }
    if (!found || (opens_sentence && best.last_word == i)) continue;
    // A suffix glued after a hyphen or quote: "ABŞ-ın", "“LXR”in".
    const size_t after = best.last_word + 1;
    if (best.stem_end == best.end && after < words.size() && words[after].glued) {
      std::string gram_case;
      if (morphology.is_suffix_chain(word_text(after), &gram_case)) {
        best.end = words[after].end;
        best.gram_case = gram_case;
      }
    }
    matches.push_back(best);
  }
  return matches;
}

}  // namespace bilik

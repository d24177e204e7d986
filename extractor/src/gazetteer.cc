#include "bilik/gazetteer.h"

#include <cstring>
#include <fstream>

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

std::string make_edge(uint32_t node, std::string_view word) {
  std::string key(4 + word.size(), '\0');
  std::memcpy(key.data(), &node, 4);
  std::memcpy(key.data() + 4, word.data(), word.size());
  return key;
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

uint32_t Gazetteer::add_entry(GazetteerEntry entry) {
  entries_.push_back(std::move(entry));
  return static_cast<uint32_t>(entries_.size() - 1);
}

std::optional<uint32_t> Gazetteer::child(uint32_t node, std::string_view word) const {
  thread_local std::string key;  // reused: no allocation per lookup
  key.resize(4 + word.size());
  std::memcpy(key.data(), &node, 4);
  std::memcpy(key.data() + 4, word.data(), word.size());
  auto it = edges_.find(key);
  if (it == edges_.end()) return std::nullopt;
  return it->second;
}

uint32_t Gazetteer::add_child(uint32_t node, std::string_view word) {
  if (entry_at_.empty()) entry_at_.push_back(-1);  // the root
  auto [it, inserted] = edges_.try_emplace(make_edge(node, word), static_cast<uint32_t>(entry_at_.size()));
  if (inserted) entry_at_.push_back(-1);
  return it->second;
}

bool Gazetteer::add_name(std::string_view name, uint32_t entry) {
  const std::string key = fold_key(name);
  if (key.empty()) return false;
  uint32_t node = 0;
  size_t words = 0;
  for (std::string_view word : split(key, ' ')) {
    node = add_child(node, word);
    ++words;
  }
  if (entry_at_[node] < 0) entry_at_[node] = static_cast<int32_t>(entry);
  max_words_ = std::max(max_words_, words);
  ++names_;
  return true;
}

std::optional<uint32_t> Gazetteer::lookup(std::string_view key) const {
  if (entry_at_.empty() || key.empty()) return std::nullopt;
  uint32_t node = 0;
  for (std::string_view word : split(key, ' ')) {
    auto next = child(node, word);
    if (!next) return std::nullopt;
    node = *next;
  }
  if (entry_at_[node] < 0) return std::nullopt;
  return static_cast<uint32_t>(entry_at_[node]);
}

Status Gazetteer::load_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::failure(path + ": cannot open the gazetteer");
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const auto cols = split(line, '\t');
    if (cols.size() < 2)
      return Status::failure(path + ":" + std::to_string(line_no) + ": expected 'name<TAB>TYPE[<TAB>aliases]'");
    const auto type = parse_type(cols[1]);
    if (!type)
      return Status::failure(path + ":" + std::to_string(line_no) + ": unknown type '" + std::string(cols[1]) +
                             "' (PERSON, STATE, ORGANIZATION, TREATY, LOCATION)");
    const uint32_t id = add_entry({std::string(cols[0]), *type, path});
    if (!add_name(cols[0], id))
      return Status::failure(path + ":" + std::to_string(line_no) + ": the name has no letters");
    if (cols.size() > 2 && !cols[2].empty())
      for (std::string_view alias : split(cols[2], '|')) add_name(alias, id);
  }
  return {};
}

std::vector<GazetteerMatch> Gazetteer::scan(const FoldedText& f, const std::vector<Word>& words,
                                            const Morphology& morphology,
                                            const std::unordered_set<std::string>* common_words) const {
  std::vector<GazetteerMatch> matches;
  if (entry_at_.empty()) return matches;
  auto word_text = [&](size_t i) {
    return std::string_view(f.text).substr(words[i].start, words[i].end - words[i].start);
  };
  for (size_t i = 0; i < words.size() && ((i & 0xFFF) != 0 || !stop_requested()); ++i) {
    // A sentence's first word may be a common word ("İlham"): it starts a
    // name only when the name goes on past it ("İlham Əliyev").
    const bool opens_sentence = !words[i].capitalized && words[i].opens_sentence;
    if ((!words[i].capitalized && !opens_sentence) ||
        (words[i].glued && morphology.is_suffix_chain(word_text(i), nullptr)))
      continue;
    uint32_t node = 0;
    GazetteerMatch best;
    bool found = false;
    for (size_t j = i; j < words.size() && j - i < max_words_; ++j) {
      if (j > i && !joins_name(f.text, words[j - 1].end, words[j].start)) break;
      const std::string_view w = word_text(j);
      const bool common = common_words && common_words->count(std::string(w));
      for (const SuffixReading& r : morphology.readings(w, {.harmony = false, .min_slot = 1, .min_stem_chars = 2})) {
        // A suffix cut on a word the lexicon knows must leave a word it knows:
        // "Limanı" is not "Lima" + "nı"; "qrupunun" is "qrupu" + "nun".
        if (common && r.stem_bytes < w.size() && !common_words->count(std::string(w.substr(0, r.stem_bytes)))) continue;
        auto next = child(node, w.substr(0, r.stem_bytes));
        if (!next || entry_at_[*next] < 0) continue;
        best = {static_cast<uint32_t>(entry_at_[*next]), i, j, words[i].start, words[j].start + r.stem_bytes,
                words[j].end, r.gram_case};
        found = true;
        break;
      }
      auto next = child(node, w);
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

// Known names, matched in one pass over the words of a text.
//
// Gazetteers are TSV files (name, TYPE, aliases separated by '|'; '#'
// comments). Every name and alias is folded (fold_key) into a word sequence
// and inserted in one word trie shared by all files (word_trie.h), so loading
// is linear in the size of the files and a scan costs two integer-keyed
// look-ups per word per name length, whatever the number of names. The last word of a name may carry case suffixes ("Türkiyəyə",
// "Rusiya Federasiyasının"), also glued after a hyphen or quote ("ABŞ-ın",
// "“LXR”in"). The first word of a match must be capitalised in the text.
//
//   Gazetteer g;  g.load_file("data/az/gazetteer/states.tsv");
//   for (const GazetteerMatch& m : g.scan(folded, words, morphology)) ...
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bilik/entity_type.h"
#include "bilik/folded_text.h"
#include "bilik/morphology.h"
#include "bilik/opening_bytes.h"
#include "bilik/result.h"
#include "bilik/segmenter.h"
#include "bilik/word_set.h"
#include "bilik/word_trie.h"

namespace bilik {

struct GazetteerEntry {
  std::string canonical;
  EntityType type = EntityType::Location;
  uint32_t file = 0;  // Gazetteer::file(): where the entry was read
};

struct GazetteerMatch {
  uint32_t entry = 0;
  size_t first_word = 0, last_word = 0;  // inclusive word range of the name
  size_t start = 0, stem_end = 0, end = 0;  // folded bytes: name [start, stem_end), suffixes to end
  std::string gram_case = "nominative";
};

class Gazetteer {
 public:
  Status load_file(const std::string& path);
  // Adds one name for an entry; returns false when the name folds to nothing.
  bool add_name(std::string_view name, uint32_t entry);
  // Adds names already folded (fold_key), keys[i] for entries[i] (the two
  // of one size), in one pass over the trie; an empty key is skipped, and
  // the first entry given a name keeps it.
  void add_keys(const std::vector<std::string>& keys, const std::vector<uint32_t>& entries);
  // A new entry read from `file` (a path, or a word such as "document").
  uint32_t add_entry(std::string canonical, EntityType type, std::string_view file);

  size_t entries() const { return entries_.size(); }
  size_t names() const { return names_; }
  const GazetteerEntry& entry(uint32_t id) const { return entries_[id]; }
  const std::string& file(const GazetteerEntry& entry) const { return files_[entry.file]; }
  // The rule a match of the entry is credited to: "gazetteer:" and its file's name ("gazetteer:states.tsv").
  const std::string& rule(const GazetteerEntry& entry) const { return rules_[entry.file]; }
  // The entry whose name or alias folds to `key`, if any.
  std::optional<uint32_t> lookup(std::string_view key) const;

  // A suffix never turns a common word into a name: with `common_words`, a
  // word the lexicon knows as written ("limanı") is read as a stem plus
  // suffixes only where the lexicon knows the stem too ("qrupu" + "nun",
  // never "Lima" + "nı").
  std::vector<GazetteerMatch> scan(const FoldedText& text, const std::vector<Word>& words,
                                   const Morphology& morphology,
                                   const WordSet* common_words = nullptr) const;

 private:
  // The lines of a gazetteer file read whole.
  Status add_tsv(const std::string& path, std::string_view content);

  std::vector<GazetteerEntry> entries_;
  std::vector<std::string> files_;
  std::vector<std::string> rules_;  // by file, as rule() gives them
  WordTrie trie_;
  OpeningBytes first_words_;  // of every name's first word: where a name may start
  std::vector<int32_t> entry_at_;  // trie node → entry or -1
  size_t names_ = 0;
  size_t max_words_ = 0;
};

}  // namespace bilik

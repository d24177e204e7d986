// Suffix analysis of Azerbaijani words, driven by data/az/morphology.json.
//
// A word is read as stem + suffixes in slot order (plural, possessive, case,
// relative -kı, ...). Every reading the suffix table allows is returned,
// longest stem first, the bare word first of all. A suffix is allowed only
// after the kind of stem it follows (vowel, consonant, possessive) and, when
// `harmony` is set, only where its vowels agree with the stem's last vowel;
// callers use harmony for unknown names and skip it for gazetteer stems, so
// "Aydın" is not cut to "Ayd" unless the text or a gazetteer knows "Ayd".
//
//   for (const SuffixReading& r : morph.readings("türkiyəyə", {.harmony = true}))
//     use(word.substr(0, r.stem_bytes), r.gram_case);   // "türkiyə", "dative"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bilik/result.h"

namespace bilik {

struct SuffixReading {
  size_t stem_bytes = 0;
  std::string gram_case = "nominative";  // case of the outermost case suffix
  bool plural = false;
  int suffixes = 0;  // how many suffixes were stripped
  std::string outer_suffix;  // the last suffix of the word, as written
};

struct ReadingOptions {
  bool harmony = true;
  int min_slot = 1;          // strip only suffixes of this slot or later
  size_t min_stem_chars = 2;
  bool operator==(const ReadingOptions&) const = default;
};

class Morphology {
 public:
  static Result<Morphology> load(const std::string& path);

  // Readings are remembered per thread: the reference stays valid through
  // at least the next 100,000 forms this thread asks about.
  const std::vector<SuffixReading>& readings(std::string_view word, ReadingOptions options) const;
  // True when `text` is nothing but a suffix chain ("nın", "ları", "dakı"),
  // as written after a hyphen or quote: "ANKA-nın", "“LXR”in".
  bool is_suffix_chain(std::string_view text, std::string* gram_case) const;
  // The word without a plural suffix: "memorandumlar" → "memorandum".
  std::string singular(std::string_view word) const;
  bool has_plural(std::string_view word) const;
  // A reading safe to apply to an unknown name: two or more suffixes, or an
  // outer suffix that starts with a consonant ("-nın", "-dan", "-la").
  // "Aydın" read as Ayd + ın is not.
  bool is_strong(const SuffixReading& reading) const;
  // True when `suffix` is also a possessive ending ("ı", "si"): an accusative
  // reading of it is ambiguous with a compound noun ("Təşkilatı").
  bool is_possessive_form(std::string_view suffix) const;

 private:
  struct Suffix {
    std::string form;
    std::string gram_case;
    int slot = 0;
    enum class After { Any, Vowel, Consonant, Possessive } after = After::Any;
    std::vector<std::string> after_forms;  // the stem must end in one of these, if any
    bool harmonic = true;                  // false: one form after every vowel ("-dək")
    std::u32string vowels;                 // the form's vowels, for harmony
  };
  std::vector<SuffixReading> compute_readings(std::string_view word, ReadingOptions options) const;
  void strip(std::string_view word, size_t end, int below_slot, bool harmony, size_t min_stem,
             int min_slot, SuffixReading reading, std::vector<SuffixReading>& out) const;
  bool allows(const Suffix& s, std::string_view stem, bool harmony) const;

  std::vector<Suffix> suffixes_;
  std::u32string vowels_;
  std::vector<std::pair<char32_t, std::u32string>> harmony_;  // last stem vowel → allowed suffix vowels
  std::vector<std::string> possessive_forms_;
  uint64_t id_ = 0;  // tells loaded morphologies apart in the readings cache
};

}  // namespace bilik

#include "bilik/morphology.h"

#include <algorithm>
#include <atomic>
#include <deque>
#include <fstream>
#include <nlohmann/json.hpp>

#include "bilik/utf8.h"
#include "remembered_forms.h"

namespace bilik {
namespace {

size_t char_count(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The code point ending at byte `end` (exclusive), and where it starts.
char32_t code_point_before(std::string_view s, size_t end, size_t& start) {
  start = end;
  while (start > 0 && (static_cast<unsigned char>(s[start - 1]) & 0xC0) == 0x80) --start;
  if (start > 0) --start;
  char32_t c = 0;
  decode_utf8(s, start, c);
  return c;
}

}  // namespace

Result<Morphology> Morphology::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Result<Morphology>::failure(path + ": cannot open the morphology file");
  nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded() || !doc.is_object())
    return Result<Morphology>::failure(path + ": not valid JSON");
  Morphology m;
  static std::atomic<uint64_t> loaded{0};
  m.id_ = ++loaded;
  try {
    m.vowels_ = code_points(doc.at("vowels").get<std::string>());
    for (auto& [vowel, allowed] : doc.at("harmony").items()) {
      const std::u32string v = code_points(vowel);
      if (v.size() != 1) return Result<Morphology>::failure(path + ": harmony key '" + vowel + "' is not one letter");
      m.harmony_.emplace_back(v[0], code_points(allowed.get<std::string>()));
    }
    for (const auto& s : doc.at("suffixes")) {
      Suffix suffix;
      suffix.form = s.at("form").get<std::string>();
      suffix.gram_case = s.at("case").get<std::string>();
      suffix.slot = s.at("slot").get<int>();
      const std::string after = s.value("after", "any");
      if (after == "vowel") suffix.after = Suffix::After::Vowel;
      else if (after == "consonant") suffix.after = Suffix::After::Consonant;
      else if (after == "possessive") suffix.after = Suffix::After::Possessive;
      else if (after != "any")
        return Result<Morphology>::failure(path + ": suffix '" + suffix.form + "': unknown 'after' value '" + after +
                                           "' (any, vowel, consonant, possessive)");
      suffix.harmonic = s.value("harmony", true);
      if (s.contains("after_forms")) suffix.after_forms = s.at("after_forms").get<std::vector<std::string>>();
      if (suffix.gram_case == "possessive") m.possessive_forms_.push_back(suffix.form);
      for (char32_t c : code_points(suffix.form))
        if (m.vowels_.find(c) != std::u32string::npos) suffix.vowels += c;
      m.suffixes_.push_back(std::move(suffix));
    }
  } catch (const nlohmann::json::exception& e) {
    return Result<Morphology>::failure(path + ": " + e.what());
  }
  // Longer forms first so "nın" is tried before "ın".
  std::stable_sort(m.suffixes_.begin(), m.suffixes_.end(),
                   [](const Suffix& a, const Suffix& b) { return a.form.size() > b.form.size(); });
  return m;
}

bool Morphology::allows(const Suffix& s, std::string_view stem, bool harmony) const {
  if (stem.empty()) return false;
  size_t at;
  const char32_t last = code_point_before(stem, stem.size(), at);
  const bool ends_in_vowel = vowels_.find(last) != std::u32string::npos;
  switch (s.after) {
    case Suffix::After::Vowel:
      if (!ends_in_vowel) return false;
      break;
    case Suffix::After::Consonant:
      if (ends_in_vowel) return false;
      break;
    case Suffix::After::Possessive:
      if (std::none_of(possessive_forms_.begin(), possessive_forms_.end(), [&](const std::string& p) {
            return stem.size() > p.size() && stem.substr(stem.size() - p.size()) == p;
          }))
        return false;
      break;
    case Suffix::After::Any:
      break;
  }
  if (!s.after_forms.empty() &&
      std::none_of(s.after_forms.begin(), s.after_forms.end(), [&](const std::string& f) {
        return stem.size() > f.size() && stem.substr(stem.size() - f.size()) == f;
      }))
    return false;
  if (!harmony || !s.harmonic) return true;
  char32_t last_vowel = 0;
  for (size_t end = stem.size(); end > 0;) {
    const char32_t c = code_point_before(stem, end, at);
    if (vowels_.find(c) != std::u32string::npos) {
      last_vowel = c;
      break;
    }
    end = at;
  }
  if (!last_vowel) return false;
  auto rule = std::find_if(harmony_.begin(), harmony_.end(), [&](const auto& h) { return h.first == last_vowel; });
  if (rule == harmony_.end()) return true;
  for (char32_t c : s.vowels)
    if (rule->second.find(c) == std::u32string::npos) return false;
  return true;
}

void Morphology::strip(std::string_view word, size_t end, int below_slot, bool harmony, size_t min_stem,
                       int min_slot, SuffixReading reading, std::vector<SuffixReading>& out) const {
  for (const Suffix& s : suffixes_) {
    if (s.slot >= below_slot || s.slot < min_slot || s.form.size() > end) continue;
    if (word.substr(end - s.form.size(), s.form.size()) != s.form) continue;
    const std::string_view stem = word.substr(0, end - s.form.size());
    if (char_count(stem) < min_stem || !allows(s, stem, harmony)) continue;
    SuffixReading next = reading;
    next.stem_bytes = stem.size();
    ++next.suffixes;
    if (next.outer_suffix.empty()) next.outer_suffix = s.form;
    if (s.gram_case == "plural") next.plural = true;
    if (s.slot >= 3 && reading.gram_case == "nominative" && s.gram_case != "plural" && s.gram_case != "possessive")
      next.gram_case = s.gram_case;
    out.push_back(next);
    strip(word, stem.size(), s.slot, harmony, min_stem, min_slot, next, out);
  }
}

const std::vector<SuffixReading>& Morphology::readings(std::string_view word, ReadingOptions options) const {
  // News repeats its words: each thread remembers the readings of the forms
  // it has seen, one memory for each morphology and options, looked up by
  // the word alone. When the thread's current generation of forms is full,
  // every memory's current forms become its previous ones and the ones
  // before are forgotten; only the current forms hand out references, so
  // each lives through at least one whole generation.
  struct Memory {
    uint64_t morphology;
    ReadingOptions options;
    RememberedForms current, previous;
  };
  constexpr size_t kGeneration = 100000;  // forms, over all memories
  thread_local std::deque<Memory> memories;  // a handful, one per caller's options; they never move
  thread_local size_t current_forms = 0;
  Memory* memory = nullptr;
  for (Memory& m : memories)
    if (m.morphology == id_ && m.options == options) memory = &m;
  if (!memory) memory = &memories.emplace_back(Memory{id_, options, {}, {}});
  const uint64_t hash = std::hash<std::string_view>{}(word);
  if (const std::vector<SuffixReading>* known = memory->current.find(word, hash)) return *known;
  const std::vector<SuffixReading>* before = memory->previous.find(word, hash);
  // A copy from the previous generation: references to it may still be held.
  std::vector<SuffixReading> found = before ? *before : compute_readings(word, options);
  if (current_forms >= kGeneration) {
    for (Memory& m : memories) {
      m.previous = std::move(m.current);
      m.current = RememberedForms();
    }
    current_forms = 0;
  }
  ++current_forms;
  return memory->current.add(word, hash, std::move(found));
}

std::vector<SuffixReading> Morphology::compute_readings(std::string_view word, ReadingOptions options) const {
  std::vector<SuffixReading> out;
  SuffixReading bare;
  bare.stem_bytes = word.size();
  out.push_back(bare);
  strip(word, word.size(), 1000, options.harmony, options.min_stem_chars, options.min_slot, bare, out);
  // Longest stem first; for one stem, a case reading before a possessive one
  // ("Ərdoğanı" is the accusative of a name far more often than "his Ərdoğan").
  std::stable_sort(out.begin() + 1, out.end(), [](const SuffixReading& a, const SuffixReading& b) {
    if (a.stem_bytes != b.stem_bytes) return a.stem_bytes > b.stem_bytes;
    return (a.gram_case != "nominative") > (b.gram_case != "nominative");
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const SuffixReading& a, const SuffixReading& b) {
                          return a.stem_bytes == b.stem_bytes && a.gram_case == b.gram_case;
                        }),
            out.end());
  return out;
}

bool Morphology::is_suffix_chain(std::string_view text, std::string* gram_case) const {
  if (text.empty()) return false;
  // Strip suffixes from the right until nothing is left; no harmony (acronyms
  // and foreign names are read aloud, so harmony follows pronunciation).
  static const std::string kNominative = "nominative";
  struct Step {
    size_t end;                    // the text left to read is [0, end)
    int slot;                      // suffixes of lower slots may come before
    const std::string* gram_case;  // the case read so far
  };
  thread_local std::vector<Step> stack;
  stack.assign(1, {text.size(), 1000, &kNominative});
  while (!stack.empty()) {
    const Step step = stack.back();
    stack.pop_back();
    for (const Suffix& s : suffixes_) {
      if (s.slot >= step.slot || s.form.size() > step.end) continue;
      if (text.substr(step.end - s.form.size(), s.form.size()) != s.form) continue;
      const std::string* c = step.gram_case;
      if (s.slot >= 3 && *c == kNominative) c = &s.gram_case;
      if (step.end == s.form.size()) {
        if (gram_case) *gram_case = *c;
        return true;
      }
      stack.push_back({step.end - s.form.size(), s.slot, c});
    }
  }
  return false;
}

bool Morphology::has_plural(std::string_view word) const {
  for (const SuffixReading& r : readings(word, {.harmony = true, .min_slot = 1, .min_stem_chars = 3}))
    if (r.plural) return true;
  return false;
}

std::string Morphology::singular(std::string_view word) const {
  for (const SuffixReading& r : readings(word, {.harmony = true, .min_slot = 1, .min_stem_chars = 3})) {
    if (r.plural && r.suffixes == 1)
      return std::string(word.substr(0, r.stem_bytes));
  }
  return std::string(word);
}

}  // namespace bilik

namespace bilik {
bool Morphology::is_strong(const SuffixReading& r) const {
  if (r.suffixes >= 2) return true;
  if (r.suffixes == 0 || r.outer_suffix.empty()) return false;
  char32_t first;
  decode_utf8(r.outer_suffix, 0, first);
  return vowels_.find(first) == std::u32string::npos;
}
}  // namespace bilik

namespace bilik {
bool Morphology::is_possessive_form(std::string_view suffix) const {
  return std::find(possessive_forms_.begin(), possessive_forms_.end(), suffix) != possessive_forms_.end();
}
}  // namespace bilik

#include "name_forms.h"

#include <algorithm>
#include <string>

#include "bilik/utf8.h"

namespace bilik {

bool NameForms::glued_suffix(size_t i) const {
  if (!text_.words[i].glued) return false;
  if (glued_suffix_.empty()) glued_suffix_.assign(text_.words.size(), -1);
  if (glued_suffix_[i] < 0) glued_suffix_[i] = pack_.morphology.is_suffix_chain(word_text(text_, i), nullptr);
  return glued_suffix_[i] != 0;
}

// The reading of a name's last word whose stem ends like a family name
// (pack.json word list "surname_endings"), the longest such stem; none
// when no reading does.
const SuffixReading* NameForms::surname_reading(std::string_view word, const std::vector<SuffixReading>& readings) const {
  auto list = pack_.word_lists.find("surname_endings");
  if (list == pack_.word_lists.end()) return nullptr;
  // A word that itself ends like a family name is one: "Məsimova" is not
  // Məsimov + a.
  for (const std::string& ending : list->second)
    if (word.size() >= ending.size() + 3 && word.substr(word.size() - ending.size()) == ending) return nullptr;
  const SuffixReading* best = nullptr;
  for (const SuffixReading& r : readings) {
    if (r.suffixes == 0 || (best && best->stem_bytes >= r.stem_bytes)) continue;
    const std::string_view stem = word.substr(0, r.stem_bytes);
    for (const std::string& ending : list->second) {
      if (stem.size() >= ending.size() + 3 && stem.substr(stem.size() - ending.size()) == ending) {
        best = &r;
        break;
      }
    }
  }
  return best;
}

NameForms::Stripped NameForms::strip_case(Span span, bool longest_stem) const {
  Stripped out;
  out.stem_end = span.end;
  auto [first, last] = words_in(text_, span);
  if (first >= last) return out;
  size_t w = last - 1;
  if (glued_suffix(w) && w > first) {  // "ANKA-nın", "“Akorda”da"
    std::string gram_case;
    pack_.morphology.is_suffix_chain(word_text(text_, w), &gram_case);
    out.gram_case = gram_case;
    out.stem_end = text_.words[w - 1].end;
    return out;
  }
  const std::string_view word = word_text(text_, w);
  const auto& readings = pack_.morphology.readings(word, {.harmony = true, .min_slot = 3, .min_stem_chars = 2});
  // The shortest stem: "Mərkəzindən" is mərkəzi + ndən, not mərkəzin + dən.
  // A lone vowel suffix that is also a possessive stays: "Təşkilatı".
  const SuffixReading* chosen = nullptr;
  // A word the lexicon knows that also reads as a noun with its possessive
  // ("limanı": liman + ı) is not cut to a stem the lexicon does not know
  // ("lima" + "nı").
  const bool known_word = pack_.common_words.contains(word);
  auto possessive_longer = [&](const SuffixReading& r) {
    return std::any_of(readings.begin(), readings.end(), [&](const SuffixReading& o) {
      return o.stem_bytes > r.stem_bytes && o.suffixes == 1 && pack_.morphology.is_possessive_form(o.outer_suffix);
    });
  };
  for (const SuffixReading& r : readings) {
    if (r.suffixes == 0) continue;
    if (r.suffixes == 1 && pack_.morphology.is_possessive_form(r.outer_suffix)) continue;
    if (known_word && !pack_.common_words.contains(word.substr(0, r.stem_bytes)) && possessive_longer(r))
      continue;
    if (longest_stem && chosen) break;  // "Pezeşkianın": pezeşkian + ın, not pezeşkia + nın
    chosen = &r;
  }
  // Names of people end in a consonant far more often than not: where a
  // strong reading leaves such a stem, it beats a longer weak one
  // ("Cabbarovla": cabbarov + la, not cabbarovl + a).
  if (longest_stem && chosen && !pack_.morphology.is_strong(*chosen)) {
    for (const SuffixReading& r : readings) {
      if (r.suffixes == 0 || !pack_.morphology.is_strong(r) || r.stem_bytes == 0) continue;
      char32_t last = 0;
      size_t at = r.stem_bytes;
      while (at > 0 && (static_cast<unsigned char>(word[at - 1]) & 0xC0) == 0x80) --at;
      if (at > 0) decode_utf8(word, at - 1, last);
      if (last && !is_vowel_letter(last)) {
        chosen = &r;
        break;
      }
    }
  }
  // A stem that ends like a family name confirms the cut, weak or not
  // ("Xasenovun": xasenov + un; "Caniklinin": canikli + nin).
  if (longest_stem) {
    if (const SuffixReading* r = surname_reading(word, readings)) {
      out.stem_end = text_.words[w].start + r->stem_bytes;
      out.gram_case = r->gram_case;
      return out;
    }
  }
  if (!chosen) return out;
  const SuffixReading& shortest = *chosen;
  const size_t stem_end = text_.words[w].start + shortest.stem_bytes;
  if (pack_.morphology.is_strong(shortest)) {
    out.stem_end = stem_end;
    out.gram_case = shortest.gram_case;
  } else {
    out.weak_end = stem_end;
    out.gram_case = shortest.gram_case;
  }
  return out;
}

std::vector<Span> NameForms::items(Span name, long long count, const std::vector<std::vector<std::string>>& join_ends) const {
  auto [first, last] = words_in(text_, name);
  std::vector<Span> out;
  size_t item_start = first;
  long long splits_left = count > 1 ? count - 1 : -1;
  for (size_t i = first; i < last; ++i) {
    const bool conj = fold_key(word_text(text_, i)) == "və";
    const bool comma = i > first &&
                       text_.folded.text.substr(text_.words[i - 1].end, text_.words[i].start - text_.words[i - 1].end)
                               .find(',') != std::string::npos;
    if ((conj || comma) && i > item_start && splits_left != 0) {
      out.push_back({text_.words[item_start].start, text_.words[i - 1].end});
      item_start = conj ? i + 1 : i;
      if (splits_left > 0) --splits_left;
    } else if (conj && i == item_start) {
      item_start = i + 1;
    }
  }
  if (item_start < last) out.push_back({text_.words[item_start].start, text_.words[last - 1].end});
  // An item ending in a join ending belongs to the one before it.
  if (!join_ends.empty()) {
    std::vector<Span> joined;
    for (const Span& item : out) {
      auto [first_word, end_word] = words_in(text_, item);
      bool ends = false;
      for (const auto& ending : join_ends) {
        if (ending.empty() || end_word - first_word < ending.size()) continue;
        bool match = true;
        for (size_t k = 0; k < ending.size() && match; ++k)
          match = fold_key(word_text(text_, end_word - ending.size() + k)) == ending[k];
        ends = ends || match;
      }
      if (ends && !joined.empty()) joined.back().end = item.end;
      else joined.push_back(item);
    }
    out = std::move(joined);
  }
  // A one-word item in the possessive completes the item before it:
  // "bitki karantini və mühafizəsi" is one field, not two.
  for (size_t i = out.size(); i-- > 1;) {
    auto [first_word, end_word] = words_in(text_, out[i]);
    if (end_word - first_word != 1) continue;
    const auto& readings = pack_.morphology.readings(word_text(text_, first_word), {.harmony = true});
    const bool possessive = std::any_of(readings.begin(), readings.end(), [&](const SuffixReading& r) {
      return r.suffixes == 1 && pack_.morphology.is_possessive_form(r.outer_suffix) && r.gram_case == "nominative";
    });
    if (possessive) {
      out[i - 1].end = out[i].end;
      out.erase(out.begin() + static_cast<long>(i));
    }
  }
  return out;
}

// The bare noun the lexicon knows: "memorandumdan" → "memorandum",
// "müqavilə" stays (not "müqavil" + dative).
std::string NameForms::bare_known(const std::string& word) const {
  std::string best = pack_.morphology.singular(word);
  for (const SuffixReading& r : pack_.morphology.readings(word, {.harmony = true, .min_slot = 1, .min_stem_chars = 3})) {
    const std::string stem = word.substr(0, r.stem_bytes);
    if (pack_.common_words.count(stem) && stem.size() < best.size()) best = stem;
  }
  return best;
}

Span NameForms::shared_tail(const EntityRule& rule, std::vector<Span>& pieces) const {
  if (rule.list_tail_words.empty() || pieces.size() < 2) return {};
  Span& last = pieces.back();
  auto [first, end] = words_in(text_, last);
  for (size_t i = first + 1; i < end; ++i) {
    if (rule.list_tail_words.contains(word_text(text_, i))) {
      const Span tail{text_.words[i].start, last.end};
      last.end = text_.words[i - 1].end;
      return tail;
    }
  }
  return {};
}

long long NameForms::count_of(Span s) const {
  if (!s.valid()) return 0;
  const std::string key = fold_key(text_.folded.text.substr(s.start, s.end - s.start));
  auto it = pack_.number_words.find(key);
  if (it != pack_.number_words.end()) return it->second;
  try {
    return std::stoll(key);
  } catch (...) {
    return 0;
  }
}

}  // namespace bilik

// Figures: quantities in Azerbaijani text, with values in plain units.
//
// The grammar's words (number words, scales, units, qualifiers, and the word
// lists that say what is no figure) come from data/az/figures.json; this
// file holds the order they combine in:
//   [qualifier] [sign | symbol] NUMBER [-NUMBER | ±NUMBER] [scale [NUMBER scale]... [NUMBER]]
//       [qualifier] [symbol | unit | adjectives noun] [qualifier]
// NUMBER is digits (decimal comma or point, thousands by space or dot; one
// group of three is a fraction before a scale, "424.351 min") or number words
// ("iki yüz əlli min", "yarım milyon", "altmış (60)"). A unit word may carry a
// derivation before its case ending ("32 illik", "40 futluq", "24 yaşındakı").
//
// Not figures: years, ordinals ("30-cu", "on üçüncü"), day numbers next to a
// month (also "17 sеntyаbr" typed with Cyrillic letters), datelines and
// scores ("26-10-2021", "5-3": a range only rises), times of day ("saat
// 5-də"), codes ("007"), numbers in names ("Bellator 206", "525.az"),
// anniversaries ("30 illiyi"), and number words that count no noun or point
// back to parties already named ("üç ölkənin liderləri", "hər iki", "on
// illərdir").
//
// A range ("6-8 faiz", "4±2%") gives two figures, one per end; numerals in a
// list share the unit after the last ("33, 34 və 39 yaşlarında"). Values are
// computed from the digits as integers and a decimal exponent, so "5,3
// milyard" is exactly 5300000000; absurd inputs ("99999999999999999999",
// "1.2.3") never throw. Cost: one pass over the words, a few stem look-ups
// per number.
//
//   for (const Figure& f : find_figures(text, analyzed, pack)) ...
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bilik/model.h"
#include "bilik/opening_bytes.h"
#include "bilik/result.h"
#include "bilik/word_set.h"

namespace bilik {

struct AnalyzedText;
struct RulePack;

struct FigureGrammar {
  std::map<std::string, long long, std::less<>> number_words;  // looked up by string_view
  std::string hundred, half;
  std::map<std::string, long long, std::less<>> scales;
  std::vector<std::pair<std::vector<std::string>, std::string>> units;  // longest first
  WordSet unit_last_words;  // each unit's last word ("dolları" of "ABŞ dolları")
  std::map<std::string, std::string> symbols;                            // "%" → percent
  std::map<std::string, std::string, std::less<>> qualifiers_before, qualifiers_after;
  WordSet count_adjectives, not_counted, ordinal_suffixes, months;
  WordSet identifier_before, identifier_after;
  std::vector<std::string> unit_derivations;          // "lıq", "lı": "48 saatlıq", "30 yaşlı"
  std::vector<std::string> multiplier_suffixes;       // "qat": "ikiqat" is 2 times
  std::vector<std::string> multiplier_verbs;          // "art": "ikiqat artıb"; "ikiqat vergitutma" is no figure
  std::vector<std::string> copula_endings;            // "ykən": "14 yaşındaykən"
  std::vector<std::string> anniversary_prefixes;      // "illiy": "30 illiyi" is no figure
  WordSet not_unit_words;     // "ilə" is not "il" + dative
  WordSet abbreviated_scales; // "mlrd." may end in a full stop
  WordSet time_of_day_before; // "saat 5-də"
  WordSet distributive_before;// "hər iki"
  WordSet party_nouns;        // "üç ölkənin" points back
  WordSet units_counted_by_bir; // "bir gün" counts, "bir ton neft" is per tonne
  WordSet nouns_counted_by_bir; // "bir nəfər həlak olub"; "bir sıra" counts nothing
  WordSet month_abbreviations;
  std::map<std::string, std::string> homoglyphs;      // Cyrillic look-alikes → Latin
  // Built from the lists above by load() (a grammar edited after it keeps
  // the tables of the lists it loaded): the first two bytes of the number
  // words and of the months, and the first bytes of the look-alikes.
  OpeningBytes number_word_openings, month_openings;
  std::array<bool, 256> homoglyph_first_bytes{};
  // The number words by opening_key(word, 2), for opens_with_number_word.
  std::vector<std::pair<uint32_t, std::string>> number_words_by_opening;

  // Whether `w` opens with a number word ("onlar" with "on", "üçqat" with "üç").
  bool opens_with_number_word(std::string_view w) const;

  // The units (indexes into `units`, in its order) whose first word may open
  // `w`: those sharing its first two bytes. A word of one byte, or one whose
  // first byte opens a unit's one-byte word, gets them all.
  const std::vector<uint16_t>& units_opening(std::string_view w) const;
  std::unordered_map<uint32_t, std::vector<uint16_t>> units_by_opening;
  std::vector<uint16_t> all_units;
  std::array<bool, 256> short_unit_first_bytes{};

  static Result<FigureGrammar> load(const std::string& path);
};

std::vector<Figure> find_figures(std::string_view original, const AnalyzedText& text, const RulePack& pack);

// Parses a number as written with digits ("5,3", "4 300", "1.500.000");
// returns false when it is not one.
bool parse_digits(std::string_view text, size_t& length, std::string& digits, int& decimals);

}  // namespace bilik

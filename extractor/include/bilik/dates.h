// Dates: absolute and relative time expressions, as ISO 8601 values.
//
// Recognised: "10-11 may" (an interval), "mayın 10-da", "1 fevral 2013-cü
// ildə", "21.02.2022", "2019-cu ildə", "2020-2030-cu illər" (2020/2030),
// "may 2022", "yanvar ayında", and expressions relative to the article's
// publication date: "bu ilin oktyabrında", "ötən il", "keçən ay", "dünən".
// Without a publication date a relative or year-less expression keeps
// `value` empty and its normalised `expression` ("year(-1)", "--05-10"), so it
// can be resolved later. Words come from data/az/dates.json.
//
//   for (const DateMention& d : find_dates(text, analyzed, pack, "2022-05-16")) ...
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "bilik/model.h"
#include "bilik/opening_bytes.h"
#include "bilik/result.h"

namespace bilik {

struct AnalyzedText;
struct RulePack;

struct DateGrammar {
  std::vector<std::string> months;  // index 0 = January
  std::vector<std::string> month_abbreviations;  // same order; written with or without a dot
  std::vector<std::string> year_words;
  std::string month_word;
  std::map<std::string, int, std::less<>> relative;  // "ötən" → -1
  std::map<std::string, int> day_relative;           // "dünən" → -1
  int min_year = 1000, max_year = 2200;

  // Built from the lists above by load(), for the finder (a grammar edited
  // after it keeps the tables of the lists it loaded): each
  // day phrase's words (in day_relative's order); the first three bytes of
  // every month name and abbreviation as keys (opening_key), and the
  // first two; the first two of the relative words and day phrases.
  std::vector<std::pair<std::vector<std::string>, int>> day_phrase_words;
  std::vector<uint32_t> month_opening_keys;
  OpeningBytes month_openings, phrase_openings;

  static Result<DateGrammar> load(const std::string& path);
};

std::vector<DateMention> find_dates(std::string_view original, const AnalyzedText& text, const RulePack& pack,
                                    const std::string& published);

}  // namespace bilik

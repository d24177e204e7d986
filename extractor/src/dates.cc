#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>

#include "bilik/dates.h"
#include "bilik/entity_matcher.h"
#include "bilik/rule_pack.h"
#include "word_stems.h"

namespace bilik {

Result<DateGrammar> DateGrammar::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Result<DateGrammar>::failure(path + ": cannot open the date grammar");
  DateGrammar g;
  try {
    const auto doc = nlohmann::json::parse(in);
    g.months = doc.at("months").get<std::vector<std::string>>();
    if (g.months.size() != 12) return Result<DateGrammar>::failure(path + ": 'months' must list 12 names");
    g.month_abbreviations = doc.value("month_abbreviations", std::vector<std::string>{});
    if (!g.month_abbreviations.empty() && g.month_abbreviations.size() != 12)
      return Result<DateGrammar>::failure(path + ": 'month_abbreviations' must list 12 names");
    g.year_words = doc.at("year_words").get<std::vector<std::string>>();
    g.month_word = doc.at("month_word").get<std::string>();
    for (auto& [k, v] : doc.at("relative").items()) g.relative[k] = v.get<int>();
    for (auto& [k, v] : doc.at("day_relative").items()) g.day_relative[k] = v.get<int>();
    g.min_year = doc.value("min_year", 1000);
    g.max_year = doc.value("max_year", 2200);
  } catch (const nlohmann::json::exception& e) {
    return Result<DateGrammar>::failure(path + ": " + e.what());
  }
  for (const auto& [phrase, days] : g.day_relative) g.day_phrase_words.emplace_back(key_words(phrase), days);
  for (const auto* names : {&g.months, &g.month_abbreviations})
    for (const std::string& m : *names) {
      if (m.empty()) continue;
      g.month_openings.add(m);
      const uint32_t key = opening_key(m, 3);
      if (std::find(g.month_opening_keys.begin(), g.month_opening_keys.end(), key) == g.month_opening_keys.end())
        g.month_opening_keys.push_back(key);
    }
  for (const auto& [word, offset] : g.relative) g.phrase_openings.add(word);
  for (const auto& [parts, days] : g.day_phrase_words)
    if (!parts.empty()) g.phrase_openings.add(parts[0]);
  return g;
}

namespace {

std::string two(int v) {
  char b[8];
  std::snprintf(b, sizeof b, "%02d", v);
  return b;
}
std::string day_iso(int y, int m, int d) { return std::to_string(y) + "-" + two(m) + "-" + two(d); }
std::string month_iso(int y, int m) { return std::to_string(y) + "-" + two(m); }

struct Published {
  int year = 0, month = 0, day = 0;
  bool known() const { return year > 0; }
};

Published parse_published(const std::string& s) {
  Published p;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d", &p.year, &p.month, &p.day) < 1) p = {};
  return p;
}

// Shifts a date by whole days using the C library's calendar.
std::string shift_days(const Published& p, int days) {
  std::tm t{};
  t.tm_year = p.year - 1900;
  t.tm_mon = (p.month ? p.month : 1) - 1;
  t.tm_mday = (p.day ? p.day : 1) + days;
  t.tm_hour = 12;
  std::mktime(&t);
  return day_iso(t.tm_year + 1900, t.tm_mon + 1, t.tm_mday);
}

class DateFinder {
 public:
  DateFinder(std::string_view original, const AnalyzedText& t, const RulePack& pack, const std::string& published)
      : original_(original), t_(t), pack_(pack), g_(pack.dates), pub_(parse_published(published)) {}

  std::vector<DateMention> run() {
    // A date opens with a number, a month or a relative word or day phrase (try_at).
    auto may_start = [this](size_t i) {
      const std::string_view w = word(i);
      return t_.words[i].numeric || g_.month_openings.may_open(w) || g_.phrase_openings.may_open(w);
    };
    return scan_words<DateMention>(
        t_, may_start, [this](size_t i, const Sentence& s, DateMention& d) { return try_at(i, s, d); },
        [](const DateMention&) { return true; });
  }

 private:
  std::string_view word(size_t i) const { return words_.word(i); }
  const std::vector<std::string_view>& stems(size_t i) const { return words_.stems(i); }
  bool stem_is(size_t i, std::string_view target) const { return words_.stem_is(i, target); }
  int month_at(size_t i, const Sentence& s) const {
    if (i >= s.end_word) return 0;
    if (t_.words[i].numeric) return 0;
    // Only words that open like a month name are read for suffixes.
    const std::string_view w = word(i);
    if (!g_.month_openings.may_open(w) ||
        std::find(g_.month_opening_keys.begin(), g_.month_opening_keys.end(), opening_key(w, 3)) ==
            g_.month_opening_keys.end())
      return 0;
    for (std::string_view s : stems(i))
      for (size_t m = 0; m < g_.months.size(); ++m)
        if (s == g_.months[m]) return static_cast<int>(m) + 1;
    for (size_t m = 0; m < g_.month_abbreviations.size(); ++m)
      if (word(i) == g_.month_abbreviations[m]) return static_cast<int>(m) + 1;
    return 0;
  }
  bool is_year_word(size_t i, const Sentence& s) const {
    if (i >= s.end_word) return false;
    for (const std::string& y : g_.year_words)
      if (stem_is(i, y)) return true;
    return false;
  }
  std::optional<int> integer(size_t i, const Sentence& s) const {
    if (i >= s.end_word || !t_.words[i].numeric) return std::nullopt;
    const std::string_view w = word(i);
    if (w.size() > 4) return std::nullopt;
    int v = 0;
    for (char c : w) {
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    return v;
  }
  std::optional<int> year(size_t i, const Sentence& s) const {
    auto v = integer(i, s);
    if (v && word(i).size() == 4 && *v >= g_.min_year && *v <= g_.max_year) return v;
    return std::nullopt;
  }
  std::optional<int> day(size_t i, const Sentence& s) const {
    auto v = integer(i, s);
    if (v && *v >= 1 && *v <= 31 && word(i).size() <= 2) return v;
    return std::nullopt;
  }
  // A suffix glued after a number: "10-da", "2019-cu".
  size_t skip_glued_suffix(size_t i, const Sentence& s) const {
    if (i < s.end_word && t_.words[i].glued && !t_.words[i].numeric) return i + 1;
    return i;
  }
  // "4,2%", "2,1": a number with a fraction or a percent sign is no day.
  bool measures(size_t a) const {
    const std::string& t = t_.folded.text;
    const size_t e = t_.words[a].end;
    if (e < t.size() && t[e] == '%') return true;
    return e + 1 < t.size() && t[e] == ',' && t[e + 1] >= '0' && t[e + 1] <= '9';
  }
  char gap_char(size_t a) const {  // the single character after word a, if any
    return t_.words[a].end < t_.folded.text.size() ? t_.folded.text[t_.words[a].end] : '\0';
  }

  void emit(DateMention& d, size_t first, size_t last_word, std::string value, std::string expression,
            const char* rule) const {
    d.folded_start = t_.words[first].start;
    d.folded_end = t_.words[last_word].end;
    d.start = t_.folded.origin[t_.words[first].start];
    d.end = t_.folded.origin[t_.words[last_word].end];
    d.surface = std::string(original_.substr(d.start, d.end - d.start));
    d.value = std::move(value);
    d.expression = std::move(expression);
    d.rule = rule;
  }

  size_t try_at(size_t i, const Sentence& s, DateMention& d) const {
    // dd.mm.yyyy
    if (auto dd = day(i, s); dd && i + 2 < s.end_word && gap_char(i) == '.' && gap_char(i + 1) == '.' &&
                             t_.words[i + 1].start == t_.words[i].end + 1 && t_.words[i + 2].start == t_.words[i + 1].end + 1) {
      auto mm = integer(i + 1, s);
      auto yy = year(i + 2, s);
      if (mm && *mm >= 1 && *mm <= 12 && yy) {
        const std::string v = day_iso(*yy, *mm, *dd);
        emit(d, i, i + 2, v, v, "date-numeric");
        return i + 3;
      }
    }
    // "10-11 may [2022]", "1 fevral 2013-cü ildə"
    if (auto d1 = day(i, s); d1 && !measures(i)) {
      size_t j = i + 1;
      std::optional<int> d2;
      if (j < s.end_word && t_.words[j].glued && gap_char(i) == '-') {
        d2 = day(j, s);
        if (d2) ++j;
      }
      // Only spaces between the day and its month: "2,1% (aprel proqnozu" holds no date.
      bool spaced = j < s.end_word && t_.words[j].start > t_.words[j - 1].end;
      for (size_t c = j < s.end_word ? t_.words[j - 1].end : 0; spaced && c < t_.words[j].start; ++c)
        spaced = t_.folded.text[c] == ' ' || t_.folded.text[c] == '\n';
      if (int m = spaced ? month_at(j, s) : 0) {
        size_t last = j;
        int y = 0;
        if (auto yy = year(j + 1, s)) {
          y = *yy;
          last = j + 1;
          size_t k = skip_glued_suffix(j + 2, s);
          if (k > j + 2) last = k - 1;
          if (is_year_word(k, s)) last = k;
        }
        const bool known = y || pub_.known();
        const int year_value = y ? y : pub_.year;
        std::string expr = d2 ? (y ? day_iso(y, m, *d1) + "/" + day_iso(y, m, *d2) : "--" + two(m) + "-" + two(*d1) + "/--" + two(m) + "-" + two(*d2))
                              : (y ? day_iso(y, m, *d1) : "--" + two(m) + "-" + two(*d1));
        std::string value;
        if (known) value = d2 ? day_iso(year_value, m, *d1) + "/" + day_iso(year_value, m, *d2) : day_iso(year_value, m, *d1);
        emit(d, i, last, value, expr, "date-day-month");
        return last + 1;
      }
    }
    // "mayın 10-da", "fevralın 21-də"
    if (int m = month_at(i, s)) {
      if (auto dd = day(i + 1, s); dd && !measures(i + 1)) {
        const size_t last = skip_glued_suffix(i + 2, s) - 1;
        const std::string expr = "--" + two(m) + "-" + two(*dd);
        emit(d, i, last, pub_.known() ? day_iso(pub_.year, m, *dd) : "", expr, "date-month-day");
        return last + 1;
      }
      // "may 2022"
      if (auto yy = year(i + 1, s)) {
        const std::string v = month_iso(*yy, m);
        emit(d, i, i + 1, v, v, "date-month-year");
        return i + 2;
      }
      // "yanvar ayında"
      if (i + 1 < s.end_word && stem_is(i + 1, g_.month_word)) {
        const std::string expr = "--" + two(m);
        emit(d, i, i + 1, pub_.known() ? month_iso(pub_.year, m) : "", expr, "date-month");
        return i + 2;
      }
    }
    // "2019-cu ildə", "2020-2030-cu illər", "2022-ci ilin may ayında"
    if (auto y1 = year(i, s)) {
      size_t j = i + 1;
      std::optional<int> y2;
      if (j < s.end_word && t_.words[j].glued && gap_char(i) == '-' && (y2 = year(j, s))) ++j;
      const size_t after_suffix = skip_glued_suffix(j, s);
      const bool suffixed = after_suffix > j;
      if (is_year_word(after_suffix, s) || (suffixed && !y2)) {
        size_t last = is_year_word(after_suffix, s) ? after_suffix : after_suffix - 1;
        if (!y2 && is_year_word(after_suffix, s)) {
          if (int m = month_at(after_suffix + 1, s)) {
            last = after_suffix + 1;
            if (last + 1 < s.end_word && stem_is(last + 1, g_.month_word)) ++last;
            const std::string v = month_iso(*y1, m);
            emit(d, i, last, v, v, "date-year-month");
            return last + 1;
          }
        }
        const std::string v = y2 ? std::to_string(*y1) + "/" + std::to_string(*y2) : std::to_string(*y1);
        emit(d, i, last, v, v, "date-year");
        return last + 1;
      }
    }
    // Only a relative word or a day phrase is left: "ötən", "dünən", "bu gün".
    if (!g_.phrase_openings.may_open(word(i))) return i;
    // Relative: "ötən il", "bu ilin oktyabrında", "keçən ay", "dünən", "bu gün".
    if (auto rel = g_.relative.find(word(i)); rel != g_.relative.end() && i + 1 < s.end_word) {
      if (is_year_word(i + 1, s)) {
        if (int m = month_at(i + 2, s)) {
          const std::string expr = "year" + signed_offset(rel->second) + "-" + two(m);
          emit(d, i, i + 2, pub_.known() ? month_iso(pub_.year + rel->second, m) : "", expr, "date-relative-month");
          return i + 3;
        }
        const std::string expr = "year" + signed_offset(rel->second);
        emit(d, i, i + 1, pub_.known() ? std::to_string(pub_.year + rel->second) : "", expr, "date-relative-year");
        return i + 2;
      }
      if (stem_is(i + 1, g_.month_word) && !t_.words[i + 1].numeric) {
        std::string value;
        if (pub_.known() && pub_.month) {
          int y = pub_.year, m = pub_.month + rel->second;
          while (m < 1) m += 12, --y;
          while (m > 12) m -= 12, ++y;
          value = month_iso(y, m);
        }
        emit(d, i, i + 1, value, "month" + signed_offset(rel->second), "date-relative-month");
        return i + 2;
      }
    }
    for (const auto& [parts, days] : g_.day_phrase_words) {
      if (i + parts.size() > s.end_word) continue;
      bool ok = true;
      for (size_t k = 0; k < parts.size() && ok; ++k) ok = word(i + k) == parts[k];
      if (!ok) continue;
      const std::string value = pub_.known() && pub_.day ? shift_days(pub_, days) : "";
      emit(d, i, i + parts.size() - 1, value, "day" + signed_offset(days), "date-relative-day");
      return i + parts.size();
    }
    return i;
  }

  static std::string signed_offset(int v) { return std::string("(") + (v >= 0 ? "+" : "") + std::to_string(v) + ")"; }
  std::string_view original_;
  const AnalyzedText& t_;
  const RulePack& pack_;
  const DateGrammar& g_;
  Published pub_;
  WordStems words_{t_, pack_.morphology};
};

}  // namespace

std::vector<DateMention> find_dates(std::string_view original, const AnalyzedText& text, const RulePack& pack,
                                    const std::string& published) {
  return DateFinder(original, text, pack, published).run();
}

}  // namespace bilik

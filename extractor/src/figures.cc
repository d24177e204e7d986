#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_map>

#include "bilik/entity_matcher.h"
#include "bilik/figures.h"
#include "bilik/rule_pack.h"
#include "bilik/utf8.h"
#include "word_stems.h"

namespace bilik {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// An exact decimal: digits × 10^-decimals.
struct Decimal {
  std::string digits = "0";
  int decimals = 0;

  void scale_by_power_of_ten(int exponent) { decimals -= exponent; }
  void multiply(long long factor) {  // factor a power of ten or a small integer
    int zeros = 0;
    long long f = factor;
    while (f > 1 && f % 10 == 0) {
      f /= 10;
      ++zeros;
    }
    if (f != 1) {  // small integer factor: long multiplication
      std::string out;
      int carry = 0;
      for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        const long long v = (*it - '0') * f + carry;
        out.push_back(static_cast<char>('0' + v % 10));
        carry = static_cast<int>(v / 10);
      }
      while (carry) {
        out.push_back(static_cast<char>('0' + carry % 10));
        carry /= 10;
      }
      std::reverse(out.begin(), out.end());
      digits = out;
    }
    scale_by_power_of_ten(zeros);
  }
  std::string text() const {
    std::string d = digits;
    int dec = decimals;
    if (dec < 0) {
      d.append(static_cast<size_t>(-dec), '0');
      dec = 0;
    }
    if (static_cast<int>(d.size()) <= dec) d.insert(0, static_cast<size_t>(dec - d.size() + 1), '0');
    std::string out = dec ? d.substr(0, d.size() - dec) + "." + d.substr(d.size() - dec) : d;
    // trim trailing zeros of the fraction and leading zeros
    if (out.find('.') != std::string::npos) {
      while (out.back() == '0') out.pop_back();
      if (out.back() == '.') out.pop_back();
    }
    const size_t nz = out.find_first_not_of('0');
    if (nz == std::string::npos) return "0";
    if (out[nz] == '.') return out.substr(nz - 1);
    return out.substr(nz);
  }
  double value() const { return std::strtod(text().c_str(), nullptr); }
};

// a + b, exactly.
Decimal sum(const Decimal& a, const Decimal& b) {
  const int dec = std::max(a.decimals, b.decimals);
  auto widen = [&](const Decimal& x) {
    std::string d = x.digits;
    if (x.decimals < dec) d.append(static_cast<size_t>(dec - x.decimals), '0');
    return d;
  };
  std::string x = widen(a), y = widen(b), out;
  if (x.size() < y.size()) std::swap(x, y);
  y.insert(0, x.size() - y.size(), '0');
  int carry = 0;
  for (size_t i = x.size(); i-- > 0;) {
    const int v = (x[i] - '0') + (y[i] - '0') + carry;
    out.push_back(static_cast<char>('0' + v % 10));
    carry = v / 10;
  }
  if (carry) out.push_back('1');
  std::reverse(out.begin(), out.end());
  Decimal r;
  r.digits = out;
  r.decimals = dec;
  return r;
}

struct Parsed {
  size_t first_word = 0, end_word = 0;  // words consumed by the number itself
  size_t folded_start = 0, folded_end = 0;
  size_t span_start = 0;  // before a sign
  Decimal value;
  std::optional<Decimal> range_end;
  bool from_words = false;
  bool half = false;      // "yarım"
  bool negative = false;  // "−0,3"
  bool hyphen_minus = false, plus = false;  // "-5 dərəcə", "+0,1 faiz bəndi"
  char one_group = 0;     // '.' or ',' in "424.351", "7,000": fraction or thousands, decided by what follows
  std::string group_digits;
};

}  // namespace

bool parse_digits(std::string_view s, size_t& length, std::string& digits, int& decimals) {
  size_t i = 0;
  digits.clear();
  decimals = 0;
  while (i < s.size() && digit(s[i])) digits += s[i++];
  if (digits.empty()) return false;
  const size_t first_group = digits.size();
  // Thousands: "4 300", "1.500.000" (groups of exactly three after a short head).
  while (first_group <= 3 && i + 3 < s.size() + 0 && (s[i] == ' ' || s[i] == '.') && i + 3 <= s.size() - 1 + 1) {
    if (i + 4 > s.size() || !digit(s[i + 1]) || !digit(s[i + 2]) || !digit(s[i + 3])) break;
    if (i + 4 < s.size() && digit(s[i + 4])) break;
    if (s[i] == ' ' && digits.size() > 3 && i + 4 < s.size() && s[i + 4] == ' ') {
      // "2 300 400" keeps going; handled by the loop
    }
    digits.append(s.substr(i + 1, 3));
    i += 4;
  }
  // Decimal part: "5,3", "2.5".
  if (i + 1 < s.size() && (s[i] == ',' || s[i] == '.') && digit(s[i + 1])) {
    size_t j = i + 1;
    std::string frac;
    while (j < s.size() && digit(s[j])) frac += s[j++];
    if (!(j < s.size() && (s[j] == ',' || s[j] == '.') && j + 1 < s.size() && digit(s[j + 1]))) {
      digits += frac;
      decimals = static_cast<int>(frac.size());
      i = j;
    }
  }
  if (digits.size() > 30) return false;  // not a quantity anyone writes
  length = i;
  return true;
}

namespace {

class FigureFinder {
 public:
  FigureFinder(std::string_view original, const AnalyzedText& t, const RulePack& pack)
      : original_(original), t_(t), pack_(pack), g_(pack.figures) {
    for (const auto& [sym, code] : g_.symbols)
      if (code != "degree") symbols_before_.push_back({sym, code, code == "percent"});
  }

  std::vector<Figure> run() {
    std::vector<Figure> found = scan_words<Figure>(
        t_, [this](size_t i) { return may_start(i); },
        [this](size_t i, const Sentence& s, Figure& f) { return try_at(i, s, f); },
        [](const Figure& f) { return !f.unit.empty(); });
    share_units(found);
    std::vector<Figure> out;
    for (Figure& f : found) {
      out.push_back(f);
      // A range is two figures, one for each end: "6-8 faiz", "4±2%".
      if (f.range_end) {
        Figure upper = f;
        upper.value = *f.range_end;
        auto it = range_text_.find(f.folded_start);
        upper.value_text = it != range_text_.end() ? it->second : f.value_text;
        upper.range_end.reset();
        upper.rule = f.rule + "-range-end";
        out.push_back(std::move(upper));
      }
    }
    return out;
  }

  // Numerals in a list share the unit written after the last: "33, 34 və 39 yaşlarında", "200 və 400 metr".
  void share_units(std::vector<Figure>& found) const {
    static const std::vector<std::string> joints = {", ", " və ", " ya ", " və ya ", " yaxud ", " - ", " – ", "-", "–"};
    for (size_t k = found.size(); k-- > 1;) {
      Figure& f = found[k - 1];
      const Figure& next = found[k];
      if (!bare_starts_.count(f.folded_start) || next.unit == "count" || next.folded_start < f.folded_end) continue;
      const std::string between = t_.folded.text.substr(f.folded_end, next.folded_start - f.folded_end);
      if (std::find(joints.begin(), joints.end(), between) == joints.end()) continue;
      f.unit = next.unit;
    }
  }

 private:
  std::string_view word(size_t i) const { return words_.word(i); }
  // The word's bare forms: itself and its stems.
  const std::vector<std::string_view>& stems(size_t i) const { return words_.stems(i); }
  bool stem_is(size_t i, std::string_view target) const { return words_.stem_is(i, target); }
  std::string gram_case(size_t i) const {
    const auto& r = pack_.morphology.readings(word(i), {.harmony = true, .min_slot = 3, .min_stem_chars = 2});
    return r.size() > 1 ? r.back().gram_case : "nominative";
  }
  const std::string& gap(size_t a, size_t b, std::string& buf) const {  // text between words a and b
    buf = t_.folded.text.substr(t_.words[a].end, t_.words[b].start - t_.words[a].end);
    return buf;
  }

  std::optional<long long> word_number(size_t i) const {
    auto it = g_.number_words.find(word(i));
    if (it != g_.number_words.end()) return it->second;
    return std::nullopt;
  }
  std::optional<long long> scale_of(size_t i) const {
    for (std::string_view s : stems(i)) {
      auto it = g_.scales.find(s);
      if (it != g_.scales.end()) return it->second;
    }
    return std::nullopt;
  }
  // The case of word i once a known stem is taken off ("milyarda" after "milyard": dative).
  std::string case_after_known_stem(size_t i) const {
    const std::string_view w = word(i);
    auto known = [&](std::string_view s) { return g_.scales.contains(s) || g_.unit_last_words.contains(s); };
    if (known(w)) return "nominative";  // "min" itself, not "m" + genitive
    for (std::string_view s : stems(i)) {
      if (!known(s) || s.size() >= w.size()) continue;
      std::string c;
      if (pack_.morphology.is_suffix_chain(w.substr(s.size()), &c)) return c;
    }
    return gram_case(i);
  }
  bool stem_in(size_t i, const WordSet& set) const {
    for (std::string_view s : stems(i))
      if (set.contains(s)) return true;
    return false;
  }
  // A month name, also when typed with Cyrillic look-alike letters ("sеntyаbr").
  bool is_month(size_t i) const {
    // The stems are prefixes of the word, so a month among them starts as
    // the word does; a look-alike letter shows by its first byte.
    const std::string_view w = word(i);
    if (g_.month_openings.may_open(w))
      for (std::string_view s : stems(i))
        if (g_.months.contains(s)) return true;
    if (g_.homoglyphs.empty() ||
        std::none_of(w.begin(), w.end(), [&](char c) { return g_.homoglyph_first_bytes[static_cast<unsigned char>(c)]; }))
      return false;
    const std::string latin = without_homoglyphs(w);
    if (latin == word(i)) return false;
    for (const auto& m : g_.months)
      if (latin.compare(0, m.size(), m) == 0) return true;
    return false;
  }
  std::string without_homoglyphs(std::string_view w) const {
    std::string out;
    for (size_t k = 0; k < w.size();) {
      bool replaced = false;
      for (const auto& [from, to] : g_.homoglyphs)
        if (w.compare(k, from.size(), from) == 0) {
          out += to;
          k += from.size();
          replaced = true;
          break;
        }
      if (!replaced) out += w[k++];
    }
    return out;
  }
  // "15 Fev 2024": a short month name, only before a year.
  bool is_abbreviated_month(size_t i) const {
    if (!g_.month_abbreviations.contains(word(i))) return false;
    return i + 1 < t_.words.size() && blank_before_word(i + 1) && t_.words[i + 1].numeric && word(i + 1).size() == 4;
  }
  // Only spaces and line breaks between word i and the word before it.
  bool blank_before_word(size_t i) const {
    if (i == 0) return false;
    for (size_t c = t_.words[i - 1].end; c < t_.words[i].start; ++c)
      if (t_.folded.text[c] != ' ' && t_.folded.text[c] != '\n') return false;
    return true;
  }
  bool is_space(size_t at) const { return at < t_.folded.text.size() && (t_.folded.text[at] == ' ' || t_.folded.text[at] == '\n'); }
  bool at_text(size_t at, std::string_view what) const { return t_.folded.text.compare(at, what.size(), what) == 0; }

  // The number starting at word i, digits or words.
  std::optional<Parsed> number_at(size_t i, const Sentence& s) const {
    const Word& w = t_.words[i];
    Parsed p;
    p.first_word = i;
    p.folded_start = w.start;
    p.span_start = w.start;
    const std::string& text = t_.folded.text;
    if (w.numeric) {
      // A sign after a space: "−0,3 faiz bəndi", "(-5 dərəcə)".
      auto opens = [&](size_t at) { return at == 0 || text[at - 1] == ' ' || text[at - 1] == '(' || text[at - 1] == '\n'; };
      if (w.start >= 3 && text.compare(w.start - 3, 3, "\xE2\x88\x92") == 0 && opens(w.start - 3)) {
        p.negative = true;
        p.span_start = w.start - 3;
      } else if (w.start >= 1 && text[w.start - 1] == '-' && opens(w.start - 1) &&
                 original_.compare(t_.folded.origin[w.start - 1], 3, "\xE2\x88\x92") == 0) {
        p.negative = true;  // folding wrote the minus sign as a hyphen
        p.span_start = w.start - 1;
      } else if (w.start >= 1 && (text[w.start - 1] == '-' || text[w.start - 1] == '+') && opens(w.start - 1)) {
        // A hyphen is a minus only before degrees ("-5 dərəcə"); news types it as a dash too ("Fransaya -9%").
        (text[w.start - 1] == '-' ? p.hyphen_minus : p.plus) = true;
        p.span_start = w.start - 1;
      }
      // Glued to letters ("5G", "F16") or inside an address: not a quantity.
      if (w.start > 0 && !p.negative && !p.hyphen_minus && !p.plus) {
        const char before = text[w.start - 1];
        if (before == '/' || before == '=' || before == '_' || before == '#' || before == '.' || before == ',' || before == '+' ||
            before == ':' || (before == '-' && w.glued))
          return std::nullopt;
      }
      for (char c : word(i))
        if (!digit(c)) return std::nullopt;
      // "007", "0800 555 111": a leading zero writes a code, not a quantity.
      if (word(i).size() > 1 && word(i)[0] == '0') return std::nullopt;
      size_t len;
      std::string digits;
      int decimals;
      const std::string_view rest = std::string_view(text).substr(w.start, s.end - w.start);
      if (!parse_digits(rest, len, digits, decimals)) return std::nullopt;
      if (len < rest.size() && (rest[len] == '/' || rest[len] == ':' || rest[len] == '_')) return std::nullopt;
      if (len + 1 < rest.size() && (rest[len] == '.' || rest[len] == ',') && digit(rest[len + 1])) return std::nullopt;
      // Glued to letters after a fraction: "802.11n", "2.4Ghz" name a standard or a band.
      if (len < rest.size() && len > word(i).size() && std::isalpha(static_cast<unsigned char>(rest[len]))) return std::nullopt;
      // A domain or a name: "525.az", "Day.Az".
      if (len + 1 < rest.size() && rest[len] == '.' && static_cast<unsigned char>(rest[len + 1]) >= 'a' &&
          static_cast<unsigned char>(rest[len + 1]) <= 'z' && rest.substr(len + 1, 2) == "az")
        return std::nullopt;
      // One group of three after a short head ("424.351", "273,850", "7,000"): decimal or thousands,
      // decided by what follows (try_at).
      const std::string_view raw = rest.substr(0, len);
      const size_t sep = raw.find_first_of(".,");
      if (sep != std::string_view::npos && sep >= 1 && sep <= 3 && raw.size() == sep + 4) {
        p.one_group = raw[sep];
        p.group_digits = std::string(raw.substr(sep + 1));
      }
      p.value.digits = digits;
      p.value.decimals = decimals;
      p.folded_end = w.start + len;
      p.end_word = word_at_or_after(t_.words, p.folded_end);
      // A range: "2-3 milyard", "30-43%"; "4±2%" is a figure and its margin.
      const bool dash = p.folded_end + 1 < s.end && text[p.folded_end] == '-' && digit(text[p.folded_end + 1]);
      const bool plus_minus = p.folded_end + 2 < s.end && at_text(p.folded_end, "\xC2\xB1") && digit(text[p.folded_end + 2]);
      if (dash || plus_minus) {
        const size_t from = p.folded_end + (dash ? 1 : 2);
        size_t len2;
        std::string d2;
        int dec2;
        if (parse_digits(std::string_view(text).substr(from, s.end - from), len2, d2, dec2)) {
          Decimal r;
          r.digits = d2;
          r.decimals = dec2;
          const size_t after = from + len2;
          // "26-10-2021", "859-292-3680": a date or a phone number.
          if (after + 1 < s.end && (text[after] == '-' || text[after] == '.') && digit(text[after + 1])) return std::nullopt;
          // "26-10", "5-3 hesabı", "1-0": a range runs upwards; a falling pair is a day and month or a score.
          if (dash && r.value() <= p.value.value()) return std::nullopt;
          p.range_end = r;
          p.folded_end = after;
          p.end_word = word_at_or_after(t_.words, p.folded_end);
        }
      }
      return p;
    }
    // Number words: "iki yüz əlli min", "on beş", "yarım milyon".
    long long total = 0, current = 0, smallest = 0;
    bool any = false, half = false;
    size_t j = i;
    for (; j < s.end_word; ++j) {
      const std::string_view wj = word(j);
      if (auto n = word_number(j)) {
        // Each word adds a smaller part ("on iki", "yüz əlli"); "iki-iki" (two each) is no sum.
        if (smallest && (*n >= smallest || smallest < 10)) break;  // "dörd bir yanından" is an idiom
        current += *n;
        smallest = *n;
        any = true;
      } else if (wj == g_.hundred) {
        current = (current ? current : 1) * 100;
        smallest = 100;
        any = true;
      } else if (wj == g_.half && !any) {
        half = true;
        any = true;
      } else {
        break;
      }
    }
    if (!any) return std::nullopt;
    if (w.glued || (j < t_.words.size() && t_.words[j].glued)) return std::nullopt;  // "iki-kardes" in an address
    // "on üçüncü" (an ordinal), "on ikiyə", "on altısı": a numeral ending in an inflected number word counts no noun.
    if (j < s.end_word && !word_number(j))
      for (std::string_view st : stems(j))
        if (st.size() < word(j).size() && g_.number_words.count(st)) return std::nullopt;
    for (const std::string& suffix : g_.ordinal_suffixes)
      if (j < s.end_word && word(j).size() > suffix.size() && word(j).substr(word(j).size() - suffix.size()) == suffix &&
          g_.number_words.count(word(j).substr(0, word(j).size() - suffix.size())))
        return std::nullopt;
    total += current;
    p.from_words = true;
    p.half = half;
    p.end_word = j;
    p.folded_end = t_.words[j - 1].end;
    if (half) {
      p.value.digits = "5";
      p.value.decimals = 1;
      if (total) return std::nullopt;
    } else {
      p.value.digits = std::to_string(total);
    }
    // The same number again in digits, as contracts write it: "altmış (60) gün".
    if (!half && j < s.end_word && t_.words[j].numeric && at_text(p.folded_end, " (")) {
      const Word& d = t_.words[j];
      if (d.start == p.folded_end + 2 && at_text(d.end, ")") && word(j) == p.value.digits) {
        p.folded_end = d.end + 1;
        p.end_word = j + 1;
      }
    }
    return p;
  }

  // Word k is the unit word `target`, bare, with case endings, or derived ("illik", "futluq", "günlüyündə").
  // `plural` tells "on illər" (decades) from "on il".
  bool unit_word_is(size_t k, const std::string& target, bool* plural = nullptr) const {
    const std::string_view w = word(k);
    // Stems are prefixes of the word: a word not opening with the unit is
    // none of its forms (most of the units tried after each number).
    if (!w.starts_with(target)) return false;
    // "1,7 milyon ilə" (with), but "20 ilə yaxın" (nearly 20 years): a qualifier after makes it the dative.
    if (g_.not_unit_words.contains(w) &&
        !(k + 1 < t_.words.size() && g_.qualifiers_after.contains(word(k + 1))))
      return false;
    const bool stem = stem_is(k, target);
    const bool starts = w.size() > target.size();  // and opens with it (above)
    if (plural && starts) {
      const std::string_view rest = w.substr(target.size());
      *plural = rest.rfind("lar", 0) == 0 || rest.rfind("lər", 0) == 0;
    }
    if (stem) return true;
    if (!starts) return false;
    std::string_view rest = w.substr(target.size());
    std::string c;
    for (const std::string& e : g_.copula_endings)  // "14 yaşındaykən"
      if (rest.size() > e.size() && rest.substr(rest.size() - e.size()) == e &&
          pack_.morphology.is_suffix_chain(rest.substr(0, rest.size() - e.size()), &c))
        return true;
    for (const std::string& d : g_.unit_derivations)
      if (rest.rfind(d, 0) == 0 && (rest.size() == d.size() || pack_.morphology.is_suffix_chain(rest.substr(d.size()), &c)))
        return true;
    return false;
  }
  bool is_anniversary(size_t k) const {
    const std::string_view w = word(k);
    for (const std::string& a : g_.anniversary_prefixes)
      if (w.rfind(a, 0) == 0) return true;
    return false;
  }

  // "ikiqat", "üçqat artıb": a number word glued to a multiplier is a figure in `times`.
  // Before a noun it is an adjective ("ikiqat vergitutma" is double taxation): only a verb of change follows it.
  // Whether `w` opens with a number word.
  bool starts_with_number_word(std::string_view w) const {
    return g_.number_word_openings.may_open(w) && g_.opens_with_number_word(w);
  }

  size_t multiplier_at(size_t i, const Sentence& s, Figure& f) const {
    const std::string_view w = word(i);
    if (i + 1 >= s.end_word) return i;
    if (!starts_with_number_word(w)) return i;
    const std::string_view next = word(i + 1);
    if (std::none_of(g_.multiplier_verbs.begin(), g_.multiplier_verbs.end(),
                     [&](const std::string& v) { return next.rfind(v, 0) == 0; }))
      return i;
    for (const auto& [number, value] : g_.number_words)
      for (const std::string& m : g_.multiplier_suffixes) {
        if (w.size() < number.size() + m.size() || w.compare(0, number.size(), number) != 0 ||
            w.compare(number.size(), m.size(), m) != 0)
          continue;
        std::string c;
        const std::string_view rest = w.substr(number.size() + m.size());
        if (!rest.empty() && !pack_.morphology.is_suffix_chain(rest, &c)) continue;
        f.folded_start = t_.words[i].start;
        f.folded_end = t_.words[i].end;
        f.start = t_.folded.origin[f.folded_start];
        f.end = t_.folded.origin[f.folded_end];
        f.surface = std::string(original_.substr(f.start, f.end - f.start));
        f.value = static_cast<double>(value);
        f.value_text = std::to_string(value);
        f.unit = "times";
        f.rule = "figure-multiplier";
        return i + 1;
      }
    return i;
  }

  // Only digits or a number word start a figure ("yüz", "yarım", "on", "üçqat").
  bool may_start(size_t i) const {
    if (t_.words[i].numeric) return true;
    const std::string_view w = word(i);
    return w == g_.hundred || w == g_.half || starts_with_number_word(w);
  }

  size_t try_at(size_t i, const Sentence& s, Figure& f) {
    auto parsed = number_at(i, s);
    if (!parsed) return multiplier_at(i, s, f);
    Parsed& p = *parsed;
    std::string qualifier = "exact";
    size_t span_start = p.span_start;
    std::string buf;
    const std::string& text = t_.folded.text;

    // "saat 5-də" is a time of day; "hər iki sənəddə" points back to things already named.
    if (i > s.first_word && !p.from_words && g_.time_of_day_before.contains(word(i - 1))) return p.end_word;
    if (i > s.first_word && g_.distributive_before.contains(word(i - 1))) return p.end_word;

    // Before the number: a symbol ("$5", "$ 3 milyard", "%5"), "~", or a qualifier word.
    std::string unit;
    auto symbol_before = [&](size_t at, bool money_only) {
      for (const SymbolBefore& b : symbols_before_) {
        if (money_only && b.percent) continue;
        if (at >= b.sym.size() && (b.sym.empty() || text[at - 1] == b.sym.back()) &&
            text.compare(at - b.sym.size(), b.sym.size(), b.sym) == 0) {
          unit = b.code;
          span_start = at - b.sym.size();
          return true;
        }
      }
      return false;
    };
    if (p.folded_start > 0 && !p.negative && !p.hyphen_minus && !p.plus) {
      if (text[p.folded_start - 1] == '~') {
        qualifier = "approx";
        --span_start;
      } else if (!symbol_before(p.folded_start, false) && text[p.folded_start - 1] == ' ') {
        symbol_before(p.folded_start - 1, true);
      }
    }
    const bool money_symbol_before = !unit.empty() && unit != "percent";
    if (i > s.first_word) {
      auto q = g_.qualifiers_before.find(word(i - 1));
      if (q != g_.qualifiers_before.end()) qualifier = q->second;
    }

    // Ordinals and years: "30-cu", "2019-cu ildə", "1991-ci il".
    size_t j = p.end_word;
    if (!p.from_words && j < s.end_word && t_.words[j].glued && g_.ordinal_suffixes.contains(word(j)))
      return p.end_word + 1;
    // Day numbers next to a month: "mayın 10-da", "10-11 may", "17 sеntyаbr", "15 Fev 2024".
    // A day is a whole number ("iyunda 4,2%" is a percentage); a dateline may break lines ("15\nFev\n2024").
    const bool whole = p.value.decimals == 0 && !(p.folded_end < text.size() && text[p.folded_end] == '%');
    const bool month_next = j < t_.words.size() && blank_before_word(j) && (is_month(j) || is_abbreviated_month(j));
    if (!p.from_words && whole &&
        ((i > s.first_word && is_month(i - 1)) || month_next || (j + 1 < s.end_word && t_.words[j].glued && is_month(j + 1))))
      return p.end_word;

    // Scale words.
    Decimal value = p.value;
    std::optional<Decimal> range_end = p.range_end;
    // "424.351 min ton", "273,850 mln.": before a scale word one group of three is a decimal fraction.
    auto regroup = [&](int decimals) {
      if (!p.one_group) return;
      value.decimals = decimals;
    };
    if (p.one_group && j < s.end_word && scale_of(j)) regroup(3);
    size_t last = p.end_word - 1;  // last consumed word
    std::string last_case = "nominative";
    if (!p.from_words && j < s.end_word && t_.words[j].glued) {  // "30-dan"
      std::string c;
      if (pack_.morphology.is_suffix_chain(word(j), &c)) {
        last = j;
        last_case = c;
        ++j;
      }
    }
    bool scaled = false;
    long long last_scale = 0;
    while (j < s.end_word) {
      auto scale = scale_of(j);
      if (!scale) break;
      // "on minlərlə", "milyonlarla": a plural scale is vague ("tens of thousands"), no figure.
      for (std::string_view st : stems(j))
        if (g_.scales.contains(st) && (word(j).substr(st.size()).rfind("lar", 0) == 0 ||
                                                 word(j).substr(st.size()).rfind("lər", 0) == 0))
          return j + 1;
      value.multiply(*scale);
      if (range_end) range_end->multiply(*scale);
      last = j;
      last_case = case_after_known_stem(j);
      scaled = true;
      last_scale = *scale;
      ++j;
    }
    // Compound amounts: "3 milyard 724 milyon 511 min dollar", "8 milyon 839 min 695.4 ton".
    while (scaled && j < s.end_word && t_.words[j].numeric) {
      auto part = number_at(j, s);
      if (!part || part->range_end || part->negative) break;
      auto scale = part->end_word < s.end_word ? scale_of(part->end_word) : std::nullopt;
      if (!scale) {
        // The units after the thousands: "403 min 658,68 ton".
        if (last_scale != 1000 || part->value.value() >= 1000) break;
        value = sum(value, part->value);
        last = part->end_word - 1;
        last_case = "nominative";
        j = part->end_word;
        break;
      }
      if (*scale >= last_scale) break;
      Decimal add = part->value;
      if (part->one_group) add.decimals = 3;
      add.multiply(*scale);
      value = sum(value, add);
      last = part->end_word;
      last_case = case_after_known_stem(last);
      last_scale = *scale;
      j = part->end_word + 1;
    }
    // "1 mlrd. manata": an abbreviated scale may end in a full stop.
    const bool abbreviation_stop = scaled && g_.abbreviated_scales.contains(word(last)) &&
                                   t_.words[last].end < text.size() && text[t_.words[last].end] == '.';
    // A qualifier between the number and what it counts: "4 minə yaxın şirkət".
    auto qualifier_after = [&](size_t k) -> bool {
      if (k >= s.end_word) return false;
      auto q = g_.qualifiers_after.end();
      for (std::string_view st : stems(k))  // "çoxu", "azdır", "artıqdır"
        if (q == g_.qualifiers_after.end()) q = g_.qualifiers_after.find(st);
      if (q == g_.qualifiers_after.end()) return false;
      const bool needs_case = q->second != "approx" && q->first != "keçib" && q->first != "ötüb" && q->first != "qədər";
      if (needs_case && last_case != "ablative") return false;
      if (q->second == "approx" && last_case != "dative") return false;
      qualifier = q->second;
      return true;
    };
    const bool qualified = qualifier_after(j);
    if (qualified) ++j;

    // The unit: a symbol right after ("5%", "5 %", "26.667°C", "10 ₼"), a unit word, or a counted noun.
    size_t end_word = last;
    size_t symbol_end = 0;
    if (unit.empty()) {
      size_t at = p.folded_end;
      if (at < text.size() && text[at] == ' ') ++at;
      size_t best = 0;
      for (const auto& [sym, code] : g_.symbols)
        if (sym.size() > best && at_text(at, sym)) {
          best = sym.size();
          unit = code;
        }
      if (!unit.empty()) {
        symbol_end = at + best;
        // What the symbol swallowed ("°C" ends in a letter) and its case ending ("8%-dən çox").
        size_t k = word_at_or_after(t_.words, p.folded_end);
        while (k < s.end_word && t_.words[k].start < symbol_end) ++k;
        j = std::max(j, k);
        std::string c;
        if (k < s.end_word && t_.words[k].start == symbol_end + 1 && text[symbol_end] == '-' &&
            pack_.morphology.is_suffix_chain(word(k), &c)) {
          last_case = c;
          symbol_end = t_.words[k].end;
          j = k + 1;
        }
        if (!qualified && qualifier_after(j)) ++j;
      }
    }
    if (unit == "degree") regroup(3);  // "26.667°C"
    std::string counted;
    // Only spaces may stand between the number and its unit or noun: "(60) gün" is not "60 gün".
    auto spaced_before = [&](size_t k) {
      if (k >= s.end_word) return false;
      const size_t from = std::max(p.folded_end, k > 0 ? static_cast<size_t>(t_.words[k - 1].end) : 0);
      if (from > t_.words[k].start) return false;
      for (size_t c = from; c < t_.words[k].start; ++c)
        if (text[c] != ' ' && text[c] != '\n' && !(abbreviation_stop && c == t_.words[last].end && k == last + 1)) return false;
      return true;
    };
    // "30 illiyi", "80 illiyinə": an anniversary.
    if (unit.empty() && j < s.end_word && spaced_before(j) && is_anniversary(j)) return j + 1;
    bool plural_unit = false;
    if (unit.empty() && spaced_before(j)) {
      // Only a unit whose first word shares the word's first two bytes may be it (units_opening).
      for (uint16_t u : g_.units_opening(word(j))) {
        const auto& [words, code] = g_.units[u];
        if (j + words.size() > s.end_word) continue;
        bool ok = true;
        for (size_t k = 0; k < words.size() && ok; ++k) {
          // A word's stems are its prefixes: one not opening with the unit's word is no form of it.
          ok = k + 1 < words.size()
                   ? word(j + k).starts_with(words[k]) && (word(j + k) == words[k] || stem_is(j + k, words[k]))
                   : unit_word_is(j + k, words[k], &plural_unit);
          if (ok && k + 1 < words.size()) ok = fold_key(gap(j + k, j + k + 1, buf)).empty();
        }
        if (ok) {
          unit = code;
          end_word = j + words.size() - 1;
          break;
        }
      }
      if (!unit.empty()) {
        // "on illər", "on illərlə": decades, not ten years (a numeral takes a singular noun).
        if (p.from_words && plural_unit) return end_word + 1;
        last_case = case_after_known_stem(end_word);
        j = end_word + 1;
        std::string c;  // "50 km-dən"
        if (j < s.end_word && t_.words[j].glued && pack_.morphology.is_suffix_chain(word(j), &c)) {
          last_case = c;
          end_word = j++;
        }
      }
    }
    // "üç ölkənin liderləri", "iki qitə arasında": the parties already named, not a count.
    // Counts that point back take the genitive ("üç ölkənin liderləri"), "arasında" ("iki qitə arasında"), or are
    // "the two" ("iki hökumət"); "iyirmi iki ölkə qatılıb" counts.
    if (unit.empty() && p.from_words && !scaled && j < s.end_word && stem_in(j, g_.party_nouns) &&
        (value.digits == "2" || gram_case(j) == "genitive" ||
         (j + 1 < s.end_word && word(j + 1).rfind("arasında", 0) == 0)))
      return p.end_word;
    // Identifiers: "1 nömrəli", "səhifə 45-də", "+994 12 555 nömrəsinə".
    if (!p.from_words && ((j < s.end_word && stem_in(j, g_.identifier_after)) ||
                          (i > s.first_word && stem_in(i - 1, g_.identifier_before))))
      return std::max(j, p.end_word);
    if (qualifier == "exact" && last_case == "terminative") qualifier = "less_than";  // "15 milyard dollaradək"
    // After a case-marked scale a noun is counted only across a qualifier:
    // "4 minə yaxın şirkət", but not "7 milyardadək artıb".
    const bool may_count = last_case == "nominative" || qualified;
    if (unit.empty() && may_count) {
      size_t k = j;
      size_t adjectives = 0;
      while (k < s.end_word && adjectives < 3 && g_.count_adjectives.contains(word(k))) {
        ++k;
        ++adjectives;
      }
      const bool adjacent = k < s.end_word && spaced_before(k) && (k == j || spaced_before(j));
      if (k < s.end_word && adjacent && !t_.words[k].capitalized && !t_.words[k].numeric) {
        bool blocked = false;
        for (std::string_view st : stems(k)) blocked = blocked || g_.not_counted.contains(st);
        blocked = blocked || word_number(k).has_value();  // "dörd bir yanından"
        // A numeral takes a singular noun: "on illərlə" is "for decades".
        const std::string stem = best_stem(k);
        const std::string_view after = word(k).substr(std::min(stem.size(), word(k).size()));
        if (p.from_words && (after.rfind("lar", 0) == 0 || after.rfind("lər", 0) == 0)) blocked = true;
        if (!blocked) {
          unit = "count";
          counted = stem;
          end_word = k;
          last_case = gram_case(k);
          j = k + 1;
        }
      }
    }
    bool bare = false;
    if (unit.empty()) {
      if (p.from_words) return i;  // "iki ölkə arasında": not a quantity
      // A bare number: a year, a list mark, part of a name, or a figure without a unit.
      if (!scaled && value.decimals == 0 && value.digits.size() == 4 && value.digits >= "1800" && value.digits <= "2100")
        return p.end_word;
      const size_t after = p.folded_end;
      // "1. Qazaxıstan ...", "2) ...": a list mark opening a sentence.
      if (!scaled && i == s.first_word && after < text.size() && (text[after] == '.' || text[after] == ')')) return p.end_word;
      // "Bellator 206", "Radio 4": a number after a name is part of it.
      if (!scaled && !range_end && i > s.first_word && t_.words[i - 1].capitalized && !t_.words[i - 1].opens_sentence &&
          !t_.words[i - 1].numeric && spaced_before_word(i) &&
          !(after < text.size() && text[after] == ',') && !(j < s.end_word && g_.not_counted.contains(word(j))))
        return std::max(j, p.end_word);
      unit = "count";
      bare = !scaled;
    }
    if (qualifier == "exact" && last_case == "terminative") qualifier = "less_than";
    if (p.from_words && !scaled && value.digits == "1" && value.decimals == 0) {
      // "bir" counts nothing ("bir sıra", "bir qənaət"); it measures time ("bir gün"), not per-unit prices ("bir ton neft").
      if (unit == "count" && !g_.nouns_counted_by_bir.count(counted)) return i;  // "bir nəfər həlak olub" counts
      if (unit != "count" && !g_.units_counted_by_bir.empty() && !g_.units_counted_by_bir.count(unit)) return std::max(j, p.end_word);
    }
    // "yarım" halves a unit or a scale ("yarım saat", "yarım milyon"), it counts no noun.
    if (p.half && !scaled && unit == "count") return i;
    if (qualifier == "exact" && qualifier_after(j)) ++j;  // "dolları keçib", "dollardan çox"
    // One group of three that is no fraction: "7,000 tonluq", "4,700-dən çox", "$26,750" (English-style thousands;
    // a fraction written to three places would not end in zero).
    if (p.one_group == ',' && value.decimals == 3 && !scaled && (p.group_digits.back() == '0' || money_symbol_before))
      value.decimals = 0;
    if (p.hyphen_minus && unit == "degree") p.negative = true;
    if (p.negative && (unit == "count" || money_symbol_before)) p.negative = false;  // a dash: "səfəri −17 ..."
    // "+994 12 ...": a plus before a bare number is a telephone code.
    if (p.plus && unit == "count") return std::max(j, p.end_word);
    if (!p.negative && !p.plus && span_start == p.span_start) span_start = p.folded_start;  // the sign is no part of it

    const size_t end_folded = t_.words[std::max(end_word, p.end_word - 1)].end;
    const size_t folded_end = std::max({end_folded, p.folded_end, symbol_end});
    f.folded_start = span_start;
    f.folded_end = folded_end;
    f.start = t_.folded.origin[span_start];
    f.end = t_.folded.origin[folded_end];
    f.surface = std::string(original_.substr(f.start, f.end - f.start));
    f.value_text = (p.negative ? "-" : "") + value.text();
    f.value = p.negative ? -value.value() : value.value();
    if (range_end) f.range_end = range_end->value();
    if (range_end) range_text_[span_start] = range_end->text();
    f.unit = unit;
    f.qualifier = qualifier;
    f.counted = counted;
    f.rule = p.from_words ? "figure-words" : "figure-digits";
    if (bare) bare_starts_.insert(span_start);
    return std::max(j, p.end_word);
  }
  // Only a space between word i and the word before it.
  bool spaced_before_word(size_t i) const {
    if (i == 0) return false;
    for (size_t c = t_.words[i - 1].end; c < t_.words[i].start; ++c)
      if (t_.folded.text[c] != ' ') return false;
    return true;
  }

  // The bare noun: the longest stem that drops case and possessive suffixes.
  // The shortest reading the lexicon knows ("layihələrin" → "layihə"), else the word.
  std::string best_stem(size_t k) const {
    const std::string_view w = word(k);
    std::string best(w);
    for (const SuffixReading& r : pack_.morphology.readings(w, {.harmony = true, .min_slot = 1, .min_stem_chars = 2})) {
      const std::string stem(w.substr(0, r.stem_bytes));
      if (pack_.common_words.count(stem)) best = stem;
    }
    return best;
  }

  std::string_view original_;
  const AnalyzedText& t_;
  const RulePack& pack_;
  const FigureGrammar& g_;
  // The symbols that may stand before a number ("$5", "%5"), in the grammar's order: all but degrees.
  struct SymbolBefore {
    std::string_view sym, code;
    bool percent;
  };
  std::vector<SymbolBefore> symbols_before_;
  WordStems words_{t_, pack_.morphology};
  std::unordered_map<size_t, std::string> range_text_;  // by folded start: the exact upper end
  std::unordered_set<size_t> bare_starts_;              // figures with neither unit nor noun
};

}  // namespace

std::vector<Figure> find_figures(std::string_view original, const AnalyzedText& text, const RulePack& pack) {
  return FigureFinder(original, text, pack).run();
}

}  // namespace bilik

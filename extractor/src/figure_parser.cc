#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
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
  Decimal value;
  std::optional<Decimal> range_end;
  bool from_words = false;
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

Result<FigureGrammar> FigureGrammar::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Result<FigureGrammar>::failure(path + ": cannot open the figure grammar");
  FigureGrammar g;
  try {
    const auto doc = nlohmann::json::parse(in);
    for (auto& [k, v] : doc.at("number_words").items()) g.number_words[k] = v.get<long long>();
    g.hundred = doc.at("hundred").get<std::string>();
    g.half = doc.at("half").get<std::string>();
    for (auto& [k, v] : doc.at("scales").items()) g.scales[k] = v.get<long long>();
    for (const auto& u : doc.at("units"))
      g.units.emplace_back(u.at("words").get<std::vector<std::string>>(), u.at("unit").get<std::string>());
    std::stable_sort(g.units.begin(), g.units.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    for (auto& [k, v] : doc.at("symbols").items()) g.symbols[k] = v.get<std::string>();
    for (auto& [k, v] : doc.at("qualifiers_before").items()) g.qualifiers_before[k] = v.get<std::string>();
    for (auto& [k, v] : doc.at("qualifiers_after").items()) g.qualifiers_after[k] = v.get<std::string>();
    for (const auto& w : doc.at("count_adjectives")) g.count_adjectives.insert(w.get<std::string>());
    for (const auto& w : doc.at("not_counted")) g.not_counted.insert(w.get<std::string>());
    for (const auto& w : doc.at("ordinal_suffixes")) g.ordinal_suffixes.insert(w.get<std::string>());
    for (const auto& w : doc.value("identifier_before", nlohmann::json::array())) g.identifier_before.insert(w.get<std::string>());
    for (const auto& w : doc.value("identifier_after", nlohmann::json::array())) g.identifier_after.insert(w.get<std::string>());
    if (doc.contains("months"))
      for (const auto& w : doc.at("months")) g.months.insert(w.get<std::string>());
  } catch (const nlohmann::json::exception& e) {
    return Result<FigureGrammar>::failure(path + ": " + e.what());
  }
  return g;
}

namespace {

class FigureFinder {
 public:
  FigureFinder(std::string_view original, const AnalyzedText& t, const RulePack& pack)
      : original_(original), t_(t), pack_(pack), g_(pack.figures) {}

  std::vector<Figure> run() {
    return scan_words<Figure>(
        t_, [this](size_t i, const Sentence& s, Figure& f) { return try_at(i, s, f); },
        [](const Figure& f) { return !f.unit.empty(); });
  }

 private:
  std::string_view word(size_t i) const { return words_.word(i); }
  // The word's bare forms: itself and its stems.
  const std::vector<std::string_view>& stems(size_t i) const { return words_.stems(i); }
  bool stem_is(size_t i, std::string_view target) const { return words_.stem_is(i, target); }
  std::string gram_case(size_t i) const {
    const auto r = pack_.morphology.readings(word(i), {.harmony = true, .min_slot = 3, .min_stem_chars = 2});
    return r.size() > 1 ? r.back().gram_case : "nominative";
  }
  const std::string& gap(size_t a, size_t b, std::string& buf) const {  // text between words a and b
    buf = t_.folded.text.substr(t_.words[a].end, t_.words[b].start - t_.words[a].end);
    return buf;
  }

  std::optional<long long> word_number(size_t i) const {
    auto it = g_.number_words.find(std::string(word(i)));
    if (it != g_.number_words.end()) return it->second;
    return std::nullopt;
  }
  std::optional<long long> scale_of(size_t i) const {
    for (std::string_view s : stems(i)) {
      auto it = g_.scales.find(std::string(s));
      if (it != g_.scales.end()) return it->second;
    }
    return std::nullopt;
  }
  // The case of word i once a known stem is taken off ("milyarda" after "milyard": dative).
  std::string case_after_known_stem(size_t i) const {
    const std::string_view w = word(i);
    for (std::string_view s : stems(i)) {
      const bool known = g_.scales.count(std::string(s)) || std::any_of(g_.units.begin(), g_.units.end(), [&](const auto& u) {
                           return u.first.back() == s;
                         });
      if (!known || s.size() >= w.size()) continue;
      std::string c;
      if (pack_.morphology.is_suffix_chain(w.substr(s.size()), &c)) return c;
    }
    return gram_case(i);
  }
  bool stem_in(size_t i, const std::unordered_set<std::string>& set) const {
    for (std::string_view s : stems(i))
      if (set.count(std::string(s))) return true;
    return false;
  }
  bool is_month(size_t i) const {
    for (std::string_view s : stems(i))
      if (g_.months.count(std::string(s))) return true;
    return false;
  }

  // The number starting at word i, digits or words.
  std::optional<Parsed> number_at(size_t i, const Sentence& s) const {
    const Word& w = t_.words[i];
    Parsed p;
    p.first_word = i;
    p.folded_start = w.start;
    if (w.numeric) {
      // Glued to letters ("5G", "F16") or inside an address: not a quantity.
      if (w.start > 0) {
        const char before = t_.folded.text[w.start - 1];
        if (before == '/' || before == '=' || before == '_' || before == '#' || before == '.' || before == ',' || before == '+' ||
            before == ':' || (before == '-' && w.glued))
          return std::nullopt;
      }
      for (char c : word(i))
        if (!digit(c)) return std::nullopt;
      size_t len;
      std::string digits;
      int decimals;
      const std::string_view rest = std::string_view(t_.folded.text).substr(w.start, s.end - w.start);
      if (!parse_digits(rest, len, digits, decimals)) return std::nullopt;
      if (len < rest.size() && (rest[len] == '/' || rest[len] == ':' || rest[len] == '_')) return std::nullopt;
      if (len + 1 < rest.size() && (rest[len] == '.' || rest[len] == ',') && digit(rest[len + 1])) return std::nullopt;
      p.value.digits = digits;
      p.value.decimals = decimals;
      p.folded_end = w.start + len;
      p.end_word = word_at_or_after(t_.words, p.folded_end);
      // A range: "2-3 milyard".
      if (p.folded_end + 1 < s.end && t_.folded.text[p.folded_end] == '-' && digit(t_.folded.text[p.folded_end + 1])) {
        size_t len2;
        std::string d2;
        int dec2;
        if (parse_digits(std::string_view(t_.folded.text).substr(p.folded_end + 1, s.end - p.folded_end - 1), len2, d2,
                         dec2)) {
          Decimal r;
          r.digits = d2;
          r.decimals = dec2;
          p.range_end = r;
          p.folded_end += 1 + len2;
          p.end_word = word_at_or_after(t_.words, p.folded_end);
        }
      }
      return p;
    }
    // Number words: "iki yüz əlli min", "on beş", "yarım milyon".
    long long total = 0, current = 0;
    bool any = false, half = false;
    size_t j = i;
    for (; j < s.end_word; ++j) {
      const std::string wj(word(j));
      if (auto n = word_number(j)) {
        current += *n;
        any = true;
      } else if (wj == g_.hundred) {
        current = (current ? current : 1) * 100;
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
    total += current;
    p.from_words = true;
    p.end_word = j;
    p.folded_end = t_.words[j - 1].end;
    if (half) {
      p.value.digits = "5";
      p.value.decimals = 1;
      if (total) return std::nullopt;
    } else {
      p.value.digits = std::to_string(total);
    }
    return p;
  }

  size_t try_at(size_t i, const Sentence& s, Figure& f) {
    auto parsed = number_at(i, s);
    if (!parsed) return i;
    Parsed& p = *parsed;
    std::string qualifier = "exact";
    size_t span_start = p.folded_start;
    std::string buf;

    // Before the number: a symbol, "~", or a qualifier word.
    std::string unit;
    if (p.folded_start > 0) {
      const char before = t_.folded.text[p.folded_start - 1];
      if (before == '%' || before == '$') {
        unit = g_.symbols.at(std::string(1, before));
        --span_start;
      } else if (before == '~') {
        qualifier = "approx";
        --span_start;
      }
      for (const auto& [sym, code] : g_.symbols) {
        if (sym.size() > 1 && p.folded_start >= sym.size() &&
            t_.folded.text.compare(p.folded_start - sym.size(), sym.size(), sym) == 0) {
          unit = code;
          span_start = p.folded_start - sym.size();
        }
      }
    }
    if (i > s.first_word) {
      auto q = g_.qualifiers_before.find(std::string(word(i - 1)));
      if (q != g_.qualifiers_before.end()) qualifier = q->second;
    }

    // Ordinals and years: "30-cu", "2019-cu ildə", "1991-ci il".
    size_t j = p.end_word;
    if (!p.from_words && j < s.end_word && t_.words[j].glued && g_.ordinal_suffixes.count(std::string(word(j))))
      return p.end_word + 1;
    // Day numbers next to a month: "mayın 10-da", "10-11 may".
    if (!p.from_words && ((i > s.first_word && is_month(i - 1)) || (j < s.end_word && is_month(j)) ||
                          (j + 1 < s.end_word && t_.words[j].glued && is_month(j + 1))))
      return p.end_word;

    // Scale words.
    Decimal value = p.value;
    std::optional<Decimal> range_end = p.range_end;
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
      value.multiply(*scale);
      if (range_end) range_end->multiply(*scale);
      last = j;
      last_case = case_after_known_stem(j);
      scaled = true;
      last_scale = *scale;
      ++j;
    }
    // Compound amounts: "3 milyard 724 milyon 511 min dollar".
    while (scaled && j + 1 < s.end_word && t_.words[j].numeric) {
      auto part = number_at(j, s);
      if (!part || part->range_end || part->end_word >= s.end_word) break;
      auto scale = scale_of(part->end_word);
      if (!scale || *scale >= last_scale) break;
      Decimal add = part->value;
      add.multiply(*scale);
      value = sum(value, add);
      last = part->end_word;
      last_case = case_after_known_stem(last);
      last_scale = *scale;
      j = part->end_word + 1;
    }
    // A qualifier between the number and what it counts: "4 minə yaxın şirkət".
    auto qualifier_after = [&](size_t k) -> bool {
      if (k >= s.end_word) return false;
      auto q = g_.qualifiers_after.end();
      for (std::string_view st : stems(k))  // "çoxu", "azdır", "artıqdır"
        if (q == g_.qualifiers_after.end()) q = g_.qualifiers_after.find(std::string(st));
      if (q == g_.qualifiers_after.end()) return false;
      const bool needs_case = q->second != "approx" && q->first != "keçib" && q->first != "ötüb" && q->first != "qədər";
      if (needs_case && last_case != "ablative") return false;
      if (q->second == "approx" && last_case != "dative") return false;
      qualifier = q->second;
      return true;
    };
    const bool qualified = qualifier_after(j);
    if (qualified) ++j;

    // The unit: a symbol right after, a unit word, or a counted noun.
    size_t end_word = last;
    if (unit.empty() && p.folded_end < t_.folded.text.size() && t_.folded.text[p.folded_end] == '%') {
      unit = "percent";
      f.end = 0;
    }
    std::string counted;
    // Only spaces may stand between the number and its unit or noun: "(60) gün" is not "60 gün".
    auto spaced_before = [&](size_t k) {
      if (k >= s.end_word) return false;
      const size_t from = std::max(p.folded_end, k > 0 ? static_cast<size_t>(t_.words[k - 1].end) : 0);
      if (from > t_.words[k].start) return false;
      for (size_t c = from; c < t_.words[k].start; ++c)
        if (t_.folded.text[c] != ' ' && t_.folded.text[c] != '\n') return false;
      return true;
    };
    if (unit.empty() && spaced_before(j)) {
      for (const auto& [words, code] : g_.units) {
        if (j + words.size() > s.end_word) continue;
        bool ok = true;
        for (size_t k = 0; k < words.size() && ok; ++k) {
          ok = k + 1 < words.size() ? (word(j + k) == words[k] || stem_is(j + k, words[k])) : stem_is(j + k, words[k]);
          if (ok && k + 1 < words.size()) ok = fold_key(gap(j + k, j + k + 1, buf)).empty();
        }
        if (ok) {
          unit = code;
          end_word = j + words.size() - 1;
          break;
        }
      }
      if (!unit.empty()) {
        last_case = case_after_known_stem(end_word);
        j = end_word + 1;
        std::string c;  // "50 km-dən"
        if (j < s.end_word && t_.words[j].glued && pack_.morphology.is_suffix_chain(word(j), &c)) {
          last_case = c;
          end_word = j++;
        }
      }
    }
    // "iki ölkə arasında": the two countries, not a count.
    if (unit.empty() && p.from_words && value.digits == "2" && !scaled && j < s.end_word && stem_in(j, g_.not_counted))
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
      while (k < s.end_word && adjectives < 3 && g_.count_adjectives.count(std::string(word(k)))) {
        ++k;
        ++adjectives;
      }
      const bool adjacent = k < s.end_word && spaced_before(k) && (k == j || spaced_before(j));
      if (k < s.end_word && adjacent && !t_.words[k].capitalized && !t_.words[k].numeric) {
        bool blocked = false;
        for (std::string_view st : stems(k))
          blocked = blocked || (g_.not_counted.count(std::string(st)) && !(p.from_words && value.digits != "2"));
        if (!blocked) {
          unit = "count";
          counted = best_stem(k);
          end_word = k;
          last_case = gram_case(k);
          j = k + 1;
        }
      }
    }
    if (unit.empty()) {
      if (p.from_words) return i;  // "iki ölkə arasında": not a quantity
      // A bare number: a year, or a figure without a unit.
      if (!scaled && value.decimals == 0 && value.digits.size() == 4 && value.digits >= "1800" && value.digits <= "2100")
        return p.end_word;
      unit = "count";
    }
    if (qualifier == "exact" && last_case == "terminative") qualifier = "less_than";
    // "bir" counts nothing ("bir sıra", "bir qənaət"); it measures time ("bir gün").
    if (p.from_words && unit == "count" && value.digits == "1" && !scaled) return i;
    if (qualifier == "exact" && qualifier_after(j)) ++j;  // "dolları keçib", "dollardan çox"

    const size_t end_folded = t_.words[std::max(end_word, p.end_word - 1)].end;
    const size_t folded_end = std::max(end_folded, p.folded_end + (unit == "percent" && t_.folded.text.size() > p.folded_end && t_.folded.text[p.folded_end] == '%' ? 1 : 0));
    f.folded_start = span_start;
    f.folded_end = folded_end;
    f.start = t_.folded.origin[span_start];
    f.end = t_.folded.origin[folded_end];
    f.surface = std::string(original_.substr(f.start, f.end - f.start));
    f.value_text = value.text();
    f.value = value.value();
    if (range_end) f.range_end = range_end->value();
    f.unit = unit;
    f.qualifier = qualifier;
    f.counted = counted;
    f.rule = p.from_words ? "figure-words" : "figure-digits";
    return std::max(j, p.end_word);
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
  WordStems words_{t_, pack_.morphology};
};

}  // namespace

std::vector<Figure> find_figures(std::string_view original, const AnalyzedText& text, const RulePack& pack) {
  return FigureFinder(original, text, pack).run();
}

}  // namespace bilik

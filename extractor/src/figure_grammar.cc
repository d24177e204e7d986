// FigureGrammar::load: data/az/figures.json into the words figures.cc combines.
#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "bilik/figures.h"

namespace bilik {

bool FigureGrammar::opens_with_number_word(std::string_view w) const {
  if (w.empty()) return false;
  auto any_opens = [&](uint32_t opening) {
    auto it = std::lower_bound(number_words_by_opening.begin(), number_words_by_opening.end(), opening,
                               [](const auto& entry, uint32_t key) { return entry.first < key; });
    for (; it != number_words_by_opening.end() && it->first == opening; ++it)
      if (w.starts_with(it->second)) return true;
    return false;
  };
  return (w.size() >= 2 && any_opens(opening_key(w, 2))) || any_opens(opening_key(w, 1));
}

const std::vector<uint16_t>& FigureGrammar::units_opening(std::string_view w) const {
  static const std::vector<uint16_t> kNone;
  if (w.size() < 2 || short_unit_first_bytes[static_cast<unsigned char>(w[0])]) return all_units;
  auto it = units_by_opening.find(opening_key(w, 2));
  return it == units_by_opening.end() ? kNone : it->second;
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
    for (const auto& u : doc.at("units")) {
      auto unit_words = u.at("words").get<std::vector<std::string>>();
      const auto code = u.at("unit").get<std::string>();
      if (unit_words.empty() || std::find(unit_words.begin(), unit_words.end(), "") != unit_words.end())
        return Result<FigureGrammar>::failure(path + ": unit \"" + code + "\" has an empty word list or an empty word");
      g.unit_last_words.insert(unit_words.back());
      g.units.emplace_back(std::move(unit_words), code);
    }
    std::stable_sort(g.units.begin(), g.units.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    if (g.units.size() > UINT16_MAX) return Result<FigureGrammar>::failure(path + ": more than 65535 units");
    for (size_t u = 0; u < g.units.size(); ++u) {
      const std::string& first = g.units[u].first.front();
      g.all_units.push_back(static_cast<uint16_t>(u));
      if (first.size() < 2) g.short_unit_first_bytes[static_cast<unsigned char>(first[0])] = true;
      else g.units_by_opening[opening_key(first, 2)].push_back(static_cast<uint16_t>(u));
    }
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
    auto words = [&](const char* key, WordSet& into) {
      for (const auto& w : doc.value(key, nlohmann::json::array())) into.insert(w.get<std::string>());
    };
    words("not_unit_words", g.not_unit_words);
    words("abbreviated_scales", g.abbreviated_scales);
    words("time_of_day_before", g.time_of_day_before);
    words("distributive_before", g.distributive_before);
    words("party_nouns", g.party_nouns);
    words("units_counted_by_bir", g.units_counted_by_bir);
    words("nouns_counted_by_bir", g.nouns_counted_by_bir);
    words("month_abbreviations", g.month_abbreviations);
    for (const auto& w : doc.value("unit_derivations", nlohmann::json::array())) g.unit_derivations.push_back(w.get<std::string>());
    std::sort(g.unit_derivations.begin(), g.unit_derivations.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    for (const auto& w : doc.value("copula_endings", nlohmann::json::array())) g.copula_endings.push_back(w.get<std::string>());
    for (const auto& w : doc.value("multiplier_suffixes", nlohmann::json::array()))
      g.multiplier_suffixes.push_back(w.get<std::string>());
    for (const auto& w : doc.value("multiplier_verbs", nlohmann::json::array())) g.multiplier_verbs.push_back(w.get<std::string>());
    for (const auto& w : doc.value("anniversary_prefixes", nlohmann::json::array()))
      g.anniversary_prefixes.push_back(w.get<std::string>());
    const nlohmann::json homoglyphs = doc.value("homoglyphs", nlohmann::json::object());
    for (auto& [k, v] : homoglyphs.items()) g.homoglyphs[k] = v.get<std::string>();
  } catch (const nlohmann::json::exception& e) {
    return Result<FigureGrammar>::failure(path + ": " + e.what());
  }
  for (const auto& [number, value] : g.number_words) {
    g.number_word_openings.add(number);
    if (!number.empty()) g.number_words_by_opening.emplace_back(opening_key(number, 2), number);
  }
  std::sort(g.number_words_by_opening.begin(), g.number_words_by_opening.end());
  for (const std::string& month : g.months) g.month_openings.add(month);
  for (const auto& [from, to] : g.homoglyphs)
    if (!from.empty()) g.homoglyph_first_bytes[static_cast<unsigned char>(from[0])] = true;
  return g;
}

}  // namespace bilik

#include "bilik/rule_pack.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "bilik/fnv1a.h"
#include "bilik/utf8.h"
#include "rule_files.h"
#include "rule_reading.h"

namespace bilik {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// One folded word or name per line of `path` ('#' starts a comment line),
// into `words`; the file's text goes into the pack's fingerprint.
Status read_word_list(const fs::path& path, WordSet& words, uint64_t& hash) {
  auto text = read_file(path);
  if (!text) return Status::failure(text.error());
  hash = fnv1a(hash, text->text);
  std::istringstream lines(text->text);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] != '#') words.insert(fold_key(line));
  }
  return {};
}

}  // namespace

Result<RulePack> load_rule_pack(const std::string& dir) {
  const fs::path root(dir);
  auto manifest_file = read_file(root / "pack.json");
  if (!manifest_file) return Result<RulePack>::failure(manifest_file.error() + " (is " + dir + " a rule pack?)");
  auto manifest = parse_json(*manifest_file);
  if (!manifest) return Result<RulePack>::failure(manifest.error());
  if (Status s = known_keys(*manifest,
                            {"language", "morphology", "gazetteers", "figures", "dates", "lexicon", "word_lists",
                             "demonyms", "demonym_heads", "state_bodies", "state_body_heads", "treaty_kind_words", "patterns", "abbreviations", "treaty_subject_ends", "number_words"},
                            manifest_file->path + ": ");
      !s)
    return Result<RulePack>::failure(s.error());
  // The extractor's version is part of the fingerprint: a new bilik re-extracts.
  uint64_t hash = fnv1a(fnv1a(kFnv1aOffset, BILIK_VERSION), manifest_file->text);

  RulePack pack;
  pack.dir = dir;
  // Atoms of two bytes or more: a byline's "- " or a company kind's "sc"
  // then guard rules that would otherwise run on every sentence (an atom
  // too short drops every alternative beside it), while single bytes are in
  // most sentences and only make more sets of atoms to look up.
  constexpr int kMinAtomBytes = 2;
  pack.entity_filter.filter = std::make_shared<re2::FilteredRE2>(kMinAtomBytes);
  for (RulePack::RuleFilter& f : pack.relation_filters) f.filter = std::make_shared<re2::FilteredRE2>(kMinAtomBytes);
  try {
    const fs::path morphology_path = root / manifest->at("morphology").get<std::string>();
    auto morphology = Morphology::load(morphology_path.string());
    if (!morphology) return Result<RulePack>::failure(morphology.error());
    pack.morphology = std::move(*morphology);
    if (auto text = read_file(morphology_path)) hash = fnv1a(hash, text->text);

    if (manifest->contains("figures")) {
      const fs::path path = root / manifest->at("figures").get<std::string>();
      auto grammar = FigureGrammar::load(path.string());
      if (!grammar) return Result<RulePack>::failure(grammar.error());
      pack.figures = std::move(*grammar);
      if (auto text = read_file(path)) hash = fnv1a(hash, text->text);
    }
    if (manifest->contains("dates")) {
      const fs::path path = root / manifest->at("dates").get<std::string>();
      auto grammar = DateGrammar::load(path.string());
      if (!grammar) return Result<RulePack>::failure(grammar.error());
      pack.dates = std::move(*grammar);
      if (auto text = read_file(path)) hash = fnv1a(hash, text->text);
    }
    for (const std::string& name : strings(*manifest, "gazetteers")) {
      const fs::path path = root / name;
      if (Status s = pack.gazetteer.load_file(path.string()); !s) return Result<RulePack>::failure(s.error());
      if (auto text = read_file(path)) hash = fnv1a(hash, text->text);
    }
    for (const std::string& a : strings(*manifest, "abbreviations")) pack.abbreviations.insert(fold_key(a));
    if (manifest->contains("lexicon"))
      if (Status s = read_word_list(root / manifest->at("lexicon").get<std::string>(), pack.common_words, hash); !s)
        return Result<RulePack>::failure(s.error());
    if (manifest->contains("demonyms")) {
      const std::string file = manifest->at("demonyms").get<std::string>();
      auto text = read_file(root / file);
      if (!text) return Result<RulePack>::failure(text.error());
      hash = fnv1a(hash, text->text);
      std::istringstream lines(text->text);
      std::string line;
      for (size_t n = 1; std::getline(lines, line); ++n) {
        if (line.empty() || line[0] == '#') continue;
        const size_t tab = line.find('\t');
        if (tab == std::string::npos || tab == 0 || tab + 1 == line.size())
          return Result<RulePack>::failure(file + ":" + std::to_string(n) + ": expected \"demonym<TAB>state\"");
        pack.demonyms[fold_key(line.substr(0, tab))] = fold_key(line.substr(tab + 1));
      }
    }
    for (const std::string& w : strings(*manifest, "demonym_heads")) {
      const std::string head = fold_key(w);
      if (head.empty())
        return Result<RulePack>::failure((root / "pack.json").string() + ": demonym_heads: \"" + w + "\" has no letters");
      pack.demonym_heads.push_back(head);
      pack.demonym_head_openings.add(head);
    }
    if (manifest->contains("state_bodies"))
      if (Status s = read_word_list(root / manifest->at("state_bodies").get<std::string>(), pack.state_bodies, hash); !s)
        return Result<RulePack>::failure(s.error());
    for (const std::string& w : strings(*manifest, "state_body_heads")) pack.state_body_heads.insert(fold_key(w));
    for (const std::string& w : strings(*manifest, "treaty_kind_words")) pack.treaty_kind_words.push_back(fold_key(w));
    if (manifest->contains("word_lists"))
      for (auto& [list, file] : manifest->at("word_lists").items())
        if (Status s = read_word_list(root / file.get<std::string>(), pack.word_lists[list], hash); !s)
          return Result<RulePack>::failure(s.error());
    for (const auto& [list, words] : pack.word_lists) {
      auto& openings = pack.word_list_openings[list];
      for (const std::string& w : words) {
        openings[w] |= RulePack::kListWord;
        for (size_t k = 1; k < w.size(); ++k)
          if ((static_cast<unsigned char>(w[k]) & 0xC0) != 0x80) openings[w.substr(0, k)] |= RulePack::kListWordGoesOn;
      }
    }
    for (const std::string& w : strings(*manifest, "treaty_subject_ends")) pack.treaty_subject_ends.insert(fold_key(w));
    if (manifest->contains("number_words"))
      for (auto& [word, value] : manifest->at("number_words").items())
        pack.number_words[fold_key(word)] = value.get<long long>();

    Defines defines;
    RuleFiles rule_files;
    for (const std::string& name : strings(*manifest, "patterns")) {
      auto file = read_file(root / name);
      if (!file) return Result<RulePack>::failure(file.error());
      hash = fnv1a(hash, file->text);
      auto doc = parse_json(*file);
      if (!doc) return Result<RulePack>::failure(doc.error());
      if (Status s = known_keys(*doc, {"define", "entity_rules", "relation_rules", "inferences"}, file->path + ": "); !s)
        return Result<RulePack>::failure(s.error());
      if (doc->contains("define"))
        for (auto& [key, value] : doc->at("define").items()) defines[key] = value.get<std::string>();
      rule_files.emplace_back(file->path, std::move(*doc));
    }
    if (Status s = read_rules(rule_files, defines, root, pack); !s) return Result<RulePack>::failure(s.error());
  } catch (const json::exception& e) {
    return Result<RulePack>::failure((root / "pack.json").string() + ": " + e.what());
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  pack.hash = hex;
  spdlog::debug("rule pack {}: {} gazetteer entries ({} names), {} entity rules", dir, pack.gazetteer.entries(),
                pack.gazetteer.names(), pack.entity_rules.size());
  return pack;
}

std::string default_pack_dir(const std::string& argv0, const std::string& language) {
  if (const char* env = std::getenv("BILIK_DATA"); env && *env) return (fs::path(env) / language).string();
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) exe = fs::absolute(argv0, ec);
  const fs::path installed = exe.parent_path().parent_path() / "share" / "bilik" / language;
  if (fs::exists(installed / "pack.json", ec)) return installed.string();
#ifdef BILIK_INSTALL_DATA_DIR
  if (fs::exists(fs::path(BILIK_INSTALL_DATA_DIR) / language / "pack.json", ec))
    return (fs::path(BILIK_INSTALL_DATA_DIR) / language).string();
#endif
#ifdef BILIK_SOURCE_DATA_DIR
  return (fs::path(BILIK_SOURCE_DATA_DIR) / language).string();
#else
  return (fs::path("data") / language).string();
#endif
}

}  // namespace bilik

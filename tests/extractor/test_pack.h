// The bundled Azerbaijani pack, loaded once for all tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bilik/rule_pack.h"

namespace bilik::test {

inline const RulePack& pack() {
  static const RulePack loaded = [] {
    auto p = load_rule_pack(BILIK_TEST_PACK);
    if (!p) {
      ADD_FAILURE() << p.error();
      return RulePack{};
    }
    return std::move(*p);
  }();
  return loaded;
}

// The texts of the bundled sample articles (data/samples).
inline std::vector<std::string> sample_articles() {
  std::vector<std::string> texts;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(BILIK_TEST_PACK) + "/../samples")) {
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    texts.push_back(text.str());
  }
  return texts;
}

}  // namespace bilik::test

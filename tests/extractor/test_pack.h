// The bundled Azerbaijani pack, loaded once for all tests.
#pragma once

#include <gtest/gtest.h>

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

}  // namespace bilik::test

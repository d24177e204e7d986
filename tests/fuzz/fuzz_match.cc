// libFuzzer target: the `query match` pattern parser and evaluator, on a
// small store built once from a sentence of the bundled samples.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "bilik/extraction.h"
#include "bilik/query.h"
#include "bilik/rule_pack.h"
#include "bilik/store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static bilik::RulePack pack = [] {
    auto p = bilik::load_rule_pack(BILIK_FUZZ_PACK);
    if (!p) std::abort();
    return std::move(*p);
  }();
  static std::unique_ptr<bilik::Store> store = [] {
    const std::string path = "/tmp/bilik-fuzz-match-" + std::to_string(getpid()) + ".db";
    std::filesystem::remove(path);
    auto s = bilik::Store::open(path, bilik::Store::Mode::ReadWrite);
    if (!s) std::abort();
    const std::string text =
        "Qazaxıstan Prezidenti Qasım-Jomart Tokayev və Türkiyə Prezidenti Rəcəb Tayyib Ərdoğan saziş imzalayıblar. "
        "Tokayev Türkiyəyə rəsmi səfər edib.";
    bilik::Document doc{"fuzz.txt", "", "", text, ""};
    (*s)->begin();
    (*s)->put_document(doc, "h", "r", bilik::extract_document(text, pack));
    (*s)->commit();
    return std::move(*s);
  }();
  bilik::match_patterns(store->handle(), std::string(reinterpret_cast<const char*>(data), size), &pack.morphology, 50);
  return 0;
}

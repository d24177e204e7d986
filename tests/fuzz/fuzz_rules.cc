// libFuzzer target: the rule-pack loader, given any bytes as a pattern file
// of an otherwise minimal pack. A load either succeeds or names its error.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "bilik/rule_pack.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::filesystem::path dir = [] {
    const auto d = std::filesystem::temp_directory_path() / ("bilik-fuzz-pack-" + std::to_string(getpid()));
    std::filesystem::create_directories(d);
    std::filesystem::copy_file(std::string(BILIK_FUZZ_PACK) + "/morphology.json", d / "morphology.json",
                               std::filesystem::copy_options::overwrite_existing);
    std::ofstream(d / "pack.json") << R"({"morphology": "morphology.json", "patterns": ["rules.json"]})";
    return d;
  }();
  std::ofstream(dir / "rules.json", std::ios::binary) << std::string(reinterpret_cast<const char*>(data), size);
  auto pack = bilik::load_rule_pack(dir.string());
  if (!pack && pack.error().empty()) std::abort();
  return 0;
}

// The baseline for extraction speed: RE2 alone scanning text for every name
// of the bundled gazetteers, as one alternation over folded text.
//
//   build/bench/re2_gazetteer_scan FILE...
//
// Prints MB/s and the number of matches. bilik's own gazetteer scan (a trie
// over words) and its whole extraction are measured by bench/extract_speed.sh.
#include <re2/re2.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "bilik/rule_pack.h"

int main(int argc, char** argv) {
  auto pack = bilik::load_rule_pack(BILIK_BENCH_PACK);
  if (!pack) {
    std::fprintf(stderr, "%s\n", pack.error().c_str());
    return 2;
  }
  std::string alternation;
  for (uint32_t i = 0; i < pack->gazetteer.entries(); ++i) {
    const std::string key = bilik::fold_key(pack->gazetteer.entry(i).canonical);
    if (key.empty()) continue;
    alternation += (alternation.empty() ? "" : "|") + RE2::QuoteMeta(key);
  }
  RE2::Options options;
  options.set_max_mem(256 << 20);
  options.set_log_errors(false);
  RE2 names("(" + alternation + ")", options);
  if (!names.ok()) {
    std::fprintf(stderr, "RE2: %s\n", names.error().c_str());
    return 2;
  }
  std::string text;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream b;
    b << in.rdbuf();
    text += bilik::fold_text(b.str()).text;
    text += '\n';
  }
  const auto t0 = std::chrono::steady_clock::now();
  re2::StringPiece input(text);
  size_t matches = 0;
  while (RE2::FindAndConsume(&input, names)) ++matches;
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("RE2 alone: %zu names in one alternation, %.1f MB of folded text in %.2f s = %.1f MB/s, %zu matches\n",
              static_cast<size_t>(pack->gazetteer.entries()), text.size() / 1e6, s, text.size() / 1e6 / s, matches);
  return 0;
}

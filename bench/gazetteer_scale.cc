// How gazetteer loading and matching scale with the number of names.
//
//   build/bench/gazetteer_scale [NAMES] [TEXT_FILE]
//
// Writes NAMES synthetic multi-word names (syllables of Azerbaijani shape) to
// a temporary TSV, loads it next to the bundled pack's morphology, and scans
// TEXT_FILE (default: the bundled samples, repeated to 10 MB). Prints load
// time, names per second, and scan speed in MB/s.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "bilik/gazetteer.h"
#include "bilik/rule_pack.h"

using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  const size_t names = argc > 1 ? std::stoul(argv[1]) : 300000;
  auto pack = bilik::load_rule_pack(BILIK_BENCH_PACK);
  if (!pack) {
    std::fprintf(stderr, "%s\n", pack.error().c_str());
    return 2;
  }
  const char* syllables[] = {"qa", "za", "xı", "stan", "ba", "kı", "gən", "cə", "şu", "şa", "lən", "kə", "ran",
                             "mi", "nə", "çe", "vir", "tov", "yev", "əli", "hü", "seyn", "ov", "ər", "do", "ğan"};
  std::mt19937 rng(42);
  auto word = [&] {
    std::string w;
    const int n = 2 + rng() % 3;
    for (int i = 0; i < n; ++i) w += syllables[rng() % (sizeof syllables / sizeof *syllables)];
    w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    return w;
  };
  const auto tsv = std::filesystem::temp_directory_path() / "bilik-bench-names.tsv";
  {
    std::ofstream out(tsv);
    for (size_t i = 0; i < names; ++i) out << word() << ' ' << word() << (i % 3 ? "" : " " + word()) << "\tORGANIZATION\t\n";
  }
  bilik::Gazetteer g;
  auto t0 = Clock::now();
  if (auto s = g.load_file(tsv.string()); !s) {
    std::fprintf(stderr, "%s\n", s.error().c_str());
    return 2;
  }
  const double load_s = std::chrono::duration<double>(Clock::now() - t0).count();

  std::string text;
  if (argc > 2) {
    std::ifstream in(argv[2]);
    std::stringstream b;
    b << in.rdbuf();
    text = b.str();
  } else {
    for (const auto& e : std::filesystem::directory_iterator(std::string(BILIK_BENCH_PACK) + "/../samples")) {
      std::ifstream in(e.path());
      std::stringstream b;
      b << in.rdbuf();
      text += b.str();
    }
  }
  const std::string one = text;
  while (text.size() < 10'000'000) text += one;
  t0 = Clock::now();
  const bilik::FoldedText f = bilik::fold_text(text);
  const auto words = bilik::split_words(f);
  const double fold_s = std::chrono::duration<double>(Clock::now() - t0).count();
  t0 = Clock::now();
  const auto matches = g.scan(f, words, pack->morphology);
  const double scan_s = std::chrono::duration<double>(Clock::now() - t0).count();
  std::printf("names %zu (%zu entries): load %.2f s (%.0f names/s)\n", g.names(), g.entries(), load_s, g.names() / load_s);
  std::printf("text %.1f MB: fold+words %.2f s (%.1f MB/s), gazetteer scan %.2f s (%.1f MB/s), %zu matches\n",
              text.size() / 1e6, fold_s, text.size() / 1e6 / fold_s, scan_s, text.size() / 1e6 / scan_s, matches.size());
  std::filesystem::remove(tsv);
  return 0;
}

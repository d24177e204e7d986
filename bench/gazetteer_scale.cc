// How gazetteer loading and matching scale with the number of names.
//
//   build/bench/gazetteer_scale [NAMES] [TEXT_FILE]
//
// Writes NAMES (default 1,000,000) synthetic multi-word names (syllables of
// Azerbaijani shape) to a temporary TSV and loads it after the bundled pack's
// gazetteers. Scans TEXT_FILE (default: the bundled samples), repeated to
// 10 MB, with the bundled gazetteers alone and with the large one, and
// prints the load time, both scan speeds (the best of five scans) and the
// matches each found: the large gazetteer finds every bundled match, and its
// scan should lose less than half the speed.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include "bilik/gazetteer.h"
#include "bilik/rule_pack.h"

using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream b;
  b << in.rdbuf();
  return b.str();
}

// The best of five scans: MB/s and the matches found.
std::pair<double, size_t> scan_speed(const bilik::Gazetteer& g, const bilik::FoldedText& f,
                                     const std::vector<bilik::Word>& words, const bilik::RulePack& pack) {
  double best = 1e9;
  size_t matches = 0;
  for (int round = 0; round < 5; ++round) {
    const auto t0 = Clock::now();
    matches = g.scan(f, words, pack.morphology, &pack.common_words).size();
    best = std::min(best, seconds_since(t0));
  }
  return {f.text.size() / 1e6 / best, matches};
}

}  // namespace

int main(int argc, char** argv) {
  const size_t names = argc > 1 ? std::stoul(argv[1]) : 1000000;
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
  const std::string pack_dir = BILIK_BENCH_PACK;
  const auto manifest = nlohmann::json::parse(read_file(pack_dir + "/pack.json"));
  bilik::Gazetteer large;
  for (const auto& file : manifest.at("gazetteers")) large.load_file(pack_dir + "/" + file.get<std::string>());
  const size_t bundled_names = large.names();
  const auto t0 = Clock::now();
  if (auto s = large.load_file(tsv.string()); !s) {
    std::fprintf(stderr, "%s\n", s.error().c_str());
    return 2;
  }
  const double load_s = seconds_since(t0);
  std::filesystem::remove(tsv);

  std::string text;
  if (argc > 2) {
    text = read_file(argv[2]);
  } else {
    for (const auto& e : std::filesystem::directory_iterator(pack_dir + "/../samples")) text += read_file(e.path());
  }
  const std::string one = text;
  while (text.size() < 10'000'000) text += one;
  const bilik::FoldedText f = bilik::fold_text(text);
  const auto words = bilik::split_words(f);
  const auto [bundled_speed, bundled_matches] = scan_speed(pack->gazetteer, f, words, *pack);
  const auto [large_speed, large_matches] = scan_speed(large, f, words, *pack);
  std::printf("load: %zu names in %.2f s (%.0f names/s), after the bundled %zu\n", large.names() - bundled_names,
              load_s, (large.names() - bundled_names) / load_s, bundled_names);
  std::printf("scan of %.1f MB: bundled %.1f MB/s (%zu matches), with %zu more names %.1f MB/s (%zu matches): %.2fx\n",
              text.size() / 1e6, bundled_speed, bundled_matches, names, large_speed, large_matches,
              large_speed / bundled_speed);
  return 0;
}

// Extraction without the store, stage by stage: user-space instructions (from
// the CPU's counter, where the machine gives access to it) and this thread's
// CPU time per stage, per byte of input (CPU time, not wall time, so other
// work on a shared machine does not count). Runs the stages of
// extract_document in its order. Where no counter is available, run it under
// `valgrind --tool=callgrind` and read each stage function's inclusive cost.
//
//   build/bench/extract_stages [--repeat N] [--warmup | --warmup-on PATH] [--rules DIR] INPUT...
//
// --warmup extracts everything once before measuring, so one-time costs
// (RE2 builds each pattern's reverse program on its first match) are left
// out; under callgrind it also zeroes the counts there. --warmup-on PATH
// (repeatable) warms up on other text instead: what is then measured is
// text the matchers have not seen, as in a long run over a real archive,
// where RE2's DFAs meet new sentences all the time.
//
// Prints one line per stage and a total: instructions/byte and MB/s on one
// core.
#include <linux/perf_event.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_ZERO_STATS
#endif

#include "bilik/extraction.h"
#include "bilik/reader.h"
#include "bilik/rule_pack.h"

namespace {

// Counts user-space instructions of this thread.
class InstructionCounter {
 public:
  InstructionCounter() {
    perf_event_attr attr{};
    attr.type = PERF_TYPE_HARDWARE;
    attr.size = sizeof(attr);
    attr.config = PERF_COUNT_HW_INSTRUCTIONS;
    attr.exclude_kernel = 1;
    attr.exclude_hv = 1;
    fd_ = static_cast<int>(syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0));
    if (fd_ >= 0) ioctl(fd_, PERF_EVENT_IOC_ENABLE, 0);
  }
  ~InstructionCounter() {
    if (fd_ >= 0) close(fd_);
  }
  bool ok() const { return fd_ >= 0; }
  uint64_t read_now() const {
    uint64_t v = 0;
    if (fd_ < 0 || ::read(fd_, &v, sizeof(v)) != sizeof(v)) return 0;
    return v;
  }

 private:
  int fd_ = -1;
};

enum Stage { kFold, kCandidates, kOverlaps, kCoreference, kDates, kFigures, kRelations, kStages };
const char* const kNames[kStages] = {"fold+segment", "candidates", "overlaps+doc names", "coreference",
                                     "dates", "figures", "relations"};

struct Meter {
  const InstructionCounter& counter;
  uint64_t instructions[kStages] = {};
  double seconds[kStages] = {};
  uint64_t last_i = 0;
  double last_t = 0;
  static double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
  }
  void start() {
    last_t = cpu_seconds();
    last_i = counter.read_now();
  }
  void lap(Stage s) {
    const uint64_t i = counter.read_now();
    const double t = cpu_seconds();
    instructions[s] += i - last_i;
    seconds[s] += t - last_t;
    last_i = i;
    last_t = t;
  }
};

void extract_staged(const bilik::Document& d, const bilik::RulePack& pack, Meter& m, size_t& outputs) {
  using namespace bilik;
  m.start();
  const AnalyzedText analyzed = analyze(d.text, pack);
  m.lap(kFold);
  std::vector<Candidate> candidates = find_candidates(d.text, analyzed, pack);
  m.lap(kCandidates);
  resolve_overlaps(candidates);
  add_document_names(d.text, analyzed, pack, candidates);
  resolve_overlaps(candidates);
  m.lap(kOverlaps);
  const ResolvedEntities entities = resolve_entities(d.text, analyzed, candidates, pack);
  m.lap(kCoreference);
  const std::vector<DateMention> dates = find_dates(d.text, analyzed, pack, d.published);
  m.lap(kDates);
  std::vector<Figure> figures = find_figures(d.text, analyzed, pack);
  m.lap(kFigures);
  const std::vector<Triple> triples = find_relations(d.text, analyzed, entities, figures, dates, pack, d.published);
  m.lap(kRelations);
  outputs += entities.mentions.size() + dates.size() + figures.size() + triples.size();
}

std::vector<bilik::Document> read_documents(const std::vector<std::string>& inputs, size_t& bytes) {
  std::vector<bilik::InputError> errors;
  std::vector<bilik::Document> docs;
  for (const std::string& path : bilik::list_inputs(inputs, errors)) {
    auto doc = bilik::read_document(path);
    if (!doc) {
      std::fprintf(stderr, "%s\n", doc.error().c_str());
      continue;
    }
    bytes += doc->text.size();
    docs.push_back(std::move(*doc));
  }
  return docs;
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 1;
  bool warmup = false;
  std::vector<std::string> warmup_inputs;
  std::string rules = BILIK_BENCH_PACK;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else if (a == "--warmup") warmup = true;
    else if (a == "--warmup-on" && i + 1 < argc) warmup_inputs.push_back(argv[++i]);
    else if (a == "--rules" && i + 1 < argc) rules = argv[++i];
    else inputs.push_back(a);
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "usage: extract_stages [--repeat N] [--warmup | --warmup-on PATH] [--rules DIR] INPUT...\n");
    return 2;
  }
  auto pack = bilik::load_rule_pack(rules);
  if (!pack) {
    std::fprintf(stderr, "%s\n", pack.error().c_str());
    return 2;
  }
  size_t bytes = 0;
  const std::vector<bilik::Document> docs = read_documents(inputs, bytes);
  size_t outputs = 0;
  if (warmup || !warmup_inputs.empty()) {
    size_t warmup_bytes = 0;
    for (const bilik::Document& d : warmup_inputs.empty() ? docs : read_documents(warmup_inputs, warmup_bytes))
      bilik::extract_document(d.text, *pack, d.published);
    CALLGRIND_ZERO_STATS;
  }
  InstructionCounter counter;
  Meter meter{counter};
  for (int r = 0; r < repeat; ++r)
    for (const bilik::Document& d : docs) extract_staged(d, *pack, meter, outputs);
  const double total_bytes = static_cast<double>(bytes) * repeat;
  uint64_t all_i = 0;
  double all_s = 0;
  std::printf("%zu documents, %.2f MB x %d, %zu outputs\n", docs.size(), bytes / 1e6, repeat, outputs / repeat);
  std::printf("%-20s %14s %10s\n", "stage", "instr/byte", "MB/s");
  for (int s = 0; s < kStages; ++s) {
    all_i += meter.instructions[s];
    all_s += meter.seconds[s];
    std::printf("%-20s %14.1f %10.1f\n", kNames[s], meter.instructions[s] / total_bytes,
                total_bytes / 1e6 / meter.seconds[s]);
  }
  std::printf("%-20s %14.1f %10.1f\n", "total", all_i / total_bytes, total_bytes / 1e6 / all_s);
  if (!counter.ok()) std::printf("(no instruction counter: perf_event_open refused)\n");
  return 0;
}

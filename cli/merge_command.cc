// bilik merge: join stores (for instance the shards of one archive) into one,
// resolving entities exactly as one run over all their documents would: the
// documents are replayed into the output in the order one run reads them
// (by name), through the same identity rules. Every name (source) of every
// document is replayed: a name whose text the output already holds becomes
// a source of that document, so the same article in two stores is one.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "bilik/curation.h"
#include "bilik/ingest.h"
#include "bilik/store.h"
#include "commands.h"
#include "curation_options.h"
#include "options.h"
#include "output_path.h"
#include "progress.h"
#include "wording.h"

namespace bilik::cli {
namespace {

constexpr const char* kHelp = R"(usage: bilik merge [--quiet] [--curation FILE] OUT.db IN.db...

Joins stores into OUT.db (created if missing), resolving entities as one run
over all their documents would. A document in several inputs is taken from
the last; documents OUT.db already holds unchanged are skipped. A text held
under several names (in one input or across them) is one document with
every name and url kept as its sources ("duplicates folded"). The curation
lines the inputs keep are kept in OUT.db, and all of them are applied.

  --quiet            no progress line
  --curation FILE    more fixes to apply (default: OUT.db.curation if it exists)

examples:
  bilik merge news.db part0.db part1.db part2.db part3.db
  bilik merge all.db 2022.db 2023.db
  bilik merge --curation fixes.txt all.db 2022.db 2023.db
)";

struct Source {
  Store::Source source;
  size_t input = 0;
};

}  // namespace

int run_merge(const Args& args, const std::string&) {
  auto opts = parse_options(args, {"--curation"}, {"--help", "--quiet"});
  if (!opts) return usage_error("merge", opts.error());
  if (opts->has("--help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  if (opts->positional.size() < 2)
    return usage_error("merge", opts->positional.empty() ? "no OUT.db given" : "no IN.db given");
  const std::string out_path = opts->positional[0];
  // The same file under another name (a link, "./out.db") counts too, and so
  // does an input's -wal or -shm file.
  for (size_t i = 1; i < opts->positional.size(); ++i)
    if (!refuse_store_as_output(out_path, opts->positional[i]))
      return usage_error("merge", out_path + " is both the output and an input (" + opts->positional[i] +
                                      "); refused, nothing was written");
  auto curation = read_curation(*opts, out_path);
  if (!curation) {
    spdlog::error("{}", curation.error());
    return 2;
  }
  std::vector<std::unique_ptr<Store>> inputs;
  std::vector<Source> sources;
  std::string rules_hash;
  for (size_t i = 1; i < opts->positional.size(); ++i) {
    const std::string& path = opts->positional[i];
    auto in = Store::open(path, Store::Mode::ReadOnly);
    if (!in) {
      spdlog::error("{}", in.error());
      return 2;
    }
    auto stored = (*in)->sources();
    if (!stored) {
      spdlog::error("merge: {}", stored.error());
      return 2;
    }
    for (Store::Source& s : *stored) sources.push_back({std::move(s), inputs.size()});
    inputs.push_back(std::move(*in));
  }
  // One run reads documents in name order; the last input wins a shared name.
  std::stable_sort(sources.begin(), sources.end(),
                   [](const Source& a, const Source& b) { return a.source.uri < b.source.uri; });
  std::vector<Source> unique;
  for (const Source& s : sources) {
    if (!unique.empty() && unique.back().source.uri == s.source.uri) unique.back() = s;
    else unique.push_back(s);
  }
  auto out = Store::open(out_path, Store::Mode::ReadWrite);
  if (!out) {
    spdlog::error("{}", out.error());
    return 2;
  }
  if (auto run = (*out)->start_run("merge", args, ""); !run) {
    spdlog::error("{}", run.error());
    return 2;
  }
  // The stored extractions go through the same writer as extract's.
  Ingest ingest(**out, nullptr, 1);
  const Ingest::Counts& done = ingest.counts();
  auto counts = [&]() -> Store::RunCounts {
    return {static_cast<long long>(done.stored), static_cast<long long>(done.unchanged), 0,
            static_cast<long long>(done.folded)};
  };
  auto fail = [&] {
    if (Status s = (*out)->finish_run("failed", counts()); !s)
      spdlog::error("{}", s.error());
    return 2;
  };
  Progress progress(unique.size(), Progress::Unit::Documents, !opts->has("--quiet"));
  for (size_t i = 0; i < unique.size(); ++i) {
    if (i % Ingest::kBatchDocuments == 0) progress.update({.documents = i, .done = i});
    const Store::Source& source = unique[i].source;
    auto doc = inputs[unique[i].input]->load_document(source.document_id);
    if (!doc) {
      spdlog::error("{}", doc.error());
      ingest.finish();
      return fail();
    }
    if (!rules_hash.empty() && doc->rules_hash != rules_hash)
      spdlog::warn("merge: {} was extracted with another rule pack than the documents before it", source.uri);
    rules_hash = doc->rules_hash;
    // Under this name, with its own url and content hash.
    doc->document.uri = source.uri;
    doc->document.url = source.url;
    if (!ingest.add_extracted(std::move(doc->document), source.content_hash, doc->rules_hash,
                              std::move(doc->extraction)))
      return ingest.finish(), fail();
  }
  if (!ingest.finish()) return fail();
  const size_t merged = done.stored, folded = done.folded, unchanged = done.unchanged;
  if (merged + folded > 0)
    if (Status s = (*out)->remove_orphans(); !s) spdlog::warn("{}", s.error());
  // The inputs' curation lines first (in input order), then the file's.
  for (const auto& in : inputs)
    if (Status s = carry_curation(*in, **out); !s) {
      spdlog::error("{}", s.error());
      return fail();
    }
  if (Status s = curate_store(**out, *curation); !s) {
    spdlog::error("{}", s.error());
    return fail();
  }
  if (Status s = (*out)->finish_run("finished", counts()); !s) {
    spdlog::error("{}", s.error());
    return 2;
  }
  progress.clear();
  const auto totals = (*out)->counts();
  if (!totals) {
    spdlog::error("merge: {}", totals.error());
    return 2;
  }
  const Store::Counts& c = *totals;
  std::printf("bilik merge: %s merged, %s folded, %zu unchanged; %s holds %s, %s, %s, %s\n",
              count(merged, "document").c_str(), count(folded, "duplicate").c_str(), unchanged, out_path.c_str(), count(c.documents, "document").c_str(),
              count(c.entities, "entity", "entities").c_str(), count(c.mentions, "mention").c_str(),
              count(c.triples, "triple").c_str());
  return 0;
}

}  // namespace bilik::cli

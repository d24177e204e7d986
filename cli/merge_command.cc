// bilik merge: join stores (for instance the shards of one archive) into one,
// resolving entities exactly as one run over all their documents would: the
// documents are replayed into the output in the order one run reads them
// (by name), through the same identity rules.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "bilik/curation.h"
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
the last; documents OUT.db already holds unchanged are skipped. The curation
lines the inputs keep are kept in OUT.db, and all of them are applied.

  --quiet            no progress line
  --curation FILE    more fixes to apply (default: OUT.db.curation if it exists)

examples:
  bilik merge news.db part0.db part1.db part2.db part3.db
  bilik merge all.db 2022.db 2023.db
  bilik merge --curation fixes.txt all.db 2022.db 2023.db
)";

constexpr size_t kBatchDocuments = 64;

struct Source {
  std::string uri;
  size_t input = 0;
  long long id = 0;
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
    for (const auto& [id, uri] : (*in)->document_ids()) sources.push_back({uri, inputs.size(), id});
    inputs.push_back(std::move(*in));
  }
  // One run reads documents in name order; the last input wins a shared name.
  std::stable_sort(sources.begin(), sources.end(), [](const Source& a, const Source& b) { return a.uri < b.uri; });
  std::vector<Source> unique;
  for (const Source& s : sources) {
    if (!unique.empty() && unique.back().uri == s.uri) unique.back() = s;
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
  size_t merged = 0, unchanged = 0;
  auto fail = [&] {
    if (Status s = (*out)->finish_run("failed", {static_cast<long long>(merged), static_cast<long long>(unchanged), 0}); !s)
      spdlog::error("{}", s.error());
    return 2;
  };
  Progress progress(unique.size(), Progress::Unit::Documents, !opts->has("--quiet"));
  for (size_t first = 0; first < unique.size(); first += kBatchDocuments) {
    progress.update({.documents = first, .done = first});
    if (Status s = (*out)->begin(); !s) {
      spdlog::error("{}", s.error());
      return fail();
    }
    for (size_t i = first; i < std::min(unique.size(), first + kBatchDocuments); ++i) {
      auto doc = inputs[unique[i].input]->load_document(unique[i].id);
      if (!doc) {
        spdlog::error("{}", doc.error());
        (*out)->rollback();
        return fail();
      }
      if (!rules_hash.empty() && doc->rules_hash != rules_hash)
        spdlog::warn("merge: {} was extracted with another rule pack than the documents before it", doc->document.uri);
      rules_hash = doc->rules_hash;
      if ((*out)->is_current(doc->document.uri, doc->content_hash, doc->rules_hash)) {
        ++unchanged;
        continue;
      }
      if (Status s = (*out)->put_document(doc->document, doc->content_hash, doc->rules_hash, doc->extraction); !s) {
        spdlog::error("{}", s.error());
        (*out)->rollback();
        return fail();
      }
      ++merged;
    }
    if (Status s = (*out)->commit(); !s) {
      spdlog::error("{}", s.error());
      return fail();
    }
  }
  if (merged > 0)
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
  if (Status s = (*out)->finish_run("finished", {static_cast<long long>(merged), static_cast<long long>(unchanged), 0}); !s) {
    spdlog::error("{}", s.error());
    return 2;
  }
  progress.clear();
  const Store::Counts c = (*out)->counts();
  std::printf("bilik merge: %s merged, %zu unchanged; %s holds %s, %s, %s, %s\n", count(merged, "document").c_str(),
              unchanged, out_path.c_str(), count(c.documents, "document").c_str(),
              count(c.entities, "entity", "entities").c_str(), count(c.mentions, "mention").c_str(),
              count(c.triples, "triple").c_str());
  return 0;
}

}  // namespace bilik::cli

#include "curation_options.h"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "bilik/curation.h"
#include "wording.h"

namespace bilik::cli {

std::string curation_path(const ParsedOptions& opts, const std::string& db) {
  return opts.given("--curation") ? opts.get("--curation") : db + ".curation";
}

Result<std::vector<CurationStatement>> read_curation(const ParsedOptions& opts, const std::string& db) {
  const std::string path = curation_path(opts, db);
  std::error_code error;
  if (!opts.given("--curation") && !std::filesystem::exists(path, error)) return std::vector<CurationStatement>{};
  auto lines = load_curation_file(path);
  if (lines) spdlog::debug("{}: {}", path, count(static_cast<long long>(lines->size()), "curation line"));
  return lines;
}

Status curate_store(Store& store, const std::vector<CurationStatement>& lines) {
  auto kept = keep_curation(store, lines);
  if (!kept) return Status::failure(kept.error());
  auto outcomes = apply_curation(store);
  if (!outcomes) return Status::failure(outcomes.error());
  long long rows = 0;
  for (const CurationOutcome& o : *outcomes) {
    for (const std::string& w : o.warnings) spdlog::warn("{}", w);
    rows += o.rows;
  }
  if (!outcomes->empty())
    spdlog::info("curation: {} applied ({} new), {} changed", count(static_cast<long long>(outcomes->size()), "line"),
                 *kept, count(rows, "store row"));
  return {};
}

}  // namespace bilik::cli

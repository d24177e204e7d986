// bilik stats: what a store holds, at a glance or as JSON.
#include <spdlog/spdlog.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "bilik/store.h"
#include "bilik/store_stats.h"
#include "commands.h"
#include "option_values.h"
#include "options.h"

namespace bilik::cli {
namespace {

constexpr const char* kHelp = R"(usage: bilik stats [--db FILE] [--top N] [--format text|json]

What the store holds: documents and the range of their publication dates,
entities by type, triples by predicate, the entities linked to the most
others, and the store's size on disk.

  --db FILE              the store (default graph.db), opened read-only
  --top N                how many of the most connected entities (default 10, 0 to 1000)
  --format text|json     (default text)

examples:
  bilik stats --db news.db
  bilik stats --db news.db --top 25
  bilik stats --db news.db --format json | python3 -m json.tool
)";

// `s` padded with spaces to `width` letters (not bytes: "ə" is two bytes).
std::string padded(const std::string& s, size_t width) {
  size_t letters = 0;
  for (unsigned char c : s) letters += (c & 0xC0) != 0x80;
  return s + std::string(letters < width ? width - letters : 0, ' ');
}

void print_text(const StoreStats& s, const std::string& path) {
  std::printf("store       %s, %.1f MB\n", path.c_str(), s.bytes / 1e6);
  std::printf("documents   %lld", s.documents);
  if (!s.first_published.empty())
    std::printf(", published %s to %s", s.first_published.c_str(), s.last_published.c_str());
  if (s.undated_documents) std::printf(" (%lld undated)", s.undated_documents);
  std::printf("\nentities    %lld, %lld mentions\n", s.entities, s.mentions);
  for (const auto& [type, n] : s.entities_by_type) std::printf("  %s %lld\n", padded(type, 14).c_str(), n);
  std::printf("triples     %lld\n", s.triples);
  for (const auto& [predicate, n] : s.triples_by_predicate) std::printf("  %s %lld\n", padded(predicate, 22).c_str(), n);
  if (!s.most_connected.empty()) std::printf("most connected (distinct neighbours, mentions)\n");
  for (const ConnectedEntity& e : s.most_connected)
    std::printf("  %s %s %5lld %7lld\n", padded(e.name, 36).c_str(), padded(e.type, 13).c_str(), e.neighbours, e.mentions);
}

void print_json(const StoreStats& s, const std::string& path) {
  nlohmann::ordered_json doc = {{"store", path},
                        {"bytes", s.bytes},
                        {"documents", s.documents},
                        {"undated_documents", s.undated_documents},
                        {"first_published", s.first_published.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.first_published)},
                        {"last_published", s.last_published.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.last_published)},
                        {"entities", s.entities},
                        {"mentions", s.mentions},
                        {"triples", s.triples}};
  doc["entities_by_type"] = nlohmann::ordered_json::object();
  for (const auto& [type, n] : s.entities_by_type) doc["entities_by_type"][type] = n;
  doc["triples_by_predicate"] = nlohmann::ordered_json::object();
  for (const auto& [predicate, n] : s.triples_by_predicate) doc["triples_by_predicate"][predicate] = n;
  doc["most_connected"] = nlohmann::ordered_json::array();
  for (const ConnectedEntity& e : s.most_connected)
    doc["most_connected"].push_back(
        {{"name", e.name}, {"type", e.type}, {"neighbours", e.neighbours}, {"mentions", e.mentions}});
  std::printf("%s\n", doc.dump(1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

}  // namespace

int run_stats(const Args& args, const std::string&) {
  auto opts = parse_options(args, {"--db", "--top", "--format"}, {"--help"});
  if (!opts) return usage_error("stats", opts.error());
  if (opts->has("--help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  if (!opts->positional.empty()) return usage_error("stats", "unexpected argument '" + opts->positional[0] + "'");
  auto top = whole_number("--top", opts->get("--top", "10"), 0, 1000);
  if (!top) return usage_error("stats", top.error());
  auto format = one_of("--format", opts->get("--format", "text"), {"text", "json"});
  if (!format) return usage_error("stats", format.error());
  const std::string path = opts->get("--db", "graph.db");
  auto store = Store::open(path, Store::Mode::ReadOnly);
  if (!store) {
    spdlog::error("{}", store.error());
    return 2;
  }
  auto stats = store_stats((*store)->handle(), static_cast<size_t>(*top));
  if (!stats) {
    spdlog::error("stats: {}", stats.error());
    return 2;
  }
  if (*format == "json") print_json(*stats, path);
  else print_text(*stats, path);
  return 0;
}

}  // namespace bilik::cli

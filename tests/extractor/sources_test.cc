// Input formats, and every failing input the fuzzers found (tests/fuzz/regressions).
#include "bilik/sources.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace bilik {
namespace {

namespace fs = std::filesystem;

std::vector<Result<Document>> read_all(const std::string& path) {
  std::vector<Result<Document>> out;
  read_source(path, {}, [&](Result<Document> d) { out.push_back(std::move(d)); });
  return out;
}

TEST(Sources, HtmlTextTitleAndDate) {
  auto doc = parse_html("p.html",
                        "<html><head><title>Sammit</title><meta name=\"date\" content=\"2024-07-06\"></head>"
                        "<body><nav>Menyu</nav><p>Şuşada <i>sammit</i> keçirilib.</p><script>x()</script></body></html>");
  ASSERT_TRUE(doc) << doc.error();
  EXPECT_EQ(doc->title, "Sammit");
  EXPECT_EQ(doc->published, "2024-07-06");
  EXPECT_EQ(doc->text, "Şuşada sammit keçirilib.\n");
}

TEST(Sources, DeeplyNestedHtmlDoesNotExhaustTheStack) {
  std::string html;
  for (int i = 0; i < 200000; ++i) html += "<div>";
  html += "Bakı";
  // libxml2 stops nesting at its depth limit: the page yields its text or a
  // clear refusal, never a crash.
  auto doc = parse_html("deep.html", html);
  if (doc) {
    EXPECT_FALSE(doc->text.empty());
  } else {
    EXPECT_EQ(doc.error().rfind("deep.html: the HTML holds no text", 0), 0u) << doc.error();
  }
}

// The fuzz target's first byte picks the format (see tests/fuzz/fuzz_readers.cc).
TEST(Sources, FuzzRegressionsFailCleanly) {
  const fs::path dir = fs::path(BILIK_TEST_DATA) / ".." / "fuzz" / "regressions";
  static const char* kNames[] = {"a.txt", "a.html", "a.jsonl", "a.gz", "a.tar", "a.zip", "a.tar.xz", "a.md"};
  size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename().string().rfind("readers-", 0) != 0) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream b;
    b << in.rdbuf();
    const std::string bytes = b.str();
    ASSERT_FALSE(bytes.empty());
    const fs::path file = fs::temp_directory_path() /
                          ("bilik-regression-" + std::to_string(getpid()) + "-" + kNames[static_cast<uint8_t>(bytes[0]) % 8]);
    std::ofstream(file, std::ios::binary) << bytes.substr(1);
    for (const auto& d : read_all(file.string())) {
      if (!d) {
        EXPECT_NE(d.error().find(file.string()), std::string::npos) << d.error();
      }
    }
    fs::remove(file);
    ++checked;
  }
  EXPECT_GT(checked, 0u);
}

TEST(Sources, AJsonLineWithANumberOutOfRangeIsReportedNotFatal) {
  std::vector<Result<Document>> out;
  read_bytes("n.jsonl", "n.jsonl", "{\"id\": 1e999, \"text\": \"Bakı\"}\n{\"text\": \"Gəncə\"}\n", {},
             [&](Result<Document> d) { out.push_back(std::move(d)); });
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].error(), "n.jsonl:1: not valid JSON (a number out of range)");
  EXPECT_TRUE(out[1]);
}

}  // namespace
}  // namespace bilik

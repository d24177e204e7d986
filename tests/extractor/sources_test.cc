// Input formats, and every failing input the fuzzers found (tests/fuzz/regressions).
#include "bilik/sources.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
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
  // libxml2 stops at its depth limit: a clear refusal, never a crash.
  auto doc = parse_html("deep.html", html);
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().rfind("deep.html: line 1: elements nested deeper than the HTML parser's limit of 256", 0), 0u)
      << doc.error();
}

TEST(Sources, TextAfterABlockPastTheDepthLimitIsNotLostSilently) {
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "<div>";
  deep += "x";
  for (int i = 0; i < 300; ++i) deep += "</div>";
  auto doc = parse_html("p.html", "<p>Bakı şəhəri.</p>\n" + deep + "\n<p>Gəncə şəhəri.</p>");
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error(), "p.html: line 2: elements nested deeper than the HTML parser's limit of 256; the text after "
                         "that point would be lost, so the page is refused");
  // Just under the limit, every word is kept.
  deep.clear();
  for (int i = 0; i < 200; ++i) deep += "<div>";
  deep += "x";
  for (int i = 0; i < 200; ++i) deep += "</div>";
  doc = parse_html("p.html", "<p>Bakı şəhəri.</p>" + deep + "<p>Gəncə şəhəri.</p>");
  ASSERT_TRUE(doc) << doc.error();
  EXPECT_NE(doc->text.find("Gəncə şəhəri."), std::string::npos);
}

TEST(Sources, AnHtmlDateThatIsNoDayIsDropped) {
  auto doc = parse_html("p.html", "<html><head><meta name=\"date\" content=\"2024-13-45\"></head><body><p>Bakı.</p></body></html>");
  ASSERT_TRUE(doc) << doc.error();
  EXPECT_EQ(doc->published, "");
}

std::vector<Result<Document>> read_lines(const std::string& bytes) {
  std::vector<Result<Document>> out;
  read_bytes("in.jsonl", "in.jsonl", bytes, {}, [&](Result<Document> d) { out.push_back(std::move(d)); });
  return out;
}

TEST(Sources, ARepeatedJsonLinesIdIsReportedOnEachRepeat) {
  auto out = read_lines("{\"id\": \"a1\", \"text\": \"Bakı\"}\n{\"id\": \"a1\", \"text\": \"Gəncə\"}\n"
                        "{\"id\": \"a2\", \"text\": \"Şuşa\"}\n{\"id\": \"a1\", \"text\": \"Laçın\"}\n");
  ASSERT_EQ(out.size(), 4u);
  EXPECT_TRUE(out[0]);
  EXPECT_EQ(out[1].error(), "in.jsonl:2: id 'a1' was already used on line 1; this line is skipped (ids must be unique)");
  EXPECT_TRUE(out[2]);
  EXPECT_EQ(out[3].error(), "in.jsonl:4: id 'a1' was already used on line 1; this line is skipped (ids must be unique)");
}

TEST(Sources, AJsonLinesDateMustBeADay) {
  auto out = read_lines("{\"text\": \"Bakı\", \"published\": 20220101}\n"
                        "{\"text\": \"Bakı\", \"published\": \"not-a-date\"}\n"
                        "{\"text\": \"Bakı\", \"published\": \"2023-02-29\"}\n"
                        "{\"text\": \"Bakı\", \"published\": \"2024-02-29T10:00:00+04:00\"}\n"
                        "{\"text\": \"Bakı\", \"published\": null}\n");
  ASSERT_EQ(out.size(), 5u);
  EXPECT_EQ(out[0].error(), "in.jsonl:1: field 'published' is 20220101, not a date (YYYY-MM-DD, or an ISO 8601 date "
                            "and time)");
  EXPECT_EQ(out[1].error(), "in.jsonl:2: field 'published' is \"not-a-date\", not a date (YYYY-MM-DD, or an ISO 8601 "
                            "date and time)");
  EXPECT_FALSE(out[2]);
  ASSERT_TRUE(out[3]);
  EXPECT_EQ(out[3]->published, "2024-02-29");
  ASSERT_TRUE(out[4]);
  EXPECT_EQ(out[4]->published, "");
}

TEST(Sources, ADeviceIsRefusedAndAFifoDoesNotBlock) {
  auto out = read_all("/dev/zero");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].error(), "/dev/zero: a character device, not a file; refused (bilik reads files, folders, and - for "
                            "standard input)");
  const fs::path fifo = fs::temp_directory_path() / ("bilik-fifo-" + std::to_string(getpid()) + ".txt");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  out = read_all(fifo.string());  // no writer: read as empty at once
  fs::remove(fifo);
  ASSERT_EQ(out.size(), 1u);
  // An empty document, which extract reports as a warning and skips.
  ASSERT_TRUE(out[0]) << out[0].error();
  EXPECT_EQ(out[0]->uri, fifo.string());
  EXPECT_TRUE(out[0]->text.empty()) << out[0]->text;
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

TEST(Sources, AFileIsNamedByItsCanonicalPathAndMessagesByThePathGiven) {
  const fs::path dir = fs::temp_directory_path() / ("bilik-names-" + std::to_string(::getpid()));
  fs::create_directories(dir / "news");
  std::ofstream(dir / "news" / "a.txt") << "Bakı şəhəri.\n";
  std::ofstream(dir / "news" / "bad.txt") << "Bak\xC4\n";
  std::ofstream(dir / "news" / "feed.jsonl") << "{\"id\": \"k1\", \"url\": \"https://xeber.az/k1\", \"text\": \"Gəncə.\"}\n";
  const fs::path before = fs::current_path();
  fs::current_path(dir / "news");
  const auto plain = read_all("../news/./a.txt");
  const auto bad = read_all("bad.txt");
  const auto feed = read_all("feed.jsonl");
  fs::current_path(before);
  const std::string canonical = fs::canonical(dir / "news").string();
  ASSERT_EQ(plain.size(), 1u);
  ASSERT_TRUE(plain[0]) << plain[0].error();
  EXPECT_EQ(plain[0]->uri, canonical + "/a.txt");
  ASSERT_EQ(bad.size(), 1u);
  ASSERT_FALSE(bad[0]);
  EXPECT_EQ(bad[0].error().rfind("bad.txt: byte 3", 0), 0u) << bad[0].error();
  ASSERT_EQ(feed.size(), 1u);
  ASSERT_TRUE(feed[0]) << feed[0].error();
  EXPECT_EQ(feed[0]->uri, canonical + "/feed.jsonl#k1");
  EXPECT_EQ(feed[0]->url, "https://xeber.az/k1");
  fs::remove_all(dir);
}

// Through a linked folder, a file is named by the folder it is in; a file
// that is itself a link, by its target; the same relative path read from
// another working folder, by that folder's file.
TEST(Sources, LinksAreResolvedInTheCanonicalName) {
  const fs::path dir = fs::temp_directory_path() / ("bilik-links-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "real");
  fs::create_directories(dir / "other" / "real");
  std::ofstream(dir / "real" / "a.txt") << "Bakı şəhəri.\n";
  std::ofstream(dir / "real" / "b.txt") << "Gəncə şəhəri.\n";
  std::ofstream(dir / "other" / "real" / "a.txt") << "Şəki şəhəri.\n";
  fs::create_directory_symlink(dir / "real", dir / "linked");
  fs::create_symlink(dir / "real" / "b.txt", dir / "real" / "c.txt");
  const std::string real = fs::canonical(dir / "real").string();
  const auto through_folder = read_all((dir / "linked" / "a.txt").string());
  const auto through_file = read_all((dir / "real" / "c.txt").string());
  const fs::path before = fs::current_path();
  fs::current_path(dir);
  const auto here = read_all("real/a.txt");
  fs::current_path(dir / "other");
  const auto there = read_all("real/a.txt");
  fs::current_path(before);
  ASSERT_EQ(through_folder.size(), 1u);
  ASSERT_TRUE(through_folder[0]) << through_folder[0].error();
  EXPECT_EQ(through_folder[0]->uri, real + "/a.txt");
  ASSERT_EQ(through_file.size(), 1u);
  ASSERT_TRUE(through_file[0]) << through_file[0].error();
  EXPECT_EQ(through_file[0]->uri, real + "/b.txt");
  ASSERT_EQ(here.size(), 1u);
  ASSERT_EQ(there.size(), 1u);
  ASSERT_TRUE(here[0] && there[0]);
  EXPECT_EQ(here[0]->uri, real + "/a.txt");
  EXPECT_EQ(there[0]->uri, fs::canonical(dir / "other" / "real").string() + "/a.txt");
  EXPECT_EQ(there[0]->text, "Şəki şəhəri.\n");
  fs::remove_all(dir);
}

TEST(Sources, TheSameTextHasOneTextHashWhateverItsName) {
  EXPECT_EQ(text_hash("Bakı şəhəri."), text_hash(std::string("Bakı şəhəri.")));
  EXPECT_NE(text_hash("Bakı şəhəri."), text_hash("Bakı şəhəri. "));
  EXPECT_EQ(text_hash("Bakı şəhəri.").size(), 16u);
}

}  // namespace
}  // namespace bilik

#include "bilik/reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace bilik {
namespace {

TEST(Reader, GivesAnEmptyDocumentForTheCallerToJudge) {
  for (const char* bytes : {"", "  \n\t\n", "\xEF\xBB\xBF\n"}) {
    auto doc = parse_document("a.txt", bytes);
    ASSERT_TRUE(doc.ok()) << doc.error();
    EXPECT_EQ(doc->uri, "a.txt");
    EXPECT_TRUE(doc->text.empty()) << doc->text;
  }
  EXPECT_EQ(parse_document("b.txt", "Bakı\n")->text, "Bakı\n");
}

TEST(Reader, RefusesBadInputNamingThePlace) {
  EXPECT_EQ(parse_document("b.txt", std::string("ab\0c", 4)).error(),
            "b.txt: byte 2 (line 1): NUL byte; this looks like a binary file, not text");
  auto why = [](std::string_view bytes) {
    const std::string e = parse_document("x.txt", std::string(bytes)).error();
    return e.substr(0, e.find(';'));
  };
  EXPECT_EQ(why("Bakı \xC0\xAF"), "x.txt: byte 6 (line 1): invalid UTF-8, an overlong encoding (lead byte 0xC0)");
  EXPECT_EQ(why("a\n\xE0\x80\xAF"), "x.txt: byte 2 (line 2): invalid UTF-8, an overlong encoding");
  EXPECT_EQ(why("ok \xED\xA0\x80"), "x.txt: byte 3 (line 1): invalid UTF-8, an encoded UTF-16 surrogate");
  EXPECT_EQ(why("x\xF0\x9F"), "x.txt: byte 1 (line 1): invalid UTF-8, a 4-byte sequence cut short by the end of the text");
  EXPECT_EQ(why("x\xC9y"), "x.txt: byte 1 (line 1): invalid UTF-8, a 2-byte sequence cut short after 1 byte");
  EXPECT_EQ(why("\x80"), "x.txt: byte 0 (line 1): invalid UTF-8, a continuation byte (0x80) with no lead byte");
  EXPECT_EQ(why("\xF4\x90\x80\x80"), "x.txt: byte 0 (line 1): invalid UTF-8, a code point past U+10FFFF");
  EXPECT_EQ(why("\xFF"), "x.txt: byte 0 (line 1): invalid UTF-8, byte 0xFF, which never occurs in UTF-8");
}

TEST(Reader, TakesTitleAndDateFromFrontMatterAndKeepsTheBody) {
  auto doc = parse_document("f.md", "---\ntitle: Sammit\npublished: 2024-07-06\n---\nŞuşada sammit keçirilib.\n");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->title, "Sammit");
  EXPECT_EQ(doc->published, "2024-07-06");
  EXPECT_EQ(doc->text, "Şuşada sammit keçirilib.\n");
}

TEST(Reader, TitleDefaultsToTheFirstShortLine) {
  auto doc = parse_document("g.txt", "\n\nBAŞLIQ\n\nMətn burada.");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->title, "BAŞLIQ");
}

TEST(Reader, ReportsMissingPaths) {
  std::vector<InputError> errors;
  const auto files = list_inputs({"/nonexistent/bilik/x.txt"}, errors);
  EXPECT_TRUE(files.empty());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "no such file or folder");
}

TEST(Reader, APublicationDateIsADayThatExists) {
  EXPECT_TRUE(is_publication_date("2024-02-29"));
  EXPECT_TRUE(is_publication_date("2022-05-10T10:00:00Z"));
  EXPECT_TRUE(is_publication_date("2022-05-10 10:00"));
  EXPECT_TRUE(is_publication_date("2000-02-29"));
  EXPECT_FALSE(is_publication_date("1900-02-29"));
  EXPECT_FALSE(is_publication_date("2023-02-29"));
  EXPECT_FALSE(is_publication_date("2022-13-45"));
  EXPECT_FALSE(is_publication_date("2022-04-31"));
  EXPECT_FALSE(is_publication_date("0000-01-01"));
  EXPECT_FALSE(is_publication_date("20220101"));
  EXPECT_FALSE(is_publication_date("not-a-date"));
  EXPECT_FALSE(is_publication_date("2022-05-10x"));
  EXPECT_FALSE(is_publication_date("2022-5-10"));
  EXPECT_FALSE(is_publication_date(""));
}

TEST(Reader, AFrontMatterDateMustBeADay) {
  EXPECT_EQ(parse_document("f.md", "---\npublished: 2022-13-45\n---\nBakı.\n").error(),
            "f.md: the front matter's date '2022-13-45' is not a date (YYYY-MM-DD, or an ISO 8601 date and time)");
}

TEST(Reader, AFolderLinkLeavingTheFolderIsReportedNotRead) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("bilik-links-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "news");
  std::ofstream(dir / "news" / "a.txt") << "Bakı.";
  std::ofstream(dir / "outside.txt") << "Gəncə.";
  fs::create_symlink("a.txt", dir / "news" / "inside.txt");
  fs::create_symlink("/etc/passwd", dir / "news" / "passwd.txt");
  fs::create_symlink("../outside.txt", dir / "news" / "up.txt");
  std::vector<InputError> errors;
  const auto files = list_inputs({(dir / "news").string()}, errors);
  fs::remove_all(dir);
  EXPECT_EQ(files, (std::vector<std::string>{(dir / "news" / "a.txt").string(), (dir / "news" / "inside.txt").string()}));
  ASSERT_EQ(errors.size(), 2u);
  std::vector<std::string> messages{errors[0].message, errors[1].message};
  std::sort(messages.begin(), messages.end());
  EXPECT_EQ(messages[0], "a symbolic link to /etc/passwd, outside " + (dir / "news").string() +
                             "; not read (name the file itself to read it)");
  EXPECT_EQ(messages[1], "a symbolic link to " + (dir / "outside.txt").string() + ", outside " + (dir / "news").string() +
                             "; not read (name the file itself to read it)");
}

}  // namespace
}  // namespace bilik

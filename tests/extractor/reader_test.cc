#include "bilik/reader.h"

#include <gtest/gtest.h>

namespace bilik {
namespace {

TEST(Reader, RefusesBadInputNamingThePlace) {
  EXPECT_EQ(parse_document("a.txt", "").error(), "a.txt: the file is empty");
  EXPECT_NE(parse_document("b.txt", std::string("ab\0c", 4)).error().find("b.txt: byte 2: NUL byte"), std::string::npos);
  EXPECT_NE(parse_document("c.txt", "Bakı \xC0\xAF").error().find("c.txt: byte 6: invalid UTF-8"), std::string::npos);
  EXPECT_NE(parse_document("d.txt", "ok \xED\xA0\x80").error().find("byte 3"), std::string::npos);  // surrogate
  EXPECT_NE(parse_document("e.txt", "x\xF0\x9F").error().find("byte 1"), std::string::npos);       // truncated
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

}  // namespace
}  // namespace bilik

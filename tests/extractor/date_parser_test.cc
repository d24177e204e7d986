#include <gtest/gtest.h>

#include "bilik/extraction.h"
#include "test_pack.h"

namespace bilik {
namespace {

struct Case {
  const char* text;
  const char* surface;
  const char* value;       // with the publication date 2022-05-16
  const char* expression;  // what stays without one
};

TEST(Dates, TheFormsArticlesUse) {
  const Case cases[] = {
      {"Səfər 10-11 may tarixlərində olub.", "10-11 may", "2022-05-10/2022-05-11", "--05-10/--05-11"},
      {"Mayın 10-da danışıqlar keçirilib.", "Mayın 10-da", "2022-05-10", "--05-10"},
      {"Putin fevralın 21-də bəyan edib.", "fevralın 21-də", "2022-02-21", "--02-21"},
      {"O, 2019-cu ildə prezident olub.", "2019-cu ildə", "2019", "2019"},
      {"Konsepsiya 2020-2030-cu illər üçündür.", "2020-2030-cu illər", "2020/2030", "2020/2030"},
      {"Sənəd 21.02.2022 tarixində imzalanıb.", "21.02.2022", "2022-02-21", "2022-02-21"},
      {"Türkiyə 1991-ci ildə tanıyıb.", "1991-ci ildə", "1991", "1991"},
      {"Türkiyə 1991-ci il dekabrda tanıyıb.", "1991-ci il dekabrda", "1991-12", "1991-12"},
      {"Səfər bu ilin oktyabrına planlaşdırılır.", "bu ilin oktyabrına", "2022-10", "year(+0)-10"},
      {"Ötən il qanun qəbul edilib.", "Ötən il", "2021", "year(-1)"},
      {"Keçən ay ixrac artıb.", "Keçən ay", "2022-04", "month(-1)"},
      {"Gələn il seçki olacaq.", "Gələn il", "2023", "year(+1)"},
      {"Universitet 1 fevral 2013-cü ildə yaradılıb.", "1 fevral 2013-cü ildə", "2013-02-01", "2013-02-01"},
      {"Hadisələr yanvar ayında baş verib.", "yanvar ayında", "2022-01", "--01"},
      {"Müqavilə 2021-ci ilin dekabr ayında bağlanıb.", "2021-ci ilin dekabr ayında", "2021-12", "2021-12"},
      {"Dünən görüş olub.", "Dünən", "2022-05-15", "day(-1)"},
  };
  for (const Case& c : cases) {
    const auto with = extract_document(c.text, test::pack(), "2022-05-16").dates;
    ASSERT_EQ(with.size(), 1u) << c.text;
    EXPECT_EQ(with[0].surface, c.surface) << c.text;
    EXPECT_EQ(with[0].value, c.value) << c.text;
    const auto without = extract_document(c.text, test::pack()).dates;
    ASSERT_EQ(without.size(), 1u) << c.text;
    EXPECT_EQ(without[0].expression, c.expression) << c.text;
    const std::string expression = c.expression;
    const bool absolute = expression.rfind("--", 0) != 0 && expression.find('(') == std::string::npos;
    if (absolute) EXPECT_EQ(without[0].value, c.value) << c.text;
    else EXPECT_EQ(without[0].value, "") << c.text;
  }
}

TEST(Dates, NumbersThatAreNotDates) {
  for (const char* text : {"Ticarət 58 faiz artıb.", "Qazaxıstan 5 hazır layihə təklif edir.", "Bu 30-cu ildönümüdür."})
    EXPECT_TRUE(extract_document(text, test::pack(), "2022-05-16").dates.empty()) << text;
}

}  // namespace
}  // namespace bilik

// A stored date as an interval, in C++ and in the SQL the filters run.
#include "bilik/date_interval.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

namespace bilik {
namespace {

TEST(DateInterval, AYearOrAMonthSpansItsDays) {
  EXPECT_EQ(date_interval("2022"), (DateInterval{"2022-01-01", "2022-12-31"}));
  EXPECT_EQ(date_interval("2022-05"), (DateInterval{"2022-05-01", "2022-05-31"}));
  EXPECT_EQ(date_interval("2024-02"), (DateInterval{"2024-02-01", "2024-02-29"}));
  EXPECT_EQ(date_interval("2023-02"), (DateInterval{"2023-02-01", "2023-02-28"}));
  EXPECT_EQ(date_interval("2022-05-10"), (DateInterval{"2022-05-10", "2022-05-10"}));
  EXPECT_EQ(date_interval("2022-05-10T08:00:00Z"), (DateInterval{"2022-05-10", "2022-05-10"}));
  for (const char* bad : {"", "22", "2022-", "2022-13", "2022-5", "il", "2022/05"}) EXPECT_FALSE(date_interval(bad)) << bad;
}

TEST(DateInterval, ARangeRunsFromSincesFirstDayToUntilsLast) {
  const DateRange r = date_range("2022", "2022-06");
  EXPECT_EQ(r.first, "2022-01-01");
  EXPECT_EQ(r.last, "2022-06-30");
  EXPECT_EQ(date_range("", "").first, "");
}

TEST(DateInterval, OverlapKeepsAYearForAnyDayInIt) {
  EXPECT_TRUE(overlaps("2022", date_range("2022-01-01", "2022-12-31")));
  EXPECT_TRUE(overlaps("2022", date_range("2022-06-15", "2022-06-15")));
  EXPECT_TRUE(overlaps("2022-05", date_range("2022-05-31", "")));
  EXPECT_FALSE(overlaps("2022-05", date_range("2022-06-01", "")));
  EXPECT_FALSE(overlaps("2022", date_range("", "2021-12-31")));
  EXPECT_FALSE(overlaps("", date_range("2022", "")));
  EXPECT_TRUE(overlaps("", date_range("", "")));
}

TEST(DateInterval, MergedIntervalsNeverOverlap) {
  const auto merged = merged_intervals({"2022-05-10", "2022", "2023-03", "2023-04-01", "2024-03-13"});
  ASSERT_EQ(merged.size(), 3u);
  EXPECT_EQ(merged[0], (DateInterval{"2022-01-01", "2022-12-31"}));  // the day is inside the year
  EXPECT_EQ(merged[1], (DateInterval{"2023-03-01", "2023-04-01"}));  // touching: one interval
  EXPECT_EQ(merged[2], (DateInterval{"2024-03-13", "2024-03-13"}));
}

TEST(DateInterval, TheSqlFilterAgreesWithTheCppOne) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  const std::string sql = "SELECT " + date_overlaps_sql("?1", 2, 3);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  const std::vector<std::string> dates{"",           "2021",       "2022",       "2022-02",    "2024-02",
                                       "2022-05-10", "2022-12-31", "2023-01-01", "2022-05-10T08:00:00Z", "x"};
  const std::vector<std::string> bounds{"", "2021", "2022", "2022-02", "2022-02-28", "2022-05-10", "2022-12", "2023"};
  size_t compared = 0;
  for (const std::string& d : dates)
    for (const std::string& since : bounds)
      for (const std::string& until : bounds) {
        const DateRange r = date_range(since, until);
        sqlite3_reset(stmt);
        if (d.empty()) sqlite3_bind_null(stmt, 1);
        else sqlite3_bind_text(stmt, 1, d.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 2, r.first.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 3, r.last.c_str(), -1, SQLITE_TRANSIENT);
        ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
        const bool in_sql = sqlite3_column_type(stmt, 0) != SQLITE_NULL && sqlite3_column_int(stmt, 0) != 0;
        EXPECT_EQ(in_sql, overlaps(d, r)) << "date '" << d << "' since '" << since << "' until '" << until << "'";
        ++compared;
      }
  EXPECT_EQ(compared, dates.size() * bounds.size() * bounds.size());
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

}  // namespace
}  // namespace bilik

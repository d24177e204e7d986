#include "bilik/date_interval.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace bilik {
namespace {

bool digits(const std::string& s, size_t from, size_t n) {
  if (s.size() < from + n) return false;
  return std::all_of(s.begin() + static_cast<long>(from), s.begin() + static_cast<long>(from + n),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

int days_in(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap);
}

// The day after a YYYY-MM-DD day, for "touching" intervals.
std::string next_day(const std::string& day) {
  int y = std::stoi(day.substr(0, 4)), m = std::stoi(day.substr(5, 2)), d = std::stoi(day.substr(8, 2)) + 1;
  if (d > days_in(y, m)) d = 1, ++m;
  if (m > 12) m = 1, ++y;
  char out[32];  // room for any int, though years stay 0001-9999
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
  return out;
}

}  // namespace

std::optional<DateInterval> date_interval(const std::string& iso) {
  if (!digits(iso, 0, 4)) return std::nullopt;
  const std::string year = iso.substr(0, 4);
  if (iso.size() == 4) return DateInterval{year + "-01-01", year + "-12-31"};
  if (iso[4] != '-' || !digits(iso, 5, 2)) return std::nullopt;
  const int month = std::stoi(iso.substr(5, 2));
  if (month < 1 || month > 12) return std::nullopt;
  const std::string ym = iso.substr(0, 7);
  if (iso.size() == 7) return DateInterval{ym + "-01", ym + "-" + std::to_string(days_in(std::stoi(year), month))};
  if (iso[7] != '-' || !digits(iso, 8, 2)) return std::nullopt;
  const std::string day = iso.substr(0, 10);
  return DateInterval{day, day};
}

DateRange date_range(const std::string& since, const std::string& until) {
  DateRange r;
  if (auto s = date_interval(since)) r.first = s->first;
  if (auto u = date_interval(until)) r.last = u->last;
  return r;
}

bool overlaps(const std::string& iso, const DateRange& range) {
  if (range.first.empty() && range.last.empty()) return true;
  const auto d = date_interval(iso);
  if (!d) return false;
  return (range.first.empty() || d->last >= range.first) && (range.last.empty() || d->first <= range.last);
}

std::string date_overlaps_sql(const std::string& column, int first_param, int last_param) {
  // The interval's first and last day, as date_interval computes them; a
  // date SQLite cannot read gives NULL, which no comparison keeps.
  const std::string c = "(" + column + ")";
  const std::string first = "(CASE WHEN length(" + c + ") = 4 THEN date(" + c + " || '-01-01') WHEN length(" + c +
                            ") = 7 THEN date(" + c + " || '-01') ELSE date(substr(" + c + ", 1, 10)) END)";
  const std::string last = "(CASE WHEN length(" + c + ") = 4 THEN date(" + c + " || '-12-31') WHEN length(" + c +
                           ") = 7 THEN date(" + c + " || '-01', '+1 month', '-1 day') ELSE date(substr(" + c +
                           ", 1, 10)) END)";
  const std::string f = "?" + std::to_string(first_param), l = "?" + std::to_string(last_param);
  return "((" + f + " = '' OR " + last + " >= " + f + ") AND (" + l + " = '' OR " + first + " <= " + l + "))";
}

std::vector<DateInterval> merged_intervals(const std::vector<std::string>& dates) {
  std::vector<DateInterval> all;
  for (const std::string& d : dates)
    if (auto i = date_interval(d)) all.push_back(*i);
  std::sort(all.begin(), all.end(), [](const DateInterval& a, const DateInterval& b) { return a.first < b.first; });
  std::vector<DateInterval> out;
  for (const DateInterval& i : all) {
    if (!out.empty() && i.first <= next_day(out.back().last)) out.back().last = std::max(out.back().last, i.last);
    else out.push_back(i);
  }
  return out;
}

}  // namespace bilik

// A stored date is an interval: "2022" is the whole year, "2022-05" the
// whole month, "2022-05-10" (or a longer timestamp) that day. Date filters
// (--since/--until) keep a statement or document whose interval overlaps
// the range asked for, and GEXF spells run from an interval's first day to
// its last. This file is the one place that says so, in C++ and in SQL;
// tests check that the two agree.
//
//   auto spell = date_interval("2022-02");       // {"2022-02-01", "2022-02-28"}
//   DateRange r = date_range("2022-01-01", "2022-12-31");
//   sql += " AND " + date_overlaps_sql("t.date", 2, 3);  // bind r.first to ?2, r.last to ?3
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace bilik {

// Whole days, YYYY-MM-DD, first <= last.
struct DateInterval {
  std::string first, last;
  bool operator==(const DateInterval&) const = default;
};

// The days a stored date covers; nullopt for "" or anything not shaped
// YYYY, YYYY-MM or YYYY-MM-DD[...] with a real month.
std::optional<DateInterval> date_interval(const std::string& iso);

// The range a --since/--until pair asks for: since's first day to until's
// last day; "" for an open end ("2022".."2022" is the whole of 2022).
struct DateRange {
  std::string first, last;
};
DateRange date_range(const std::string& since, const std::string& until);

// True when the stored date's interval overlaps the range; an undated (or
// unreadable) date is outside every range that has an end.
bool overlaps(const std::string& iso, const DateRange& range);

// The same test in SQL, for the text column or expression `column`: binds
// the range's first day (or '') to ?first_param and its last (or '') to
// ?last_param.
std::string date_overlaps_sql(const std::string& column, int first_param, int last_param);

// Intervals sorted and merged where they overlap or touch, so a timeline
// (GEXF spells, a Gephi interval set) has no overlapping parts.
std::vector<DateInterval> merged_intervals(const std::vector<std::string>& dates);

}  // namespace bilik

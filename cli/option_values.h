// Checking option values before a command opens or writes anything.
//
// Each check returns the value or a one-line message that names the option,
// quotes what it refuses and says what it takes; for a near miss of a fixed
// word (a type, a predicate, a format) it adds what was probably meant.
// Types and predicates are case-sensitive, as the store holds them: PERSON,
// visited. The checks cost nothing worth measuring: no file, no store.
//
//   auto hops = whole_number("--hops", opts->get("--hops", "1"), 1, kMaxHops);
//   if (!hops) return usage_error("query", hops.error());
#pragma once

#include <string>
#include <vector>

#include "bilik/result.h"

namespace bilik::cli {

// A whole number in [min, max], written in decimal digits ("x", "1.5",
// "99999999999" beyond max, and "-1" below min are refused).
Result<long long> whole_number(const std::string& option, const std::string& value, long long min, long long max);

// A number of seconds in [0, max], in decimal digits with at most one point
// ("5", "0.5"; 0 is no limit where the option says so).
Result<double> seconds(const std::string& option, const std::string& value, double max);

// A number from 0 to 1 in decimal digits with at most one point ("0.5",
// "1", ".8"), such as a confidence.
Result<double> fraction(const std::string& option, const std::string& value);

// A date as YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar; the
// store compares dates as text, so a shorter one covers its whole year or
// month. A day (a publication date, which relative dates count from) must
// be whole: YYYY-MM-DD.
enum class DateShape { YearMonthOrDay, Day };
Result<std::string> iso_date(const std::string& option, const std::string& value,
                             DateShape shape = DateShape::YearMonthOrDay);

// One of `choices`, exactly.
Result<std::string> one_of(const std::string& option, const std::string& value, const std::vector<std::string>& choices);

// A comma-separated list of entity types (PERSON, STATE, ...) or of the
// predicates of schema/predicates.json; one bad item refuses the list.
Result<std::vector<std::string>> entity_types(const std::string& option, const std::string& value);
Result<std::vector<std::string>> predicates(const std::string& option, const std::string& value);

// The choice `word` most likely misspells: the same word in another case, or
// one at most two edits away; "" when none is that close.
std::string nearest(const std::string& word, const std::vector<std::string>& choices);

}  // namespace bilik::cli

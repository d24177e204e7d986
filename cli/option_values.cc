#include "option_values.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "bilik/entity_type.h"
#include "bilik/relations.h"
#include "bilik/utf8.h"

namespace bilik::cli {
namespace {

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "--types: 'person' is not a type; did you mean PERSON? (PERSON, STATE, ...)"
std::string refusal(const std::string& option, const std::string& value, const std::string& what,
                    const std::vector<std::string>& choices) {
  std::string message = option + ": '" + value + "' is not " + what;
  if (const std::string guess = nearest(value, choices); !guess.empty()) message += "; did you mean " + guess + "?";
  return message + " (" + joined(choices) + ")";
}

Result<std::vector<std::string>> items_of(const std::string& option, const std::string& value, const std::string& what,
                                          const std::vector<std::string>& choices) {
  std::vector<std::string> out;
  std::stringstream in(value);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (item.empty()) continue;
    if (std::find(choices.begin(), choices.end(), item) == choices.end())
      return Result<std::vector<std::string>>::failure(refusal(option, item, what, choices));
    out.push_back(item);
  }
  if (out.empty()) return Result<std::vector<std::string>>::failure(option + " needs at least one of " + joined(choices));
  return out;
}

}  // namespace

std::string nearest(const std::string& word, const std::vector<std::string>& choices) {
  for (const std::string& c : choices)
    if (lower(c) == lower(word)) return c;
  std::string best;
  size_t best_distance = 3;
  for (const std::string& c : choices) {
    const size_t d = edit_distance(lower(word), lower(c));
    if (d < best_distance) best = c, best_distance = d;
  }
  return best;
}

Result<long long> whole_number(const std::string& option, const std::string& value, long long min, long long max) {
  const std::string range = " (" + std::to_string(min) + " to " + std::to_string(max) + ")";
  const bool negative = !value.empty() && value[0] == '-';
  const std::string digits = negative ? value.substr(1) : value;
  if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return Result<long long>::failure(option + ": '" + value + "' is not a whole number" + range);
  // More than 18 digits cannot be in range and would overflow.
  const long long number = digits.size() > 18 ? max : (negative ? -1 : 1) * std::stoll(digits);
  if (digits.size() > 18 || number < min || number > max)
    return Result<long long>::failure(option + ": " + value + " is out of range" + range);
  return number;
}

Result<double> seconds(const std::string& option, const std::string& value, double max) {
  const std::string range = " (0 to " + std::to_string(static_cast<long long>(max)) + ")";
  const size_t point = value.find('.');
  std::string digits = value;
  if (point != std::string::npos) digits.erase(point, 1);
  if (digits.empty() || value == "." || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return Result<double>::failure(option + ": '" + value + "' is not a number of seconds" + range);
  // A whole part past 15 digits is out of any range and past double's precision.
  const double number = value.substr(0, point).size() > 15 ? max + 1 : std::stod(value);
  if (number > max) return Result<double>::failure(option + ": " + value + " is out of range" + range);
  return number;
}

Result<double> fraction(const std::string& option, const std::string& value) {
  const std::string range = " (a number from 0 to 1, such as 0.8)";
  const size_t point = value.find('.');
  std::string digits = value;
  if (point != std::string::npos) digits.erase(point, 1);
  if (digits.empty() || digits.size() > 18 ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return Result<double>::failure(option + ": '" + value + "' is not a number" + range);
  const double number = std::stod(value);
  if (number > 1) return Result<double>::failure(option + ": " + value + " is out of range" + range);
  return number;
}

Result<std::string> iso_date(const std::string& option, const std::string& value, DateShape shape) {
  auto refuse = [&] {
    return Result<std::string>::failure(option + ": '" + value + "' is not a date; write " +
                                        (shape == DateShape::Day ? "YYYY-MM-DD (2022-05-10)"
                                                                 : "YYYY, YYYY-MM or YYYY-MM-DD (2022, 2022-05, 2022-05-10)"));
  };
  std::vector<std::string> shapes{"dddd-dd-dd"};
  if (shape == DateShape::YearMonthOrDay) shapes = {"dddd", "dddd-dd", "dddd-dd-dd"};
  bool shaped = false;
  for (const std::string& s : shapes) {
    if (s.size() != value.size()) continue;
    shaped = true;
    for (size_t i = 0; i < s.size() && shaped; ++i)
      shaped = s[i] == 'd' ? std::isdigit(static_cast<unsigned char>(value[i])) != 0 : value[i] == s[i];
    if (shaped) break;
  }
  if (!shaped) return refuse();
  const int year = std::stoi(value.substr(0, 4));
  if (value.size() >= 7) {
    const int month = std::stoi(value.substr(5, 2));
    if (month < 1 || month > 12) return refuse();
    if (value.size() == 10) {
      static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      const int day = std::stoi(value.substr(8, 2));
      if (day < 1 || day > kDays[month - 1] + (month == 2 && leap)) return refuse();
    }
  }
  return value;
}

Result<std::string> one_of(const std::string& option, const std::string& value, const std::vector<std::string>& choices) {
  if (std::find(choices.begin(), choices.end(), value) != choices.end()) return value;
  return Result<std::string>::failure(refusal(option, value, "a choice", choices));
}

Result<std::vector<std::string>> entity_types(const std::string& option, const std::string& value) {
  return items_of(option, value, "an entity type", all_type_names());
}

Result<std::vector<std::string>> predicates(const std::string& option, const std::string& value) {
  std::vector<std::string> names;
  for (const auto& [name, spec] : Vocabulary::builtin().predicates) names.push_back(name);
  return items_of(option, value, "a predicate of schema/predicates.json", names);
}

}  // namespace bilik::cli

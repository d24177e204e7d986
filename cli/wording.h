// How the commands say counts: "1 document", "2 documents", "1 entity",
// "3 entities". Summaries go through this so no line reads "1 documents".
#pragma once

#include <string>

namespace bilik::cli {

// `many` defaults to `one` + "s".
inline std::string count(long long n, const std::string& one, const std::string& many = "") {
  return std::to_string(n) + " " + (n == 1 ? one : many.empty() ? one + "s" : many);
}

}  // namespace bilik::cli

// A one-line progress bar on standard error, shown only when it is a
// terminal; silent in pipes and logs. Redraws at most ten times a second.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace bilik::cli {

class Progress {
 public:
  Progress(size_t total, bool enabled);
  ~Progress();
  void update(size_t done, size_t bytes, size_t errors);

 private:
  size_t total_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace bilik::cli

#include "progress.h"

#include <unistd.h>

#include <cstdio>

namespace bilik::cli {

Progress::Progress(size_t total, bool enabled)
    : total_(total), enabled_(enabled && isatty(STDERR_FILENO)), start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() {
  if (drawn_) std::fputs("\r\033[K", stderr);
}

void Progress::update(size_t done, size_t bytes, size_t errors) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100) && done < total_) return;
  last_ = now;
  drawn_ = true;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double mb_per_s = seconds > 0 ? bytes / 1e6 / seconds : 0.0;
  const double eta = done > 0 && done < total_ ? seconds / done * (total_ - done) : 0.0;
  constexpr int kWidth = 30;
  const int filled = total_ ? static_cast<int>(kWidth * done / total_) : kWidth;
  std::string bar(filled, '#');
  bar.resize(kWidth, '.');
  std::fprintf(stderr, "\r\033[K[%s] %zu/%zu docs  %.1f MB/s  ETA %.0fs  errors %zu", bar.c_str(), done, total_,
               mb_per_s, eta, errors);
  std::fflush(stderr);
}

}  // namespace bilik::cli

#include "progress.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <unistd.h>

#include <cstdio>
#include <mutex>
#include <string>

namespace bilik::cli {
namespace {

// The terminal's standard error has one progress line at most; the logger
// (any thread) and the progress owner share it under this lock.
struct Terminal {
  std::mutex mutex;
  std::string line;  // what is drawn now; empty: nothing
};

Terminal& terminal() {
  static Terminal t;
  return t;
}

void erase_line(const Terminal& t) {
  if (!t.line.empty()) std::fputs("\r\033[K", stderr);
}

std::string duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char out[32];
  if (s >= 3600) std::snprintf(out, sizeof out, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else std::snprintf(out, sizeof out, "%ld:%02ld", s / 60, s % 60);
  return out;
}

class LineKeepingSink final : public spdlog::sinks::sink {
 public:
  void log(const spdlog::details::log_msg& message) override {
    Terminal& t = terminal();
    std::lock_guard<std::mutex> lock(t.mutex);
    erase_line(t);
    std::fflush(stderr);
    inner_.log(message);
    inner_.flush();
    if (!t.line.empty()) std::fputs(t.line.c_str(), stderr);
    std::fflush(stderr);
  }
  void flush() override { inner_.flush(); }
  void set_pattern(const std::string& pattern) override { inner_.set_pattern(pattern); }
  void set_formatter(std::unique_ptr<spdlog::formatter> formatter) override { inner_.set_formatter(std::move(formatter)); }

 private:
  spdlog::sinks::stderr_color_sink_st inner_;
};

}  // namespace

Progress::Progress(uint64_t total, Unit unit, bool enabled)
    : total_(total), unit_(unit), enabled_(enabled && isatty(STDERR_FILENO)), start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() { clear(); }

void Progress::clear() {
  if (!enabled_) return;
  Terminal& t = terminal();
  std::lock_guard<std::mutex> lock(t.mutex);
  erase_line(t);
  t.line.clear();
  std::fflush(stderr);
}

void Progress::update(const ProgressState& s, bool draw_now) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!draw_now && last_ != std::chrono::steady_clock::time_point{} && now - last_ < std::chrono::milliseconds(100))
    return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  std::string line = std::to_string(s.documents);
  if (unit_ == Unit::Documents && total_) line += " of " + std::to_string(total_);
  line += s.documents == 1 && unit_ == Unit::InputBytes ? " document" : " documents";
  char buffer[64];
  if (s.bytes) {
    std::snprintf(buffer, sizeof buffer, "  %.1f MB  %.1f MB/s", s.bytes / 1e6, seconds > 0 ? s.bytes / 1e6 / seconds : 0.0);
    line += buffer;
  }
  if (total_ && s.done > 0 && s.done < total_) line += "  ETA " + duration(seconds / s.done * (total_ - s.done));
  if (s.failed) line += "  " + std::to_string(s.failed) + " failed";
  Terminal& t = terminal();
  std::lock_guard<std::mutex> lock(t.mutex);
  std::fputs(("\r\033[K" + line).c_str(), stderr);
  t.line = line;
  std::fflush(stderr);
}

std::shared_ptr<spdlog::sinks::sink> progress_log_sink() { return std::make_shared<LineKeepingSink>(); }

}  // namespace bilik::cli

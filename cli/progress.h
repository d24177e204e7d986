// The progress line on standard error, shown only when it is a terminal;
// silent in pipes and logs. It redraws in place (carriage return, line
// cleared) at most ten times a second and counts documents, not input files:
//
//   1590 documents  45.2 MB  12.3 MB/s  ETA 0:42  3 failed
//
// The logger writes through progress_log_sink(), which takes the line off
// the terminal before a message and draws it again after, so a warning or
// an error always stands on a line of its own. Call clear() before printing
// anything else to the terminal (the summary line).
//
//   Progress progress(total_input_bytes, Progress::Unit::InputBytes, !quiet);
//   progress.update({.documents = n, .bytes = read, .done = finished_input_bytes});
#pragma once

#include <spdlog/sinks/sink.h>

#include <chrono>
#include <cstdint>
#include <memory>

namespace bilik::cli {

struct ProgressState {
  uint64_t documents = 0;  // read so far
  uint64_t bytes = 0;      // of text read so far (0: not shown)
  uint64_t done = 0;       // work done, in the unit of Progress's total
  uint64_t failed = 0;
};

class Progress {
 public:
  // What ProgressState::done and the total count: input bytes (extract:
  // documents are not known before they are read) or documents (merge).
  enum class Unit { InputBytes, Documents };
  // total: the work to do, in `unit`; 0 when unknown, and then no ETA is shown.
  Progress(uint64_t total, Unit unit, bool enabled);
  ~Progress();  // clears the line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Redraws unless the last draw is under 0.1 s old; `now` draws anyway
  // (at the end of an input, so a count is never left stale for long).
  void update(const ProgressState& state, bool now = false);
  void clear();

 private:
  uint64_t total_;
  Unit unit_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_;
};

// The sink for bilik's logger: standard error, coloured on a terminal, that
// keeps log lines and the progress line apart.
std::shared_ptr<spdlog::sinks::sink> progress_log_sink();

}  // namespace bilik::cli

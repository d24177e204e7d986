#include "bilik/stop.h"

#include <atomic>

namespace bilik {
namespace {

std::atomic<bool> stop{false};
static_assert(std::atomic<bool>::is_always_lock_free, "request_stop must be safe in a signal handler");

}  // namespace

void request_stop() { stop.store(true, std::memory_order_relaxed); }

bool stop_requested() { return stop.load(std::memory_order_relaxed); }

}  // namespace bilik

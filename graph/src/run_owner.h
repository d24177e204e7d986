// Private to the graph module: who is running a run, and whether that
// process still lives.
//
// An owner is "host boot-id pid start-ticks" (start-ticks: field 22 of
// /proc/PID/stat). A pid alone is not enough: pids are reused, and a reboot
// restarts them. So a run is dead when its host is this host and either the
// machine has rebooted since (another boot id) or no process with that pid
// and start time exists. A run of another host cannot be judged from here.
//
//   store.record(this_process_owner());
//   if (owner_liveness(row_owner) == Liveness::Dead) mark_interrupted(row);
#pragma once

#include <string>

namespace bilik {

enum class Liveness { Alive, Dead, Unknown };

// This process, as an owner string.
std::string this_process_owner();

// Whether the process named by `owner` (as this_process_owner wrote it) lives.
Liveness owner_liveness(const std::string& owner);

}  // namespace bilik

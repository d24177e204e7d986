#include "run_owner.h"

#include <unistd.h>

#include <fstream>
#include <sstream>

namespace bilik {
namespace {

// The first line of a small system file, or "-" when it cannot be read
// (owner strings are split on spaces, so no part may be empty).
std::string first_line(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line.empty() ? "-" : line;
}

std::string host_name() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "unknown-host";
  std::string out(name);
  for (char& c : out)
    if (c == ' ') c = '_';
  return out;
}

// Field 22 of /proc/PID/stat (the start time in clock ticks since boot), or
// "" when there is no such process. The command name (field 2) may hold
// spaces and parentheses, so fields are counted after its last ')'.
std::string start_ticks(const std::string& pid) {
  const std::string stat = first_line("/proc/" + pid + "/stat");
  if (stat == "-") return "";
  const size_t close = stat.rfind(')');
  if (close == std::string::npos) return "";
  std::istringstream fields(stat.substr(close + 1));
  std::string field;
  for (int i = 3; i <= 22 && fields >> field; ++i)
    if (i == 22) return field;
  return "";
}

}  // namespace

std::string this_process_owner() {
  const std::string pid = std::to_string(getpid());
  const std::string ticks = start_ticks(pid);
  return host_name() + " " + first_line("/proc/sys/kernel/random/boot_id") + " " + pid + " " +
         (ticks.empty() ? "-" : ticks);
}

Liveness owner_liveness(const std::string& owner) {
  std::istringstream parts(owner);
  std::string host, boot, pid, ticks;
  if (!(parts >> host >> boot >> pid >> ticks)) return Liveness::Unknown;
  if (host != host_name()) return Liveness::Unknown;
  if (boot == "-" || ticks == "-" || pid.find_first_not_of("0123456789") != std::string::npos) return Liveness::Unknown;
  if (boot != first_line("/proc/sys/kernel/random/boot_id")) return Liveness::Dead;
  return start_ticks(pid) == ticks ? Liveness::Alive : Liveness::Dead;
}

}  // namespace bilik

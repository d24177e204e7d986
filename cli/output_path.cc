#include "output_path.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace bilik::cli {
namespace {

namespace fs = std::filesystem;

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  if (fs::equivalent(a, b, ec) && !ec) return true;
  // weakly_canonical leaves a path relative when none of it exists yet.
  const fs::path ca = fs::weakly_canonical(fs::absolute(a, ec), ec);
  if (ec) return false;
  const fs::path cb = fs::weakly_canonical(fs::absolute(b, ec), ec);
  return !ec && ca == cb;
}

}  // namespace

Status refuse_store_as_output(const std::string& output, const std::string& store) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    if (!same_file(output, store + suffix)) continue;
    return Status::failure(output + " is the store " + store + (*suffix ? std::string(suffix) + " file" : "") +
                           "; refused, writing it would destroy the store (the store is untouched)");
  }
  return {};
}

Status write_whole_files(const std::vector<std::pair<std::string, FileWriter>>& files) {
  std::vector<std::string> partial;  // "" for a file written in place
  auto give_up = [&](const std::string& why) {
    std::error_code ignored;
    for (const std::string& p : partial)
      if (!p.empty()) fs::remove(p, ignored);
    return Status::failure(why);
  };
  for (const auto& [path, writer] : files) {
    // A device, a pipe or a symbolic link is written in place: renaming a
    // file over it would replace it (/dev/full, a FIFO a reader waits on).
    std::error_code error;
    const auto status = fs::symlink_status(path, error);
    const bool in_place = !error && fs::exists(status) && !fs::is_regular_file(status);
    partial.push_back(in_place ? "" : path + ".partial-" + std::to_string(::getpid()));
    const std::string& target = in_place ? path : partial.back();
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    if (!out) return give_up("cannot write " + path + ": " + std::strerror(errno));
    if (Status s = writer(out); !s)
      return give_up(s.error() + "; " + path + (in_place ? " is incomplete" : " was not written"));
    out.close();  // a full disk often shows only when the last buffer is written
    if (!out)
      return give_up(path + ": the write failed (" + std::strerror(errno) + "); " +
                     (in_place ? "the file is incomplete" : path + " was not written"));
  }
  for (size_t i = 0; i < files.size(); ++i) {
    if (partial[i].empty()) continue;
    std::error_code error;
    fs::rename(partial[i], files[i].first, error);
    if (error) return give_up("cannot write " + files[i].first + ": " + error.message());
  }
  return {};
}

}  // namespace bilik::cli

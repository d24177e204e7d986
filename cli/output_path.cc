#include "output_path.h"

#include <filesystem>

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

}  // namespace bilik::cli

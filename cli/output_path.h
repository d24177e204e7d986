// A file bilik is told to write (an export, a log, a merge's output) must
// never be the store it reads or writes, nor the store's -wal, -shm or
// -journal file: opening it for writing would truncate or corrupt the store.
// Paths are compared as files, not strings: the same inode (hard links,
// symlinks, "./s.db" and "s.db") or the same canonical path when the output
// does not exist yet.
//
//   if (Status s = refuse_store_as_output(output, db_path); !s) return fail(s.error());
//
// An output is written whole or not at all: write_whole_files writes each
// file to a temporary one beside it and renames them into place only when
// every writer succeeded and every byte reached the disk, so a failure (a
// damaged store found halfway through, a full disk) leaves no truncated
// file behind, and an older file of that name as it was. An output that
// exists and is not a regular file (a device, a FIFO, a symbolic link) is
// written in place, never replaced; a failure there says it is incomplete.
//
//   Status s = write_whole_files({{"g.nq", [&](std::ostream& o) { return write_nquads(db, o); }}});
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "bilik/result.h"

namespace bilik::cli {

// Fails with "OUTPUT is the store STORE ..." when writing `output` would
// write the store at `store` (or one of its journal files).
Status refuse_store_as_output(const std::string& output, const std::string& store);

using FileWriter = std::function<Status(std::ostream& out)>;
Status write_whole_files(const std::vector<std::pair<std::string, FileWriter>>& files);

}  // namespace bilik::cli

// A file bilik is told to write (an export, a log, a merge's output) must
// never be the store it reads or writes, nor the store's -wal, -shm or
// -journal file: opening it for writing would truncate or corrupt the store.
// Paths are compared as files, not strings: the same inode (hard links,
// symlinks, "./s.db" and "s.db") or the same canonical path when the output
// does not exist yet.
//
//   if (Status s = refuse_store_as_output(output, db_path); !s) return fail(s.error());
#pragma once

#include <string>

#include "bilik/result.h"

namespace bilik::cli {

// Fails with "OUTPUT is the store STORE ..." when writing `output` would
// write the store at `store` (or one of its journal files).
Status refuse_store_as_output(const std::string& output, const std::string& store);

}  // namespace bilik::cli

// libFuzzer target: every input format reader. The first byte picks the
// format; the rest is the file: text, HTML, JSON Lines, or an archive read
// from a temporary file (gzip, tar, zip).
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>

#include "bilik/sources.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* kNames[] = {"a.txt", "a.html", "a.jsonl", "a.gz", "a.tar", "a.zip", "a.tar.xz", "a.md"};
  const std::string name = kNames[data[0] % 8];
  std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  bilik::SourceOptions options;
  options.max_document_bytes = 1 << 20;
  size_t documents = 0;
  auto count = [&](bilik::Result<bilik::Document> d) { documents += d.ok(); };
  if (name == "a.txt" || name == "a.html" || name == "a.jsonl" || name == "a.md") {
    bilik::read_bytes(name, name, std::move(bytes), options, count);
    return 0;
  }
  const std::string path = "/tmp/bilik-fuzz-" + std::to_string(getpid()) + "-" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  bilik::read_source(path, options, count);
  std::remove(path.c_str());
  return 0;
}

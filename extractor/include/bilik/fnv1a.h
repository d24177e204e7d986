// 64-bit FNV-1a, the one hash bilik uses for fingerprints (texts, documents,
// rule packs) and for --shard. Not for security: it only tells contents apart.
//
//   uint64_t h = fnv1a(kFnv1aOffset, "Bakı");
//   h = fnv1a(h, "more bytes");   // hashes the concatenation
#pragma once

#include <cstdint>
#include <string_view>

namespace bilik {

inline constexpr uint64_t kFnv1aOffset = 1469598103934665603ULL;

inline uint64_t fnv1a(uint64_t hash, std::string_view bytes) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

}  // namespace bilik

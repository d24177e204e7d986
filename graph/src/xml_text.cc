#include "bilik/graph_writers.h"
#include "bilik/utf8.h"

namespace bilik {

std::string xml_text(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) {
    char32_t c;
    size_t len = decode_utf8(s, pos, c);
    if (len == 0) {  // not UTF-8: dropped
      ++pos;
      continue;
    }
    const bool legal = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
                       (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    if (legal) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default: out.append(s, pos, len);
      }
    }
    pos += len;
  }
  return out;
}

}  // namespace bilik

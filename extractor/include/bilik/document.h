// A document as read: where it came from, its metadata and its text.
#pragma once

#include <string>

namespace bilik {

struct Document {
  std::string uri;        // path, "-" for stdin, or "archive#inner/path"
  std::string title;      // from metadata, else the first line when short
  std::string published;  // ISO 8601 date from metadata, or empty
  std::string text;       // the text as read (after any front matter)
};

}  // namespace bilik

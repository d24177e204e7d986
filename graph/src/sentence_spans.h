// Private to the graph module: the sentence spans a document keeps (column
// document.sentences, schema 7). The blob holds each sentence's original
// byte start and end as two little-endian 32-bit numbers, in text order.
// A document stored before schema 7 has none: its text is cut again, with
// no abbreviations (as bilik did before).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace bilik {

using SentenceSpans = std::vector<std::pair<uint32_t, uint32_t>>;

std::string encode_sentences(const SentenceSpans& spans);

// The spans of `blob`, or of `text` cut again when the blob is empty.
SentenceSpans stored_sentences(const std::string& blob, const std::string& text);

// The index of the sentence holding original byte `pos` (the next one when
// `pos` falls between sentences; spans.size() past the last).
size_t sentence_at(const SentenceSpans& spans, size_t pos);

}  // namespace bilik

// Private to the extractor: patterns narrowed to the alphabet folded
// Azerbaijani news is written in, where RE2 runs them faster.
//
// The narrow alphabet is ASCII and the seven lower-case Azerbaijani letters
// outside it (ç ğ ı ö ş ü ə); folded text is in it but for a rare foreign
// letter or sign. RE2 compiles "\p{L}" to hundreds of byte ranges, so a rule
// built of words is a program of thousands of instructions: its DFA states
// are costly to build on unseen text, and finding its groups in a long match
// takes the NFA, as the program is too large for RE2's bit-state search. On
// text in the narrow alphabet, "\p{L}" means no more than
// [A-Za-zçğıöşüə], "\p{N}" [0-9] and "\p{M}" nothing, so a pattern written
// with those in their place matches there exactly where the pattern does,
// with the same groups, from a program a tenth the size.
//
//   auto narrow = narrowed_pattern("[\\p{L}-]+ (?P<n>\\p{Lu})");   // nullopt: \p{Lu} is not read
//   narrowed_pattern("\\p{L}+[^\\p{L}]");   // "[A-Za-zçğıöşüə]+[^A-Za-zçğıöşüə]"
//   in_narrow_alphabet("Bakı, 2025");   // true
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bilik {

// The pattern with \p{L}, \p{N} and \p{M} (in classes or not) replaced by
// their part of the narrow alphabet; nullopt when it holds any other Unicode
// class (\pL, \P{L}, \p{Lu}, ...), a POSIX class or a \Q...\E literal, which
// are left to the pattern as written, or when it holds none of the three.
std::optional<std::string> narrowed_pattern(std::string_view pattern);

// Whether every character of `text` is in the narrow alphabet. A byte that
// is not whole UTF-8 outside ASCII makes it false.
bool in_narrow_alphabet(std::string_view text);

}  // namespace bilik

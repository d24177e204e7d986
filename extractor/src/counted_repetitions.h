// Private to the extractor: the counted repetitions of an RE2 pattern
// ("(?:X){0,300}?", "[^<]{0,60}?"), read from its text.
//
// captured_twin writes the pattern without their upper bounds, each one
// captured by a group of its own, so a match of the twin tells how long each
// repetition ran (relaxed_search.h). One inside a group taken more than once
// runs once a pass of that group, and a capture holds the last run only: a
// group around the whole outermost such repetition holds them all. What
// the groups cannot tell is how many passes a repetition made; these bound
// them:
// - a body that cannot match nothing makes at most one pass a byte;
// - a body whose every match holds one of its marker bytes (each word of
//   "(?:[\p{L}-]+ ){0,3}" ends in a space, each of "(?:-\p{L}+){1,5}" starts
//   with a dash) makes at most one pass per marker byte.
//
//   std::vector<CountedRepetition> counted;
//   captured_twin("a(?:b ){0,3}?c", counted);   // "a(?P<bilik_count_0>(?:b ){0,}?)c"
//   counted[0].most == 3; counted[0].markers holds ' '
#pragma once

#include <re2/re2.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bilik {

using Markers = std::array<bool, 256>;  // by byte

// The name prefixes of the groups the twin adds: around counted
// repetitions, and around the repetitions holding them.
inline constexpr std::string_view kCountGroup = "bilik_count_";
inline constexpr std::string_view kSpanGroup = "bilik_span_";

struct CountedRepetition {
  std::string body;  // the repeated element, as written in the twin
  size_t most = 0;   // the upper bound
  std::optional<Markers> markers;  // see markers_of
  // Inside a group taken more than once: the twin's group kSpanGroup + span
  // holds every run, its own group the last one only.
  std::optional<size_t> span;
};

// The pattern with every lazy "X{n,m}?" (outside classes and escapes)
// written "(?P<bilik_count_k>X{n,}?)", the k-th entry of `counted`, and
// each outermost repetition taken more than once that holds some written
// "(?P<bilik_span_j>(?:...)*)". Kept as written: "{n}", "{n,}" and greedy
// "{n,m}" (its pass in the twin would run past the bound wherever the text
// goes on). None at all where a quantifier follows flags or an empty
// "\\Q\\E" ("a(?i){2}"), which RE2 applies to what came before, a
// quantified atom even.
std::string captured_twin(std::string_view pattern, std::vector<CountedRepetition>& counted);

// Bytes of which every match of `body` holds at least one: in every
// alternative, an element always taken that is a space or a punctuation
// mark, a class of them, or a group whose alternatives all hold one. None
// when some alternative has no such element.
std::optional<Markers> markers_of(std::string_view body);

// Whether `body` may match without reading a byte, or holds an assertion
// (^, $, \b, ...) that might let it.
bool may_match_nothing(const std::string& body, const RE2::Options& options);

}  // namespace bilik

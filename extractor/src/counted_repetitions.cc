#include "counted_repetitions.h"

#include <algorithm>
#include <cctype>

namespace bilik {
namespace {

bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// The end of the element of `p` starting at `i` (an escape, a class, a
// group or one character, without its quantifier), or npos. Read as RE2
// reads them: "\\p{L}" and "\\pL", "\\x{259}" and "\\x61", octal "\\141",
// "\\Q...\\E" (to the end when unclosed), "[[:alpha:]]".
size_t element_end(std::string_view p, size_t i) {
  constexpr size_t npos = std::string_view::npos;
  if (p[i] == '\\') {
    if (i + 1 >= p.size()) return p.size();
    const char kind = p[i + 1];
    if (kind == 'Q') {
      const size_t close = p.find("\\E", i + 2);
      return close == npos ? p.size() : close + 2;
    }
    if ((kind == 'p' || kind == 'P' || kind == 'x') && i + 2 < p.size() && p[i + 2] == '{') {
      const size_t close = p.find('}', i + 2);
      return close == npos ? npos : close + 1;
    }
    if (kind == 'p' || kind == 'P') return std::min(i + 3, p.size());
    if (kind == 'x') return std::min(i + 4, p.size());
    size_t j = i + 2;
    if (kind >= '0' && kind <= '7')  // up to two more octal digits
      while (j < i + 4 && j < p.size() && p[j] >= '0' && p[j] <= '7') ++j;
    return j;
  }
  if (p[i] == '[') {
    size_t j = i + 1;
    if (j < p.size() && p[j] == '^') ++j;
    if (j < p.size() && p[j] == ']') ++j;
    for (; j < p.size() && p[j] != ']'; ++j) {
      if (p[j] == '\\') {
        ++j;
      } else if (p.substr(j, 2) == "[:") {  // a POSIX class, or RE2 refuses the pattern
        const size_t name_end = p.find(":]", j + 2);
        if (name_end != npos) j = name_end + 1;
      }
    }
    return j < p.size() ? j + 1 : npos;
  }
  if (p[i] == '(') {
    int depth = 0;
    for (size_t j = i; j < p.size();) {
      if (p[j] == '\\' || p[j] == '[') {
        j = element_end(p, j);
        if (j == npos) return npos;
      } else if (p[j] == ')' && --depth == 0) {
        return j + 1;
      } else {
        depth += p[j] == '(';
        ++j;
      }
    }
    return npos;
  }
  size_t j = i + 1;
  while (j < p.size() && (static_cast<unsigned char>(p[j]) & 0xC0) == 0x80) ++j;
  return j;
}

// The end of "(?i)" or of an empty "\\Q\\E" at `i`, or npos: RE2 reads no
// atom there, so a quantifier after one applies to the atom before it.
size_t no_atom_end(std::string_view p, size_t i) {
  constexpr size_t npos = std::string_view::npos;
  if (p.substr(i, 2) == "(?") {
    const size_t j = p.find_first_not_of("imsU-", i + 2);
    return j != npos && p[j] == ')' ? j + 1 : npos;
  }
  if (p.substr(i, 4) == "\\Q\\E") return i + 4;
  if (p.substr(i) == "\\Q") return i + 2;
  return npos;
}

bool punctuation(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x80 && !std::isalnum(u) && std::string_view(".^$|\\()[]{}*+?").find(c) == std::string_view::npos;
}

// Adds to `markers` the bytes one of which every match of element `e` holds:
// a punctuation mark or space, a class of them, or a group whose every
// alternative holds one (markers_of). False when there are none.
bool add_markers(std::string_view e, Markers& markers) {
  if (e.size() == 1 && punctuation(e[0])) {
    markers[static_cast<unsigned char>(e[0])] = true;
    return true;
  }
  if (e == "\\n" || e == "\\.") {
    markers[e == "\\n" ? '\n' : '.'] = true;
    return true;
  }
  if (e.size() > 2 && e.front() == '[' && e[1] != '^') {
    Markers in_class{};
    for (size_t k = 1; k + 1 < e.size(); ++k) {
      if (e.substr(k, 2) == "\\n") {
        in_class['\n'] = true;
        ++k;
      } else if (punctuation(e[k]) && e[k] != '-') {
        in_class[static_cast<unsigned char>(e[k])] = true;
      } else {
        return false;
      }
    }
    for (size_t b = 0; b < markers.size(); ++b) markers[b] = markers[b] || in_class[b];
    return true;
  }
  if (e.size() > 2 && e.front() == '(') {
    size_t open = 1;
    if (e.substr(0, 3) == "(?:") open = 3;
    else if (e.substr(0, 4) == "(?P<") open = e.find('>') + 1;
    else if (e[1] == '?') return false;  // flags
    const auto inner = markers_of(e.substr(open, e.size() - open - 1));
    if (!inner) return false;
    for (size_t b = 0; b < markers.size(); ++b) markers[b] = markers[b] || (*inner)[b];
    return true;
  }
  return false;
}

// The twin (see captured_twin). None when a quantifier follows flags or an
// empty quote ("a(?i){2}", "X?\\Q\\E{2}"): RE2 applies it to whatever came
// before, even a quantifier.
std::optional<std::string> write_twin(std::string_view pattern, std::vector<CountedRepetition>& counted) {
  struct Open {
    size_t at;                 // where the group opens in `out`
    std::vector<size_t> inner;  // counted repetitions inside it
  };
  std::string out;
  std::vector<Open> open;
  std::vector<size_t> top;          // lazy counted repetitions outside every group, by k
  std::vector<size_t> atom_inner;   // those inside the last atom (a group just closed)
  size_t atom = std::string::npos;  // where the last atom starts in `out`
  size_t spans = 0;
  auto inside = [&]() -> std::vector<size_t>& { return open.empty() ? top : open.back().inner; };
  // The atom at `at` and its quantifier, just written, may take more than one
  // pass: a capture of each pass's repetitions would hold the last pass only,
  // so a group captures the whole run, and bounds them all.
  auto repeated_from = [&](size_t at, const std::vector<size_t>& inner) {
    if (inner.empty()) return;
    out.insert(at, "(?P<" + std::string(kSpanGroup) + std::to_string(spans) + ">");
    out += ')';
    for (size_t k : inner) counted[k].span = spans;  // an outer run, written later, holds an inner one's
    ++spans;
  };
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (const size_t end = no_atom_end(pattern, i); end != std::string::npos) {
      if (end < pattern.size() && std::string_view("*+?{").find(pattern[end]) != std::string_view::npos)
        return std::nullopt;
      out.append(pattern.substr(i, end - i));
      i = end - 1;
    } else if (c == '\\' || c == '[') {  // an escape or a class, copied whole
      const size_t end = std::min(element_end(pattern, i), pattern.size());
      // A quantifier after "\\Q...\\E" applies to its last character alone.
      atom = pattern.substr(i, 2) == "\\Q" ? std::string::npos : out.size();
      atom_inner.clear();
      out.append(pattern.substr(i, end - i));
      i = end - 1;
    } else if (c == '(') {
      open.push_back({out.size(), {}});
      out += c;
      if (i + 1 < pattern.size() && pattern[i + 1] == '?') out += pattern[++i];  // not a quantifier
      atom = std::string::npos;
    } else if (c == ')') {
      out += c;
      if (open.empty()) continue;  // RE2 will refuse it
      Open group = std::move(open.back());
      open.pop_back();
      inside().insert(inside().end(), group.inner.begin(), group.inner.end());
      atom = group.at;
      atom_inner = std::move(group.inner);
    } else if ((c == '*' || c == '+' || c == '?') && atom != std::string::npos) {
      const size_t body = atom;
      const std::vector<size_t> inner = std::move(atom_inner);
      atom = std::string::npos;
      atom_inner.clear();
      out += c;
      if (i + 1 < pattern.size() && pattern[i + 1] == '?') out += pattern[++i];
      if (c != '?') repeated_from(body, inner);
    } else if (c == '{' && atom != std::string::npos) {
      size_t j = i + 1, least = 0, most = 0;
      while (j < pattern.size() && digit(pattern[j])) least = least * 10 + (pattern[j++] - '0');
      const bool has_least = j > i + 1, comma = j < pattern.size() && pattern[j] == ',';
      size_t close = comma ? j + 1 : j;
      while (close < pattern.size() && digit(pattern[close])) most = most * 10 + (pattern[close++] - '0');
      const bool has_most = comma && close > j + 1;
      // RE2 reads "{" as a literal when a count has a leading zero ("{01,2}")
      // or ten digits; from five, it refuses the pattern.
      auto no_count = [&](size_t from, size_t to) { return to - from > 4 || (to - from > 1 && pattern[from] == '0'); };
      if (!has_least || no_count(i + 1, j) || (has_most && no_count(j + 1, close)) || close >= pattern.size() ||
          pattern[close] != '}') {
        out += c;
        atom = out.size() - 1;
        atom_inner.clear();
        continue;
      }
      const bool lazy = close + 1 < pattern.size() && pattern[close + 1] == '?';
      const std::string_view quantifier = pattern.substr(i, close + 1 + lazy - i);
      const size_t body = atom;
      std::vector<size_t> inner = std::move(atom_inner);
      atom = std::string::npos;
      atom_inner.clear();
      const bool more_than_once = comma ? !has_most || most > 1 : least > 1;
      i = close + lazy;
      // Kept as written: "{n}", "{n,}", and greedy "{n,m}", whose pass in
      // the twin would run past its bound wherever the text goes on.
      if (!lazy || !has_most) {
        out.append(quantifier);
      } else {
        const size_t k = counted.size();
        const std::string text = out.substr(body);
        out.insert(body, "(?P<" + std::string(kCountGroup) + std::to_string(k) + ">");
        out += "{" + std::to_string(least) + ",}?)";
        counted.push_back({text, most, markers_of(text)});
        inside().push_back(k);
      }
      if (more_than_once) repeated_from(body, inner);
    } else {  // a character, with the rest of its UTF-8 sequence
      const size_t end = element_end(pattern, i);
      atom = out.size();
      atom_inner.clear();
      out.append(pattern.substr(i, end - i));
      i = end - 1;
    }
  }
  return out;
}

}  // namespace

std::string captured_twin(std::string_view pattern, std::vector<CountedRepetition>& counted) {
  counted.clear();
  auto twin = write_twin(pattern, counted);
  if (!twin) {
    counted.clear();
    return std::string(pattern);
  }
  return *twin;
}

std::optional<Markers> markers_of(std::string_view body) {
  Markers markers{};
  bool marked = false;  // the alternative so far has an element always taken that holds markers
  for (size_t i = 0; i < body.size();) {
    // Flags or an empty quote: a quantifier after them belongs to the element before.
    if (no_atom_end(body, i) != std::string_view::npos) return std::nullopt;
    if (body[i] == '|') {
      if (!marked) return std::nullopt;
      marked = false;
      ++i;
      continue;
    }
    const size_t end = element_end(body, i);
    if (end == std::string_view::npos) return std::nullopt;
    size_t next = end;
    bool taken = true;
    if (next < body.size() && (body[next] == '*' || body[next] == '?' || body[next] == '{')) {
      taken = false;  // may be left out ("{n,m}" counts as such: no need to read n)
      next = body[next] == '{' ? body.find('}', next) + 1 : next + 1;
      if (next == 0) return std::nullopt;
    } else if (next < body.size() && body[next] == '+') {
      ++next;
    }
    if (next < body.size() && body[next] == '?') ++next;  // lazy
    if (taken && !marked) marked = add_markers(body.substr(i, end - i), markers);
    i = next;
  }
  if (!marked) return std::nullopt;
  return markers;
}


bool may_match_nothing(const std::string& body, const RE2::Options& options) {
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\\' && i + 1 < body.size()) {
      if (std::string_view("bBAzC").find(body[i + 1]) != std::string_view::npos) return true;
      ++i;
    } else if (body[i] == '^' || body[i] == '$') {
      if (!(i > 0 && body[i - 1] == '[')) return true;  // "[^...]" negates; anything else anchors
    }
  }
  const RE2 alone(body, options);
  return !alone.ok() || RE2::FullMatch("", alone);
}

}  // namespace bilik

// Finds which of a fixed list of literal strings ("atoms") a text holds, in
// one pass over its bytes: an Aho-Corasick automaton with every transition
// laid out in a table, over classes of the bytes the atoms use. The rule
// filters ask it of every sentence, so it is built once, with the pack.
//
// Atoms must be lower case (RE2's FilteredRE2 gives them so); the text's
// A-Z are read as a-z (rewritten sentences keep their placeholders,
// <<PERSON:...>>, in capitals). Other bytes must be equal. The table takes
// 4 bytes for each state (about one per atom byte) and each byte class (one
// per distinct byte in the atoms): a few hundred atoms take a few hundred KB.
//
//   AtomScanner scanner({"səfər", "<<person"});
//   std::vector<int> found;
//   scanner.scan("<<PERSON:1:nominative:found>> Bakıya səfər edib", found);  // {0, 1}
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bilik {

class AtomScanner {
 public:
  // Throws std::length_error past 2^32 table entries.
  explicit AtomScanner(const std::vector<std::string>& atoms);

  // The indexes of the atoms `text` holds, ascending, each once, into `found`
  // (which is cleared first).
  void scan(std::string_view text, std::vector<int>& found) const;

 private:
  // A transition's target is stored premultiplied by the number of classes;
  // the states that end some atom come last, from holds_from_ on.
  std::array<uint8_t, 256> class_of_{};  // 0: a byte no atom holds
  uint32_t classes_ = 1;
  std::vector<uint32_t> next_;         // state * classes_ + class → target
  uint32_t holds_from_ = 0;            // the first ending state, premultiplied
  std::vector<uint32_t> ends_from_;    // ending state - first ending state → its first entry in ends_; one more at the end
  std::vector<int> ends_;              // the atoms each ending state ends, its suffix states' included
  std::vector<int> in_every_text_;     // empty atoms
  std::vector<uint32_t> depth_;        // state → the bytes of the atom prefix it stands for
  size_t atoms_ = 0;
};

}  // namespace bilik

// What a document's entity may be joined with in other documents.
//
// A name is evidence of identity only where it names one thing. Two kinds of
// names do not:
// - A body every state has ("Xarici İşlər Nazirliyi", any "... Nazirliyi"
//   that names no state; pack.state_bodies). Where the text ties it to one
//   state — a located_in triple, or the state's genitive right before it
//   ("Özbəkistanın Xarici İşlər Nazirliyi") — the entity is renamed after
//   that state ("Özbəkistan Xarici İşlər Nazirliyi") and joins by that name;
//   otherwise it stays within its document. A generic alias of a named body
//   ("Müdafiə Nazirliyi" of "Qazaxıstan Müdafiə Nazirliyi") is shown but
//   never compared.
// - A treaty known only by its subject or kind ("strateji tərəfdaşlıq
//   haqqında saziş": no mention writes a capital letter inside a sentence;
//   "Anlaşma Memorandumu": every word names a kind of paper,
//   pack.treaty_kind_words), with no gazetteer entry. It joins only a treaty with the same subject, the same
//   parties and the same date (one key of the three); with no party it stays
//   within its document.
// Every decision is written to the entity's identity_note.
//
//   settle_identity(x, text, analyzed, pack);  // after find_relations
#pragma once

#include <string_view>

#include "bilik/extraction.h"

namespace bilik {

void settle_identity(Extraction& x, std::string_view original, const RulePack& pack);

// True when `name` is a body every state has and names no state.
bool is_state_body(std::string_view name, const RulePack& pack);

}  // namespace bilik

#include "bilik/curation_file.h"

#include <fstream>
#include <optional>
#include <sstream>

#include "bilik/entity_type.h"
#include "bilik/folded_text.h"
#include "bilik/vocabulary.h"
#include "bilik/utf8.h"

namespace bilik {
namespace {

using Verb = CurationStatement::Verb;

constexpr std::pair<Verb, std::string_view> kVerbs[] = {
    {Verb::Merge, "merge"}, {Verb::Split, "split"}, {Verb::Rename, "rename"},          {Verb::Retype, "retype"},
    {Verb::Alias, "alias"}, {Verb::Drop, "drop"},   {Verb::DropTriple, "drop-triple"}};

constexpr const char* kShapes =
    "merge A B..., split A in DOCUMENT... [as NAME], rename A NAME, retype A TYPE, alias A NAME, drop A, "
    "drop-triple A PREDICATE B|*";

// One word of a line: a quoted string or a bare word, with the type prefix
// it carried (PERSON:"...").
struct Token {
  std::string type;
  std::string text;
  bool quoted = false;
  size_t column = 1;  // in characters, from 1
};

size_t characters(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string nearest_of(const std::string& word, const std::vector<std::string>& choices) {
  auto lower = [](std::string w) {
    for (char& c : w) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return w;
  };
  std::string best;
  size_t best_distance = 3;
  for (const std::string& c : choices) {
    // The same word in another case is the nearest miss of all.
    const size_t d = lower(word) == lower(c) ? 0 : edit_distance(word, c);
    if (d < best_distance) best_distance = d, best = c;
  }
  return best;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& choices) {
  const std::string n = nearest_of(word, choices);
  return n.empty() ? "" : "; did you mean " + n + "?";
}

bool all_upper_ascii(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

// Splits "TYPE:rest" when TYPE is an entity type; an upper-case word before
// ':' that is no type is an error (a misspelt type), anything else keeps
// its colon ("Nur-Sultan:2" is a name).
Result<std::pair<std::string, std::string>> split_type(const std::string& word, const std::string& where) {
  const size_t colon = word.find(':');
  if (colon == std::string::npos) return std::pair<std::string, std::string>{"", word};
  const std::string prefix = word.substr(0, colon);
  if (parse_type(prefix)) return std::pair<std::string, std::string>{prefix, word.substr(colon + 1)};
  if (all_upper_ascii(prefix))
    return Result<std::pair<std::string, std::string>>::failure(
        (where.empty() ? "" : where + ": ") + "'" + prefix + "' is not an entity type (" + "PERSON, STATE, ORGANIZATION, TREATY, LOCATION)" +
        did_you_mean(prefix, all_type_names()));
  return std::pair<std::string, std::string>{"", word};
}

std::string at(const std::string& file, size_t line, size_t column) {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

// The tokens of a line, up to a '#' that starts a word.
Result<std::vector<Token>> tokenize(std::string_view line, const std::string& file, size_t line_number) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t' || line[i] == '\r') {
      ++i;
      continue;
    }
    if (line[i] == '#') break;
    Token t;
    t.column = characters(line.substr(0, i)) + 1;
    const std::string where = at(file, line_number, t.column);
    std::string bare;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && line[i] != '"') bare += line[i++];
    if (i < line.size() && line[i] == '"') {
      // A quoted name, after an optional TYPE: prefix.
      if (!bare.empty()) {
        if (bare.back() != ':' || !parse_type(bare.substr(0, bare.size() - 1))) {
          const std::string prefix = bare.back() == ':' ? bare.substr(0, bare.size() - 1) : bare;
          if (bare.back() == ':')
            return Result<std::vector<Token>>::failure(where + ": '" + prefix + "' is not an entity type (PERSON, STATE, "
                                                       "ORGANIZATION, TREATY, LOCATION)" +
                                                       did_you_mean(prefix, all_type_names()));
          return Result<std::vector<Token>>::failure(where + ": a quote inside a word; put the whole name in quotes");
        }
        t.type = bare.substr(0, bare.size() - 1);
      }
      ++i;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '\\' && i + 1 < line.size() && (line[i + 1] == '"' || line[i + 1] == '\\')) {
          t.text += line[i + 1];
          i += 2;
        } else if (line[i] == '"') {
          closed = true;
          ++i;
          break;
        } else {
          t.text += line[i++];
        }
      }
      if (!closed) return Result<std::vector<Token>>::failure(where + ": the quote is not closed on this line");
      if (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
        return Result<std::vector<Token>>::failure(at(file, line_number, characters(line.substr(0, i)) + 1) +
                                                   ": a space is needed after the closing quote");
      t.quoted = true;
    } else {
      auto typed = split_type(bare, where);
      if (!typed) return Result<std::vector<Token>>::failure(typed.error());
      t.type = typed->first;
      t.text = typed->second;
    }
    out.push_back(std::move(t));
  }
  return out;
}

// Builds the statement from its tokens; `where(token)` names a token's place.
template <class Where>
Result<CurationStatement> build(const std::vector<Token>& tokens, const Where& where, const std::string& end_place) {
  using R = Result<CurationStatement>;
  CurationStatement s;
  const Token& verb = tokens[0];
  std::optional<Verb> found;
  for (const auto& [v, name] : kVerbs)
    if (!verb.quoted && verb.type.empty() && verb.text == name) found = v;
  if (!found) {
    std::vector<std::string> names;
    for (const auto& [v, name] : kVerbs) names.emplace_back(name);
    return R::failure(where(verb) + "'" + verb.text + "' is not a curation verb (" + kShapes + ")" +
                      did_you_mean(verb.text, names));
  }
  s.verb = *found;
  const std::string shape = [&] {
    const std::string v(verb_name(s.verb));
    const std::string all = kShapes;
    const size_t from = all.find(v + " ");
    return all.substr(from, all.find(", ", from) == std::string::npos ? std::string::npos : all.find(", ", from) - from);
  }();
  size_t next = 1;
  auto missing = [&](const std::string& what) {
    return R::failure(end_place + std::string(verb_name(s.verb)) + " needs " + what + " (" + shape + ")");
  };
  auto entity = [&](const Token& t, bool star_allowed) -> Result<EntityRef> {
    EntityRef r;
    if (star_allowed && !t.quoted && t.text == "*" && t.type.empty()) {
      r.any = true;
      return r;
    }
    r.type = t.type;
    r.name = t.text;
    r.key = fold_key(t.text);
    if (r.key.empty()) return Result<EntityRef>::failure(where(t) + "the name is empty");
    return r;
  };
  auto name_value = [&](const Token& t) -> Result<std::string> {
    if (!t.type.empty())
      return Result<std::string>::failure(where(t) + "a new name takes no type; to change the type use retype");
    if (fold_key(t.text).empty()) return Result<std::string>::failure(where(t) + "the name is empty");
    return t.text;
  };
  auto take_entity = [&](bool star_allowed) -> Status {
    auto r = entity(tokens[next], star_allowed);
    if (!r) return Status::failure(r.error());
    s.entities.push_back(*r);
    ++next;
    return {};
  };
  if (next >= tokens.size()) return missing("an entity");
  if (Status st = take_entity(false); !st) return R::failure(st.error());
  switch (s.verb) {
    case Verb::Merge:
      if (next >= tokens.size()) return missing("a second entity");
      while (next < tokens.size()) {
        const Token& t = tokens[next];
        if (Status st = take_entity(false); !st) return R::failure(st.error());
        const EntityRef& r = s.entities.back();
        if (r.key == s.entities[0].key && r.type == s.entities[0].type)
          return R::failure(where(t) + "merges '" + r.name + "' with itself");
      }
      break;
    case Verb::Split: {
      if (next >= tokens.size() || tokens[next].quoted || tokens[next].text != "in")
        return next >= tokens.size() ? missing("'in' and the documents") : R::failure(where(tokens[next]) + "expected 'in' (" + shape + ")");
      ++next;
      while (next < tokens.size() && !(!tokens[next].quoted && tokens[next].text == "as")) {
        if (!tokens[next].type.empty() || tokens[next].text.empty())
          return R::failure(where(tokens[next]) + "expected a document (its path or file name)");
        s.documents.push_back(tokens[next++].text);
      }
      if (s.documents.empty()) return next < tokens.size() ? R::failure(where(tokens[next]) + "no document before 'as'") : missing("a document");
      if (next < tokens.size()) {
        ++next;
        if (next >= tokens.size()) return missing("a name after 'as'");
        auto v = name_value(tokens[next++]);
        if (!v) return R::failure(v.error());
        s.value = *v;
      }
      break;
    }
    case Verb::Rename:
    case Verb::Alias: {
      if (next >= tokens.size()) return missing("a name");
      auto v = name_value(tokens[next++]);
      if (!v) return R::failure(v.error());
      s.value = *v;
      break;
    }
    case Verb::Retype: {
      if (next >= tokens.size()) return missing("a type");
      const Token& t = tokens[next++];
      if (t.quoted || !t.type.empty() || !parse_type(t.text))
        return R::failure(where(t) + "'" + t.text + "' is not an entity type (PERSON, STATE, ORGANIZATION, TREATY, "
                                                      "LOCATION)" + did_you_mean(t.text, all_type_names()));
      s.value = t.text;
      break;
    }
    case Verb::Drop: break;
    case Verb::DropTriple: {
      if (next >= tokens.size()) return missing("a predicate");
      const Token& t = tokens[next++];
      std::vector<std::string> names;
      for (const auto& [name, spec] : Vocabulary::builtin().predicates) names.push_back(name);
      if (t.quoted || !t.type.empty() || !Vocabulary::builtin().predicates.count(t.text))
        return R::failure(where(t) + "'" + t.text + "' is not a predicate of schema/predicates.json" +
                          did_you_mean(t.text, names));
      s.value = t.text;
      if (next >= tokens.size()) return missing("an object (an entity, or * for any)");
      if (Status st = take_entity(true); !st) return R::failure(st.error());
      break;
    }
  }
  if (next < tokens.size())
    return R::failure(where(tokens[next]) + "unexpected '" + tokens[next].text + "' after the statement (" + shape +
                      ")");
  return s;
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string ref_text(const EntityRef& r) {
  if (r.any) return "*";
  return (r.type.empty() ? "" : r.type + ":") + quoted(r.name);
}

}  // namespace

std::string_view verb_name(CurationStatement::Verb verb) {
  for (const auto& [v, name] : kVerbs)
    if (v == verb) return name;
  return "";
}

std::string CurationStatement::line() const {
  std::string out(verb_name(verb));
  out += " " + ref_text(entities[0]);
  switch (verb) {
    case Verb::Merge:
      for (size_t i = 1; i < entities.size(); ++i) out += " " + ref_text(entities[i]);
      break;
    case Verb::Split:
      out += " in";
      for (const std::string& d : documents) out += " " + quoted(d);
      if (!value.empty()) out += " as " + quoted(value);
      break;
    case Verb::Rename:
    case Verb::Alias: out += " " + quoted(value); break;
    case Verb::Retype: out += " " + value; break;
    case Verb::Drop: break;
    case Verb::DropTriple: out += " " + value + " " + ref_text(entities[1]); break;
  }
  return out;
}

Result<std::vector<CurationStatement>> parse_curation_line(std::string_view line, const std::string& file,
                                                           size_t line_number) {
  using R = Result<std::vector<CurationStatement>>;
  if (size_t bad = first_invalid_utf8(line); bad != std::string_view::npos)
    return R::failure(at(file, line_number, characters(line.substr(0, bad)) + 1) + ": not UTF-8 (" +
                      describe_invalid_utf8(line, bad) + ")");
  auto tokens = tokenize(line, file, line_number);
  if (!tokens) return R::failure(tokens.error());
  if (tokens->empty()) return std::vector<CurationStatement>{};
  std::string_view content = line;
  while (!content.empty() && (content.back() == ' ' || content.back() == '\r' || content.back() == '\t'))
    content.remove_suffix(1);
  const std::string end_place = at(file, line_number, characters(content) + 1);
  auto s = build(*tokens, [&](const Token& t) { return at(file, line_number, t.column) + ": "; }, end_place + ": ");
  if (!s) return R::failure(s.error());
  s->source = file + ":" + std::to_string(line_number);
  return std::vector<CurationStatement>{*s};
}

Result<std::vector<CurationStatement>> parse_curation(std::string_view text, const std::string& file) {
  std::vector<CurationStatement> out;
  size_t line_number = 0, from = 0;
  while (from < text.size()) {
    const size_t end = std::min(text.find('\n', from), text.size());
    ++line_number;
    auto parsed = parse_curation_line(text.substr(from, end - from), file, line_number);
    if (!parsed) return Result<std::vector<CurationStatement>>::failure(parsed.error());
    for (CurationStatement& s : *parsed) out.push_back(std::move(s));
    from = end + 1;
  }
  return out;
}

Result<std::vector<CurationStatement>> load_curation_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Result<std::vector<CurationStatement>>::failure(path + ": cannot open the curation file (missing or unreadable)");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Result<std::vector<CurationStatement>>::failure(path + ": reading the curation file failed");
  return parse_curation(text.str(), path);
}

Result<CurationStatement> curation_from_words(const std::vector<std::string>& words, const std::string& source) {
  using R = Result<CurationStatement>;
  if (words.empty()) return R::failure(std::string("no statement given (") + kShapes + ")");
  std::vector<Token> tokens;
  for (size_t i = 0; i < words.size(); ++i) {
    if (first_invalid_utf8(words[i]) != std::string_view::npos)
      return R::failure("argument " + std::to_string(i + 1) + " is not UTF-8");
    Token t;
    t.column = i + 1;
    auto typed = split_type(words[i], "");
    if (!typed) return R::failure(typed.error());
    t.type = typed->first;
    t.text = typed->second;
    tokens.push_back(std::move(t));
  }
  // Each message quotes the word it is about, so it needs no place.
  auto s = build(tokens, [](const Token&) { return std::string(); }, "");
  if (!s) return s;
  s->source = source;
  return s;
}

bool ref_matches(const EntityRef& ref, std::string_view type, const std::vector<std::string>& keys) {
  if (ref.any) return true;
  if (!ref.type.empty() && ref.type != type) return false;
  for (const std::string& k : keys)
    if (k == ref.key) return true;
  return false;
}

}  // namespace bilik

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <sstream>

#include "bilik/query.h"
#include "bilik/vocabulary.h"
#include "statement.h"

namespace bilik {
namespace {

struct Term {
  std::string text;
  bool variable = false;
  std::vector<long long> ids;  // a named entity: every entity with that name
};

// Splits "a b . c d e" into patterns of terms; quotes keep spaces in names.
Result<std::vector<std::vector<std::string>>> parse(const std::string& pattern) {
  std::vector<std::vector<std::string>> out(1);
  std::string term;
  bool quoted = false;
  auto flush = [&] {
    if (!term.empty()) out.back().push_back(term);
    term.clear();
  };
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '"') {
      quoted = !quoted;
      if (!quoted) {
        out.back().push_back(term);
        term.clear();
      }
    } else if (!quoted && (c == ' ' || c == '\t' || c == '\n')) {
      flush();
    } else if (!quoted && c == '.' && term.empty()) {
      out.emplace_back();
    } else {
      term += c;
    }
  }
  if (quoted) return Result<std::vector<std::vector<std::string>>>::failure("an unclosed quote in the pattern");
  flush();
  std::vector<std::vector<std::string>> patterns;
  for (auto& p : out) {
    if (p.empty()) continue;
    if (p.size() != 3)
      return Result<std::vector<std::vector<std::string>>>::failure(
          "each pattern is 'subject predicate object', separated by ' . '; got " + std::to_string(p.size()) +
          " terms in one");
    patterns.push_back(std::move(p));
  }
  if (patterns.empty()) return Result<std::vector<std::vector<std::string>>>::failure("an empty pattern");
  return patterns;
}

using Binding = std::map<std::string, std::string>;  // entity ids as text, predicates as themselves

}  // namespace

Result<Table> match_patterns(sqlite3* db, const std::string& pattern, const Morphology* morphology, size_t limit) {
  auto parsed = parse(pattern);
  if (!parsed) return Result<Table>::failure(parsed.error());
  std::vector<std::array<Term, 3>> patterns;
  std::vector<std::string> variables;
  std::set<std::string> entity_variables, predicate_variables;
  for (const auto& p : *parsed) {
    std::array<Term, 3> terms;
    for (int i = 0; i < 3; ++i) {
      terms[i].text = p[i];
      terms[i].variable = p[i].size() > 1 && p[i][0] == '?';
      if (terms[i].variable) {
        if (std::find(variables.begin(), variables.end(), p[i]) == variables.end()) variables.push_back(p[i]);
        (i == 1 ? predicate_variables : entity_variables).insert(p[i]);
        if (entity_variables.count(p[i]) && predicate_variables.count(p[i]))
          return Result<Table>::failure("variable " + p[i] + " stands for a predicate and for an entity");
      } else if (i == 1 && !Vocabulary::builtin().predicates.count(p[i])) {
        std::string known;
        for (const auto& [name, spec] : Vocabulary::builtin().predicates) known += (known.empty() ? "" : ", ") + name;
        return Result<Table>::failure("'" + p[i] + "' is not a predicate of schema/predicates.json (" + known + ")");
      } else if (i != 1) {
        auto ids = find_entities(db, p[i], morphology);
        if (!ids) return Result<Table>::failure(ids.error());
        if (ids->empty()) return Result<Table>::failure("no entity is called '" + p[i] + "'");
        terms[i].ids = *ids;
      }
    }
    patterns.push_back(terms);
  }
  std::vector<Binding> bindings{Binding{}};
  for (const auto& terms : patterns) {
    std::vector<Binding> next;
    for (const Binding& b : bindings) {
      // Constants and bound variables become conditions; the rest are read.
      auto ids_of = [&](const Term& t) -> std::vector<long long> {
        if (!t.variable) return t.ids;
        auto it = b.find(t.text);
        return it == b.end() ? std::vector<long long>{} : std::vector<long long>{std::stoll(it->second)};
      };
      const auto subjects = ids_of(terms[0]), objects = ids_of(terms[2]);
      std::string predicate = terms[1].variable ? (b.count(terms[1].text) ? b.at(terms[1].text) : "") : terms[1].text;
      std::string sql = "SELECT DISTINCT subject_id, predicate, object_id FROM triple WHERE object_id IS NOT NULL";
      auto in = [](const char* col, const std::vector<long long>& ids) {
        if (ids.empty()) return std::string();
        std::string s = std::string(" AND ") + col + " IN (";
        for (size_t i = 0; i < ids.size(); ++i) s += (i ? "," : "") + std::to_string(ids[i]);  // numbers from the store
        return s + ")";
      };
      sql += in("subject_id", subjects) + in("object_id", objects);
      if (!predicate.empty()) sql += " AND predicate = ?";
      Statement q(db, sql);
      if (!predicate.empty()) q.bind(1, predicate);
      Status read = q.each([&] {
        Binding nb = b;
        const std::string values[3] = {std::to_string(q.column_int(0)), q.column_text(1), std::to_string(q.column_int(2))};
        bool ok = true;
        for (int i = 0; i < 3 && ok; ++i) {
          if (!terms[i].variable) continue;
          auto [it, inserted] = nb.try_emplace(terms[i].text, values[i]);
          ok = inserted || it->second == values[i];
        }
        if (ok) next.push_back(std::move(nb));
        return next.size() <= 100 * limit;
      });
      if (!read) return Result<Table>::failure(read.error());
    }
    bindings = std::move(next);
  }
  Table t;
  t.columns = variables;
  Statement name(db, "SELECT name FROM entities WHERE id = ?");
  std::set<std::vector<std::string>> seen;
  for (const Binding& b : bindings) {
    std::vector<std::string> row;
    for (const std::string& v : variables) {
      std::string value = b.at(v);
      if (entity_variables.count(v)) {
        name.reset();
        name.bind(1, std::stoll(value));
        auto found = name.next();
        if (!found) return Result<Table>::failure(found.error());
        if (*found) value = name.column_text(0);
      }
      row.push_back(value);
    }
    if (seen.insert(row).second) t.rows.emplace_back(row.begin(), row.end());
    if (t.rows.size() >= limit) break;
  }
  return t;
}

}  // namespace bilik

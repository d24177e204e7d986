#include <nlohmann/json.hpp>

#include "bilik/vocabulary.h"
#include "predicates_json.h"

namespace bilik {

Result<Vocabulary> Vocabulary::parse(std::string_view text, const std::string& where) {
  Vocabulary v;
  try {
    const auto doc = nlohmann::json::parse(text);
    for (auto& [name, spec] : doc.at("predicates").items()) {
      PredicateSpec p;
      p.symmetric = spec.value("symmetric", false);
      for (const auto& t : spec.at("subject")) {
        auto type = parse_type(t.get<std::string>());
        if (!type) return Result<Vocabulary>::failure(where + ": " + name + ": unknown subject type " + t.dump());
        p.subject.push_back(*type);
      }
      for (const auto& t : spec.at("object")) {
        const std::string s = t.get<std::string>();
        if (s == "LITERAL") {
          p.literal_object = true;
          continue;
        }
        auto type = parse_type(s);
        if (!type) return Result<Vocabulary>::failure(where + ": " + name + ": unknown object type " + t.dump());
        p.object.push_back(*type);
      }
      v.predicates[name] = p;
    }
  } catch (const nlohmann::json::exception& e) {
    return Result<Vocabulary>::failure(where + ": " + e.what());
  }
  return v;
}

const Vocabulary& Vocabulary::builtin() {
  static const Vocabulary vocabulary = [] {
    auto v = parse(embedded::kPredicatesJson, "schema/predicates.json");
    return v ? *v : Vocabulary{};
  }();
  return vocabulary;
}

}  // namespace bilik

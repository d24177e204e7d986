# Writes a header holding each schema file as a raw string, in order.
# FILES separates the paths with "|".
string(REPLACE "|" ";" FILES "${FILES}")
set(body "// Generated from schema/*.sql; do not edit.\n#pragma once\n#include <array>\n#include <string_view>\nnamespace bilik::schema {\n")
set(list "")
set(n 0)
foreach(f ${FILES})
  file(READ ${f} sql)
  string(APPEND body "inline constexpr std::string_view kMigration${n} = R\"BILIKSQL(${sql})BILIKSQL\";\n")
  string(APPEND list "kMigration${n},")
  math(EXPR n "${n} + 1")
endforeach()
string(APPEND body "inline constexpr std::array<std::string_view, ${n}> kMigrations{${list}};\n}\n")
file(WRITE ${OUT} "${body}")

# Writes a header holding one text file as a raw string constant NAME.
file(READ ${IN} text)
file(WRITE ${OUT} "// Generated from ${IN}; do not edit.\n#pragma once\n#include <string_view>\nnamespace bilik::embedded {\ninline constexpr std::string_view ${NAME} = R\"BILIKTEXT(${text})BILIKTEXT\";\n}\n")

# Writes a help2man include file holding every command's --help, so the man
# page documents each command as `bilik COMMAND --help` does.
# Usage: cmake -DBILIK=path/to/bilik -DOUT=commands.h2m -P man_commands.cmake
set(text "[COMMANDS]\n")
foreach(command extract explain rules merge query export stats curate)
  execute_process(COMMAND ${BILIK} ${command} --help OUTPUT_VARIABLE help RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "bilik ${command} --help failed")
  endif()
  # Backslashes are troff escapes; a line starting with '.' or "'" a request.
  string(REPLACE "\\" "\\e" help "${help}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
  string(APPEND text ".SS ${command}\n.nf\n${help}.fi\n")
endforeach()
file(WRITE ${OUT} "${text}")

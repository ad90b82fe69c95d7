# Invoked with -DINPUT -DOUTPUT -DSYMBOL -DNAMESPACE: writes a C++ file that
# defines NAMESPACE::SYMBOL as the text of INPUT.
include(${CMAKE_CURRENT_LIST_DIR}/write_if_changed.cmake)
file(READ ${INPUT} text)
string(FIND "${text}" ")VICTEXT\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter")
endif()
set(content "// Generated from ${INPUT}; do not edit.\nnamespace ${NAMESPACE} {\nextern const char* const ${SYMBOL} = R\"VICTEXT(${text})VICTEXT\";\n}\n")
write_if_changed(${OUTPUT} "${content}")

# vic_embed_text(NAMESPACE SYMBOL INPUT OUTPUT_VAR): compiles the text of
# INPUT in as `const char* const NAMESPACE::SYMBOL`; OUTPUT_VAR receives the
# generated source to add to a target.
function(vic_embed_text namespace symbol input output_var)
  string(REPLACE "::" "_" stem "${namespace}_${symbol}")
  set(output ${CMAKE_BINARY_DIR}/generated/${stem}.cpp)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${output} -DSYMBOL=${symbol} -DNAMESPACE=${namespace}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_text.cmake
    DEPENDS ${input} ${PROJECT_SOURCE_DIR}/cmake/embed_text.cmake ${PROJECT_SOURCE_DIR}/cmake/write_if_changed.cmake
    COMMENT "Embedding ${input}")
  set(${output_var} ${output} PARENT_SCOPE)
endfunction()

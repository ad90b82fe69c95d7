# write_if_changed(PATH CONTENT): writes CONTENT to PATH unless it already
# holds exactly that, so that generated sources do not trigger rebuilds.
function(write_if_changed path content)
  if(EXISTS ${path})
    file(READ ${path} old)
  else()
    set(old "")
  endif()
  if(NOT old STREQUAL content)
    file(WRITE ${path} "${content}")
  endif()
endfunction()

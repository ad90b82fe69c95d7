# Invoked with -DENDPOINT -DOUTPUT_DIR -DXORRISO [-DSTRIP]. The version comes from the
# daemon itself, so the images can never disagree with the binary they hold.
execute_process(COMMAND ${ENDPOINT} --version OUTPUT_VARIABLE line OUTPUT_STRIP_TRAILING_WHITESPACE
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "vic-endpoint --version failed")
endif()
string(REGEX REPLACE "^.* " "" version "${line}")

set(stage ${OUTPUT_DIR}/stage)
file(REMOVE_RECURSE ${stage})
file(MAKE_DIRECTORY ${stage}/appliance/bin ${stage}/bootstrap)
file(COPY ${ENDPOINT} DESTINATION ${stage}/appliance/bin)
if(STRIP)
  # Debug symbols are for the build machine; the VM only needs the program.
  execute_process(COMMAND ${STRIP} --strip-unneeded ${stage}/appliance/bin/vic-endpoint)
endif()
file(WRITE ${stage}/appliance/VERSION "${version}\n")
file(WRITE ${stage}/bootstrap/VERSION "${version}\n")

foreach(image appliance bootstrap)
  string(TOUPPER "VIC_${image}" label)
  execute_process(
    COMMAND ${XORRISO} -as mkisofs -quiet -r -J -V ${label}
            -publisher "VMware Inc. ${version}" -appid "vic-${image}"
            -o ${OUTPUT_DIR}/${image}.iso.tmp ${stage}/${image}
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "xorriso failed for ${image}.iso: ${err}")
  endif()
  file(RENAME ${OUTPUT_DIR}/${image}.iso.tmp ${OUTPUT_DIR}/${image}.iso)
endforeach()
file(REMOVE_RECURSE ${stage})

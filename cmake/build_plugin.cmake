# Invoked with -DSERVER -DMANIFEST_DIR -DUI_DIR -DOUTPUT_DIR: packages the
# vSphere Client plug-in at the server's own plug-in version, so that the two
# can never disagree. Writes OUTPUT_DIR/plugin.json (vSphere 7 and 8) and
# OUTPUT_DIR/com.vmware.vic-<version>.zip (6.7: plugin-package.xml and
# plugins/vic.war holding plugin.xml, the OSGi manifest and the UI).
execute_process(COMMAND ${SERVER} --plugin-version OUTPUT_VARIABLE PLUGIN_VERSION
                OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT PLUGIN_VERSION MATCHES "^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$")
  message(FATAL_ERROR "${SERVER} --plugin-version gave \"${PLUGIN_VERSION}\"")
endif()

set(stage ${OUTPUT_DIR}/stage)
file(REMOVE_RECURSE ${stage})
file(MAKE_DIRECTORY ${stage}/war/META-INF ${stage}/package/plugins)
configure_file(${MANIFEST_DIR}/MANIFEST.MF ${stage}/war/META-INF/MANIFEST.MF @ONLY)
configure_file(${MANIFEST_DIR}/plugin.xml ${stage}/war/plugin.xml @ONLY)
configure_file(${MANIFEST_DIR}/plugin-package.xml ${stage}/package/plugin-package.xml @ONLY)
set(war_entries META-INF/MANIFEST.MF plugin.xml)
if(EXISTS ${UI_DIR}/index.html)
  file(COPY ${UI_DIR}/ DESTINATION ${stage}/war/resources)
  list(APPEND war_entries resources)
endif()

# A war is a zip whose first entry is the manifest.
execute_process(COMMAND ${CMAKE_COMMAND} -E tar cf ${stage}/package/plugins/vic.war --format=zip ${war_entries}
                WORKING_DIRECTORY ${stage}/war RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "packing vic.war failed")
endif()
file(GLOB old ${OUTPUT_DIR}/com.vmware.vic-*.zip)
if(old)
  file(REMOVE ${old})
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E tar cf ${OUTPUT_DIR}/com.vmware.vic-${PLUGIN_VERSION}.zip --format=zip
                        plugin-package.xml plugins
                WORKING_DIRECTORY ${stage}/package RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "packing the plug-in zip failed")
endif()
configure_file(${MANIFEST_DIR}/plugin.json ${OUTPUT_DIR}/plugin.json @ONLY)
file(WRITE ${OUTPUT_DIR}/VERSION "${PLUGIN_VERSION}\n")

# Generates version_info.cpp on every build so that the build number and commit
# are always those of the tree being built. The file is only rewritten when its
# content changes, so unchanged builds do not recompile anything.
set(VIC_GENERATED_DIR ${CMAKE_BINARY_DIR}/generated)
set(VIC_VERSION_SOURCE ${VIC_GENERATED_DIR}/version_info.cpp)

add_custom_target(vic_version_stamp
  BYPRODUCTS ${VIC_VERSION_SOURCE}
  COMMAND ${CMAKE_COMMAND}
          -DSOURCE_DIR=${CMAKE_SOURCE_DIR}
          -DOUTPUT=${VIC_VERSION_SOURCE}
          -DVERSION=${PROJECT_VERSION}
          -P ${CMAKE_SOURCE_DIR}/cmake/write_version.cmake
  COMMENT "Stamping the build version"
  VERBATIM)

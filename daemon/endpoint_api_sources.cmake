# The Docker API's routes, request checks and answer shapes: no vCenter in
# them, so the fuzz build (tests/fuzz) compiles them as the daemon does.
set(VIC_ENDPOINT_API_SOURCES
  docker_api.cpp
  endpoint_config.cpp
  time_text.cpp
  containers/container_json.cpp
  containers/container_record.cpp
  containers/container_spec.cpp
  images/digest_stream.cpp
  images/image_json.cpp
  images/image_reference.cpp
  images/registry_credentials.cpp
  images/registry_policy.cpp
  networks/network_views.cpp
  volumes/volume_record.cpp)
list(TRANSFORM VIC_ENDPOINT_API_SOURCES PREPEND ${CMAKE_CURRENT_LIST_DIR}/)

# Fails when a source file reaches up a layer (see vicapi/CMakeLists.txt) or
# past a boundary the design draws. Run as: cmake -DROOT=<tree> -P this file.
# Prints every violation, then fails; tests/layers runs it on planted ones.
if(NOT ROOT)
  message(FATAL_ERROR "check_layers: pass -DROOT=<source tree>")
endif()

# The floor of a path inside the tree; -1 for what is not layered (tests).
function(vic_floor path out)
  set(floor -1)
  if(path MATCHES "^vicapi/(base|util|version|crypto)/")
    set(floor 0)
  elseif(path MATCHES "^vicapi/(tls|net|soap)/")
    set(floor 1)
  elseif(path MATCHES "^vicapi/(vim|sim)/")
    set(floor 2)
  elseif(path MATCHES "^vicapi/engine/")
    set(floor 3)
  elseif(path MATCHES "^(vicapi/cli|plugin-server|daemon)/")
    set(floor 4)
  endif()
  set(${out} ${floor} PARENT_SCOPE)
endfunction()

file(GLOB_RECURSE sources RELATIVE ${ROOT}
  ${ROOT}/vicapi/*.h ${ROOT}/vicapi/*.cpp
  ${ROOT}/plugin-server/*.h ${ROOT}/plugin-server/*.cpp
  ${ROOT}/daemon/*.h ${ROOT}/daemon/*.cpp)

set(problems "")
foreach(source ${sources})
  vic_floor(${source} from)
  file(STRINGS ${ROOT}/${source} lines REGEX "^#include \"|invoke(Streamed)?\\(")
  foreach(line ${lines})
    if(line MATCHES "^#include \"([^\"]+)\"")
      set(target ${CMAKE_MATCH_1})
      vic_floor(${target} to)
      if(to GREATER from)
        string(APPEND problems "\n  ${source}: includes ${target}, a higher layer")
      endif()
      # The simulator is for tests and the demo (vic-machine), never the product.
      if(target MATCHES "^vicapi/sim/" AND NOT source MATCHES "^vicapi/(sim|cli)/")
        string(APPEND problems "\n  ${source}: includes the simulator ${target}")
      endif()
      # The engine speaks vSphere through vim/, and never sees HTTP.
      if(source MATCHES "^vicapi/engine/" AND target MATCHES "^vicapi/(net/|soap/(transport|envelope))")
        string(APPEND problems "\n  ${source}: the engine includes the transport's ${target}")
      endif()
      # The HTTP server's floor knows nothing of the API or the engine above it.
      if(source MATCHES "^plugin-server/httpd/" AND target MATCHES "^(plugin-server/(api|auth|jobs|registration|store)|vicapi/(engine|vim))/")
        string(APPEND problems "\n  ${source}: the HTTP layer includes ${target}")
      endif()
      # The server and the daemon are separate programs.
      if((source MATCHES "^plugin-server/" AND target MATCHES "^daemon/") OR
         (source MATCHES "^daemon/" AND target MATCHES "^plugin-server/") OR
         (source MATCHES "^vicapi/" AND target MATCHES "^(plugin-server|daemon)/"))
        string(APPEND problems "\n  ${source}: includes ${target} of another program")
      endif()
    elseif(NOT source MATCHES "^vicapi/(vim|soap)/")
      # Raw SOAP calls belong to the typed wrappers of vim/.
      string(APPEND problems "\n  ${source}: calls invoke() on raw SOAP; add a vim/ wrapper")
    endif()
  endforeach()
endforeach()

if(problems)
  message(FATAL_ERROR "Layering violations:${problems}")
endif()

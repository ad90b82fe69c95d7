# Plants one violation at a time in a scratch tree and checks that
# cmake/check_layers.cmake (which every build runs) refuses it, and that the
# real tree passes. Run as: cmake -DSOURCE=<tree> -DSCRATCH=<dir> -P this file.

function(expect_check tree should_pass what)
  execute_process(COMMAND ${CMAKE_COMMAND} -DROOT=${tree} -P ${SOURCE}/cmake/check_layers.cmake
                  RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
  if(should_pass AND NOT rc EQUAL 0)
    message(FATAL_ERROR "${what}: the check refused it:\n${err}")
  elseif(NOT should_pass AND rc EQUAL 0)
    message(FATAL_ERROR "${what}: the check let it through")
  endif()
  message(STATUS "ok: ${what}")
endfunction()

# One file at `path` with `text`, alone in a fresh scratch tree.
function(plant path text should_pass what)
  file(REMOVE_RECURSE ${SCRATCH})
  file(WRITE ${SCRATCH}/${path} "${text}\n")
  expect_check(${SCRATCH} ${should_pass} "${what}")
endfunction()

expect_check(${SOURCE} TRUE "the tree as it is")

plant(vicapi/util/probe.cpp "#include \"vicapi/soap/transport.h\"" FALSE
      "util including a soap header")
plant(vicapi/util/probe.cpp "#include \"vicapi/base/error.h\"" TRUE
      "util including base")
plant(vicapi/soap/probe.cpp "#include \"vicapi/vim/client.h\"" FALSE
      "soap including vim")
plant(vicapi/vim/probe.h "#include \"vicapi/engine/plan/plan.h\"" FALSE
      "vim including the engine")
plant(vicapi/engine/probe.cpp "#include \"vicapi/net/connection_pool.h\"" FALSE
      "the engine including HTTP connections")
plant(vicapi/engine/probe.cpp "#include \"vicapi/vim/client.h\"" TRUE
      "the engine including vim")
plant(vicapi/engine/probe.cpp "#include \"plugin-server/api/routes.h\"" FALSE
      "the engine including the server")
plant(plugin-server/api/probe.cpp "#include \"vicapi/sim/simulator.h\"" FALSE
      "the server including the simulator")
plant(plugin-server/httpd/probe.cpp "#include \"vicapi/engine/create.h\"" FALSE
      "the HTTP layer including the engine")
plant(plugin-server/api/probe.cpp "auto r = client.invoke(\"Destroy_Task\", vm);" FALSE
      "the server calling raw SOAP")
plant(vicapi/engine/probe.cpp "c->invokeStreamed(\"RetrievePropertiesEx\", pc, {}, {}, f);" FALSE
      "the engine calling raw SOAP")
plant(vicapi/vim/probe.cpp "auto r = client_.invoke(\"Destroy_Task\", ref_);" TRUE
      "a vim wrapper calling SOAP")
plant(daemon/probe.cpp "#include \"plugin-server/store/journal.h\"" FALSE
      "the daemon including the server")
file(REMOVE_RECURSE ${SCRATCH})

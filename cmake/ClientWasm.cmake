# The browser client is its own CMake project built with Emscripten's toolchain (cmake/client/).
# It is driven from here so that one configure and one build produce the server and the client.
include(ExternalProject)

find_program(EMCC emcc REQUIRED)
set(ORCHARD_EMSCRIPTEN_TOOLCHAIN "/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake"
    CACHE FILEPATH "Emscripten's CMake toolchain file")
# Debian's emscripten runs its JS tools with the system node, which finds acorn only here.
set(ORCHARD_EM_ENV ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)
# The client is compiled with the same flags whatever the top-level build type, so ccache lets a
# second build tree (the Release build of scripts/run.sh, the fresh clone of the README-command
# test) take the test build's objects. Paths under the source folder are hashed relative to it,
# so a clone elsewhere hits the same entries.
find_program(CCACHE ccache)
if(CCACHE)
  list(APPEND ORCHARD_EM_ENV EM_COMPILER_WRAPPER=${CCACHE} CCACHE_BASEDIR=${CMAKE_SOURCE_DIR})
endif()

ExternalProject_Add(orchard_client
  SOURCE_DIR "${CMAKE_SOURCE_DIR}/cmake/client"
  BINARY_DIR "${CMAKE_BINARY_DIR}/client-wasm"
  CONFIGURE_COMMAND ${ORCHARD_EM_ENV} ${CMAKE_COMMAND} -S "${CMAKE_SOURCE_DIR}/cmake/client"
    -B "${CMAKE_BINARY_DIR}/client-wasm" -G "${CMAKE_GENERATOR}"
    -DCMAKE_TOOLCHAIN_FILE=${ORCHARD_EMSCRIPTEN_TOOLCHAIN}
    -DCMAKE_BUILD_TYPE=Release
    -DORCHARD_SOURCE_DIR=${CMAKE_SOURCE_DIR}
    -DORCHARD_DEPS_DIR=${ORCHARD_DEPS_DIR}
    -DORCHARD_PUBLIC_DIR=${ORCHARD_PUBLIC_DIR}
    -DORCHARD_VERSION=${PROJECT_VERSION}
    -DORCHARD_BUILD_TESTS=${ORCHARD_BUILD_TESTS}
  BUILD_COMMAND ${ORCHARD_EM_ENV} ${CMAKE_COMMAND} --build "${CMAKE_BINARY_DIR}/client-wasm"
  INSTALL_COMMAND ""
  BUILD_ALWAYS ON
  USES_TERMINAL_BUILD ON)

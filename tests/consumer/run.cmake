# Installs dxkit into a scratch prefix, then builds and runs a consumer program that knows only
# the installed files. MODE picks how:
#   find_package  the build tree DXKIT_BINARY_DIR (static), consumer project with find_package
#   shared        a separate shared build of SOURCE_DIR (BUILD_SHARED_LIBS=ON, library only),
#                 the same consumer project; also counts the exported symbols (hidden visibility
#                 + DXKIT_API) and checks the SONAME carries the major version
#   pkg_config    the build tree DXKIT_BINARY_DIR, consumer compiled by one compiler command with
#                 `pkg-config --cflags --libs dxkit`
if(NOT MODE)
  set(MODE find_package)
endif()
file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(rc)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

if(MODE STREQUAL "shared")
  set(lib_build "${WORK_DIR}/dxkit")
  run("${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${lib_build}" -G "${GENERATOR}"
      -DBUILD_SHARED_LIBS=ON -DDXKIT_BUILD_TESTS=OFF -DDXKIT_BUILD_CLI=OFF -DDXKIT_INSTALL=ON
      "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
      "-DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER}")
  run("${CMAKE_COMMAND}" --build "${lib_build}")
  run("${CMAKE_COMMAND}" --install "${lib_build}" --prefix "${prefix}")
  file(GLOB libs "${prefix}/lib*/libdxkit.so.*.*.*")
  list(GET libs 0 lib)
  run(readelf -d "${lib}")
  if(NOT out MATCHES "Library soname: \\[libdxkit\\.so\\.${VERSION_MAJOR}\\]")
    message(FATAL_ERROR "the SONAME of ${lib} is not libdxkit.so.${VERSION_MAJOR}:\n${out}")
  endif()
  run(nm -D --defined-only "${lib}")
  string(REGEX MATCHALL "\n" lines "${out}")
  list(LENGTH lines exported)
  message(STATUS "libdxkit.so exports ${exported} symbols (nm -D --defined-only)")
else()
  run("${CMAKE_COMMAND}" --install "${DXKIT_BINARY_DIR}" --prefix "${prefix}")
endif()

if(MODE STREQUAL "pkg_config")
  file(GLOB pc_dirs "${prefix}/lib*/pkgconfig")
  set(ENV{PKG_CONFIG_PATH} "${pc_dirs}")
  run(pkg-config --cflags --libs dxkit)
  string(STRIP "${out}" flags)
  separate_arguments(flags UNIX_COMMAND "${flags}")
  message(STATUS "pkg-config --cflags --libs dxkit: ${flags}")
  run(pkg-config --modversion dxkit)
  string(STRIP "${out}" pc_version)
  if(NOT pc_version STREQUAL VERSION)
    message(FATAL_ERROR "dxkit.pc says version '${pc_version}', the project ${VERSION}")
  endif()
  file(MAKE_DIRECTORY "${WORK_DIR}/build")
  run("${CXX_COMPILER}" -std=c++20 "${CONSUMER_SOURCE_DIR}/main.cpp" -o "${WORK_DIR}/build/consumer"
      ${flags})
else()
  run("${CMAKE_COMMAND}" -S "${CONSUMER_SOURCE_DIR}" -B "${WORK_DIR}/build" -G "${GENERATOR}"
      "-DCMAKE_PREFIX_PATH=${prefix}")
  run("${CMAKE_COMMAND}" --build "${WORK_DIR}/build")
endif()

execute_process(COMMAND "${WORK_DIR}/build/consumer" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message(STATUS "consumer (${MODE}) printed: ${out}")
if(rc OR NOT out MATCHES "version ${VERSION}\nexceeded Vượt")
  message(FATAL_ERROR "the consumer did not print version ${VERSION} and score the row as exceeded: ${rc} ${out}")
endif()

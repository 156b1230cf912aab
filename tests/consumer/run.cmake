# Installs dxkit into a scratch prefix, then builds and runs a consumer program that knows only
# the installed files. MODE picks how:
#   find_package  the build tree DXKIT_BINARY_DIR (static), consumer project with find_package
#   pkg_config    the build tree DXKIT_BINARY_DIR, consumer compiled by one compiler command with
#                 `pkg-config --cflags --libs dxkit`
#   shared        a separate shared build of SOURCE_DIR in LIB_BUILD_DIR (BUILD_SHARED_LIBS=ON,
#                 hidden visibility): checks the SONAME carries the major version, counts the
#                 exported symbols, runs the command line linked against it, then the consumer
#                 both ways (find_package and pkg-config), each checked to load the shared
#                 library
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

# Builds the consumer in WORK_DIR/<how> (find_package or pkg_config), runs it and checks what
# it prints; with a shared libdxkit, also that it loads the one installed in the prefix.
function(consume how)
  set(build "${WORK_DIR}/${how}")
  if(how STREQUAL "pkg_config")
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
    if(MODE STREQUAL "shared")
      # As a user of a shared library in a private prefix would: the run path to find it.
      run(pkg-config --variable=libdir dxkit)
      string(STRIP "${out}" libdir)
      list(APPEND flags "-Wl,-rpath,${libdir}")
    endif()
    file(MAKE_DIRECTORY "${build}")
    run("${CXX_COMPILER}" -std=c++20 "${CONSUMER_SOURCE_DIR}/main.cpp" -o "${build}/consumer"
        ${flags})
  else()
    run("${CMAKE_COMMAND}" -S "${CONSUMER_SOURCE_DIR}" -B "${build}" -G "${GENERATOR}"
        "-DCMAKE_PREFIX_PATH=${prefix}")
    run("${CMAKE_COMMAND}" --build "${build}")
  endif()
  if(MODE STREQUAL "shared")
    run(ldd "${build}/consumer")
    if(NOT out MATCHES "libdxkit\\.so\\.${VERSION_MAJOR} => ${prefix}/")
      message(FATAL_ERROR "the consumer (${how}) does not load libdxkit.so.${VERSION_MAJOR} from ${prefix}:\n${out}")
    endif()
  endif()
  execute_process(COMMAND "${build}/consumer" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
  message(STATUS "consumer (${MODE}, ${how}) printed: ${out}")
  if(rc OR NOT out MATCHES "version ${VERSION}\nexceeded Vượt")
    message(FATAL_ERROR "the consumer (${how}) did not print version ${VERSION} and score the row as exceeded: ${rc} ${out}")
  endif()
endfunction()

if(MODE STREQUAL "shared")
  if(NOT LIB_BUILD_DIR)
    set(LIB_BUILD_DIR "${WORK_DIR}/dxkit")
  endif()
  run("${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${LIB_BUILD_DIR}" -G "${GENERATOR}"
      -DBUILD_SHARED_LIBS=ON -DDXKIT_BUILD_TESTS=OFF -DDXKIT_BUILD_CLI=ON -DDXKIT_INSTALL=ON
      "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
      "-DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER}")
  run("${CMAKE_COMMAND}" --build "${LIB_BUILD_DIR}")
  run("${CMAKE_COMMAND}" --install "${LIB_BUILD_DIR}" --prefix "${prefix}")
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
  # Hidden visibility: the internals (dxkit::detail::tokenize, text/detail/lexer.hpp) are not
  # exported, the public API is.
  if(out MATCHES "6detail8tokenize" OR NOT out MATCHES "12parse_target")
    message(FATAL_ERROR "libdxkit.so exports an internal symbol or lacks parse_target")
  endif()
  # The command line, linked against the shared library, uses much of the public API: it
  # links (every declaration it calls is exported) and scores the Đồng Tháp appendix.
  run("${LIB_BUILD_DIR}/apps/dxkit" evaluate "${SOURCE_DIR}/examples/dong_thap_2022_results.csv"
      --scheme exceed)
  if(NOT out MATCHES "6/15")
    message(FATAL_ERROR "dxkit (shared) did not tally 6/15 exceeded:\n${out}")
  endif()
  consume(find_package)
  consume(pkg_config)
else()
  run("${CMAKE_COMMAND}" --install "${DXKIT_BINARY_DIR}" --prefix "${prefix}")
  consume(${MODE})
endif()

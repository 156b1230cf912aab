# Generates and installs dxkit.pc (from cmake/dxkit.pc.in) beside the CMake package, so programs
# built with make or meson find dxkit with `pkg-config --cflags --libs dxkit`.
# A static libdxkit needs its dependencies on the consumer's link line, so they are `Requires`
# there (a plain `pkg-config --libs dxkit` links); a shared one keeps them `Requires.private`.
if(BUILD_SHARED_LIBS)
  set(DXKIT_PC_REQUIRES "Requires.private")
else()
  set(DXKIT_PC_REQUIRES "Requires")
endif()
set(DXKIT_PC_THREADS "-pthread")
# From <prefix>/<libdir>/pkgconfig back to <prefix>: one ".." per part of the path.
set(DXKIT_PC_UP "..")
string(REPLACE "/" ";" _dxkit_libdir_parts "${CMAKE_INSTALL_LIBDIR}")
foreach(_part IN LISTS _dxkit_libdir_parts)
  string(APPEND DXKIT_PC_UP "/..")
endforeach()
configure_file(${CMAKE_CURRENT_LIST_DIR}/dxkit.pc.in ${PROJECT_BINARY_DIR}/dxkit.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/dxkit.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

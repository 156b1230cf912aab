# tests/cpp/reliability in dxkit_tests: the malformed-input rows only C++ can give, and the
# replay of the fuzz corpora and regressions (tests/fuzz/replay.cmake).
target_sources(dxkit_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/malformed_input_test.cpp)
include(${PROJECT_SOURCE_DIR}/tests/fuzz/replay.cmake)

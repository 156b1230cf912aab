# Replays every file of tests/fuzz/corpus/<harness>/ and tests/fuzz/regressions/<harness>/
# through the harness inside dxkit_tests (the default and the ASan suites), compiled by the
# normal compiler: each harness's LLVMFuzzerTestOneInput is renamed dxkit_fuzz_<harness>.
include(${PROJECT_SOURCE_DIR}/tests/fuzz/harnesses.cmake)
foreach(h IN LISTS DXKIT_FUZZ_HARNESSES)
  set(src ${PROJECT_SOURCE_DIR}/tests/fuzz/${h}_fuzz.cpp)
  target_sources(dxkit_tests PRIVATE ${src})
  set_source_files_properties(${src} PROPERTIES COMPILE_DEFINITIONS
    "LLVMFuzzerTestOneInput=dxkit_fuzz_${h};${DXKIT_FUZZ_DEFINITIONS}")
endforeach()
target_sources(dxkit_tests PRIVATE
  ${PROJECT_SOURCE_DIR}/tests/cpp/reliability/fuzz_replay_test.cpp)
target_compile_definitions(dxkit_tests PRIVATE
  DXKIT_FUZZ_DIR="${PROJECT_SOURCE_DIR}/tests/fuzz")

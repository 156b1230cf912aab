# The libFuzzer harnesses, one per parser or reader. Included by tests/fuzz/CMakeLists.txt
# (fuzz binaries, clang) and by tests/cpp/CMakeLists.txt (the replay test in dxkit_tests).
set(DXKIT_FUZZ_HARNESSES
  number target result csv indicators budget index_meta index_data assignments deadline
  observations dti check_text
  docx xlsx document_text)
set(DXKIT_FUZZ_DEFINITIONS
  DXKIT_FUZZ_COINR_DIR="${PROJECT_SOURCE_DIR}/tests/data/coinr-asem"
  DXKIT_FUZZ_EXAMPLES_DIR="${PROJECT_SOURCE_DIR}/examples")

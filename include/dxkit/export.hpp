#pragma once
/// DXKIT_API marks what the library exports. The library is built with hidden visibility
/// (CXX_VISIBILITY_PRESET hidden, VISIBILITY_INLINES_HIDDEN), so a shared libdxkit exports only
/// the declarations that carry it: every public class and non-inline function of include/dxkit
/// (scripts/check_exports.py checks that, detail/ folders excepted). In a static library it
/// changes nothing. On ELF a visibility attribute is all it takes; Windows DLLs are not built.
#if defined(_WIN32)
#define DXKIT_API
#else
#define DXKIT_API [[gnu::visibility("default")]]
#endif

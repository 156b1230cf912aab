#pragma once
/// DXKIT_API marks what the library exports: every public class and non-inline function of
/// include/dxkit is to carry it (scripts/check_exports.py lists those that do not, detail/
/// folders excepted; ctest runs it as exports_check). The library is built with
/// CXX_VISIBILITY_PRESET hidden and VISIBILITY_INLINES_HIDDEN, so a shared libdxkit exports
/// only the marked declarations (and their classes' members, typeinfo and vtables); in a
/// static library it changes nothing. On ELF a visibility attribute is all it takes; Windows
/// DLLs are not built.
#if defined(_WIN32)
#define DXKIT_API
#else
#define DXKIT_API [[gnu::visibility("default")]]
#endif

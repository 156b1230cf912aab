#pragma once
// Four-wide double vectors for the innermost loops (the index kernels, numeric scoring), and
// the attribute that builds a function twice, for AVX2 and for the baseline. Internal to the
// library.
//
// Every operation on these vectors is an exactly rounded IEEE addition, multiplication,
// division or comparison per lane, in the order the code writes it (no fused multiply-add, no
// reassociation), so a vector loop gives the bits of the plain loop it replaces.
#include <cstddef>
#include <cstring>

// Two builds of a function (AVX2 and baseline) where the compiler can make them and the loader
// can choose (GNU ifunc); not under the sanitizers, whose run-time starts after the loader has
// chosen.
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer) || \
    __has_feature(thread_sanitizer)
#define DXKIT_NO_CLONES
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_UNDEFINED__) || defined(__SANITIZE_THREAD__)
#define DXKIT_NO_CLONES
#endif
// GCC only: clang (14 at least) refuses the 32-byte vectors of the helpers below in a function
// built twice ("changes the ABI"), so under clang each function is built once, for the
// baseline.
#if defined(__x86_64__) && defined(__linux__) && defined(__has_attribute) && \
    !defined(DXKIT_NO_CLONES) && !defined(__clang__)
#if __has_attribute(target_clones)
#define DXKIT_CLONES __attribute__((target_clones("avx2", "default")))
#endif
#endif
#ifndef DXKIT_CLONES
#define DXKIT_CLONES
#endif

// The vectors are passed between inline helpers only, never across an ABI boundary, so the
// compilers' note on how 32-byte vectors are passed without AVX does not apply.
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wpsabi"
#elif defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

#if defined(__GNUC__)
namespace dxkit::simd {

// GNU vectors: the compiler lowers them to whatever the target has (one AVX2 register, two
// SSE2 ones, or scalars).
using V = double __attribute__((vector_size(32)));
using M = long long __attribute__((vector_size(32)));  // a lane is all ones or all zeros
inline constexpr std::size_t kLanes = 4;

// Always inlined: a call that passed a vector to a helper built without AVX would change the
// ABI inside an AVX2 clone (clang refuses to compile it).
[[gnu::always_inline]] inline V load(const double* p) {
  V v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
[[gnu::always_inline]] inline void store(double* p, V v) { std::memcpy(p, &v, sizeof v); }
[[gnu::always_inline]] inline V all(double x) { return V{x, x, x, x}; }
// where m: a, else b
[[gnu::always_inline]] inline V select(M m, V a, V b) {
  return reinterpret_cast<V>((reinterpret_cast<M>(a) & m) | (reinterpret_cast<M>(b) & ~m));
}
[[gnu::always_inline]] inline V keep(M m, V a) {
  return reinterpret_cast<V>(reinterpret_cast<M>(a) & m);
}  // else +0

}  // namespace dxkit::simd
#define DXKIT_VECTORS 1
#endif

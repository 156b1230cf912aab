// The index pipeline's innermost loops on four-wide vectors (see index_kernels.hpp).
#include "index/kernels.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "simd.hpp"

namespace dxkit::index::kernels {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

#if DXKIT_VECTORS
using simd::all, simd::keep, simd::kLanes, simd::load, simd::M, simd::select, simd::store, simd::V;
#endif

DXKIT_CLONES DirectedStats directed_stats(std::span<const double> in, std::span<double> out,
                                          double dir) {
  double lmin[4] = {INFINITY, INFINITY, INFINITY, INFINITY};
  double lmax[4] = {-INFINITY, -INFINITY, -INFINITY, -INFINITY};
  double lsum[4] = {0, 0, 0, 0}, lcnt[4] = {0, 0, 0, 0};
  const std::size_t size = in.size();
  std::size_t i = 0;
#if DXKIT_VECTORS
  {
    // v < m ? v : m leaves m as it is for a missing v (NaN compares false); v == v is false
    // exactly for NaN, so a missing value adds +0 to the sum and the count.
    const V d = all(dir), one = all(1.0);
    V mn = all(INFINITY), mx = all(-INFINITY), sum = all(0.0), cnt = all(0.0);
    const bool write = !out.empty();
    for (; i + kLanes <= size; i += kLanes) {
      const V v = load(in.data() + i) * d;
      if (write) store(out.data() + i, v);
      mn = select(v < mn, v, mn);
      mx = select(v > mx, v, mx);
      const M ok = v == v;
      sum += keep(ok, v);
      cnt += keep(ok, one);
    }
    for (std::size_t l = 0; l < kLanes; ++l) {
      lmin[l] = mn[l];
      lmax[l] = mx[l];
      lsum[l] = sum[l];
      lcnt[l] = cnt[l];
    }
  }
#endif
  for (; i < size; ++i) {
    const double v = in[i] * dir;  // NaN stays NaN
    if (!out.empty()) out[i] = v;
    const bool ok = !std::isnan(v);
    const std::size_t l = i & 3;
    lmin[l] = ok && v < lmin[l] ? v : lmin[l];
    lmax[l] = ok && v > lmax[l] ? v : lmax[l];
    lsum[l] += ok ? v : 0.0;
    lcnt[l] += ok ? 1.0 : 0.0;
  }
  return {std::min(std::min(lmin[0], lmin[1]), std::min(lmin[2], lmin[3])),
          std::max(std::max(lmax[0], lmax[1]), std::max(lmax[2], lmax[3])),
          (lsum[0] + lsum[1]) + (lsum[2] + lsum[3]), (lcnt[0] + lcnt[1]) + (lcnt[2] + lcnt[3])};
}

DXKIT_CLONES void minmax(std::span<const double> in, double dir, std::span<double> out, double min,
                         double max, double lo, double hi) {
  const double range = max - min, scale = hi - lo;
  std::size_t i = 0;
#if DXKIT_VECTORS
  const V d = all(dir), vmin = all(min), vrange = all(range), vscale = all(scale), vlo = all(lo);
  for (; i + kLanes <= in.size(); i += kLanes)
    store(out.data() + i, (load(in.data() + i) * d - vmin) / vrange * vscale + vlo);
#endif
  for (; i < in.size(); ++i) out[i] = (in[i] * dir - min) / range * scale + lo;
}

DXKIT_CLONES void weighted_mean(std::span<const Child> kids, std::span<double> result) {
  // Units go in blocks whose sums stay in L1 while every child passes; each unit's sums
  // still run over the children in order.
  constexpr std::size_t kBlock = 512;
  alignas(32) double acc[kBlock], wsum[kBlock];
  const std::size_t n = result.size();
  for (std::size_t start = 0; start < n; start += kBlock) {
    const std::size_t m = std::min(kBlock, n - start);
    std::fill(acc, acc + m, 0.0);
    std::fill(wsum, wsum + m, 0.0);
    for (const Child& k : kids) {
      const double* x = k.values.data() + start;
      const double w = k.weight;
      std::size_t u = 0;
#if DXKIT_VECTORS
      const V wv = all(w);
      for (; u + kLanes <= m; u += kLanes) {  // a missing value adds +0 to both sums
        const V v = load(x + u);
        const M ok = v == v;
        store(acc + u, load(acc + u) + keep(ok, wv * v));
        store(wsum + u, load(wsum + u) + keep(ok, wv));
      }
#endif
      for (; u < m; ++u) {
        const bool ok = !std::isnan(x[u]);
        acc[u] += ok ? w * x[u] : 0.0;
        wsum[u] += ok ? w : 0.0;
      }
    }
    double* out = result.data() + start;
    std::size_t u = 0;
#if DXKIT_VECTORS
    const V zero = all(0.0), nan = all(kNaN);
    for (; u + kLanes <= m; u += kLanes) {
      const V w = load(wsum + u);
      store(out + u, select(w > zero, load(acc + u) / w, nan));
    }
#endif
    for (; u < m; ++u) out[u] = wsum[u] > 0 ? acc[u] / wsum[u] : kNaN;
  }
}

}  // namespace dxkit::index::kernels

#pragma once
// Work spread over a few threads (the machine this library is built for has two cores).
// Internal to the library.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "dxkit/cancel.hpp"

namespace dxkit::detail {

/// Runs job(i, state) for every i in [0, count) on up to `threads` threads, the caller being
/// one of them; each thread has its own State (scratch space) and takes the next i from a
/// shared counter. Jobs must only write their own results. If jobs throw, the others still
/// running finish, no new ones start, and the exception of the lowest-numbered failing job is
/// rethrown: the one a single thread would have met first, so errors do not depend on the
/// number of threads. `progress(done, count)` (optional) is called from the caller's thread
/// about a hundred times in all and once at the end; if it throws (a Python callback that
/// raises, a cancelled run), no new job starts, the running ones finish, every thread is
/// joined and its exception is rethrown, ahead of any job's. The caller's thread also polls
/// check_cancelled() (cancel.hpp) between jobs, at most every 10 ms, with the same effect:
/// Ctrl-C in Python stops a run within milliseconds.
template <class State, class Job, class Report>
void parallel_for(std::size_t count, unsigned threads, Job&& job, const Report& progress) {
  std::atomic<std::size_t> next{0}, done{0};
  std::exception_ptr failure;
  std::size_t failed_at = count;
  std::mutex failure_lock;
  std::exception_ptr stopped;  // thrown by progress(); touched by the caller's thread only
  using Clock = std::chrono::steady_clock;
  auto worker = [&](bool caller) {
    State state{};
    std::size_t reported = 0;
    Clock::time_point polled = Clock::now();
    for (;;) {
      const std::size_t i = next.fetch_add(1);
      if (i >= count) break;
      try {
        job(i, state);
      } catch (...) {
        const std::lock_guard<std::mutex> lock(failure_lock);
        if (i < failed_at) {
          failed_at = i;
          failure = std::current_exception();
        }
        next = count;  // jobs below i were all taken already: they finish
      }
      const std::size_t now = ++done;
      if (caller && !stopped && Clock::now() - polled >= std::chrono::milliseconds(10)) {
        try {
          check_cancelled();
        } catch (...) {
          stopped = std::current_exception();
          next = count;
        }
        polled = Clock::now();
      }
      if (caller && progress && !stopped &&
          (now - reported >= std::max<std::size_t>(1, count / 100) || now == count)) {
        try {
          progress(now, count);
        } catch (...) {
          stopped = std::current_exception();
          next = count;
        }
        reported = now;
      }
    }
  };
  threads =
      static_cast<unsigned>(std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(count, 1)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker, false);
  worker(true);
  for (auto& t : pool) t.join();
  if (stopped) std::rethrow_exception(stopped);
  if (failure) std::rethrow_exception(failure);
  if (progress) progress(count, count);
}

struct NoState {};
struct NoReport {
  explicit operator bool() const { return false; }
  void operator()(std::size_t, std::size_t) const {}
};

/// parallel_for without scratch space or progress: job(i).
template <class Job>
void parallel_for(std::size_t count, unsigned threads, Job&& job) {
  parallel_for<NoState>(
      count, threads, [&](std::size_t i, NoState&) { job(i); }, NoReport{});
}

/// Threads worth using for `cells` numbers of work: one below about a quarter of a million
/// (starting a thread costs more than it saves), else up to `threads`.
inline unsigned threads_for(std::size_t cells, unsigned threads) {
  return cells < (std::size_t{1} << 18) ? 1u : std::max(1u, threads);
}

}  // namespace dxkit::detail

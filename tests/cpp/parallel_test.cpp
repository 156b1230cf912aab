// The library's thread helper: errors and a failing progress report surface on the caller's
// thread, after every thread has been joined, whatever the number of threads.
#include "parallel.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "dxkit/cancel.hpp"

namespace {

using dxkit::detail::NoState;
using dxkit::detail::parallel_for;

TEST(ParallelFor, TheLowestFailingJobsErrorWinsOnAnyNumberOfThreads) {
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    try {
      parallel_for(1000, threads, [](std::size_t i) {
        if (i == 700 || i == 300) throw std::runtime_error("job " + std::to_string(i));
      });
      ADD_FAILURE() << "no error on " << threads << " threads";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "job 300") << threads << " threads";
    }
  }
}

// A progress report that throws (as a Python callback that raises does) must not end the
// process with std::terminate: the pool is joined and the report's exception comes back.
TEST(ParallelFor, AProgressReportThatThrowsStopsTheRunAndIsRethrown) {
  for (unsigned threads : {1u, 2u, 4u}) {
    std::atomic<std::size_t> ran{0};
    int reports = 0;
    try {
      parallel_for<NoState>(
          100000, threads, [&](std::size_t, NoState&) { ++ran; },
          std::function<void(std::size_t, std::size_t)>([&](std::size_t done, std::size_t) {
            ++reports;
            if (done >= 3000) throw std::invalid_argument("stop at " + std::to_string(reports));
          }));
      ADD_FAILURE() << "no error on " << threads << " threads";
    } catch (const std::invalid_argument& e) {
      EXPECT_EQ(std::string(e.what()), "stop at " + std::to_string(reports));
    }
    // On one thread the run stops at the report; with more, the other threads may have
    // taken every job before the caller's thread reports, so only the error is certain.
    if (threads == 1) EXPECT_EQ(ran.load(), 3000u) << "the run went on after the report failed";
  }
}

TEST(ParallelFor, EveryJobRunsOnceAndTheLastReportIsTheTotal) {
  std::vector<int> seen(5000, 0);
  std::size_t last = 0;
  parallel_for<NoState>(
      seen.size(), 2, [&](std::size_t i, NoState&) { ++seen[i]; },
      std::function<void(std::size_t, std::size_t)>([&](std::size_t done, std::size_t count) {
        EXPECT_EQ(count, 5000u);
        last = done;
      }));
  for (int s : seen) EXPECT_EQ(s, 1);
  EXPECT_EQ(last, 5000u);
}

// A cancellation hook (Ctrl-C in Python) stops a run between jobs: the hook's exception comes
// back on the caller's thread once every thread has joined, and no new job starts.
std::atomic<int> hook_calls{0};
void stop_after_three_polls() {
  if (++hook_calls >= 3) throw std::runtime_error("cancelled");
}

TEST(ParallelFor, ACancellationHookStopsTheRun) {
  for (unsigned threads : {1u, 2u, 4u}) {
    hook_calls = 0;
    std::atomic<std::size_t> ran{0};
    dxkit::set_cancel_hook(&stop_after_three_polls);
    try {
      parallel_for(100000, threads, [&](std::size_t) {
        std::this_thread::sleep_for(std::chrono::microseconds(500));
        ++ran;
      });
      ADD_FAILURE() << "not cancelled on " << threads << " threads";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "cancelled");
    }
    dxkit::set_cancel_hook(nullptr);
    EXPECT_EQ(hook_calls.load(), 3) << threads;
    EXPECT_LT(ran.load(), 1000u) << threads;  // 100,000 jobs of 0.5 ms would take 50 s
  }
  // Without a hook the run completes.
  std::atomic<std::size_t> ran{0};
  parallel_for(1000, 2, [&](std::size_t) { ++ran; });
  EXPECT_EQ(ran.load(), 1000u);
}

}  // namespace

#pragma once
#include "dxkit/export.hpp"
/// Stopping a long run from outside (Ctrl-C in Python): loops that can run for seconds (replicates,
/// resamples, unit summaries, ranks, large evaluations, CSV rows) call check_cancelled() between
/// chunks of work, from the thread that started the run, GIL released. Python's hook (bindings/
/// module.cpp) takes the GIL at most every 50 ms on the main thread, asks for pending signals and
/// throws: the run stops within tens of ms with KeyboardInterrupt. Polled often: keep hooks cheap.

namespace dxkit {

/// A function that throws to stop the run (any exception; it reaches the caller of the run,
/// after every worker thread has been joined) and returns to let it go on.
using CancelHook = void (*)();

/// Installs `hook` for the whole process (nullptr: none, the default). Thread-safe.
DXKIT_API void set_cancel_hook(CancelHook hook) noexcept;

/// Calls the installed hook, if any (which may throw).
DXKIT_API void check_cancelled();

}  // namespace dxkit

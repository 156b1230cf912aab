#pragma once
/// Stopping a long run from outside (Ctrl-C in Python): the loops that can run for seconds
/// (uncertainty and sensitivity replicates, normalisation and ranks of large data, large
/// evaluations) call check_cancelled() between chunks of work, from the thread that started
/// the run. The Python module installs a hook that asks the interpreter for pending signals
/// and throws, so that the run stops within a few milliseconds with KeyboardInterrupt.

namespace dxkit {

/// A function that throws to stop the run (any exception; it reaches the caller of the run,
/// after every worker thread has been joined) and returns to let it go on.
using CancelHook = void (*)();

/// Installs `hook` for the whole process (nullptr: none, the default). Thread-safe.
void set_cancel_hook(CancelHook hook) noexcept;

/// Calls the installed hook, if any (which may throw).
void check_cancelled();

}  // namespace dxkit

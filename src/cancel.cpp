// The process-wide cancellation hook (include/dxkit/cancel.hpp): an atomic function pointer,
// so that installing it and polling it need no lock.
#include "dxkit/cancel.hpp"

#include <atomic>

namespace dxkit {

namespace {
std::atomic<CancelHook> hook{nullptr};
}  // namespace

void set_cancel_hook(CancelHook h) noexcept { hook.store(h, std::memory_order_release); }

void check_cancelled() {
  if (CancelHook h = hook.load(std::memory_order_acquire)) h();
}

}  // namespace dxkit

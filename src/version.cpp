#include "dxkit/version.hpp"

namespace dxkit {

const char* version() noexcept { return DXKIT_VERSION; }

}  // namespace dxkit

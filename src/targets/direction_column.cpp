#include "dxkit/targets/direction_column.hpp"

#include "dxkit/error.hpp"
#include "dxkit/targets/target.hpp"

namespace dxkit {

std::vector<std::uint8_t> lower_is_better_flags(std::span<const std::string> values) {
  std::vector<std::uint8_t> out(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i].empty()) continue;
    try {
      out[i] = parse_direction(values[i]) == Direction::lower_is_better;
    } catch (const ParseError& e) {
      Location w;
      w.line = i + 2;
      w.column_name = "direction";
      throw e.at(w);
    }
  }
  return out;
}

}  // namespace dxkit

// Panel data (iData with a Time column): panel imputation and the choice of a time.
#include "dxkit/index/panel.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <set>

#include "dxkit/error.hpp"
#include "index/detail.hpp"

namespace dxkit::index {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string time_text(double t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", t);
  return buf;
}
}  // namespace

UnitData impute_panel(const UnitData& in, PanelImputation method, int max_time,
                      std::vector<PanelFill>* filled) {
  if (method == PanelImputation::none) return in;
  if (in.time.size() != in.data.rows())
    throw ValidationError("panel imputation needs a Time column in iData");
  const std::vector<double> times = in.times();
  if (times.size() < 2)
    throw ValidationError("panel imputation needs more than one time; the data has " +
                          std::to_string(times.size()));
  UnitData out = in;
  out.own();  // filled in place
  // Rows of each unit, ordered by time.
  std::map<std::string, std::vector<std::size_t>> rows;
  for (std::size_t r = 0; r < in.data.rows(); ++r) rows[in.data.units[r]].push_back(r);
  for (auto& [_, rs] : rows)
    std::sort(rs.begin(), rs.end(),
              [&](std::size_t a, std::size_t b) { return in.time[a] < in.time[b]; });
  auto position = [&](double t) {
    return static_cast<long>(std::lower_bound(times.begin(), times.end(), t) - times.begin());
  };
  for (std::size_t c = 0; c < in.data.columns.size(); ++c) {
    const auto src = in.col(c);
    auto dst = out.data.col(c);
    for (const auto& [unit, rs] : rows) {
      for (std::size_t k = 0; k < rs.size(); ++k) {
        const std::size_t r = rs[k];
        if (!std::isnan(src[r])) continue;
        // Nearest earlier and later observed rows of the same unit.
        std::optional<std::size_t> before, after;
        for (std::size_t j = k; j-- > 0;)
          if (!std::isnan(src[rs[j]])) {
            before = rs[j];
            break;
          }
        for (std::size_t j = k + 1; j < rs.size(); ++j)
          if (!std::isnan(src[rs[j]])) {
            after = rs[j];
            break;
          }
        const long here = position(in.time[r]);
        auto within = [&](std::size_t other) {
          return max_time <= 0 || std::labs(here - position(in.time[other])) <= max_time;
        };
        double value = kNaN, from = 0;
        if (method == PanelImputation::linear && before && after) {
          const double t0 = in.time[*before], t1 = in.time[*after];
          value = src[*before] + (src[*after] - src[*before]) * (in.time[r] - t0) / (t1 - t0);
          from = in.time[r];
        } else if (before && within(*before)) {
          value = src[*before];
          from = in.time[*before];
        } else if (method != PanelImputation::latest && after && within(*after)) {
          value = src[*after];
          from = in.time[*after];
        }
        if (std::isnan(value)) continue;
        dst[r] = value;
        if (filled) filled->push_back({unit, in.data.columns[c], in.time[r], from});
      }
    }
  }
  return out;
}

UnitData select_time(const UnitData& in, double time) {
  if (in.time.size() != in.data.rows())
    throw ValidationError("the data has no Time column to select a time from");
  std::vector<std::size_t> keep;
  for (std::size_t r = 0; r < in.data.rows(); ++r)
    if (in.time[r] == time) keep.push_back(r);
  if (keep.empty()) {
    std::string list;
    for (double t : in.times()) list += (list.empty() ? "" : ", ") + time_text(t);
    throw ValidationError("no data for Time " + time_text(time) + "; the data has: " + list);
  }
  UnitData out;
  for (std::size_t r : keep) {
    out.data.units.push_back(in.data.units[r]);
    out.data.names.push_back(in.data.names[r]);
    out.time.push_back(time);
  }
  for (std::size_t c = 0; c < in.data.columns.size(); ++c) {
    const std::size_t k = out.data.add_column(in.data.columns[c]);
    const auto src = in.col(c);
    for (std::size_t i = 0; i < keep.size(); ++i) out.data.col(k)[i] = src[keep[i]];
  }
  for (const auto& [g, labels] : in.groups) {
    auto& dst = out.groups[g];
    for (std::size_t r : keep) dst.push_back(labels[r]);
  }
  return out;
}

}  // namespace dxkit::index

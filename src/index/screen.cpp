// Screening of units with COINr's Screen() options: availability, non-zero share, forced units.
#include "dxkit/index/screen.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <set>

#include "dxkit/error.hpp"
#include "index/detail.hpp"

namespace dxkit::index {

DataSet screen_units(DataSet data, const ScreenOptions& o, std::vector<Screened>* removed) {
  if (detail::screens_nothing(o)) return data;
  const std::set<std::string> known(data.units.begin(), data.units.end());
  for (const auto* list : {&o.include, &o.exclude})
    for (const std::string& u : *list)
      if (!known.count(u))
        throw ValidationError("screening: forced unit '" + u + "' is not in the data");
  for (const std::string& u : o.include)
    if (std::find(o.exclude.begin(), o.exclude.end(), u) != o.exclude.end())
      throw ValidationError("screening: unit '" + u + "' is both included and excluded");
  std::vector<std::size_t> keep;
  const double cols = static_cast<double>(data.columns.size());
  // Counted column by column (the storage order), not unit by unit across columns.
  std::vector<std::uint32_t> have(data.rows(), 0), zeros(data.rows(), 0);
  for (std::size_t c = 0; c < data.columns.size(); ++c) {
    const auto x = data.col(c);
    for (std::size_t u = 0; u < x.size(); ++u) {
      have[u] += !std::isnan(x[u]);
      zeros[u] += x[u] == 0;
    }
  }
  for (std::size_t u = 0; u < data.rows(); ++u) {
    Screened s;
    s.unit = data.units[u];
    s.availability = cols > 0 ? static_cast<double>(have[u]) / cols : 1.0;
    s.nonzero = cols > 0 ? 1.0 - static_cast<double>(zeros[u]) / cols : 1.0;
    const auto listed = [&](const std::vector<std::string>& l) {
      return std::find(l.begin(), l.end(), s.unit) != l.end();
    };
    if (listed(o.include))
      keep.push_back(u);
    else if (listed(o.exclude))
      s.reason = "forced";
    else if (s.availability < o.min_availability)
      s.reason = "availability";
    else if (s.nonzero < o.min_nonzero)
      s.reason = "zeros";
    else
      keep.push_back(u);
    if (!s.reason.empty() && removed) removed->push_back(std::move(s));
  }
  if (keep.size() == data.rows()) return data;  // nobody removed: the same data set
  DataSet out;
  for (std::size_t u : keep) {
    out.units.push_back(data.units[u]);
    out.names.push_back(data.names[u]);
  }
  for (std::size_t c = 0; c < data.columns.size(); ++c) {
    const std::size_t k = out.add_column(data.columns[c]);
    for (std::size_t i = 0; i < keep.size(); ++i) out.col(k)[i] = data.col(c)[keep[i]];
  }
  return out;
}

DataSet screen_by_availability(const DataSet& data, double threshold,
                               std::vector<std::string>* removed) {
  ScreenOptions o;
  o.min_availability = threshold;
  std::vector<Screened> gone;
  DataSet out = screen_units(data, o, &gone);
  if (removed)
    for (const Screened& s : gone) removed->push_back(s.unit);
  return out;
}

}  // namespace dxkit::index

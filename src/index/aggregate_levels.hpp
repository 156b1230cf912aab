#pragma once
// Aggregation level by level, shared by aggregate() and the fused path of run_pipeline (which
// normalises each indicator inside the job that reads it): a template so the per-column
// callback inlines. Internal to the library.
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dxkit/error.hpp"
#include "dxkit/index/aggregate.hpp"
#include "index/detail.hpp"
#include "parallel.hpp"

namespace dxkit::index::detail {

// Aggregation level by level. The aggregates of a level depend only on the levels below:
// each level's columns are added first (no reallocation after that), then computed on
// o.threads threads. With `fused`, the columns present on entry are not ready yet:
// prepare(out, c) readies column c (normalises it) inside the level-2 job that reads it, while it
// is in that core's cache, and columns no level-2 aggregate reads are readied first.
template <class Prepare>
DataSet aggregate_with(DataSet data, const Framework& f, const PipelineOptions& o, bool fused,
                       Prepare prepare) {
  DataSet out = std::move(data);
  const std::size_t given = out.columns.size();
  const std::vector<std::size_t> aggregates = f.of_type(NodeType::aggregate);
  // One column per aggregate is appended: reserve once instead of growing per column.
  out.values.reserve(out.values.size() + aggregates.size() * out.rows());
  struct Job {
    const Node* node;
    std::size_t target;
    std::vector<std::pair<std::size_t, double>> kids;  // column, weight
  };
  const auto children = children_by_parent(f);
  const std::vector<std::size_t> none;
  const auto jobs_of = [&](int level) {
    std::vector<Job> jobs;
    const auto column_at = positions(out.columns);  // no column is added while it is read
    for (std::size_t a : aggregates) {
      const Node& agg = f.nodes[a];
      if (agg.level != level) continue;
      Job job{&agg, 0, {}};
      const auto kids = children.find(agg.code);
      for (std::size_t k : kids == children.end() ? none : kids->second) {
        const auto it = column_at.find(f.nodes[k].code);
        const auto c =
            it == column_at.end() ? std::nullopt : std::optional<std::size_t>(it->second);
        if (!c)
          throw ValidationError("aggregate '" + agg.code + "': no column for child '" +
                                f.nodes[k].code + "'");
        job.kids.emplace_back(*c, f.nodes[k].weight);
      }
      jobs.push_back(std::move(job));
    }
    return jobs;
  };
  std::vector<Job> jobs = jobs_of(2);
  if (fused) {
    std::vector<char> read_at_2(given, 0);
    for (const Job& j : jobs)
      for (const auto& [c, _] : j.kids) read_at_2[c] = 1;
    std::vector<std::size_t> rest;
    for (std::size_t c = 0; c < given; ++c)
      if (!read_at_2[c]) rest.push_back(c);
    dxkit::detail::parallel_for(rest.size(),
                                dxkit::detail::threads_for(rest.size() * out.rows(), o.threads),
                                [&](std::size_t i) { prepare(out, rest[i]); });
  }
  for (int level = 2; level <= f.max_level(); ++level) {
    if (level > 2) jobs = jobs_of(level);
    std::size_t cells = 0;
    for (Job& j : jobs) {  // each job writes every number of its column: no NaN first
      j.target = out.columns.size();
      out.columns.push_back(j.node->code);
      cells += j.kids.size() * out.rows();
    }
    out.values.resize(out.columns.size() * out.rows());
    const bool readies = fused && level == 2;
    dxkit::detail::parallel_for<AggregateScratch>(
        jobs.size(), dxkit::detail::threads_for(cells, o.threads),
        [&](std::size_t j, AggregateScratch& scratch) {
          const Job& job = jobs[j];
          std::vector<Child> kids;
          kids.reserve(job.kids.size());
          for (const auto& [c, w] : job.kids) {
            if (readies && c < given) prepare(out, c);
            kids.push_back({out.columns[c], out.col(c), w});
          }
          aggregate_children(kids, aggregation_for(o, *job.node), out.col(job.target), scratch,
                             job.node->code, out.units);
        },
        dxkit::detail::NoReport{});
  }
  return out;
}

}  // namespace dxkit::index::detail

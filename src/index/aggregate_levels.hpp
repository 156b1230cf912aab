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
// prepare(out, dst, c) writes column c (normalised) to dst inside the level-2 job that reads it,
// while it is in that core's cache, and columns no level-2 aggregate reads are readied first.
// With `fused` and not o.keep_indicators, the columns present on entry are never stored:
// `data` holds their names only (no values), each is readied into the job's scratch column,
// and the result holds the aggregates alone (the leanest run: the input is read once and only
// the aggregates are written). A framework where an aggregate above level 2 reads an indicator
// keeps the columns while it runs, and drops them at the end.
template <class Prepare>
DataSet aggregate_with(DataSet data, const Framework& f, const PipelineOptions& o, bool fused,
                       Prepare prepare) {
  DataSet out = std::move(data);
  const std::size_t given = out.columns.size();
  const std::vector<std::size_t> aggregates = f.of_type(NodeType::aggregate);
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
  // Leanest run: the given columns are readied into scratch space, never stored, when only
  // level 2 reads them.
  bool scratch_given = fused && !o.keep_indicators;
  if (scratch_given)
    for (std::size_t a : aggregates) {
      if (f.nodes[a].level == 2) continue;
      const auto kids = children.find(f.nodes[a].code);
      for (std::size_t k : kids == children.end() ? none : kids->second)
        scratch_given = scratch_given && f.nodes[k].type != NodeType::indicator;
    }
  const std::size_t stored = scratch_given ? 0 : given;  // given columns with values
  if (fused && !scratch_given) out.values.resize(given * out.rows());
  // One column per aggregate is appended: reserve once instead of growing per column.
  out.values.reserve(out.values.size() + aggregates.size() * out.rows());
  // The column of out.values where column c is (given columns without values come first).
  const auto col = [&](std::size_t c) { return out.col(c - (given - stored)); };
  struct Scratch {
    AggregateScratch aggregate;
    std::vector<double> ready;  // the given columns of one job, readied (scratch_given)
  };
  if (fused) {
    std::vector<char> read_at_2(given, 0);
    for (const Job& j : jobs)
      for (const auto& [c, _] : j.kids) read_at_2[c] = 1;
    std::vector<std::size_t> rest;
    for (std::size_t c = 0; c < given; ++c)
      if (!read_at_2[c]) rest.push_back(c);
    // Columns no level-2 aggregate reads: readied all the same (their errors are the run's).
    dxkit::detail::parallel_for<std::vector<double>>(
        rest.size(), dxkit::detail::threads_for(rest.size() * out.rows(), o.threads),
        [&](std::size_t i, std::vector<double>& ready) {
          if (scratch_given) {
            ready.resize(out.rows());
            prepare(out, std::span<double>(ready), rest[i]);
          } else {
            prepare(out, out.col(rest[i]), rest[i]);
          }
        },
        dxkit::detail::NoReport{});
  }
  for (int level = 2; level <= f.max_level(); ++level) {
    if (level > 2) jobs = jobs_of(level);
    std::size_t cells = 0;
    for (Job& j : jobs) {  // each job writes every number of its column: no NaN first
      j.target = out.columns.size();
      out.columns.push_back(j.node->code);
      cells += j.kids.size() * out.rows();
    }
    out.values.resize((out.columns.size() - (given - stored)) * out.rows());
    const bool readies = fused && level == 2;
    dxkit::detail::parallel_for<Scratch>(
        jobs.size(), dxkit::detail::threads_for(cells, o.threads),
        [&](std::size_t j, Scratch& scratch) {
          const Job& job = jobs[j];
          std::vector<Child> kids;
          kids.reserve(job.kids.size());
          if (readies && scratch_given) scratch.ready.resize(job.kids.size() * out.rows());
          for (std::size_t k = 0; k < job.kids.size(); ++k) {
            const std::size_t c = job.kids[k].first;
            if (readies && c < given) {
              const std::span<double> dst =
                  scratch_given
                      ? std::span<double>(scratch.ready).subspan(k * out.rows(), out.rows())
                      : out.col(c);
              prepare(out, dst, c);
              kids.push_back({out.columns[c], dst, job.kids[k].second});
            } else {
              kids.push_back({out.columns[c], col(c), job.kids[k].second});
            }
          }
          aggregate_children(kids, aggregation_for(o, *job.node), col(job.target),
                             scratch.aggregate, job.node->code, out.units);
        },
        dxkit::detail::NoReport{});
  }
  if (!o.keep_indicators && given > 0) {  // the aggregates alone
    out.columns.erase(out.columns.begin(),
                      out.columns.begin() + static_cast<std::ptrdiff_t>(given));
    if (stored > 0)
      out.values.erase(out.values.begin(),
                       out.values.begin() + static_cast<std::ptrdiff_t>(stored * out.rows()));
  }
  return out;
}

}  // namespace dxkit::index::detail

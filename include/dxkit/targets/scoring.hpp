#pragma once
/// Achievement scoring: a result against its target gives a ratio, whether the target is met
/// and whether it is exceeded; a scheme turns that into the status a plan prints
/// (Vượt / Đạt / Chưa đạt, or Hoàn thành / Đạt trên 90% mục tiêu / ...). docs/targets.md (Scoring).
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/names.hpp"
#include "dxkit/targets/detail/exact.hpp"
#include "dxkit/targets/result.hpp"
#include "dxkit/targets/target.hpp"

namespace dxkit {

struct DXKIT_API ScoringOptions {
  /// Ratios are clamped to [-ratio_cap, ratio_cap]. A division by zero with a non-zero
  /// numerator (a lower-is-better result of 0, a target of 0) gives ratio_cap; 0/0 gives 1.
  double ratio_cap = 10.0;
};

/// How one result did against one target. For no data, ratio is 0 and has_data false.
struct DXKIT_API Evaluation {
  double ratio = 0;       ///< achievement ratio (1 = exactly the target), always finite
  bool has_data = false;  ///< false for an empty result
  bool met = false;       ///< the target's condition holds for all the result is known to be
  bool exceeded = false;  ///< met, and known to be strictly better than the target's bound
  bool estimate = false;  ///< the result is an estimate (ước đạt, dự kiến)
  /// `ratio` exactly, from the decimals and fractions as written (den 0 when the ratio is a
  /// rule's value: capped, 0/0); the bands scheme compares it, not the double.
  detail::Rational exact_ratio{0, 0};
};

/// Scores `result` against `target`. Throws ValidationError when they cannot be compared: a
/// compound result whose labels or count do not match the target's parts, a number against a
/// milestone that is not a percentage, "Hoàn thành" against a numeric target, a percentage
/// against a count.
[[nodiscard]] DXKIT_API Evaluation evaluate(const Target& target, const Result& result,
                                            const ScoringOptions& options = {});

/// Scores plain numbers on contiguous arrays: `target[i]` is a bound (at least, or at most
/// where lower_is_better[i] is non-zero) and `actual[i]` a value; a NaN actual is no data.
/// All spans have the same length (lower_is_better may be empty: higher is better). Writes
/// ratio, met, exceeded and has_data (each sized by the caller). Throws ValidationError
/// naming the 1-based row of a NaN or infinite target, or an infinite actual.
DXKIT_API void evaluate_numeric(std::span<const double> target, std::span<const double> actual,
                                std::span<const std::uint8_t> lower_is_better,
                                std::span<double> ratio, std::span<std::uint8_t> met,
                                std::span<std::uint8_t> exceeded, std::span<std::uint8_t> has_data,
                                const ScoringOptions& options = {});

/// A status a scheme can give: a stable id for programs and the Vietnamese label a plan prints.
struct DXKIT_API Status {
  std::string id;
  std::string label;
};

/// The kinds of scheme, named in kSchemes.
enum class SchemeKind : std::uint8_t { exceed, bands };

/// The schemes by name: `--scheme` of `dxkit evaluate` / `dxkit check-text`, `scheme=` in
/// Python and the docs table come from here. kSchemes.parse("x") throws ValidationError
/// "unknown scheme 'x'; accepted: exceed, bands".
inline constexpr NameTable kSchemes{
    "scheme",
    std::array{
        Named<SchemeKind>{SchemeKind::exceed, "exceed",
                          "Vượt / Đạt / Chưa đạt (exceeded / met / not met) / Chưa có số liệu"},
        Named<SchemeKind>{SchemeKind::bands, "bands",
                          "Hoàn thành / Đạt trên T% mục tiêu / Đạt dưới T% mục tiêu, for "
                          "decreasing thresholds T (default 90, 50) / Chưa có số liệu"},
    }};

/// (name, meaning) of each choice of the targets area; `kind` is "scheme". Throws
/// ValidationError "unknown kind of choice 'x'; accepted: scheme" for any other kind.
[[nodiscard]] DXKIT_API std::vector<std::pair<std::string_view, std::string_view>> target_choices(
    std::string_view kind);

/// A way of turning evaluations into statuses.
class DXKIT_API Scheme {
 public:
  /// exceeded "Vượt", met "Đạt", not_met "Chưa đạt", no_data "Chưa có số liệu".
  [[nodiscard]] static Scheme exceed();
  /// met "Hoàn thành"; ge_T "Đạt trên T% mục tiêu" for the first threshold T with
  /// ratio x 100 >= T; lt_Tlast "Đạt dưới Tlast% mục tiêu"; no_data. Throws ValidationError
  /// unless the thresholds are strictly decreasing, in (0, 100] and there is at least one.
  [[nodiscard]] static Scheme bands(std::vector<double> thresholds = {90, 50});
  /// A name of kSchemes ("exceed", or "bands" with its thresholds); throws ValidationError
  /// "unknown scheme 'x'; accepted: exceed, bands" otherwise.
  [[nodiscard]] static Scheme from_name(std::string_view name,
                                        std::vector<double> thresholds = {90, 50});

  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  [[nodiscard]] const std::vector<double>& thresholds() const noexcept { return thresholds_; }
  /// Every status this scheme can give, in the order the documents tally them.
  [[nodiscard]] const std::vector<Status>& statuses() const noexcept { return statuses_; }
  /// Index into statuses() for one evaluation.
  /// Bands compare the exact ratio when the evaluation has one (58/100 is in "≥ 58"), else
  /// the double.
  /// Inline: the table kernels call it once per row, and most rows need no exact comparison.
  [[nodiscard]] std::uint8_t classify(const Evaluation& e) const noexcept {
    if (e.exact_ratio.den == 0 || thresholds_.empty() || !e.has_data || e.met)
      return classify(e.ratio, e.has_data, e.met, e.exceeded);
    return classify_exact(e);
  }
  /// Inline: the table kernels call it once per row.
  [[nodiscard]] std::uint8_t classify(double ratio, bool has_data, bool met,
                                      bool exceeded) const noexcept {
    const auto no_data = static_cast<std::uint8_t>(statuses_.size() - 1);
    if (!has_data) return no_data;
    if (thresholds_.empty()) return exceeded ? 0 : (met ? 1 : 2);
    if (met) return 0;
    // A relative tolerance keeps 63/70 on the "≥ 90" side despite binary rounding.
    const double percent = ratio * 100.0;
    for (std::size_t i = 0; i < thresholds_.size(); ++i)
      if (percent >= thresholds_[i] * (1 - 1e-12)) return static_cast<std::uint8_t>(i + 1);
    return static_cast<std::uint8_t>(no_data - 1);
  }

 private:
  [[nodiscard]] std::uint8_t classify_exact(const Evaluation& e) const noexcept;

  std::string name_;
  std::vector<double> thresholds_;
  std::vector<detail::Rational> exact_thresholds_;  ///< thresholds_ / 100, exact
  std::vector<Status> statuses_;
};

}  // namespace dxkit

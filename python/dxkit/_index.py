"""``dxkit.build_index``: a composite index from COINr-style iData / iMeta, run by the core.

iMeta is small and crosses as text; iData's numbers cross as one float64 array; each data set
of the run comes back as a DataFrame built on a numpy view of the C++ memory.
"""

from __future__ import annotations

import os

import numpy as np

from dxkit import _core
from dxkit._evaluation import _cell_text


class IndexResult:
    """Every data set of a pipeline run (COINr's dsets), the ranks and the treatment log."""

    def __init__(self, core, framework):
        self._core = core
        self._framework = framework
        self.screened_out: list[str] = list(core.screened_out)

    def data(self, name: str = "aggregated"):
        """One data set as a DataFrame indexed by uCode: denominated, imputed, screened,
        treated, normalised or aggregated (indicators, then aggregates level by level).
        Missing values are NaN."""
        import pandas as pd

        units, names, columns, values = self._core.data(name)
        frame = pd.DataFrame(values, index=pd.Index(units, name="uCode"), columns=columns)
        frame.insert(0, "uName", names)
        return frame

    def ranks(self):
        """Ranks of every column of the aggregated data set: 1 = highest, ties share the
        lowest rank (1, 2, 2, 4), <NA> for missing values."""
        import pandas as pd

        units, names, columns, _ = self._core.data("aggregated")
        whole = self._core.ranks()  # int32, 0 = missing
        missing = whole == 0
        frame = pd.DataFrame({c: pd.arrays.IntegerArray(whole[:, k], missing[:, k])
                              for k, c in enumerate(columns)},
                             index=pd.Index(units, name="uCode"))
        frame.insert(0, "uName", names)
        return frame

    def treatment(self):
        """Per indicator: skew and kurtosis before and after, points winsorised, log used."""
        import pandas as pd

        return pd.DataFrame(self._core.treatment())

    def describe(self, name: str = "screened"):
        """Statistics of every column of a data set: n, missing, mean, sd, min, max, median,
        skew, kurtosis and the outlier flag (fails COINr's |skew| < 2 or kurtosis < 3.5)."""
        import pandas as pd

        return pd.DataFrame(_core.describe_data(self._core, name))

    def availability(self):
        """Share of non-missing values per unit and per indicator, after denomination and
        before imputation."""
        import pandas as pd

        by_unit, by_column = _core.availability(self._core)
        units, _, columns, _ = self._core.data("denominated")
        return (pd.Series(by_unit, index=pd.Index(units, name="uCode"), name="availability"),
                pd.Series(by_column, index=pd.Index(columns, name="iCode"), name="availability"))

    def correlation_flags(self, weak: float = 0.2):
        """Indicator–parent and sibling correlations that are weak (|r| < weak) or negative."""
        import pandas as pd

        rows = _core.correlation_flags(self._core, self._framework, weak)
        return pd.DataFrame(rows, columns=["a", "b", "r", "flag"])

    def cronbach_alpha(self, aggregate: str):
        """Cronbach's alpha of an aggregate's children (None when undefined)."""
        return _core.cronbach_alpha(self._core, self._framework, aggregate)

    def strengths(self, unit: str, n: int = 5):
        """A unit's n best- and worst-ranked indicators, as two lists of (code, rank)."""
        return _core.strengths(self._core, self._framework, unit, n)

    def compare(self, other: IndexResult, column: str = "Index"):
        """This result against another (year on year, method against method): scores, ranks
        and rank change (positive = moved up) per unit; units in only one are kept."""
        import pandas as pd

        rows = _core.compare_results(self._core, other._core, column)
        frame = pd.DataFrame(rows, columns=["uCode", "score_before", "score_after",
                                            "rank_before", "rank_after", "rank_change"])
        for c in ("rank_before", "rank_after", "rank_change"):
            frame[c] = frame[c].astype("Int64")
        return frame

    def effective_weights(self):
        import pandas as pd

        return pd.Series(self._framework.effective_weights(), name="effective_weight")

    def __repr__(self) -> str:
        units, _, columns, _ = self._core.data("aggregated")
        return f"<IndexResult {len(units)} units × {len(columns)} columns>"


def _framework(meta):
    if isinstance(meta, (str, os.PathLike)):
        return _core.framework_from_csv(os.fspath(meta))
    header = [str(c) for c in meta.columns]
    columns = [["NA" if _cell_text(v, "plain") == "" else _cell_text(v, "plain")
                for v in meta.iloc[:, k].tolist()] for k in range(len(header))]
    return _core.framework_from_columns(header, columns, "<iMeta>")


def _unit_data(data, framework):
    if isinstance(data, (str, os.PathLike)):
        return _core.unit_data_from_csv(os.fspath(data), framework)
    if "uCode" not in data.columns:
        raise _core.ValidationError("iData: missing column 'uCode'")
    import pandas as pd

    codes = set(framework.codes)
    numeric = [c for c in data.columns if c in codes and c != "uCode"
               and pd.api.types.is_numeric_dtype(data[c])]
    groups = {c: [str(v) for v in data[c].tolist()] for c in data.columns
              if c in codes and c not in numeric}
    names = [str(v) for v in data["uName"]] if "uName" in data.columns else [""] * len(data)
    values = np.asfortranarray(data[numeric].to_numpy(dtype=np.float64, na_value=np.nan))
    return _core.unit_data_from_arrays([str(u) for u in data["uCode"]], names, numeric, values,
                                       groups, framework)


def build_index(data, meta, *, denominate: bool = True, impute: str = "group_mean",
                group: str = "EurAsia_group", screen: float = 0.9, treat: bool = True,
                normalise: str = "minmax", range: tuple[float, float] = (0, 100),
                aggregate: str = "arithmetic") -> IndexResult:
    """Run COINr's pipeline on iData / iMeta (CSV paths or DataFrames).

    The defaults are COINr's canonical example (denominate, group-mean imputation by
    ``group``, screening at 90 % availability, skew/kurtosis outlier treatment, min-max to
    [0, 100], weighted arithmetic means); they reproduce COINr's ASEM results to 1e-9.
    impute: none, mean, median, group_mean, group_median. normalise: minmax, zscore,
    goalposts, distance_to_max, fraction_of_max, rank, percentile_rank. aggregate:
    arithmetic, geometric, harmonic.
    """
    framework = _framework(meta)
    units = _unit_data(data, framework)
    core = _core.run_pipeline(units, framework, denominate, impute, group, screen, treat,
                              normalise, float(range[0]), float(range[1]), aggregate)
    return IndexResult(core, framework)

"""
Composite indices (COINr's pipeline).
"""
from __future__ import annotations
import collections.abc
import numpy
import numpy.typing
import typing
__all__: list[str] = ['Framework', 'PipelineResult', 'UnitData', 'availability', 'compare_results', 'correlation_flags', 'cronbach_alpha', 'describe_data', 'framework_from_columns', 'framework_from_csv', 'index_names', 'leave_one_out', 'optimise_weights', 'pca_weights', 'run_pipeline', 'run_uncertainty', 'sensitivity_indices', 'sensitivity_runs', 'strengths', 'summarise_ranks', 'unit_data_from_arrays', 'unit_data_from_csv']
class Framework:
    """
    An index framework (iMeta).
    """
    def add_weight_set(self, name: str, weights: collections.abc.Mapping[str, typing.SupportsFloat | typing.SupportsIndex]) -> None:
        ...
    def add_weight_sets_from_csv(self, arg0: str) -> None:
        ...
    def effective_weights(self) -> dict[str, float]:
        ...
    def indicators(self) -> list[str]:
        ...
    @property
    def codes(self) -> list[str]:
        ...
    @property
    def weight_sets(self) -> dict[str, dict[str, float]]:
        ...
class UnitData:
    """
    Units and their data (iData).
    """
    def own(self) -> None:
        """
        Copies borrowed numbers into memory of its own.
        """
    @property
    def borrowed(self) -> bool:
        ...
class PipelineResult:
    def columns(self, arg0: str) -> list[str]:
        ...
    def data(self, arg0: str) -> tuple[list[str], list[str], list[str], numpy.ndarray]:
        ...
    def framework(self) -> Framework:
        ...
    def notes(self) -> list[tuple[str, str, str, str]]:
        """
        (severity, code, message, located text) of each step that changed a number and each warning of the run.
        """
    def panel_filled(self) -> list:
        ...
    def ranks(self, columns: collections.abc.Sequence[str] | None = None) -> numpy.ndarray:
        ...
    def screening(self) -> list:
        ...
    def treatment(self) -> dict:
        ...
    def values(self, arg0: str) -> numpy.ndarray:
        """
        A data set's numbers as a (units, columns) view of the core's memory.
        """
    @property
    def screened_out(self) -> list[str]:
        ...
    @property
    def time(self) -> float | None:
        ...
def availability(arg0: PipelineResult) -> tuple[list[float], list[float]]:
    ...
def compare_results(arg0: PipelineResult, arg1: PipelineResult, arg2: str) -> list:
    ...
def correlation_flags(arg0: PipelineResult, arg1: Framework, arg2: typing.SupportsFloat | typing.SupportsIndex) -> list:
    ...
def cronbach_alpha(arg0: PipelineResult, arg1: Framework, arg2: str) -> typing.Any:
    ...
def describe_data(arg0: PipelineResult, arg1: str) -> dict:
    ...
def framework_from_columns(header: collections.abc.Sequence[str], columns: list, source: str = '<iMeta>') -> Framework:
    """
    iMeta from columns: lists of str or Arrow chunks (_frames.arrow_string_chunks); an
    empty or missing cell is NA.
    """
def framework_from_csv(arg0: str) -> Framework:
    ...
def index_names(kind: str) -> list[tuple[str, str]]:
    """
    (name, meaning) of each choice of an option: imputation, panel_imputation, normalisation, aggregation, transform, ties, objective or data_set.
    """
def leave_one_out(arg0: UnitData, arg1: Framework, arg2: collections.abc.Sequence[tuple[str, str]], arg3: typing.SupportsInt | typing.SupportsIndex) -> list:
    ...
def optimise_weights(arg0: PipelineResult, arg1: collections.abc.Sequence[tuple[str, str]], arg2: typing.SupportsInt | typing.SupportsIndex, arg3: str, arg4: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], arg5: typing.SupportsFloat | typing.SupportsIndex, arg6: typing.SupportsInt | typing.SupportsIndex) -> tuple[dict[str, float], dict[str, float], float, int, bool]:
    ...
def pca_weights(arg0: PipelineResult, arg1: str, arg2: typing.SupportsInt | typing.SupportsIndex, arg3: bool) -> tuple[dict[str, float], list, list[str]]:
    ...
def run_pipeline(data: UnitData, framework: Framework, options: collections.abc.Sequence[tuple[str, str]]) -> PipelineResult:
    ...
def run_uncertainty(arg0: UnitData, arg1: Framework, arg2: collections.abc.Sequence[tuple[str, str]], arg3: collections.abc.Mapping[typing.SupportsInt | typing.SupportsIndex, typing.SupportsFloat | typing.SupportsIndex], arg4: collections.abc.Sequence[str], arg5: collections.abc.Sequence[str], arg6: bool, arg7: bool, arg8: collections.abc.Sequence[str], arg9: typing.SupportsInt | typing.SupportsIndex, arg10: typing.SupportsInt | typing.SupportsIndex, arg11: typing.SupportsInt | typing.SupportsIndex, arg12: bool, arg13: typing.SupportsInt | typing.SupportsIndex, arg14: typing.Any, arg15: typing.SupportsInt | typing.SupportsIndex) -> tuple:
    ...
def sensitivity_indices(arg0: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg1: typing.SupportsInt | typing.SupportsIndex, arg2: collections.abc.Sequence[str], arg3: typing.SupportsInt | typing.SupportsIndex, arg4: typing.SupportsInt | typing.SupportsIndex) -> tuple:
    """
    (index rows, runs, variance, outputs) from the outputs of all N (k + 2) runs.
    """
def sensitivity_runs(arg0: UnitData, arg1: Framework, arg2: collections.abc.Sequence[tuple[str, str]], arg3: collections.abc.Mapping[typing.SupportsInt | typing.SupportsIndex, typing.SupportsFloat | typing.SupportsIndex], arg4: collections.abc.Sequence[str], arg5: collections.abc.Sequence[str], arg6: bool, arg7: bool, arg8: collections.abc.Sequence[str], arg9: typing.SupportsInt | typing.SupportsIndex, arg10: typing.SupportsInt | typing.SupportsIndex, arg11: typing.SupportsInt | typing.SupportsIndex, arg12: typing.SupportsInt | typing.SupportsIndex, arg13: typing.SupportsInt | typing.SupportsIndex, arg14: typing.Any) -> tuple:
    """
    (parameters, N, runs, first, outputs of runs [first, first + count)) of a sensitivity analysis's design.
    """
def strengths(arg0: PipelineResult, arg1: Framework, arg2: str, arg3: typing.SupportsInt | typing.SupportsIndex) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    ...
def summarise_ranks(arg0: typing.Annotated[numpy.typing.ArrayLike, numpy.int32]) -> tuple:
    ...
def unit_data_from_arrays(units: typing.Any, names: typing.Any, columns: collections.abc.Sequence[str], values: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], groups: collections.abc.Mapping[str, collections.abc.Sequence[str]], time: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], framework: Framework) -> UnitData:
    """
    iData from arrays. Units and names are lists of str or Arrow chunks
    (_frames.arrow_string_chunks). The numbers are read from `values` where they are, not
    copied: call own() before the array may change.
    """
def unit_data_from_csv(path: str, framework: Framework, number_format: str = 'plain') -> tuple[UnitData, str]:
    """
    (iData, note): iData read from a CSV, its numbers in number_format ('plain', COINr's, 'vietnamese' or 'auto'; the note says how auto decided).
    """

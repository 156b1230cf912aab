"""
Targets, results, schemes, evaluated tables.
"""
from __future__ import annotations
import collections.abc
import dxkit._core.text
import inspect
import numpy
import numpy.typing
import typing
__all__: list[str] = ['CodedEvaluation', 'CsvEvaluation', 'Evaluation', 'EvaluationTable', 'Result', 'ResultPart', 'Scheme', 'TableEvaluation', 'Target', 'TargetPart', 'evaluate_coded', 'evaluate_columns', 'evaluate_csv', 'evaluate_numeric', 'evaluate_numeric_fused', 'evaluate_table', 'parse_directions', 'parse_result', 'parse_target', 'repeated_codes', 'resolve_columns', 'score', 'targets_names']
class TargetPart:
    """
    One condition of a target.
    """
    __signature__: typing.ClassVar[inspect.Signature]
    def __repr__(self) -> str:
        ...
    def describe(self) -> str:
        ...
    @property
    def condition(self) -> str:
        ...
    @property
    def direction(self) -> str:
        ...
    @property
    def high(self) -> float:
        ...
    @property
    def label(self) -> str:
        ...
    @property
    def low(self) -> float:
        ...
    @property
    def percent(self) -> bool:
        ...
    @property
    def unit(self) -> str:
        ...
class Target:
    """
    A parsed target (chỉ tiêu): one part or a compound.
    """
    __signature__: typing.ClassVar[inspect.Signature]
    def __init__(self, text: str, format: str = 'vietnamese', direction: str | None = None) -> None:
        """
        The same as parse_target(text, format, direction).
        """
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def describe(self) -> str:
        ...
    @property
    def is_compound(self) -> bool:
        ...
    @property
    def is_milestone(self) -> bool:
        ...
    @property
    def parts(self) -> list[TargetPart]:
        ...
    @property
    def text(self) -> str:
        ...
class ResultPart:
    """
    One value of a result.
    """
    __signature__: typing.ClassVar[inspect.Signature]
    def __repr__(self) -> str:
        ...
    def describe(self) -> str:
        ...
    @property
    def denominator(self) -> float:
        ...
    @property
    def estimate(self) -> bool:
        ...
    @property
    def kind(self) -> str:
        ...
    @property
    def label(self) -> str:
        ...
    @property
    def percent(self) -> bool:
        ...
    @property
    def unit(self) -> str:
        ...
    @property
    def value(self) -> float:
        ...
class Result:
    """
    A parsed result (kết quả); no parts means no data.
    """
    __signature__: typing.ClassVar[inspect.Signature]
    def __init__(self, text: str, format: str = 'vietnamese') -> None:
        """
        The same as parse_result(text, format).
        """
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def describe(self) -> str:
        ...
    @property
    def has_data(self) -> bool:
        ...
    @property
    def is_estimate(self) -> bool:
        ...
    @property
    def parts(self) -> list[ResultPart]:
        ...
    @property
    def text(self) -> str:
        ...
class Evaluation:
    """
    How one result did against one target.
    """
    __signature__: typing.ClassVar[inspect.Signature]
    def __init__(self, target: Target, result: Result) -> None:
        """
        The same as score(target, result).
        """
    def __repr__(self) -> str:
        ...
    @property
    def estimate(self) -> bool:
        ...
    @property
    def exceeded(self) -> bool:
        ...
    @property
    def has_data(self) -> bool:
        ...
    @property
    def met(self) -> bool:
        ...
    @property
    def ratio(self) -> float:
        ...
class Scheme:
    """
    Turns evaluations into the statuses a plan prints.
    """
    __signature__: typing.ClassVar[inspect.Signature]
    @staticmethod
    def bands(thresholds: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex] = [90.0, 50.0]) -> Scheme:
        """
        Hoàn thành / Đạt trên T% mục tiêu ... / Đạt dưới T% mục tiêu
        """
    @staticmethod
    def exceed() -> Scheme:
        """
        Vượt / Đạt / Chưa đạt / Chưa có số liệu
        """
    @staticmethod
    def from_name(name: str, thresholds: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex] = [90.0, 50.0]) -> Scheme:
        ...
    def __init__(self, name: str = 'exceed', thresholds: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex] = [90.0, 50.0]) -> None:
        """
        The same as Scheme.from_name(name, thresholds).
        """
    def __repr__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def statuses(self) -> list[tuple[str, str]]:
        ...
    @property
    def thresholds(self) -> list[float]:
        ...
class EvaluationTable:
    """
    Evaluations column by column; arrays view the C++ memory.
    """
    def __len__(self) -> int:
        ...
    def counts(self) -> list[int]:
        ...
    @property
    def estimate(self) -> numpy.ndarray:
        ...
    @property
    def exceeded(self) -> numpy.ndarray:
        ...
    @property
    def has_data(self) -> numpy.ndarray:
        ...
    @property
    def met(self) -> numpy.ndarray:
        ...
    @property
    def ratio(self) -> numpy.ndarray:
        ...
    @property
    def scheme(self) -> Scheme:
        ...
    @property
    def status(self) -> numpy.ndarray:
        ...
    @property
    def warnings(self) -> list[str]:
        ...
class TableEvaluation:
    """
    A table of indicators and its evaluations.
    """
    @property
    def actual_texts(self) -> list[str]:
        ...
    @property
    def actuals(self) -> list[str]:
        ...
    @property
    def codes(self) -> list[str]:
        ...
    @property
    def directions(self) -> list[str]:
        ...
    @property
    def evaluation(self) -> EvaluationTable:
        ...
    @property
    def extra_names(self) -> list[str]:
        ...
    @property
    def extra_values(self) -> list[list[str]]:
        ...
    @property
    def lines(self) -> list[int]:
        ...
    @property
    def names(self) -> list[str]:
        ...
    @property
    def number_note(self) -> str:
        ...
    @property
    def pillars(self) -> list[str]:
        ...
    @property
    def result_objects(self) -> list[Result]:
        ...
    @property
    def source(self) -> str:
        ...
    @property
    def target_objects(self) -> list[Target]:
        ...
    @property
    def target_texts(self) -> list[str]:
        ...
    @property
    def targets(self) -> list[str]:
        ...
    @property
    def units(self) -> list[str]:
        ...
class CsvEvaluation:
    """
    A CSV file scored as columns: the targets and results as codes into their distinct
    texts; the other cells are turned into str only when asked for.
    """
    def __len__(self) -> int:
        ...
    def extra_values(self, k: typing.SupportsInt | typing.SupportsIndex) -> list:
        """
        The cells of the k-th kept column, as str.
        """
    @property
    def actual_cells(self) -> tuple[numpy.ndarray, list[str]]:
        ...
    @property
    def actual_codes(self) -> numpy.ndarray:
        ...
    @property
    def actual_labels(self) -> list[str]:
        ...
    @property
    def codes(self) -> list:
        ...
    @property
    def evaluation(self) -> EvaluationTable:
        ...
    @property
    def extra_names(self) -> list[str]:
        ...
    @property
    def lines(self) -> numpy.ndarray:
        ...
    @property
    def names(self) -> list:
        ...
    @property
    def number_note(self) -> str:
        ...
    @property
    def pillars(self) -> list:
        ...
    @property
    def source(self) -> str:
        ...
    @property
    def target_cells(self) -> tuple[numpy.ndarray, list[str]]:
        ...
    @property
    def target_codes(self) -> numpy.ndarray:
        ...
    @property
    def target_labels(self) -> list[str]:
        ...
class CodedEvaluation:
    """
    Evaluations of coded text columns; targets and results as codes.
    """
    @property
    def actual_codes(self) -> numpy.ndarray:
        ...
    @property
    def actual_labels(self) -> list[str]:
        ...
    @property
    def evaluation(self) -> EvaluationTable:
        ...
    @property
    def target_codes(self) -> numpy.ndarray:
        ...
    @property
    def target_labels(self) -> list[str]:
        ...
def evaluate_coded(target: tuple, actual: tuple, direction: tuple | None, code: tuple | None, scheme: Scheme, format: str = 'vietnamese', source: str = '<DataFrame>') -> CodedEvaluation:
    """
    Scores text columns given as (name, position, codes, values): row i's cell is
    values[codes[i]], none where codes[i] < 0. Each distinct text is parsed once; errors
    name the row (line = row + 2) and the column, as evaluate_columns does.
    """
def evaluate_columns(header: collections.abc.Sequence[str], columns: collections.abc.Sequence[collections.abc.Sequence[str]], scheme: Scheme, format: str = 'vietnamese', source: str = '<DataFrame>') -> TableEvaluation:
    ...
def evaluate_csv(path: str, scheme: Scheme, format: str = 'vietnamese', delimiter: str = '') -> CsvEvaluation:
    """
    Reads and scores a CSV file of indicators as columns: each distinct target and result
    text parsed once, the GIL released; the same answers, warnings and errors as
    evaluate_table on the file's table.
    """
def evaluate_numeric(target: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], actual: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], scheme: Scheme, lower_is_better: typing.Annotated[numpy.typing.ArrayLike, numpy.uint8] | None = None) -> EvaluationTable:
    """
    Scores numeric columns: target[i] is a bound (at least, or at most where
    lower_is_better[i]), actual[i] a value; NaN actual = no data.
    """
def evaluate_numeric_fused(target: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], actual: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], scheme: Scheme, codes: numpy.ndarray | None = None, lower_of_code: typing.Annotated[numpy.typing.ArrayLike, numpy.uint8] | None = None) -> EvaluationTable:
    """
    evaluate_numeric in one pass, the direction given as codes (a categorical's) into
    lower_of_code (1 = lower is better; a negative code: higher is better).
    """
def evaluate_table(table: dxkit._core.text.Table, scheme: Scheme, format: str = 'vietnamese') -> TableEvaluation:
    """
    Scores a table already read (a document's table: errors keep its rows and columns).
    """
def parse_directions(values: collections.abc.Sequence[str]) -> numpy.typing.NDArray[numpy.uint8]:
    """
    1 where a direction says lower is better, 0 otherwise.
    """
def parse_result(text: str, format: str = 'vietnamese') -> Result:
    """
    Parses a result: '99,21%', 'trên 85%', 'ước đạt 5%', '60/90', 'Hoàn thành', '' (no data).
    """
def parse_target(text: str, format: str = 'vietnamese', direction: str | None = None) -> Target:
    """
    Parses a target: '97% trở lên', 'trên 75%', '6 - 8%', 'tối đa 5 ngày', 'Hoàn thành',
    'tỉnh: 90%; huyện: 80%', or a document sentence with one percentage in it.
    Raises ParseError (with .column) for anything else.
    """
def repeated_codes(chunks: list, source: str = '<DataFrame>') -> list[str]:
    """
    The repeated-code warnings of an Arrow string column, given as its chunks' (offsets,
    data, validity or None, offset, length, large) buffers, read in place.
    """
def resolve_columns(header: collections.abc.Sequence[str]) -> dict:
    """
    Which column plays which role; raises ValidationError if one is missing.
    """
def score(target: Target, result: Result) -> Evaluation:
    """
    Scores one parsed result against one parsed target.
    """
def targets_names(kind: str) -> list[tuple[str, str]]:
    """
    (name, meaning) of each choice: scheme.
    """

"""dxkit: digital-transformation (chuyển đổi số) plans of Vietnam's provinces.

Parse targets (chỉ tiêu) and results (kết quả) as the documents write them, and score a
results table the way the plans do (Vượt / Đạt / Chưa đạt, or Hoàn thành / Đạt trên 90% mục
tiêu ...). The work is done by the C++ core, ``dxkit._core``; this package converts and
presents.

>>> import dxkit
>>> dxkit.parse_number("75.428")
75428.0
>>> dxkit.parse_target("97% trở lên").describe()
'≥ 97%'
"""

import inspect as _inspect

from dxkit._core import EncodingError, Error, ParseError, ValidationError, __version__
from dxkit._core.targets import Evaluation, Result, ResultPart, Scheme, Target, TargetPart
from dxkit.budget import Budget, format_money, parse_money, read_budget, rollup, rounding_note
from dxkit.document import Document, DocumentTable, read_document
from dxkit.index import IndexResult, build_index
from dxkit.plan import (
    Assignments,
    Plan,
    check_tallies,
    check_text,
    parse_deadline,
    read_assignments,
    read_plan,
)
from dxkit.targets import EvaluationResult, evaluate, parse_result, parse_target, score
from dxkit.text import fold, format_number, nfc, parse_number, parse_quantity

# Every error is raised with its message (attributes file, line, column, ... are set after).
for _error in (Error, ParseError, EncodingError, ValidationError):
    _error.__signature__ = _inspect.Signature([_inspect.Parameter(
        "message", _inspect.Parameter.POSITIONAL_ONLY, annotation=str)])
del _error

__all__ = [
    "Document",
    "DocumentTable",
    "read_document",
    "Assignments",
    "Budget",
    "IndexResult",
    "Plan",
    "read_plan",
    "build_index",
    "check_tallies",
    "check_text",
    "format_money",
    "parse_money",
    "read_assignments",
    "read_budget",
    "rollup",
    "rounding_note",
    "EncodingError",
    "Error",
    "Evaluation",
    "EvaluationResult",
    "ParseError",
    "Result",
    "ResultPart",
    "Scheme",
    "Target",
    "TargetPart",
    "ValidationError",
    "__version__",
    "evaluate",
    "fold",
    "format_number",
    "nfc",
    "parse_deadline",
    "parse_number",
    "parse_quantity",
    "parse_result",
    "parse_target",
    "score",
]

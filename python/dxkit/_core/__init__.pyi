"""
dxkit's C++ core. Use the dxkit package, which re-exports and extends it.
"""
from __future__ import annotations
from dxkit import EncodingError
from dxkit import Error
from dxkit import ParseError
from dxkit import ValidationError
from . import text
from . import targets
from . import budget
from . import index
from . import dti
from . import plan
from . import units
from . import document
from . import report
__all__: list[str] = ['EncodingError', 'Error', 'ParseError', 'ValidationError', 'budget', 'document', 'dti', 'index', 'plan', 'report', 'targets', 'text', 'units']
__version__: str = '0.1.0'

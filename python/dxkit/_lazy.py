"""``frames``: ``dxkit._frames`` (the module that imports pandas), loaded on first use, so that
``import dxkit`` stays light and pandas is imported once, in one place."""

from __future__ import annotations

import importlib.util
import sys


def _lazy(name: str):
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


frames = _lazy("dxkit._frames")

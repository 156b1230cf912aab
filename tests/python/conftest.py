import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@pytest.fixture
def thai_binh():
    return EXAMPLES / "thai_binh_2023_results.csv"


@pytest.fixture
def dong_thap():
    return EXAMPLES / "dong_thap_2022_results.csv"
sys.path.insert(0, str(pathlib.Path(__file__).parent))

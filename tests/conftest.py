import json
from pathlib import Path

import pytest

from kabar.document import LAYERS, RECORD_FIELDS, check_spans

FIXTURES = Path(__file__).parent / "fixtures"


def assert_kabar1(record: dict) -> None:
    """Every field of the record present, and every span indexing its text."""
    assert record["schema"] == "kabar/1"
    assert list(record) == list(RECORD_FIELDS)
    for layer in LAYERS:
        assert isinstance(record[layer], list)
    check_spans(record)


@pytest.fixture(scope="session")
def reference_text() -> str:
    return (FIXTURES / "cnnindonesia-qaani-letter.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def reference_gold() -> dict:
    return json.loads((FIXTURES / "cnnindonesia-qaani-letter.gold.jsonl").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def reference_record(reference_text) -> dict:
    import kabar

    return kabar.analyze(reference_text, published="2023-11-17", id="cnnindonesia-qaani-letter").to_dict()

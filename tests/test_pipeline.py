import types

import pytest

import kabar
from kabar import pipeline
from kabar.published import parse_published
from tests.conftest import assert_kabar1


def test_pipeline_order_is_checked():
    assert [pipeline.stage_name(s) for s in pipeline.STAGES][:2] == ["clean", "sentences"]
    late = types.SimpleNamespace(__name__="x.late", REQUIRES=("events",), ASSIGNS=("y",))
    with pytest.raises(RuntimeError, match="late"):
        pipeline.check_order([late] + pipeline.STAGES)


def test_pipeline_analyze_returns_complete_record(reference_record):
    assert_kabar1(reference_record)
    assert reference_record["id"] == "cnnindonesia-qaani-letter"
    assert reference_record["published"] == "2023-11-17"


def test_pipeline_id_defaults_to_text_hash():
    a = kabar.analyze("Presiden berpidato di Jakarta.").to_dict()
    b = kabar.analyze("Presiden berpidato di Jakarta.").to_dict()
    assert a["id"] == b["id"] and len(a["id"]) == 16


def test_pipeline_rejects_non_text():
    with pytest.raises(TypeError, match="str"):
        kabar.analyze(b"bytes")


def test_pipeline_stage_error_names_stage(monkeypatch):
    def boom(doc):
        raise ValueError("kaput")

    monkeypatch.setattr(pipeline.STAGES[2], "run", boom)
    with pytest.raises(kabar.StageError, match="entities.*art-1.*kaput"):
        kabar.analyze("Teks berita.", id="art-1")


@pytest.mark.parametrize("given, expected", [
    ("2023-11-17", "2023-11-17"),
    ("2015/08/25", "2015-08-25"),
    ("Kamis, 12 Feb 2026 14:44 ", "2026-02-12T14:44"),
    (" 11 Jan 2024 19:10 ", "2024-01-11T19:10"),
    ("2024-01-11T19:10:00+07:00", "2024-01-11T19:10"),
    ("Selasa, 21 Oktober 2025", "2025-10-21"),
])
def test_published_parses_outlet_forms(given, expected):
    assert parse_published(given) == (expected, None)


def test_published_unreadable_is_a_warning():
    iso, warning = parse_published("kemarin sore")
    assert iso is None and "kemarin sore" in warning
    doc = kabar.analyze("Teks berita.", published="kemarin sore")
    assert doc.published is None and any("kemarin sore" in w for w in doc.warnings)

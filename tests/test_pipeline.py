import sys
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


def test_pipeline_run_many_equals_run_one_by_one(reference_text):
    texts = [reference_text, "Presiden Joko Widodo tiba di Surabaya, Senin (3/2).",
             "Kapolda Metro Jaya Irjen Karyoto mengatakan 12 orang ditangkap di Jakarta."]
    batched = pipeline.run_many([pipeline.new_document(t, published="2023-11-17") for t in texts])
    alone = [kabar.analyze(t, published="2023-11-17") for t in texts]
    assert [d.to_dict() for d in batched] == [d.to_dict() for d in alone]
    assert any(e["name"] == "Esmail Qaani" for e in batched[0].entities)


def test_pipeline_run_many_loses_only_the_failing_document(monkeypatch):
    from kabar.stages import entities

    real_run = entities.run

    def run(doc):
        if "meledak" in doc.text:
            raise ValueError("kaput")
        return real_run(doc)

    def run_many(docs):  # the batch call fails as a whole; the pipeline must isolate it
        return [run(d) for d in docs]

    monkeypatch.setattr(entities, "run", run)
    monkeypatch.setattr(entities, "run_many", run_many)
    docs = [pipeline.new_document(t, id=f"a{i}") for i, t in enumerate(
        ["Gubernur Anies tiba di Bandung.", "Bom meledak di Jakarta.", "Menteri Sri Mulyani hadir."])]
    out = pipeline.run_many(docs)
    assert isinstance(out[1], kabar.StageError) and "entities" in str(out[1]) and "a1" in str(out[1])
    assert [type(d).__name__ for d in out] == ["Document", "StageError", "Document"]
    assert out[2].entities and out[2].id == "a2"


def test_batch_analyze_items_keeps_order_and_reports_bad_items():
    from kabar.batch.local import analyze_items
    from kabar.ingest import Item

    items = [Item("a", {"text": "Warga Bandung berkumpul."}), Item("b", {"text": "  "}),
             Item("c", {"html": 5}), Item("d", {"text": "Polisi menangkap 3 orang."})]
    out = list(analyze_items(items, batch=3))
    assert [o.item.name for o in out] == ["a", "b", "c", "d"]
    assert out[0].doc and out[3].doc and out[3].doc.figures
    assert out[1].error == "empty article text" and not out[1].crashed
    assert "html" in out[2].error and out[2].doc is None


def test_batch_long_runs_freeze_loaded_objects_and_restore_the_collector():
    import gc

    from kabar.batch.local import GC_THRESHOLD, analyze_items
    from kabar.ingest import Item

    before = gc.get_threshold()
    items = [Item(f"a{i}", {"text": f"Warga Desa Contoh{i} di Bandung berkumpul."}) for i in range(5)]
    seen = []
    run = analyze_items(items, batch=2)
    for outcome in run:
        # the first batch loads the models; from the second on, they sit frozen
        seen.append((outcome.item.name, gc.get_freeze_count() > 0, gc.get_threshold()[0]))
    assert [name for name, _, _ in seen] == ["a0", "a1", "a2", "a3", "a4"]
    assert [frozen for _, frozen, _ in seen] == [False, False, True, True, True]
    assert {t for _, frozen, t in seen if frozen} == {GC_THRESHOLD}
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == before
    # a run of one batch (one article per ingest worker task) leaves the collector alone
    list(analyze_items(items[:2], batch=2))
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == before


def test_analysis_leaves_no_reference_cycles(reference_text):
    """Long runs collect garbage rarely (kabar.batch.local.long_run_gc), which is only
    safe while analysing an article leaves nothing that needs the collector to free."""
    import gc

    texts = [reference_text, "Kepala BPBD, Budi Santoso, mengatakan pergantian antarwaktu (PAW) "
             "anggota DPRD Kota Surabaya dan Gubernur Jawa Timur Khofifah hadir. Khofifah tiba."]
    kabar.analyze(texts[0])  # load models and caches first
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for text in texts:
            kabar.analyze(text, published="2023-11-17").to_dict()
        gc.collect()
        garbage = [type(o).__name__ for o in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if enabled:
            gc.enable()
    assert garbage == []


def test_pipeline_threads_share_caches_safely(reference_text):
    """The web app analyses in worker threads; the shared tokenizer and tagger caches must hold."""
    from concurrent.futures import ThreadPoolExecutor

    from kabar.ner import get_tagger
    from kabar.stages import sentences

    texts = [reference_text] + [f"Bupati Kabupaten Contoh{i} Budi Hartono{i} meminta warga Desa Uji{i} "
                                f"mengungsi, kata Kapolres AKBP Rudi Santoso{i} di Surabaya." for i in range(40)]
    sequential = [kabar.analyze(t).to_dict() for t in texts]
    get_tagger().decoder.clear()  # make the threads learn every word again, concurrently
    sentences._CHUNKS.clear()
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible, so races show
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            threaded = [d.to_dict() for d in pool.map(kabar.analyze, texts)]
    finally:
        sys.setswitchinterval(interval)
    assert threaded == sequential

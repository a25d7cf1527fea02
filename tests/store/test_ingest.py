import json

import pytest
from typer.testing import CliRunner

from kabar.batch.parallel import ingest
from kabar.cli import app
from kabar.ingest import read_inputs
from kabar.store import open_store, queries

ARTICLES = [
    {"id": "tol-1", "source": "contoh.id", "published": "2023-05-01",
     "text": "Presiden Joko Widodo meresmikan jalan tol di Medan pada Senin (1/5).\n\n"
             "“Jalan ini akan memangkas waktu tempuh,” kata Jokowi."},
    {"id": "pasar-2", "source": "contoh.id", "published": "2023-05-02",
     "text": "Harga cabai di Pasar Minggu naik menjadi Rp80.000 per kilogram, kata seorang pedagang."},
    {"id": "hujan-3", "source": "berita.id", "published": "2023-05-03",
     "text": "Hujan deras mengguyur Bogor sejak pagi. Sebanyak 120 warga mengungsi ke masjid."},
]


def write_jsonl(path, items):
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("workers", [1, 2])
def test_parallel_ingest_same_articles_twice_stores_each_once(store, tmp_path, workers):
    src = write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    first = ingest(read_inputs([src]), store, workers=workers)
    assert (first.added, first.failed) == (3, 0)
    second = ingest(read_inputs([src]), store, workers=workers)
    assert (second.added, second.unchanged) == (0, 3)
    assert store.count() == 3


def test_parallel_ingest_changed_article_replaces_old_layers(store, tmp_path):
    ingest(read_inputs([write_jsonl(tmp_path / "a.jsonl", ARTICLES)]), store)
    changed = dict(ARTICLES[2], text="Gempa mengguncang Cianjur. Warga berlarian keluar rumah.")
    stats = ingest(read_inputs([write_jsonl(tmp_path / "b.jsonl", [changed])]), store)
    assert stats.replaced == 1 and store.count() == 3
    with store.read() as conn:
        record = queries.get_article(conn, "hujan-3")["record"]
        assert "Cianjur" in record["text"]
        hits = queries.search_articles(conn, queries.Filters(q="Bogor"))["total"]
    assert hits == 0


def test_parallel_ingest_reports_bad_articles_and_keeps_the_rest(store, tmp_path):
    src = tmp_path / "mixed.jsonl"
    src.write_text(json.dumps(ARTICLES[0]) + "\n{not json\n" + json.dumps({"text": "  "}) + "\n",
                   encoding="utf-8")
    seen = []
    stats = ingest(read_inputs([str(src)]), store, workers=2, on_result=seen.append)
    assert (stats.added, stats.failed) == (1, 2)
    assert [r.name for r in seen if r.error] == [f"{src}:2", f"{src}:3"]
    assert store.count() == 1


def test_store_cli_ingest_exits_1_on_bad_input_and_export_reads_back(tmp_path):
    db = str(tmp_path / "k.db")
    src = write_jsonl(tmp_path / "in.jsonl", ARTICLES + [{"title": "no text"}])
    result = CliRunner().invoke(app, ["ingest", src, "--db", db, "--workers", "1"])
    assert result.exit_code == 1
    assert "skipped" in result.output and "3 added" in result.output
    out = tmp_path / "out.jsonl"
    assert CliRunner().invoke(app, ["export", "--db", db, "-o", str(out)]).exit_code == 0
    assert sorted(json.loads(line)["id"] for line in out.read_text().splitlines()) == \
        ["hujan-3", "pasar-2", "tol-1"]
    assert open_store(db).count() == 3

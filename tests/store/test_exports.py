import csv
import io
import json
import sys
import types

import pyarrow.parquet as pq
import pytest

from kabar.exports import ExportError, export
from kabar.exports.tables import rows

from .records import RECORDS


@pytest.fixture
def filled(store):
    for r in RECORDS:
        store.write(r, raw=r["text"])
    return store


def run(store, fmt, table="articles") -> bytes:
    out = io.BytesIO()
    export(store, fmt, table, out)
    return out.getvalue()


def test_exports_jsonl_articles_are_the_kabar1_records(filled):
    lines = run(filled, "jsonl").decode("utf-8").splitlines()
    assert sorted((json.loads(line) for line in lines), key=lambda r: r["id"]) == \
        sorted(RECORDS, key=lambda r: r["id"])


@pytest.mark.parametrize("table", ["articles", "entities", "quotes", "figures", "times", "events"])
def test_exports_csv_round_trips_rows(filled, table):
    got = list(csv.DictReader(io.StringIO(run(filled, "csv", table).decode("utf-8"))))
    want = [{k: "" if v is None else str(v) for k, v in row.items()} for row in rows(filled, table)]
    assert got == want and got


@pytest.mark.parametrize("table", ["articles", "quotes", "figures", "events"])
def test_exports_parquet_round_trips_rows(filled, table):
    got = pq.read_table(io.BytesIO(run(filled, "parquet", table))).to_pylist()
    assert got == list(rows(filled, table)) and got


def test_exports_parquet_of_empty_table_has_its_columns(store):
    table = pq.read_table(io.BytesIO(run(store, "parquet", "events")))
    assert table.num_rows == 0 and "actor_id" in table.column_names


def test_exports_unknown_format_or_table_is_an_error(filled):
    with pytest.raises(ExportError, match="unknown format"):
        run(filled, "xml")
    with pytest.raises(ExportError, match="unknown table"):
        run(filled, "csv", "secrets")


def test_exports_event_formats_call_the_events_module(filled, monkeypatch):
    fake = types.ModuleType("kabar.exports.events")
    fake.gdelt_rows = lambda records: ({"id": r["id"], "n": len(r["events"])} for r in records)
    fake.plover_records = lambda records: ({"id": r["id"]} for r in records if r["events"])
    monkeypatch.setitem(sys.modules, "kabar.exports.events", fake)
    tsv = run(filled, "gdelt").decode("utf-8").splitlines()
    assert tsv[0] == "id\tn" and "gaza-1\t1" in tsv
    assert [json.loads(line) for line in run(filled, "plover").decode().splitlines()] == [{"id": "gaza-1"}]

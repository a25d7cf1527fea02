"""Event exports: GDELT-style rows and PLOVER records from kabar/1 records."""
from __future__ import annotations

import csv
import io
import json

from kabar.exports.events import GDELT_COLUMNS, gdelt_rows, plover_records

TEXT = "Israel menuduh Iran memasok senjata. Rusia menyerang Ukraina di Kota Kharkiv."


def record(**over) -> dict:
    rec = {
        "schema": "kabar/1", "id": "doc-1", "url": "https://contoh.id/a", "source": "contoh.id",
        "title": "Judul", "published": "2023-11-17", "language": "id", "text": TEXT,
        "entities": [
            {"id": "e1", "name": "Israel", "type": "LOC", "mentions": [[0, 6]]},
            {"id": "e2", "name": "Iran", "type": "LOC", "mentions": [[15, 19]]},
            {"id": "e3", "name": "Rusia", "type": "LOC", "mentions": [[37, 42]]},
            {"id": "e4", "name": "Ukraina", "type": "LOC", "mentions": [[53, 60]]},
            {"id": "e5", "name": "Kota Kharkiv", "type": "LOC", "mentions": [[64, 76]]},
        ],
        "events": [
            {"type": "ACCUSE", "actor": "e1", "target": "e2", "trigger": "menuduh", "span": [0, 36],
             "time": None, "place": None, "negated": False, "claimant": None},
            {"type": "ASSAULT", "actor": "e3", "target": "e4", "trigger": "menyerang", "span": [37, 77],
             "time": "2023-10-07", "place": "e5", "negated": True, "claimant": "e1"},
        ],
    }
    rec.update(over)
    return rec


def test_exports_events_gdelt_columns_and_values():
    rows = list(gdelt_rows([record()]))
    assert len(rows) == 2
    assert all(tuple(r) == GDELT_COLUMNS for r in rows)
    first, second = rows
    assert (first["Actor1Name"], first["Actor2Name"], first["EventCode"]) == ("Israel", "Iran", "ACCUSE")
    assert first["SQLDATE"] == "20231117" and first["QuadClass"] == 3 and first["IsNegated"] == 0
    assert second["SQLDATE"] == "20231007"  # the event's own date wins over publication
    assert second["IsNegated"] == 1 and second["ActionGeo_FullName"] == "Kota Kharkiv"
    assert second["Claimant"] == "Israel" and second["QuadClass"] == 4
    assert first["SOURCEURL"] == "https://contoh.id/a" and first["DocId"] == "doc-1"


def test_exports_events_gdelt_ids_are_stable_and_unique():
    a = [r["GLOBALEVENTID"] for r in gdelt_rows([record()])]
    b = [r["GLOBALEVENTID"] for r in gdelt_rows([record()])]
    c = [r["GLOBALEVENTID"] for r in gdelt_rows([record(id="doc-2")])]
    assert a == b and len(set(a)) == 2 and not set(a) & set(c)


def test_exports_events_gdelt_rows_write_as_tsv():
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=GDELT_COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(gdelt_rows([record()]))
    lines = out.getvalue().splitlines()
    assert lines[0].split("\t")[:3] == ["GLOBALEVENTID", "SQLDATE", "EventDate"]
    assert len(lines) == 3 and all(len(l.split("\t")) == len(GDELT_COLUMNS) for l in lines)


def test_exports_events_unknown_date_and_missing_target_are_empty():
    rec = record(published=None)
    rec["events"] = [dict(rec["events"][0], target=None)]
    (row,) = gdelt_rows([rec])
    assert row["SQLDATE"] == "" and row["Actor2Name"] == "" and row["Actor2Id"] == ""


def test_exports_events_plover_record():
    recs = list(plover_records([record()]))
    assert len(recs) == 2
    ev = recs[1]
    assert ev["event_type"] == "ASSAULT" and ev["quad_category"] == "material conflict"
    assert ev["actor"] == {"id": "e3", "name": "Rusia", "type": "LOC"}
    assert ev["recipient"]["name"] == "Ukraina" and ev["location"]["name"] == "Kota Kharkiv"
    assert ev["event_text"] == "Rusia menyerang Ukraina di Kota Kharkiv."
    assert ev["event_date"] == "2023-10-07" and ev["negated"] is True
    assert ev["story_id"] == "doc-1" and ev["story_source"] == "contoh.id"
    json.dumps(recs)  # plain JSON all the way down


def test_exports_events_records_without_events_yield_nothing():
    assert list(gdelt_rows([record(events=[])])) == []
    assert list(plover_records([{"id": "x", "text": ""}])) == []

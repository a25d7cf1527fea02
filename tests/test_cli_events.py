"""``kabar events``: kabar/1 JSONL in, GDELT-style TSV or PLOVER JSONL out."""
import json

from typer.testing import CliRunner

from kabar.cli import app
from kabar.exports.events import GDELT_COLUMNS
from tests.test_exports_events import record

runner = CliRunner()


def _write(tmp_path, *records):
    p = tmp_path / "records.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return p


def test_cli_events_gdelt_tsv(tmp_path):
    src, out = _write(tmp_path, record(), record(id="doc-2", events=[])), tmp_path / "ev.tsv"
    result = runner.invoke(app, ["events", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS)
    assert len(lines) == 3 and lines[1].split("\t")[GDELT_COLUMNS.index("EventCode")] == "ACCUSE"


def test_cli_events_plover_jsonl(tmp_path):
    src, out = _write(tmp_path, record()), tmp_path / "ev.jsonl"
    result = runner.invoke(app, ["events", str(src), "--format", "plover", "-o", str(out)])
    assert result.exit_code == 0, result.output
    recs = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert [r["event_type"] for r in recs] == ["ACCUSE", "ASSAULT"]


def test_cli_events_bad_input_names_file_and_line(tmp_path):
    src = tmp_path / "bad.jsonl"
    src.write_text(json.dumps(record()) + "\n{oops\n", encoding="utf-8")
    result = runner.invoke(app, ["events", str(src), "-o", str(tmp_path / "x.tsv")])
    assert result.exit_code == 2 and "bad.jsonl:2" in result.output


def test_cli_events_unknown_format(tmp_path):
    result = runner.invoke(app, ["events", str(_write(tmp_path, record())), "--format", "xml"])
    assert result.exit_code == 2 and "unknown --format" in result.output

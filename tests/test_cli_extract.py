import json

from typer.testing import CliRunner

from kabar.cli import app
from tests.conftest import FIXTURES, assert_kabar1

runner = CliRunner()


def test_cli_extract_txt_writes_record(tmp_path):
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["extract", str(FIXTURES / "cnnindonesia-qaani-letter.txt"),
                              "--published", "2023-11-17", "-o", str(out)])
    assert res.exit_code == 0, res.output
    (rec,) = [json.loads(l) for l in out.read_text().splitlines()]
    assert_kabar1(rec)
    assert rec["id"] == "cnnindonesia-qaani-letter" and rec["published"] == "2023-11-17"


def test_cli_extract_skips_bad_inputs_and_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Presiden Joko Widodo meresmikan bendungan di Bogor, Senin (3/2).", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9".encode("latin-1"))
    jl = tmp_path / "batch.jsonl"
    jl.write_text('{"text": "Berita satu."}\nnot json\n[1]\n{"title": "no text"}\n{"text": "Berita dua."}\n',
                  encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["extract", str(good), str(empty), str(latin), str(jl), "-o", str(out)])
    assert res.exit_code == 1
    records = [json.loads(l) for l in out.read_text().splitlines()]
    assert [r["text"] for r in records][1:] == ["Berita satu.", "Berita dua."]
    err = res.stderr if hasattr(res, "stderr") else res.output
    assert "empty.txt: empty file" in err
    assert "latin.txt: not UTF-8" in err
    assert "batch.jsonl:2: invalid JSON" in err
    assert "batch.jsonl:3: expected a JSON object" in err
    assert "batch.jsonl:4: input object has neither 'text' nor 'html'" in err
    assert "3 articles extracted, 5 skipped" in err


def test_cli_extract_stdin_and_bad_published(tmp_path):
    res = runner.invoke(app, ["extract", "-"], input='{"text": "Berita.", "published": "entah kapan"}\n')
    assert res.exit_code == 0
    rec = json.loads(res.stdout.splitlines()[0])
    assert rec["published"] is None and "entah kapan" in rec["warnings"][0]


def test_cli_every_command_has_help():
    res = runner.invoke(app, ["--help"])
    assert res.exit_code == 0
    names = [c.name for c in app.registered_commands]
    for name in names:
        sub = runner.invoke(app, [name, "--help"])
        assert sub.exit_code == 0 and "Usage" in sub.output, name

from typer.testing import CliRunner

from kabar.cli import app

runner = CliRunner()

CONLL = (
    "Gubernur\tNNP\tO\nAnies\tNNP\tO\nBaswedan\tNNP\tO\nmeresmikan\tVB\tO\nstasiun\tNN\tO\n"
    "di\tIN\tO\nJakarta\tNNP\tO\n.\tZ\tO\n\n"
    "Kami\nsetuju\n.\n\n\n"
    "PT\tX\tO\nPertamina\tX\tO\nmenaikkan\tX\tO\nharga\tX\tO\n"
)


def _sentences(text):
    out, cur = [], []
    for line in text.splitlines():
        if not line.strip():
            if cur:
                out.append(cur)
            cur = []
        else:
            cur.append(line.split("\t"))
    return out + ([cur] if cur else [])


def test_cli_tag_round_trip_keeps_tokens_and_sentences(tmp_path):
    src = tmp_path / "in.conll"
    src.write_text(CONLL, encoding="utf-8")
    out = tmp_path / "out.tsv"
    res = runner.invoke(app, ["tag", "--conll", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    got = _sentences(out.read_text(encoding="utf-8"))
    want = _sentences(CONLL)
    assert [[r[0] for r in s] for s in got] == [[r[0] for r in s] for s in want]
    assert all(len(r) == 2 for s in got for r in s)
    tags = {r[0]: r[1] for s in got for r in s}
    assert tags["Anies"] == "B-PER" and tags["Baswedan"] == "I-PER"
    assert tags["Jakarta"] == "B-LOC"
    assert tags["Kami"] == "O"


def test_cli_tag_writes_stdout_by_default(tmp_path):
    src = tmp_path / "in.conll"
    src.write_text("Surabaya\ndiguyur\nhujan\n.\n", encoding="utf-8")
    res = runner.invoke(app, ["tag", "--conll", str(src)])
    assert res.exit_code == 0
    assert "Surabaya\tB-LOC\ndiguyur\tO\n" in res.stdout


def test_cli_tag_missing_input_names_the_file(tmp_path):
    missing = tmp_path / "nope.conll"
    res = runner.invoke(app, ["tag", "--conll", str(missing)])
    assert res.exit_code == 2
    err = res.stderr if hasattr(res, "stderr") else res.output
    assert "nope.conll" in err and "cannot read" in err


def test_cli_tag_non_utf8_input_is_an_error(tmp_path):
    bad = tmp_path / "latin.conll"
    bad.write_bytes("caf\xe9\n".encode("latin-1"))
    res = runner.invoke(app, ["tag", "--conll", str(bad)])
    assert res.exit_code == 2
    err = res.stderr if hasattr(res, "stderr") else res.output
    assert "latin.conll" in err and "not UTF-8" in err

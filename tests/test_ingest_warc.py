import gzip
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kabar.cli import app
from kabar.ingest import READERS
from kabar.ingest.readers import read_path
from kabar.ingest.warc import body_charset, url_id
from tests.conftest import assert_kabar1

runner = CliRunner()

ARTICLE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Bendungan Cibeureum Diresmikan - Warta Contoh</title>
<meta property="article:published_time" content="2025-02-03T14:30:00+07:00"></head>
<body><nav class="menu"><a href="/">Beranda</a></nav>
<article><h1>Bendungan Cibeureum Diresmikan</h1>
<p>Jakarta - Menteri Pekerjaan Umum Budi Santoso meresmikan Bendungan Cibeureum di Kabupaten Bogor, Jawa Barat, pada Senin (3/2) pagi.</p>
<p>"Bendungan ini akan mengairi sekitar 4.000 hektare sawah milik petani di tiga kecamatan," kata Budi kepada wartawan.</p>
<p>Pembangunan bendungan tersebut menelan biaya Rp 1,2 triliun dan dikerjakan selama tiga tahun.</p>
</article><footer class="footer">Hak cipta Warta Contoh</footer></body></html>"""
URL = "https://www.wartacontoh.co.id/nasional/bendungan-cibeureum-diresmikan"


def _response(writer, url, body: bytes, content_type="text/html; charset=utf-8", status="200 OK"):
    headers = [("Content-Type", content_type)] if content_type else []
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)


def _request(writer, url):
    http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "www.wartacontoh.co.id")], is_http_request=True)
    return writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=http)


def write_warc(path: Path, pages, *, gz: bool) -> Path:
    """A WARC holding a warcinfo record, then a request and response per (url, body, type, status)."""
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "kabar tests"}))
        for url, body, ctype, status in pages:
            writer.write_record(_request(writer, url))
            writer.write_record(_response(writer, url, body, ctype, status))
    return path


def _page(url=URL, body=ARTICLE.encode("utf-8"), ctype="text/html; charset=utf-8", status="200 OK"):
    return (url, body, ctype, status)


def test_ingest_warc_registers_its_suffixes():
    for suffix in (".warc", ".warc.gz"):
        assert READERS[suffix].__name__ == "read_warc"
    assert ".gz" not in READERS


@pytest.mark.parametrize("name, gz", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_ingest_warc_html_response_becomes_input(tmp_path, name, gz):
    path = write_warc(tmp_path / name, [_page()], gz=gz)
    if gz:
        assert path.read_bytes()[:2] == b"\x1f\x8b"
    (item,) = list(read_path(path))
    assert item.error is None
    assert item.name == f"{path}#record-3 ({URL})"  # after warcinfo and request
    obj = item.data
    assert obj["html"] == ARTICLE
    assert obj["url"] == URL and obj["source"] == "wartacontoh.co.id"
    assert obj["published"] is None  # the WARC-Date is the crawl date
    assert obj["id"] == url_id(URL) and len(obj["id"]) == 16


def test_ingest_warc_id_is_stable_across_archives(tmp_path):
    a = list(read_path(write_warc(tmp_path / "a.warc", [_page()], gz=False)))
    b = list(read_path(write_warc(tmp_path / "b.warc.gz", [_page()], gz=True)))
    other = url_id("https://www.wartacontoh.co.id/lain")
    assert a[0].data["id"] == b[0].data["id"] != other


def test_ingest_warc_skips_non_html_records(tmp_path):
    pages = [
        _page(url="https://www.wartacontoh.co.id/logo.png", body=b"\x89PNG\r\n", ctype="image/png"),
        _page(url="https://www.wartacontoh.co.id/api", body=b'{"a": 1}', ctype="application/json"),
        _page(url="https://www.wartacontoh.co.id/hilang", status="404 Not Found"),
        _page(url="https://www.wartacontoh.co.id/pindah", body=b"", status="301 Moved Permanently"),
        _page(),
        _page(url="https://www.wartacontoh.co.id/tanpa-tipe", ctype=None),  # sniffed as HTML
        _page(url="https://www.wartacontoh.co.id/teks", body=b"bukan html", ctype=None),
    ]
    items = list(read_path(write_warc(tmp_path / "campur.warc.gz", pages, gz=True)))
    assert [i.data["url"] for i in items] == [URL, "https://www.wartacontoh.co.id/tanpa-tipe"]


def test_ingest_warc_without_html_is_one_error(tmp_path):
    path = write_warc(tmp_path / "gambar.warc", [_page(body=b"GIF89a", ctype="image/gif")], gz=False)
    (item,) = list(read_path(path))
    assert item.name == str(path) and item.error == "archive holds no HTML response records"


def test_ingest_warc_decodes_charset_from_header_or_meta(tmp_path):
    latin = "<html><body><p>Kafe di Cikini menjual crème brûlée seharga Rp 45.000.</p></body></html>"
    meta = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
            "</head><body><p>Kafe menjual crème brûlée.</p></body></html>")
    pages = [
        _page(url="https://a.id/1", body=latin.encode("latin-1"), ctype="text/html; charset=ISO-8859-1"),
        _page(url="https://a.id/2", body=meta.encode("cp1252"), ctype="text/html"),
    ]
    first, second = list(read_path(write_warc(tmp_path / "kode.warc", pages, gz=False)))
    assert first.data["html"] == latin
    assert second.data["html"] == meta


def test_ingest_warc_undecodable_body_is_error_naming_page(tmp_path):
    pages = [_page(url="https://a.id/rusak", body=b"<html><p>Kafe \xff\xfe rusak</p></html>"), _page()]
    bad, good = list(read_path(write_warc(tmp_path / "rusak.warc.gz", pages, gz=True)))
    assert bad.data is None and "https://a.id/rusak" in bad.name
    assert "not utf-8 text (byte" in bad.error
    assert good.data["url"] == URL


@pytest.mark.parametrize("body, content_type, codec", [
    (b"<html>", "text/html; charset=UTF-8", "utf-8"),
    (b"<html>", "text/html; charset=\"iso-8859-1\"", "cp1252"),  # as browsers do
    (b'<html><head><meta charset="gbk">', "text/html", "gbk"),
    (b"\xef\xbb\xbf<html>", "text/html; charset=iso-8859-1", "utf-8-sig"),  # the BOM wins
    (b"<html>", "text/html; charset=tidak-ada", "utf-8"),  # unknown label
    (b"<html>", "text/html; charset=base64", "utf-8"),  # a codec, but not for text
    (b"<html>", "", "utf-8"),
])
def test_ingest_warc_body_charset(body, content_type, codec):
    assert body_charset(body, content_type) == codec


def test_ingest_warc_not_a_warc_is_one_error(tmp_path):
    path = tmp_path / "palsu.warc"
    path.write_bytes(b"ini bukan arsip web\n" * 5)
    (item,) = list(read_path(path))
    assert item.name == str(path) and item.error.startswith("not a WARC archive")


def test_ingest_warc_broken_record_after_good_ones_is_error(tmp_path):
    path = write_warc(tmp_path / "putus.warc", [_page()], gz=False)
    with open(path, "ab") as f:
        f.write(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: nol\r\n\r\nsampah")
    good, bad = list(read_path(path))
    assert good.data["url"] == URL
    assert bad.name == f"{path}#record-4" and bad.error.startswith("broken WARC record")


def test_ingest_warc_truncated_gzip_keeps_pages_before_the_break(tmp_path):
    path = write_warc(tmp_path / "potong.warc.gz", [_page(), _page(url="https://a.id/dua")], gz=True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 200])
    items = list(read_path(path))
    assert items[0].data["url"] == URL
    assert items[-1].data is None and "record" in items[-1].name


def test_ingest_warc_record_without_target_uri_is_error(tmp_path):
    # warcio itself trips over such a record (AttributeError); the reader must not.
    path = write_warc(tmp_path / "tanpa-uri.warc", [_page(), _page(url="https://a.id/dua")], gz=False)
    data = path.read_bytes()
    second_request = data.index(b"WARC-Target-URI: https://a.id/dua")
    path.write_bytes(data[:second_request] + b"WARC-Target-UXI" + data[second_request + 15:])
    good, bad = list(read_path(path))
    assert good.data["url"] == URL
    assert bad.name == f"{path}#record-4" and bad.error.startswith("broken WARC record")


def test_ingest_warc_other_gz_files_are_refused(tmp_path):
    path = tmp_path / "berita.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "Berita."}\n'))
    (item,) = list(read_path(path))
    assert "unknown input type '.gz'" in item.error


def test_ingest_warc_cli_extract_end_to_end(tmp_path):
    pages = [_page(), _page(url="https://www.wartacontoh.co.id/logo.png", body=b"\x89PNG", ctype="image/png")]
    path = write_warc(tmp_path / "crawl.warc.gz", pages, gz=True)
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["extract", str(path), "-o", str(out)])
    assert res.exit_code == 0, res.output
    (rec,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert_kabar1(rec)
    assert rec["url"] == URL and rec["source"] == "wartacontoh.co.id" and rec["id"] == url_id(URL)
    assert rec["text"].startswith("Jakarta - Menteri Pekerjaan Umum Budi Santoso meresmikan")
    assert "Hak cipta" not in rec["text"] and "Beranda" not in rec["text"]
    assert rec["published"].startswith("2025-02-03")  # from the page, not the crawl date
    assert rec["title"].startswith("Bendungan Cibeureum Diresmikan")


def test_ingest_warc_page_with_wrong_length_is_error(tmp_path):
    path = write_warc(tmp_path / "salah.warc", [_page(), _page(url="https://a.id/dua")], gz=False)
    data = path.read_bytes()
    lengths = list(re.finditer(rb"Content-Length: (\d+)", data))
    first_page = lengths[2]  # warcinfo, request, response
    short = str(int(first_page.group(1)) - 100).encode()
    path.write_bytes(data[:first_page.start(1)] + short + data[first_page.end(1):])
    items = list(read_path(path))
    assert all(i.data is None for i in items)  # the cut page is not handed out
    assert items[0].name.startswith(f"{path}#record-3") and "Content-Length" in items[0].error

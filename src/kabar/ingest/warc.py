"""Web archives (WARC): one input object per archived HTML page.

A crawl keeps every fetched page as a ``response`` record. We read the HTML
ones with warcio and hand each body on as ``html`` with its URL; requests,
images, redirects and error pages are no articles and are passed over.
The WARC-Date is when the page was crawled, not when it was published, so it
is left out: the HTML cleaner takes the date from the page itself.
"""
from __future__ import annotations

import codecs
import contextlib
import hashlib
import io
import re
from pathlib import Path
from typing import IO, Iterator

from .feeds import site_host
from .readers import Item, register_reader

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
# <meta charset="..."> and <meta http-equiv="Content-Type" content="text/html; charset=...">
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
# Browsers look for the meta charset within the first 1024 bytes; be a little more lenient.
_META_WINDOW = 4096
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# warcio finds a wrong Content-Length only when the next record does not start where it said.
_MISFRAMED = "broken WARC record: its Content-Length does not match where the next record starts"


@register_reader(".warc", ".warc.gz")
def read_warc(path: Path) -> Iterator[Item]:
    """One item per HTML response in a ``.warc`` or ``.warc.gz`` file."""
    try:
        stream = open(path, "rb")
    except OSError as exc:
        yield Item(str(path), error=exc.strerror or str(exc))
        return
    with stream:
        yield from read_warc_stream(stream, str(path))


def read_warc_stream(stream: IO[bytes], name: str) -> Iterator[Item]:
    """Items from a WARC byte stream (plain or gzipped); ``name`` labels them ``name#record-n``.

    A page is handed out only once the record after it has started cleanly: a wrong
    Content-Length shows only there, and then the page is an error instead.
    """
    pending: Item | None = None  # always the item of record n - 1
    pages = 0
    for n, record, problem in _records(stream):
        if problem is _MISFRAMED:
            misframed = Item(pending.name if pending else f"{name}#record-{n - 1}", error=_MISFRAMED)
            pending = None
            yield misframed
        if pending is not None:
            yield pending
            pending = None
        if problem is not None and problem is not _MISFRAMED:
            yield _broken(name, n, problem)
            return
        pending = record_item(record, f"{name}#record-{n}") if record is not None else None
        pages += pending is not None
    if pending is not None:
        yield pending
    if pages == 0:
        yield Item(name, error="archive holds no HTML response records")


def _records(stream: IO[bytes]):
    """(n, record, problem) per record; problem is _MISFRAMED (for record n-1) or an exception that ends it."""
    from warcio.archiveiterator import ArchiveIterator

    archive = ArchiveIterator(stream)
    records = iter(archive)
    n = 0
    while True:
        n += 1
        seen = archive.err_count
        try:
            # warcio prints its framing warnings to stderr itself; they come back as problems here.
            with contextlib.redirect_stderr(io.StringIO()):
                record = next(records)
        except StopIteration:
            if archive.err_count > seen:
                yield n, None, _MISFRAMED
            return
        except Exception as exc:  # noqa: BLE001
            # On a damaged archive warcio raises whatever its parsing runs into: ArchiveLoadFailed,
            # zlib.error, EOFError, but also AttributeError on a record without a URI.
            if archive.err_count > seen:
                yield n, None, _MISFRAMED
            yield n, None, exc
            return
        yield n, record, _MISFRAMED if archive.err_count > seen else None


def _broken(name: str, n: int, exc: BaseException) -> Item:
    # The stream has lost its place: nothing after this record can be found.
    if n == 1:
        return Item(name, error=f"not a WARC archive: {_first_line(exc)}")
    return Item(f"{name}#record-{n}", error=f"broken WARC record, rest of the archive unread: {_first_line(exc)}")


def record_item(record, name: str) -> Item | None:
    """The input object of one HTML response record, an error item, or None for any other record."""
    if record.rec_type != "response" or record.http_headers is None:
        return None  # requests, metadata, revisits, DNS lookups
    if not (record.http_headers.get_statuscode() or "").startswith("2"):
        return None  # redirects and error pages are no articles
    content_type = record.http_headers.get_header("Content-Type") or ""
    if content_type and not _is_html_type(content_type):
        return None
    url = target_uri(record)
    where = f"{name} ({url})" if url else name
    try:
        body = record.content_stream().read()  # undoes chunking and gzip/brotli transfer
    except Exception as exc:  # noqa: BLE001  damaged chunking or compression, as above
        return Item(where, error=f"unreadable response body: {_first_line(exc)}")
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0:
        return Item(where, error=f"truncated WARC record: its body ends {missing} bytes early")
    if not content_type and not _looks_like_html(body):
        return None
    charset = body_charset(body, content_type)
    try:
        page = body.decode(charset)
    except UnicodeDecodeError as exc:
        return Item(where, error=f"response body is not {charset} text (byte {exc.start}: "
                                 f"{body[exc.start:exc.start + 1]!r}); page skipped rather than "
                                 f"decoded with replacement characters")
    return Item(where, {"html": page, "id": url_id(url), "url": url, "source": site_host(url),
                        "title": None, "published": None})


def target_uri(record) -> str | None:
    """WARC-Target-URI; WARC 1.0 writers may wrap it in angle brackets."""
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>").strip()
    return uri or None


def url_id(url: str | None) -> str | None:
    """A stable id for a page: the same URL gives the same id in every run and archive."""
    if not url:
        return None
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def body_charset(body: bytes, content_type: str) -> str:
    """The codec of a page: its byte-order mark, the HTTP header, a meta tag, else UTF-8."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return codec
    m = _HEADER_CHARSET.search(content_type)
    label = m.group(1) if m else None
    if label is None:
        m = _META_CHARSET.search(body[:_META_WINDOW])
        label = m.group(1).decode("ascii", "replace") if m else None
    if not label:
        return "utf-8"
    try:
        codec = codecs.lookup(label).name
        b"a".decode(codec, "ignore")  # "base64" names a codec, but none for text: LookupError
    except LookupError:
        return "utf-8"
    # As browsers do (WHATWG Encoding): pages labelled Latin-1 or ASCII are Windows-1252.
    return "cp1252" if codec in ("iso8859-1", "latin-1", "ascii") else codec


def _is_html_type(content_type: str) -> bool:
    return content_type.split(";", 1)[0].strip().lower() in _HTML_TYPES


def _looks_like_html(body: bytes) -> bool:
    head = body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]

"""One reader per source format, registered in ``READERS`` by file suffix."""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..document import Document
from ..pipeline import new_document, run


class InputError(ValueError):
    """An input that cannot become an article; the message says why."""


@dataclass
class Item:
    name: str                 # what to call the input in messages: a path, "path:line", "<stdin>:3"
    data: dict | None = None  # the input object
    error: str | None = None  # why it was skipped


Reader = Callable[[Path], Iterator[Item]]
# The CLI's help for INPUT arguments, shared by every command that reads inputs.
INPUT_HELP = ("A .txt or .html file, a .jsonl file of input objects, an RSS/Atom feed (.rss, .atom, .xml), "
              "a web archive (.warc, .warc.gz), a directory (walked), or - for JSONL on stdin.")
READERS: dict[str, Reader] = {}


def register_reader(*suffixes: str):
    def wrap(fn: Reader) -> Reader:
        for s in suffixes:
            READERS[s.lower()] = fn
        return fn
    return wrap


def _read_text_file(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start}: {data[exc.start:exc.start + 1]!r})") from None


def _file_item(path: Path, key: str) -> Iterator[Item]:
    try:
        content = _read_text_file(path)
    except (OSError, InputError) as exc:
        yield Item(str(path), error=_reason(exc))
        return
    if not content.strip():
        yield Item(str(path), error="empty file")
        return
    yield Item(str(path), {key: content, "id": path.stem})


@register_reader(".txt", ".text")
def read_txt(path: Path) -> Iterator[Item]:
    yield from _file_item(path, "text")


@register_reader(".html", ".htm", ".xhtml")
def read_html(path: Path) -> Iterator[Item]:
    yield from _file_item(path, "html")


def read_jsonl_lines(lines: Iterable[str], name: str) -> Iterator[Item]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Item(where, error=f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(obj, dict):
            yield Item(where, error=f"expected a JSON object, found {type(obj).__name__}")
            continue
        yield Item(where, obj)


@register_reader(".jsonl", ".ndjson")
def read_jsonl(path: Path) -> Iterator[Item]:
    try:
        f = open(path, encoding="utf-8-sig")
    except OSError as exc:
        yield Item(str(path), error=_reason(exc))
        return
    with f:
        try:
            yield from read_jsonl_lines(f, str(path))
        except UnicodeDecodeError as exc:
            yield Item(str(path), error=f"not UTF-8 text: {exc.reason}")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


def reader_for(path: Path) -> Reader | None:
    """The reader for a path's suffix; a double suffix (".warc.gz") wins over the last one."""
    double = "".join(path.suffixes[-2:]).lower()
    return READERS.get(double) or READERS.get(path.suffix.lower())


def read_path(path: Path) -> Iterator[Item]:
    if path.is_dir():
        found = False
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            reader = reader_for(child)
            if reader is not None:
                found = True
                yield from reader(child)
        if not found:
            yield Item(str(path), error="directory holds no readable input (" + ", ".join(sorted(READERS)) + ")")
        return
    if not path.exists():
        yield Item(str(path), error="no such file or directory")
        return
    reader = reader_for(path)
    if reader is None:
        yield Item(str(path), error=f"unknown input type {path.suffix or '(no suffix)'!r}; "
                                    f"expected one of {', '.join(sorted(READERS))}")
        return
    yield from reader(path)


def read_inputs(inputs: Iterable[str], stdin=None) -> Iterator[Item]:
    """Items from each INPUT in order: a file, a directory (walked), or '-' (JSONL on stdin)."""
    for name in inputs:
        if name == "-":
            yield from read_jsonl_lines(stdin or sys.stdin, "<stdin>")
        else:
            yield from read_path(Path(name))


def to_document(obj: dict, *, published=None) -> Document:
    """Analyse one input object; ``published`` fills in where the object has none.

    Raises InputError for an object that holds no article.
    """
    return run(prepare_document(obj, published=published))


def prepare_document(obj: dict, *, published=None) -> Document:
    """The unanalysed Document for one input object (HTML already extracted).

    Raises InputError for an object that holds no article.
    """
    text = obj.get("text")
    html = obj.get("html")
    title = obj.get("title")
    if text is None and html is not None:
        if not isinstance(html, str):
            raise InputError("'html' must be a string")
        from .html import extract_html

        page = extract_html(html)
        text = page.text
        title = title or page.title
        published = obj.get("published") or page.published or published
    if text is None:
        raise InputError("input object has neither 'text' nor 'html'")
    if not isinstance(text, str):
        raise InputError(f"'text' must be a string, not {type(text).__name__}")
    if not text.strip():
        raise InputError("empty article text")
    pub = obj.get("published") or published
    doc_id = obj.get("id")
    return new_document(text, published=pub, source=obj.get("source"), url=obj.get("url"),
                        id=str(doc_id) if doc_id is not None else None, title=title)

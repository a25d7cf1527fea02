"""Ingest across processes: workers analyse, the parent alone writes.

Each article is stored in its own transaction, so a crash or ``kill -9``
leaves every stored article whole; a rerun skips what is stored (by input
hash, before any analysis) and finishes the job. Workers die with the parent
(``PR_SET_PDEATHSIG`` on Linux) so a killed ingest leaves no orphans.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
from dataclasses import dataclass, field
from itertools import islice
from typing import Callable, Iterable, Iterator

from ..document import SpanError, check_spans
from ..ingest import Item
from .local import analyze_items
from ..store import Store, input_hash
from ..store.write import WriteResult

ANALYSE, SKIP, FAIL = "analyse", "skip", "fail"


@dataclass
class Result:
    name: str
    status: str                       # added / replaced / unchanged / failed
    input_hash: str = ""
    record: dict | None = None
    raw: str = ""
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class Stats:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0

    @property
    def seen(self) -> int:
        return self.added + self.replaced + self.unchanged + self.failed


_published = None


def _init_published(published) -> None:
    global _published
    _published = published


def _init_worker(published) -> None:
    _init_published(published)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and ends the pool
    try:  # die with the parent, even on kill -9, instead of lingering
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def analyse_task(task: tuple) -> Result:
    """Analyse one input object (in a worker); never raises for a bad article."""
    kind, name, payload, ihash = task
    if kind == SKIP:
        return Result(name, WriteResult.UNCHANGED.value, ihash)
    if kind == FAIL:
        return Result(name, "failed", error=payload)
    try:
        outcome = next(analyze_items([Item(name, payload)], published=_published))
        if outcome.error:
            return Result(name, "failed", error=outcome.error)
        record = outcome.doc.to_dict()
        check_spans(record)
    except SpanError as exc:
        return Result(name, "failed", error=f"invalid span: {exc}")
    except Exception as exc:  # one bad article must not stop a batch of thousands
        return Result(name, "failed", error=f"{type(exc).__name__}: {exc}")
    return Result(name, "analysed", ihash, record, outcome.doc.raw, warnings=list(outcome.doc.warnings))


def plan(items: Iterable[Item], store: Store, chunk: int = 200) -> Iterator[tuple]:
    """Tasks for the workers; inputs already stored become SKIP without analysis."""
    items = iter(items)
    while batch := list(islice(items, chunk)):
        hashes = {id(it): input_hash(it.data) for it in batch if not it.error}
        known = store.known_hashes(list(hashes.values()))
        for it in batch:
            if it.error:
                yield (FAIL, it.name, it.error, "")
            elif hashes[id(it)] in known:
                yield (SKIP, it.name, None, hashes[id(it)])
            else:
                yield (ANALYSE, it.name, it.data, hashes[id(it)])


def analyse_all(tasks: Iterable[tuple], workers: int, published=None) -> Iterator[Result]:
    """Results in input order, from ``workers`` processes (or this one when workers <= 1)."""
    if workers <= 1:
        _init_published(published)
        yield from map(analyse_task, tasks)
        return
    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    pool = ctx.Pool(workers, initializer=_init_worker, initargs=(published,))
    try:
        yield from pool.imap(analyse_task, tasks, chunksize=4)
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def ingest(items: Iterable[Item], store: Store, *, workers: int = 1, published=None,
           on_result: Callable[[Result], None] | None = None) -> Stats:
    """Analyse and store every item; a bad one is counted as failed and reported, never fatal."""
    stats = Stats()
    for result in analyse_all(plan(items, store), workers, published):
        if result.status == "analysed":
            try:
                result.status = store.write(result.record, raw=result.raw,
                                            input_hash=result.input_hash).value
            except Exception as exc:  # e.g. a value the database refuses; the rest goes on
                result.status, result.error = "failed", f"not stored: {type(exc).__name__}: {exc}"
        setattr(stats, result.status, getattr(stats, result.status) + 1)
        if on_result:
            on_result(result)
    return stats

"""A progress bar on stderr (rich), silent when stderr is not a terminal."""
from __future__ import annotations

import sys
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn


@contextmanager
def progress_bar(description: str, total: int | None = None, *, enabled: bool | None = None):
    """Yield an ``advance()`` callable; the bar shows only on an interactive stderr."""
    console = Console(stderr=True)
    if enabled is None:
        enabled = sys.stderr.isatty()
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
    with Progress(*columns, console=console, disable=not enabled, transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda n=1: bar.advance(task, n)

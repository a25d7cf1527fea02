"""The ordered stages and ``analyze()``.

One Document flows one way through ``STAGES``; each stage reads the fields in
its ``REQUIRES`` and writes those in its ``ASSIGNS``. The order is checked
when the module loads, so a stage moved ahead of what it needs fails at
import, not on the thousandth article.
"""
from __future__ import annotations

from types import ModuleType

from .document import Document
from .published import parse_published
from .stages import clean, entities, events, figures, quotes, sentences, times

# figures before quotes: the quotes stage gives each figure its claimant.
STAGES: list[ModuleType] = [clean, sentences, entities, figures, times, quotes, events]
INPUT_FIELDS = ("raw", "published")


class StageError(RuntimeError):
    """A stage failed on one document; names both so a batch can report and move on."""

    def __init__(self, stage: str, doc_id: str | None, cause: BaseException):
        super().__init__(f"stage {stage!r} failed on {doc_id or 'document'}: "
                         f"{type(cause).__name__}: {cause}")
        self.stage, self.doc_id, self.cause = stage, doc_id, cause


def stage_name(stage: ModuleType) -> str:
    return stage.__name__.rsplit(".", 1)[-1]


def check_order(stages: list[ModuleType]) -> None:
    available = set(INPUT_FIELDS)
    for stage in stages:
        missing = [f for f in stage.REQUIRES if f not in available]
        if missing:
            raise RuntimeError(f"stage {stage_name(stage)!r} requires {missing}, "
                               f"which no earlier stage assigns")
        available.update(stage.ASSIGNS)


check_order(STAGES)


def run(doc: Document, stages: list[ModuleType] = STAGES) -> Document:
    for stage in stages:
        try:
            doc = stage.run(doc)
        except Exception as exc:  # wrapped so the batch can name the stage and the article
            raise StageError(stage_name(stage), doc.id, exc) from exc
    doc.ensure_id()
    return doc


def run_many(docs: list[Document], stages: list[ModuleType] = STAGES) -> list[Document | StageError]:
    """``run`` over many documents, in order; a document that fails becomes its StageError.

    A stage with ``run_many`` (entities: one tagger call for every sentence)
    takes the documents still going together; should that call fail, the
    stage runs them one by one so only the document at fault is lost.
    """
    out: list[Document | StageError] = list(docs)
    for stage in stages:
        live = [i for i, d in enumerate(out) if isinstance(d, Document)]
        batch = getattr(stage, "run_many", None)
        if batch is not None and len(live) > 1:
            try:
                for i, doc in zip(live, batch([out[i] for i in live])):
                    out[i] = doc
                continue
            except Exception:  # find the culprit one document at a time below
                pass
        for i in live:
            try:
                out[i] = stage.run(out[i])
            except Exception as exc:
                out[i] = StageError(stage_name(stage), out[i].id, exc)
                out[i].__cause__ = exc
    for d in out:
        if isinstance(d, Document):
            d.ensure_id()
    return out


def new_document(text: str, *, published=None, source: str | None = None, url: str | None = None,
                 id: str | None = None, title: str | None = None) -> Document:
    """The Document ``analyze`` starts from, before any stage has run."""
    if not isinstance(text, str):
        raise TypeError(f"analyze() needs the article text as str, not {type(text).__name__}")
    iso, warning = parse_published(published)
    doc = Document(text="", raw=text, id=id, url=url, source=source, title=title, published=iso)
    if warning:
        doc.warnings.append(warning)
    return doc


def analyze(text: str, *, published=None, source: str | None = None, url: str | None = None,
            id: str | None = None, title: str | None = None) -> Document:
    """Analyse one article's raw text; ``published`` anchors relative dates.

    ``published`` may be a date, a datetime or a string in an outlet's own
    form ("Kamis, 12 Feb 2026 14:44"); one that cannot be read becomes a
    warning and is treated as missing.
    """
    return run(new_document(text, published=published, source=source, url=url, id=id, title=title))

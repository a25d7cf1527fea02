"""HTML pages: the article found with trafilatura, then cleaned like text."""
from __future__ import annotations

from dataclasses import dataclass

from .readers import InputError


@dataclass
class Page:
    text: str
    title: str | None = None
    published: str | None = None


def extract_html(html: str) -> Page:
    """The article body of an HTML page, one paragraph per line.

    Raises InputError when the page holds no article.
    """
    import trafilatura

    if not html.strip():
        raise InputError("empty HTML page")
    result = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                         favor_precision=True, with_metadata=True)
    if result is None:
        raise InputError("no article found in the HTML page")
    as_dict = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = as_dict.get("text") or ""
    if not text.strip():
        raise InputError("no article found in the HTML page")
    return Page(text=text, title=as_dict.get("title"), published=as_dict.get("date"))

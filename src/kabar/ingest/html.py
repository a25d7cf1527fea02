"""HTML pages: the article found with trafilatura, then cleaned like text.

News pages wrap the article in related-story teasers, "Headline" widgets,
share bars and copyright footers. We first prune the elements whose tag,
class or id say they are such furniture (and the "Baca juga" paragraphs inside
the article), then let trafilatura find the article in what is left, and
hand the cleaner one paragraph per line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .readers import InputError

# Tags that never hold article text.
_DROP_TAGS = ("script", "style", "noscript", "nav", "footer", "header", "aside", "form", "iframe",
              "button", "figure", "figcaption", "svg", "select", "template")
# class/id words of page furniture: teasers, widgets, share bars, ads, footers.
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:related|relate|recommend\w*|terkait|baca-?juga|read-?also|also-?read|more-?news|"
    r"popular|populer|terpopuler|trending|terkini|latest|headline-?list|card-\d+|sidebar|side-?bar|"
    r"widget|share|sharing|social|sosmed|ads?|advert\w*|iklan|banner|promo|sponsor\w*|copyright|"
    r"comments?|komentar|footer|navbar|nav|menu|breadcrumbs?|tags?|topics?|newsletter|subscribe|"
    r"ext-channel|info-author|author-box|video-?list|gallery-?list|sticky\w*|modal|popup)(?:$|[\s_-])",
    re.I)
_RELATED_TEXT = re.compile(r"^\s*(?:baca|lihat|simak|tonton)(?:\s+juga)?\s*:", re.I)
_PARAGRAPHS = ("p", "h2", "h3", "h4", "li", "blockquote", "pre")
# Fewer characters of paragraphs than this on a page is no article.
MIN_ARTICLE = 200
# Shorter <p> are captions, bylines and buttons; they do not decide where the article is.
MIN_PARAGRAPH = 25


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
    from lxml import etree, html as lxml_html

    if not html.strip():
        raise InputError("empty HTML page")
    try:
        tree = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"unreadable HTML page: {exc}") from None
    meta = trafilatura.extract_metadata(tree)
    prune(tree)
    text = _container_text(tree)
    if not text:
        result = trafilatura.bare_extraction(tree, include_comments=False, include_tables=False,
                                             favor_precision=True, with_metadata=False)
        as_dict = {} if result is None else (result.as_dict() if hasattr(result, "as_dict") else dict(result))
        text = _one_paragraph_per_line(as_dict.get("text") or "")
    if not text:
        raise InputError("no article found in the HTML page")
    title = getattr(meta, "title", None) if meta is not None else None
    published = getattr(meta, "date", None) if meta is not None else None
    return Page(text=text, title=title, published=published)


def prune(tree) -> None:
    """Remove page furniture from an lxml tree, in place."""
    doomed = []
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in _DROP_TAGS or _is_furniture(el) or _is_related_paragraph(el):
            doomed.append(el)
    for el in doomed:
        parent = el.getparent()
        if parent is not None and el.tag != "html" and el.tag != "body":
            _drop_keep_tail(el, parent)


def _is_furniture(el) -> bool:
    if el.tag in ("html", "body", "article", "main"):
        return False
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    return bool(names.strip()) and _FURNITURE.search(names) is not None


def _is_related_paragraph(el) -> bool:
    """A "Baca juga: <link>" paragraph inside the article body."""
    if el.tag not in ("p", "div", "strong", "span", "li", "h4", "h5"):
        return False
    text = el.text_content()
    return len(text) < 300 and _RELATED_TEXT.match(text) is not None and el.find(".//a") is not None


def _drop_keep_tail(el, parent) -> None:
    """Remove ``el`` but keep the text that follows it inside the parent."""
    tail = el.tail
    prev = el.getprevious()
    parent.remove(el)
    if tail and tail.strip():
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _container_text(tree) -> str:
    """The paragraphs of the element holding the most paragraph text, one per line.

    News pages keep the article's paragraphs as siblings in one container; the
    teasers around it are short and scattered. "" when no container holds
    enough text to be an article (trafilatura then decides).
    """
    scores: dict = {}
    total = 0
    for p in tree.iter("p"):
        n = len(p.text_content().strip())
        if n < MIN_PARAGRAPH:
            continue
        total += n
        parent = p.getparent()
        if parent is None:
            continue
        # A paragraph counts fully for its container and half for the one above, so an
        # article split into two blocks (around an ad) is still found whole.
        scores[parent] = scores.get(parent, 0) + n
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + n / 2
    if total < MIN_ARTICLE or not scores:
        return ""
    best = max(scores, key=scores.get)
    lines = []
    for el in best.iter(*_PARAGRAPHS):
        if any(a.tag in _PARAGRAPHS for a in el.iterancestors() if a is not best and _inside(a, best)):
            continue  # nested inside a paragraph already taken
        line = re.sub(r"\s+", " ", el.text_content()).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


def _inside(el, container) -> bool:
    return any(a is container for a in el.iterancestors())


def _one_paragraph_per_line(text: str) -> str:
    lines = (re.sub(r"[^\S\n]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)

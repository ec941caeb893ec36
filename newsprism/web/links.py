"""URLs the pages link to: built from ids and numbers only, every part quoted."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from newsprism.render.story.view import Links

__all__ = ["WEB_LINKS", "article_href", "outlet_href", "person_href", "safe_external", "story_href"]


def story_href(story_id: str) -> str:
    return f"/stories/{quote(story_id, safe='')}"


def article_href(article_id: str, start: int | None = None, end: int | None = None) -> str:
    base = f"/articles/{quote(article_id, safe='')}"
    if start is None or end is None:
        return base
    return f"{base}?{urlencode({'span': f'{int(start)}-{int(end)}'})}#s-{int(start)}-{int(end)}"


def person_href(name: str) -> str:
    return f"/people/{quote(name, safe='')}"


def outlet_href(name: str) -> str:
    return f"/outlets/{quote(name, safe='')}"


def safe_external(url: str | None) -> str | None:
    """``url`` when it is a plain http(s) address, else None (never a ``javascript:`` link)."""
    if not url:
        return None
    lowered = url.strip().lower()
    if not lowered.startswith(("http://", "https://")) or any(c in url for c in "\"'<> \t\r\n\\"):
        return None
    return url.strip()


WEB_LINKS = Links(article=article_href, person=person_href)

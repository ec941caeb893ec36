"""Words for readers: short outlet labels and plain-language names for internal terms."""

from __future__ import annotations

__all__ = ["how_found", "method_words", "short_labels"]

SHORT_MAX = 14  # characters a matrix column header can hold without squeezing its cells

_METHOD_PARTS = {
    "syntactic-subject": "the subject of a speech verb",
    "syntactic-subject+relative": "the subject of a speech verb (through 'who')",
    "according-to": "an 'according to' phrase",
    "continuation": "carried over from the previous quote",
    "colon": "the name before a colon",
    "dash": "the name after a dash",
    "pronoun": "a pronoun resolved to the last person named",
    "nominal": "a description ('the spokeswoman') resolved to a name",
    "document": "the article's author",
    "outlets": "other outlets name the same speaker",
    "relative": "a relative clause",
    "act": "read as a speech act ('called for', 'vowed to')",
}

_FIELD_SOURCES = {
    "html-meta": "the page's meta tags",
    "json-field": "a field of the JSON record",
    "text-date-line": "a date line in the text",
    "text-published-line": "a “Published:” line in the text",
    "photo-caption": "the date in a photo caption",
    "url": "the date in the URL",
    "text-mention": "the latest date the article itself writes (published on or after it)",
    # Stores written before text-mention replaced it may still hold this source.
    "inferred": "inferred from the dates of the other articles read with it",
    "htmldate": "the page's markup (htmldate)",
}


def method_words(method: str | None) -> str:
    """How a quote's speaker was found, in plain language (``syntactic-subject+pronoun`` → …)."""
    if not method:
        return "unknown"
    if method in _METHOD_PARTS:
        return _METHOD_PARTS[method]
    first, *rest = method.split("+")
    words = [_METHOD_PARTS.get(first, first.replace("-", " "))]
    words += ["then " + _METHOD_PARTS.get(part, part.replace("-", " ")) for part in rest]
    return ", ".join(words)


def how_found(source: str | None) -> str:
    """Where a metadata field (publication date) was found, in plain language."""
    if not source:
        return "not found"
    return _FIELD_SOURCES.get(source, source.replace("-", " "))


def _short(name: str) -> str:
    words = name.split()
    if words and words[0].lower() == "the" and len(words) > 1:
        words = words[1:]
    short = " ".join(words)
    if len(short) <= SHORT_MAX:
        return short
    initials = "".join(w[0] for w in words if w[:1].isalnum()).upper()
    return initials if len(initials) >= 2 else short[: SHORT_MAX - 1] + "…"


def short_labels(names: list[str]) -> dict[str, str]:
    """A short label for each name (initials for long ones), unique among ``names``."""
    out: dict[str, str] = {}
    used: dict[str, int] = {}
    for name in dict.fromkeys(names):
        label = _short(name)
        used[label] = used.get(label, 0) + 1
        out[name] = label if used[label] == 1 else f"{label}{used[label]}"
    return out


# For a text file: which removed line shows where a metadata field came from.
_EVIDENCE = {
    "title": ("title",),
    "author": ("byline",),
    "outlet": ("slogan or site name", "copyright notice"),
    "url": ("URL line",),
    "published": ("date line",),
    "credits": ("credit line",),
}
_BY_FORMAT = {
    "json": "a field of the JSON record (or, when it had none, the text)",
    "html": "the page's metadata (title and meta tags; the site name for the outlet)",
}


def field_sources(article: dict) -> list[dict[str, str]]:
    """Each metadata field of an article (``article_json``) with where it was found, in words."""
    out = []
    for field, reasons in _EVIDENCE.items():
        value = article.get(field)
        if field == "credits":
            value = ", ".join(value or [])
        if not value:
            out.append({"field": field, "value": "", "how": "not found"})
            continue
        lines = [r["text"].strip() for r in article.get("removed", []) if r["reason"] in reasons]
        if field == "published" and article.get("published_source"):
            how = how_found(article["published_source"])
        elif article.get("format") in _BY_FORMAT:
            how = _BY_FORMAT[article["format"]]
        elif field == "outlet" and not lines and article.get("url"):
            how = "the host of the article's URL"
        else:
            how = "the text" if not lines else "a line of the text"
        if lines:
            how += f": “{' '.join(lines[0].split())[:120]}”"
        out.append({"field": field, "value": str(value), "how": how})
    return out

"""newsprism: read one news story through many outlets.

The public API (what the README shows)::

    import newsprism
    batch = newsprism.load_articles(["examples/harbour-fire"])
    report = newsprism.build_report(newsprism.analyze_articles(batch.articles, rejections=batch.rejections))

Names here never shadow a subpackage (``newsprism.ingest`` stays the package; the function that
reads into a store is :func:`newsprism.analyze.ingest`).
"""

from typing import TYPE_CHECKING

from newsprism.version import __version__

if TYPE_CHECKING:
    from newsprism.analysis import Analysis
    from newsprism.analyze import Batch, analyze_articles, iter_articles, load_articles
    from newsprism.brief.report import build_report
    from newsprism.errors import (
        InputError,
        ModelMissingError,
        NewsprismError,
        NotFoundError,
        SettingsError,
        StoreError,
        StoryStateError,
    )
    from newsprism.model import Article, Quote, Rejection, Span, Story
    from newsprism.render import render_html, render_markdown, render_terminal
    from newsprism.settings import Settings, load_settings
    from newsprism.store import Store
    from newsprism.stories import cluster

# Each public name is imported on first use (PEP 562), so `newsprism --help` and light commands
# do not pay for scipy, spaCy, onnxruntime and trafilatura (cold start, issue 14).
_EXPORTS = {
    "Analysis": "newsprism.analysis",
    "Article": "newsprism.model",
    "Batch": "newsprism.analyze",
    "InputError": "newsprism.errors",
    "ModelMissingError": "newsprism.errors",
    "NewsprismError": "newsprism.errors",
    "NotFoundError": "newsprism.errors",
    "Quote": "newsprism.model",
    "Rejection": "newsprism.model",
    "Settings": "newsprism.settings",
    "SettingsError": "newsprism.errors",
    "Span": "newsprism.model",
    "Store": "newsprism.store",
    "StoreError": "newsprism.errors",
    "Story": "newsprism.model",
    "StoryStateError": "newsprism.errors",
    "analyze_articles": "newsprism.analyze",
    "build_report": "newsprism.brief.report",
    "cluster": "newsprism.stories",
    "iter_articles": "newsprism.analyze",
    "load_articles": "newsprism.analyze",
    "load_settings": "newsprism.settings",
    "render_html": "newsprism.render",
    "render_markdown": "newsprism.render",
    "render_terminal": "newsprism.render",
}

__all__ = [
    "Analysis",
    "Article",
    "Batch",
    "InputError",
    "ModelMissingError",
    "NewsprismError",
    "NotFoundError",
    "Quote",
    "Rejection",
    "Settings",
    "SettingsError",
    "Span",
    "Store",
    "StoreError",
    "Story",
    "StoryStateError",
    "__version__",
    "analyze_articles",
    "build_report",
    "cluster",
    "iter_articles",
    "load_articles",
    "load_settings",
    "render_html",
    "render_markdown",
    "render_terminal",
]


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newsprism' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

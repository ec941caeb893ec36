"""newsprism: read one news story through many outlets.

The public API (what the README shows)::

    import newsprism
    batch = newsprism.load_articles(["examples/harbour-fire"])
    report = newsprism.build_report(newsprism.analyze_articles(batch.articles, rejections=batch.rejections))

Names here never shadow a subpackage (``newsprism.ingest`` stays the package; the function that
reads into a store is :func:`newsprism.analyze.ingest`).
"""

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
from newsprism.version import __version__

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

"""Renderers: the report dict as terminal text, Markdown, JSON and self-contained HTML."""

from newsprism.render import brief_html, brief_text  # noqa: F401  (register the brief's sections)
from newsprism.render import quotes as _quotes
from newsprism.render.html import HTML_SECTIONS, render_html
from newsprism.render.markdown import MD_SECTIONS, render_markdown
from newsprism.render.terminal import TERM_SECTIONS, render_terminal

# Section renderers that live in their own modules register here, in report order.
MD_SECTIONS.append(_quotes.md_quotes)
TERM_SECTIONS.append(_quotes.term_quotes)
HTML_SECTIONS.append(_quotes.html_quotes)

__all__ = ["render_html", "render_markdown", "render_terminal"]

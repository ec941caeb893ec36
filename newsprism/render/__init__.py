"""Renderers: the report dict as terminal text, Markdown, JSON and self-contained HTML."""

from newsprism.render import brief_html, brief_text  # noqa: F401  (register the brief's sections)
from newsprism.render.html import render_html
from newsprism.render.markdown import render_markdown
from newsprism.render.terminal import render_terminal

__all__ = ["render_html", "render_markdown", "render_terminal"]

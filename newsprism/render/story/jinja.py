"""The Jinja environment both the web app and the HTML report render with.

Every template auto-escapes; every printed value loses its control characters (terminal
escapes and the like), since article text is untrusted.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from newsprism.version import __version__

__all__ = ["stylesheet", "story_env"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _no_controls(value: Any) -> Any:
    """Markup (a macro's output) was built from values that already passed through here."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return _CONTROL.sub("", value)
    return value


def story_env(*loaders: BaseLoader) -> Environment:
    """An environment over ``loaders`` (searched first) and the shared story templates."""
    env = Environment(
        loader=ChoiceLoader([*loaders, PackageLoader("newsprism.render.story", "templates")]),
        autoescape=True,  # every template, whatever its name
        finalize=_no_controls,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    return env


def stylesheet() -> str:
    """The one stylesheet of the web app and the HTML report."""
    return resources.files("newsprism.render.story").joinpath("templates", "newsprism.css").read_text("utf-8")

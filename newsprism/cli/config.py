"""``newsprism config``: the settings in force."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from newsprism.cli.common import dump
from newsprism.cli.output import add_output, emit

if TYPE_CHECKING:
    from newsprism.settings import Settings

__all__ = ["add_config", "run_config"]


def add_config(s: argparse.ArgumentParser) -> None:
    add_output(s, ("json", "text"))


def _text(data: dict[str, dict[str, Any]]) -> str:
    out = []
    for section, values in data.items():
        out.append(f"[{section}]")
        out.extend(f"{key} = {json.dumps(value)}" for key, value in values.items())
        out.append("")
    return "\n".join(out) + "\n"


def run_config(args: argparse.Namespace, settings: Settings) -> int:
    emit(args, settings.to_dict(), {"json": dump, "text": _text})
    return 0

"""What every command shares: the command record, the common flags, printing helpers."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprism.settings import Settings

__all__ = ["Command", "Handler", "common_parser", "dump", "exit_code", "warn_rejections", "write"]

Handler = Callable[[argparse.Namespace, Settings], int]


@dataclass(frozen=True)
class Command:
    """One subcommand: its name, one-line help, how it adds its arguments, what it runs."""

    name: str
    help: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Handler


def common_parser() -> argparse.ArgumentParser:
    """The flags every command takes."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    common.add_argument("--traceback", action="store_true", help="show the stack on errors")
    common.add_argument("--config", help="settings file (TOML); default ./newsprism.toml if present")
    common.add_argument(
        "--set", action="append", default=[], metavar="SECTION.FIELD=VALUE", help="override a setting"
    )
    common.add_argument("-v", "--verbose", action="store_true", help="log what each stage does")
    return common


def warn_rejections(rejections: Iterable[Any]) -> None:
    for rej in rejections:
        print(f"newsprism: {rej.line()}", file=sys.stderr)


def write(path: str, text: str) -> None:
    if path == "-":
        sys.stdout.write(text)
    else:
        Path(path).write_text(text, encoding="utf-8")


def dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def exit_code(n_read: int, n_rejected: int) -> int:
    """0 when every input was read, 1 when some failed, 2 when none could be read."""
    if not n_read:
        print("newsprism: no article could be read", file=sys.stderr)
        return 2 if not n_rejected else 1
    return 1 if n_rejected else 0

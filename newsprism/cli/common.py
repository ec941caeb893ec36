"""What every command shares: the command record, the common flags, printing helpers."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprism.errors import SettingsError
from newsprism.termsafe import escape_controls, one_line

if TYPE_CHECKING:
    from newsprism.ingest.manifest import Given
    from newsprism.settings import Settings

__all__ = [
    "Command",
    "Handler",
    "add_inputs",
    "common_parser",
    "dump",
    "given_from_args",
    "input_paths",
    "no_input",
    "warn_rejections",
]

Handler = Callable[[argparse.Namespace, "Settings"], int]


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
        print(f"newsprism: {one_line(rej.line())}", file=sys.stderr)


def dump(data: Any) -> str:
    # C1 controls and bidi marks pass json.dumps raw: written as \\u escapes they are inert.
    return escape_controls(json.dumps(data, ensure_ascii=False, indent=2), keep="\n") + "\n"


def add_inputs(
    p: argparse.ArgumentParser, nargs: str = "+", paths_help: str = "files, directories, globs or - for stdin"
) -> None:
    """Input paths, and metadata given for them (flags for one file, a manifest for many)."""
    p.add_argument("paths", nargs=nargs, metavar="PATHS", help=paths_help)
    meta = p.add_argument_group("metadata given for the inputs (wins over what is found in them)")
    meta.add_argument("--outlet", help="outlet of the one input file")
    meta.add_argument("--published", metavar="YYYY-MM-DD", help="publication date of the one input file")
    meta.add_argument("--url", help="URL of the one input file")
    meta.add_argument("--author", help="author of the one input file")
    meta.add_argument(
        "--manifest", metavar="FILE", help="CSV or JSON Lines with path, outlet, published, url, author"
    )


def given_from_args(args: argparse.Namespace) -> dict[str, Given]:
    """The metadata given on the command line: the manifest's rows, then the one-file flags."""
    # Imported here: the readers (and the cleaner behind them) are not needed for --help.
    from newsprism.ingest.manifest import Given, given_key, read_manifest

    given = read_manifest(args.manifest) if getattr(args, "manifest", None) else {}
    flags = {f: getattr(args, f, None) for f in ("outlet", "published", "url", "author")}
    if any(flags.values()):
        paths = list(args.paths)
        if len(paths) != 1 or paths[0] == "-" or not Path(paths[0]).is_file():
            used = ", ".join(f"--{f}" for f, v in flags.items() if v)
            raise SettingsError(
                f"{used} describe one input file", "give one file, or a --manifest for several"
            )
        given[given_key(paths[0])] = Given(**flags, source="command line")
    return given


def input_paths(args: argparse.Namespace) -> list[str]:
    """Everything the command reads: input paths, the database, the manifest, the settings file."""
    found = list(getattr(args, "paths", None) or [])
    found += [getattr(args, k) for k in ("db", "manifest", "config") if getattr(args, k, None)]
    return found


def no_input(rejections: Iterable[Any]) -> int:
    """Nothing could be read: the errors, one line each, and exit 2 (a failed run)."""
    warn_rejections(rejections)
    print("newsprism: error: no article could be read", file=sys.stderr)
    return 2

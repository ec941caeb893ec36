"""``newsprism config``: the settings in force."""

from __future__ import annotations

import argparse
import json
import sys

from newsprism.cli.common import dump
from newsprism.settings import Settings

__all__ = ["add_config", "run_config"]


def add_config(s: argparse.ArgumentParser) -> None:
    s.add_argument("--json", action="store_true")


def run_config(args: argparse.Namespace, settings: Settings) -> int:
    data = settings.to_dict()
    if args.json:
        sys.stdout.write(dump(data))
        return 0
    for section, values in data.items():
        print(f"[{section}]")
        for key, value in values.items():
            print(f"{key} = {json.dumps(value)}")
        print()
    return 0

"""The command line: thin modules, one per noun, and one command table (:mod:`newsprism.cli.main`).

Each command parses its flags, calls the library and prints; nothing registers itself on import.
"""

from newsprism.cli.main import COMMANDS, main

__all__ = ["COMMANDS", "main"]

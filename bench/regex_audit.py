"""Time every regular expression of the package on adversarial 100 kB lines (issue 15).

    PYTHONPATH=. python bench/regex_audit.py [--limit 2] > audit.jsonl

Patterns are collected from module attributes (also inside tuples, dicts, classes and the
package's own objects) and from literal patterns passed to ``re.*`` calls in the source. Each
runs (``finditer`` over the whole line, then a failing ``search``) on about 60 kinds of long
line (one character or word repeated, runs of spaces, dots, quote marks, brackets, hyphenated
words ...), each also ending in ".", " x" and a newline, in a forked process; a line that takes
over ``--limit`` seconds is reported as hung. Lines print as JSON for the patterns with a
line over 0.25 s. A flag is a lead, not a verdict: many patterns only ever see short
strings (a byline name, a 200-character junk line) or run anchored (``match``), where the
whole-line search measured here does not happen; docs/results/robustness.md triages them.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import json
import os
import pkgutil
import re
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import newsprism  # noqa: E402

PACKAGE = Path(newsprism.__file__).parent
N = 100_000
PIECES = {
    "a": "a", "space": " ", "word": "word ", "Word": "Word ", "digit": "1", "digit_sp": "1 ",
    "digit_comma": "1,", "dq": '"', "said_q": 'said "a ', "dot": ".", "dash": "-", "copy": "(c) ",
    "photo": "Photo: ", "initial": "A. ", "mr": "Mr. ", "curly": "\u201c", "curly2": "\u201ca \u201d",
    "date": "January 1, ", "monday": "on Monday ", "said": " said ", "apos": "'s ", "url": "http://",
    "www": "www.a", "name_said": "John Smith said ", "caps": "A B ", "paren": "(", "close": ")",
    "emdash": "\u2014 ", "dotted": "1.2.", "time": "12:00 ", "credit": "Photo by Ann Lee / Reuters ",
    "nl": "\n", "nl_word": "word\n", "colon": "a: ", "comma": ", ", "the": "the ", "Cap_dot": "Ab. ",
    "hyphen_word": "a-b-", "at": "@a", "num_unit": "12 per cent ", "year": "2024 ", "x_dq": 'a"',
    "sq": "'", "nbsp": "\u00a0", "pipe": "| ", "amp": "&amp;", "lt": "<a", "slash": "/", "bslash": "\\",
    "star": "* ", "By": "By ", "Updated": "Updated ", "ago": "2 days ago ", "AM": "10 a.m. ",
    "guillemet": "\u00aba ", "legal": " Co", "sent": "Crew 1 worked. ",
}  # fmt: skip


def _lines() -> dict[str, str]:
    out = {}
    for name, piece in PIECES.items():
        line = (piece * (N // len(piece) + 1))[:N]
        out[name] = line
        out[name + "+."] = line[:-2] + "."
        out[name + "+x"] = line[:-2] + " x"
        out[name + "+nl"] = line[:-2] + "a\n"
    return out


def _walk(obj: object, where: str, found: dict, depth: int = 0) -> None:
    if depth > 3:
        return
    if isinstance(obj, re.Pattern):
        found.setdefault((obj.pattern, obj.flags), where)
    elif isinstance(obj, dict):
        for value in obj.values():
            _walk(value, where, found, depth + 1)
    elif isinstance(obj, list | tuple | set | frozenset):
        for value in obj:
            _walk(value, where, found, depth + 1)
    elif isinstance(obj, type) or (type(obj).__module__.startswith("newsprism") and hasattr(obj, "__dict__")):
        for key, value in vars(obj).items():
            _walk(value, f"{where}.{key}", found, depth + 1)


def collect() -> dict[tuple[str, int], str]:
    """(pattern, flags) -> where it was found."""
    found: dict[tuple[str, int], str] = {}
    for info in pkgutil.walk_packages([str(PACKAGE)], "newsprism."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for key, value in vars(module).items():
            _walk(value, f"{info.name}.{key}", found)
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if not (isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args):
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                with_flags = re.compile(arg.value)
                where = f"{path.relative_to(PACKAGE)}:{node.lineno}"
                found.setdefault((with_flags.pattern, with_flags.flags), where)
    return found


def _run(pattern: re.Pattern, names: list[str], lines: dict[str, str], out: int) -> None:
    for name in names:
        start = time.perf_counter()
        for _ in pattern.finditer(lines[name]):
            pass
        pattern.search(lines[name][:-1] + "\x00")
        os.write(out, (json.dumps([name, time.perf_counter() - start]) + "\n").encode())


def _one_child(
    pattern: re.Pattern, names: list[str], lines: dict[str, str], limit: float
) -> tuple[dict, bool]:
    """Times reported by a forked child; False when it stalled past ``limit`` on one line."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            _run(pattern, names, lines, write)
        finally:
            os._exit(0)
    os.close(write)
    os.set_blocking(read, False)
    buf, last, done = b"", time.monotonic(), False
    while time.monotonic() - last < limit:
        try:
            chunk = os.read(read, 65536)
        except BlockingIOError:
            time.sleep(0.005)
            continue
        if not chunk:
            done = True
            break
        buf, last = buf + chunk, time.monotonic()
    if not done:
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(read)
    return dict(json.loads(x) for x in buf.decode().splitlines()), done


def audit(pattern: re.Pattern, lines: dict[str, str], limit: float) -> tuple[dict[str, float], list[str]]:
    names, times, hung = list(lines), {}, []
    while names:
        got, done = _one_child(pattern, names, lines, limit)
        times.update(got)
        names = [n for n in names if n not in times]
        if done or not names:
            break
        hung.append(names.pop(0))  # the line it stalled on; go on with the next
    return times, hung


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--limit", type=float, default=2.0, help="seconds on one line that count as a hang")
    args = parser.parse_args()
    lines, patterns = _lines(), collect()
    flagged = 0
    for (text, flags), where in sorted(patterns.items(), key=lambda kv: kv[1]):
        times, hung = audit(re.compile(text, flags), lines, args.limit)
        slow = {k: round(v, 2) for k, v in times.items() if v > 0.25}
        if slow or hung:
            flagged += 1
            print(json.dumps({"where": where, "pattern": text[:160], "hung": hung, "slow": slow}), flush=True)
    print(f"{len(patterns)} patterns, {len(lines)} lines each, {flagged} flagged", file=sys.stderr)


if __name__ == "__main__":
    main()

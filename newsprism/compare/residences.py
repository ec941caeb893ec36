"""Where a named person lives, as news copy writes it after the name: "Ada Lee Morrow, 36, of
Carrowmere,", "Bo Vell, of East Dunmore, said".

One person's home town told two ways is a contradiction (issue 16 item 4). Only the comma-bounded
form is read: "of" after the name and its age, or after a comma, is the home town by the
convention of crime and court copy; "Ada Morrow of the state police" or "Ada Morrow of Vessia
Bank" without the comma is an employer as often as a town. A state after the town ("of
Carrowmere, Vess.,") is left out of the value: one town told with and without its state is one.
"""

from __future__ import annotations

import re

from newsprism.quotes.names import TITLE_WORDS

__all__ = ["homes", "homes_apart"]

_CAP = r"[A-Z][a-z][\w'’-]*"
# "Ada Lee Morrow, 36, of Carrowmere," / "Ada Morrow, of Carrowmere," / "Ada Morrow, 36, of East
# Dunmore." (given names and a surname, an initial between; the town one to three capitalised words)
_HOME = re.compile(
    rf"\b(?P<name>{_CAP}(?:\s+(?:[A-Z]\.|{_CAP})){{1,3}}),\s+(?:(?P<age>\d{{1,3}}),\s+)?of\s+"
    rf"(?P<town>(?:St\.\s+)?{_CAP}(?:\s+{_CAP}){{0,2}})(?=\s*[,.;)]|\s+(?:was|is|has|had|who|and|when|said)\b)"
)
# Words of a body, not a town: "Ada Morrow, of Vessia Bank," works there
_BODY = frozenset(
    """bank company corp corporation inc group party police department university college school
    hospital church council committee association union office agency institute foundation center
    centre club news times post press journal herald tribune county""".split()  # noqa: SIM905
)
# "Bo Vell, 23, of Tarn Street, Dunmore,": an address, whose street is no town
_STREET = frozenset(
    "street st road rd avenue ave lane drive boulevard way close place court terrace crescent".split()  # noqa: SIM905
)

Home = tuple[str, str, str, int, int]  # surname, "town|given names", shown, start, end


def homes(text: str) -> list[Home]:
    """(surname, "town|given names", shown, start, end) of each named person's home town the
    sentence gives in the comma-bounded form."""
    out: list[Home] = []
    for m in _HOME.finditer(text):
        town = m.group("town")
        if {w.lower().rstrip(".") for w in town.split()} & _BODY or town.split()[-1].lower() in _STREET:
            continue
        names = [w for w in m.group("name").split() if not w.endswith(".") and w.lower() not in TITLE_WORDS]
        if len(names) < 2:
            continue  # "Mr Vell, of Carrowmere,": a surname alone is the article's to resolve
        surname, given = names[-1].lower(), " ".join(w.lower() for w in names[:-1])
        out.append((surname, f"{town.lower()}|{given}", f"of {town}", m.start("town") - 3, m.end("town")))
    return out


def homes_apart(a: str, b: str) -> bool:
    """Two home towns ("town|given names") of one person: a given name in common (its first three
    letters: Tony / Anthony are not, Dave / David are), the towns different."""
    (town_a, given_a), (town_b, given_b) = a.split("|"), b.split("|")
    one = {w[:3] for w in given_a.split()} & {w[:3] for w in given_b.split()}
    return bool(one) and town_a != town_b

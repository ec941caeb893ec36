"""A generated multi-story corpus (JSON Lines and text files) for the Spark tests and bench.

Each story is one made-up event (a town, a kind of incident, officials, counts, a date) told
by several outlets in their own words and layouts, with quotes that outlets repeat, trim or
alter: enough for stories, quote groups and a ledger. All names are drawn from syllables by
a seeded generator, so the corpus is the same on every run and names nothing real.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

__all__ = ["Event", "events", "write_corpus"]

_SYLLABLES = [
    "ka",
    "lo",
    "mer",
    "vin",
    "dal",
    "tor",
    "sen",
    "bri",
    "qua",
    "fen",
    "hol",
    "ost",
    "rud",
    "gar",
    "nel",
    "pim",
    "zor",
    "wex",
    "lun",
    "tab",
]
_INCIDENTS = [
    ("fire", "destroyed", "warehouse", "firefighters"),
    ("flood", "swamped", "school", "rescuers"),
    ("explosion", "wrecked", "factory", "engineers"),
    ("collapse", "flattened", "bridge", "inspectors"),
    ("derailment", "blocked", "station", "railway crews"),
    ("landslide", "buried", "road", "soldiers"),
]
_OUTLETS = [
    "The Daily Ledger",
    "Morning Courier",
    "Harbor Times",
    "Valley Post",
    "Wire Service",
    "City Herald",
]


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


@dataclass(frozen=True)
class Event:
    town: str
    incident: tuple[str, str, str, str]
    official: str
    witness: str
    hurt: int
    homes: int
    day: date


def events(n: int, seed: int = 7) -> list[Event]:
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    return [
        Event(
            town=f"{_name(rng)}{_name(rng, 1).lower()}",
            incident=_INCIDENTS[i % len(_INCIDENTS)],
            official=f"{_name(rng)} {_name(rng)}",
            witness=f"{_name(rng)} {_name(rng, 3)}",
            hurt=rng.randint(3, 90),
            homes=rng.randint(20, 400),
            day=start + timedelta(days=rng.randint(0, 700)),
        )
        for i in range(n)
    ]


def _article(ev: Event, k: int, rng: random.Random) -> dict[str, str]:
    kind, verb, site, crews = ev.incident
    outlet = _OUTLETS[k % len(_OUTLETS)]
    weekday = ev.day.strftime("%A")
    lead = [
        f"A {kind} {verb} a {site} in {ev.town} on {weekday}, injuring {ev.hurt} people, officials said.",
        f"{ev.hurt} people were hurt when a {kind} {verb} a {site} in {ev.town} on {weekday}.",
        f"{crews.capitalize()} in {ev.town} worked through the night after a {kind} {verb} a {site}.",
    ][k % 3]
    quote = ["We are doing everything we can to help the families", "Everyone has been accounted for"][k % 2]
    trimmed = "doing everything we can" if k % 4 == 3 else quote
    body = [
        lead,
        f'"{trimmed}," said {ev.official}, the mayor of {ev.town}.',
        f"About {ev.homes} homes near the {site} were evacuated as a precaution.",
        f'{ev.witness}, who lives nearby, said: "I heard a roar and then the lights went out."',
        f"{crews.capitalize()} said the cause of the {kind} was not yet known.",
    ]
    if k % 3 == 1:
        body.append(f"{ev.official} said an inquiry into the {kind} would begin next week.")
    if k % 5 == 4:
        body.append(f"Some reports put the number of injured at {ev.hurt + 7}.")
    rng.shuffle(body[2:])
    return {
        "title": f"{kind.capitalize()} at {ev.town} {site}: {ev.hurt} hurt"
        + ("" if k % 2 else f" ({outlet})"),
        "outlet": outlet,
        "published": (ev.day + timedelta(days=k % 2)).isoformat(),
        "url": f"https://{outlet.lower().replace(' ', '-')}.example/{ev.town.lower()}-{kind}-{k}",
        "text": "\n\n".join(body),
    }


def write_corpus(root: Path, n_events: int, per_event: int, seed: int = 7, per_file: int = 25) -> list[Path]:
    """Write ``n_events`` x ``per_event`` articles under ``root``: JSON Lines files of
    ``per_file`` articles, and every seventh article as a plain text file. Returns the files."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    lines, files = [], []
    for e, ev in enumerate(events(n_events, seed)):
        for k in range(per_event):
            art = _article(ev, k, rng)
            if (e * per_event + k) % 7 == 6:
                path = root / f"story{e:05d}-{k}.txt"
                path.write_text(f"{art['title']}\n\n{art['text']}\n", encoding="utf-8")
                files.append(path)
            else:
                lines.append(json.dumps(art))
    for i in range(0, len(lines), per_file):
        path = root / f"feed{i // per_file:05d}.jsonl"
        path.write_text("\n".join(lines[i : i + per_file]) + "\n", encoding="utf-8")
        files.append(path)
    return files

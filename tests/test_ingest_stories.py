"""Story features computed in ingest's readers: the stories and the store come out as before."""

import json
import sqlite3

from newsprism.analyze import assign_ingested, ingest
from newsprism.settings import Settings, load_settings
from newsprism.store import Store
from newsprism.stories.persist import assign_stories, unassigned_articles

EVENTS = [
    (
        "Ferry Marlowe runs aground off Quenby Point",
        "The ferry Marlowe ran aground off Quenby Point on Tuesday with 212 passengers aboard, "
        "the Quenby coastguard said. Captain Ilse Varga ordered the lifeboats lowered.",
    ),
    (
        "Dornvale council votes to close the Ashgrove library",
        "Dornvale council voted 7 to 4 to close the Ashgrove library, councillor Petra Hollis said. "
        "Readers in Ashgrove will be sent to the Dornvale central branch.",
    ),
    (
        "Wildfire near Sellin Ridge forces evacuation of 900 homes",
        "A wildfire near Sellin Ridge forced the evacuation of 900 homes, the Sellin fire service said. "
        "Chief Oren Batty said crews from Kestwick were on their way.",
    ),
]
OUTLETS = ["Quayside Herald", "Morning Lantern", "Valley Courier"]


def _text(event: int, outlet: int, day: int) -> tuple[str, str]:
    title, body = EVENTS[event]
    return title, f"{body}\n\nReported by the {OUTLETS[outlet]} desk on day {day} of the month."


def _corpus(folder):
    """Text, HTML and JSON Lines files about three fictional events, one file a byte copy."""
    folder.mkdir()
    for i in range(24):
        event, outlet = i % 3, i % 2
        title, text = _text(event, outlet, i)
        date = f"2021-03-{1 + i % 9:02d}"
        if i % 4 == 0:
            html = (
                f"<html><head><title>{title}</title><meta name='date' content='{date}'></head><body>"
                f"<article><h1>{title}</h1>"
                + "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
                + "</article></body></html>"
            )
            (folder / f"{i:03d}.html").write_text(html)
        else:
            (folder / f"{i:03d}.txt").write_text(f"{title}\n\n{text}\n")
    rows = [
        {"title": _text(e, 2, 30 + e)[0], "text": _text(e, 2, 30 + e)[1], "outlet": OUTLETS[2]}
        for e in range(3)
    ]
    (folder / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (folder / "copy.txt").write_bytes((folder / "001.txt").read_bytes())


def _settings(workers: int) -> Settings:
    return load_settings(
        None, [f"ingest.workers={workers}", "ingest.parallel_min=2", "ingest.commit_every=5"]
    )


def _rows(db) -> dict[str, list]:
    conn = sqlite3.connect(db)
    out = {}
    for table, skip in [("articles", {"ingested_at"}), ("story_members", set()), ("stories", {"updated_at"})]:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in skip]
        out[table] = sorted(conn.execute(f"SELECT {','.join(cols)} FROM {table}").fetchall())
    conn.close()
    return out


def _ingest_new(db, folder, settings):
    with Store(db) as store:
        batch = ingest(store, [str(folder)], settings, stories=True)
        assigned = assign_ingested(store, batch, settings)
    return batch, assigned


def test_one_or_two_workers_give_the_same_stories_ids_and_rows(tmp_path):
    _corpus(tmp_path / "in")
    one, _ = _ingest_new(tmp_path / "one.db", tmp_path / "in", _settings(1))
    two, assigned = _ingest_new(tmp_path / "two.db", tmp_path / "in", _settings(2))
    rows = _rows(tmp_path / "one.db")
    assert rows == _rows(tmp_path / "two.db")
    assert len(rows["articles"]) == 27 and len(rows["story_members"]) == 27
    assert 3 <= len(rows["stories"]) < 27  # the events were grouped, not one story an article
    assert set(one.features) == set(two.features) == {r[0] for r in rows["articles"]}
    assert len(assigned) == 27


def test_features_from_the_readers_give_what_reading_the_store_back_gives(tmp_path):
    _corpus(tmp_path / "in")
    _ingest_new(tmp_path / "new.db", tmp_path / "in", _settings(2))
    settings = _settings(2)
    with Store(tmp_path / "old.db") as store:
        batch = ingest(store, [str(tmp_path / "in")], settings)
        assert batch.features == {}  # nobody asked for stories
        assign_stories(store, unassigned_articles(store), settings.stories)
    assert _rows(tmp_path / "new.db") == _rows(tmp_path / "old.db")


def test_articles_stored_before_are_read_back_and_only_new_ones_use_shipped_features(tmp_path):
    _corpus(tmp_path / "in")
    settings = _settings(2)
    with Store(tmp_path / "a.db") as store:
        first = ingest(store, [str(tmp_path / "in" / "000.html"), str(tmp_path / "in" / "001.txt")], settings)
        # stored without stories (as by an older version): the next ingest must assign them too
        batch = ingest(store, [str(tmp_path / "in")], settings, stories=True)
        assigned = assign_ingested(store, batch, settings)
    assert {a.id for a in first.articles}.isdisjoint(batch.features)
    assert len(batch.features) == 25 and len(assigned) == 27

"""Stored briefs: ``newsprism briefs DB`` keeps every story's brief, and the people and outlet
pages read them without computing anything."""

from __future__ import annotations

import shutil
from urllib.parse import quote

import pytest
from starlette.testclient import TestClient

from newsprism.cli.main import main
from newsprism.settings import Settings
from newsprism.store import Store
from newsprism.store.briefs import BriefTables, settings_key
from newsprism.web import ReportCache, create_app


def _never(store, story_id):
    raise AssertionError(f"computed the brief of {story_id} instead of reading the stored one")


@pytest.fixture(scope="module")
def briefed(site, tmp_path_factory):
    """A copy of the web tests' store after ``newsprism briefs``, and that command's exit code."""
    db = tmp_path_factory.mktemp("briefs") / "news.db"
    shutil.copy(site.db, db)
    return db, main(["briefs", str(db), "-q"])


def test_briefs_stores_every_story_once(briefed, capsys):
    db, code = briefed
    assert code == 0
    key = settings_key(Settings().to_dict())
    with Store(db, read_only=True) as store:
        tables = BriefTables(store.conn, key)
        assert len(tables.current_ids()) == store.count("stories") == 2
        assert tables.stale_ids() == []
    assert main(["briefs", str(db), "--json", "-q"]) == 0  # nothing left to do
    assert '"analysed": []' in capsys.readouterr().out


def test_people_and_outlet_pages_read_stored_briefs_only(briefed):
    db, _ = briefed
    client = TestClient(create_app(db, ReportCache(_never), allowed_hosts=["testserver"]))
    people = client.get("/api/people").json()
    assert people["coverage"]["analysed"] == 2 and people["coverage"]["pending"] == 0
    assert "Maren Holloway" in [p["name"] for p in people["people"]]
    person = client.get("/api/people/" + quote("Maren Holloway")).json()
    assert person["stories"] and person["stories"][0]["quotes"]
    assert client.get("/api/people/Holloway").json()["aliases"]  # the surname is indexed too
    outlet = client.get("/api/outlets/" + quote("Meridian Post")).json()
    assert outlet["profile"]["stories"] == 1 and outlet["profile"]["articles"] == 1
    quotes = client.get("/api/search", params={"q": "speaker:Holloway"}).json()["quotes"]
    assert quotes and all(x["speaker"] == "Maren Holloway" for x in quotes)  # the stored quote index
    story = client.get("/api/stories").json()["stories"][0]["id"]
    assert client.get(f"/api/stories/{story}/report").json()["speakers"]  # the story page too


def test_a_brief_stops_being_current_when_its_story_grows_or_settings_change(briefed, tmp_path):
    db = tmp_path / "news.db"
    shutil.copy(briefed[0], db)
    key = settings_key(Settings().to_dict())
    with Store(db) as store:
        tables = BriefTables(store.conn, key)
        story = tables.current_ids()[0]
        assert tables.get(story) is not None
        assert BriefTables(store.conn, settings_key({"other": 1})).get(story) is None
        store.conn.execute("UPDATE stories SET size = size + 1 WHERE id = ?", (story,))
        assert tables.get(story) is None and story in tables.stale_ids()
        tables.put(story, 99, {"speakers": []})  # replacing a brief drops its old speaker index
        assert (
            store.conn.execute("SELECT count(*) FROM brief_speakers WHERE story_id = ?", (story,)).fetchone()[
                0
            ]
            == 0
        )


def test_a_story_that_fails_is_one_line_and_the_others_are_stored(site, tmp_path, monkeypatch, capsys):
    import newsprism.analyze as analyze

    db = tmp_path / "news.db"
    shutil.copy(site.db, db)
    real = analyze.analyze_articles

    def flaky(articles, *args, **kwargs):
        if any(a.id == site.hostile_article for a in articles):
            raise ValueError("model exploded")
        return real(articles, *args, **kwargs)

    monkeypatch.setattr(analyze, "analyze_articles", flaky)
    assert main(["briefs", str(db), "-q"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and site.hostile_story in err[0] and "model exploded" in err[0]
    with Store(db, read_only=True) as store:
        assert BriefTables(store.conn, settings_key(Settings().to_dict())).current_ids() == [
            site.example_story
        ]

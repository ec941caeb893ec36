"""The lazy, store-backed index that `newsprism ingest` uses must equal the fully loaded one."""

import sqlite3

import pytest

from newsprism.settings import StorySettings
from newsprism.store import Store
from newsprism.stories import StoryIndex, extract_features, story_id_for
from newsprism.stories.lazy import StoredDict, open_index
from newsprism.stories.persist import assign_stories, load_index
from tests.stories_fixtures import FIRE_A, TAIWAN_A, TAIWAN_B, TURKEY_A, TURKEY_B, TURKEY_C, article

TEMPLATES = (
    "A {kind} hit {city} on Monday and {n} people were affected, {person} of the {org} said. "
    "Teams from the {org} reached {city} by nightfall.",
    "Officials in {city} said the {kind} affected {n} residents. {person} described the damage "
    "and the {org} opened shelters across {city}.",
    "{n} residents of {city} were affected by the {kind}, the {org} reported. {person} asked for "
    "calm while the {org} assessed {city}.",
)
# Two events of each kind (siblings), each told by several outlets over a few days.
EVENTS = (
    ("flood", "Lyon", "Claire Martin", "Rhone Water Agency", "1,200", "2024-03-01"),
    ("flood", "Porto", "Rui Costa", "Douro River Authority", "640", "2024-03-02"),
    ("wildfire", "Oslo", "Ingrid Berg", "Nordic Forest Service", "85", "2024-07-10"),
    ("wildfire", "Quito", "Luis Andrade", "Andes Fire Brigade", "310", "2024-07-11"),
    ("landslide", "Nagano", "Kenji Sato", "Alpine Road Office", "47", "2024-09-20"),
)


def _event_articles():
    arts = []
    for e, (kind, city, person, org, n, day) in enumerate(EVENTS):
        for t, template in enumerate(TEMPLATES):
            text = template.format(kind=kind, city=city, person=person, org=org, n=n)
            published = f"{day[:-2]}{int(day[-2:]) + t:02d}"
            arts.append(article(text, published, f"outlet{(e + t) % 4}", path=f"ev{e}-{t}.txt"))
    return arts


def _batches():
    """Four batches; later ones carry new members of stories opened earlier, and one repeat."""
    ev = _event_articles()
    quakes = [
        article(TURKEY_A, "2023-02-06", "Reuters"),
        article(TAIWAN_A, "2024-04-03", "AP"),
        article(TURKEY_B, "2023-02-07", "BBC"),
        article(FIRE_A, None, "AFP"),
        article(TAIWAN_B, "2024-04-03", "CNA"),
        article(TURKEY_C, "2023-02-08", "DW"),
    ]
    return [
        [quakes[0], quakes[1], ev[0], ev[3], ev[6]],
        [quakes[2], ev[1], ev[4], ev[9], ev[12], quakes[3]],
        [ev[7], ev[10], ev[13], quakes[4], ev[2], quakes[0]],  # quakes[0] is already in a story
        [ev[5], ev[8], ev[11], ev[14], quakes[5]],
    ]


SMALL = StorySettings(max_postings=2, max_candidates=3, centroid_terms=12, vector_terms=16, block_keys=4)


def _store(batches, path=":memory:"):
    store = Store(path)
    store.add_articles([a for batch in batches for a in batch])
    return store


def _dump(store, ranks=True):
    """The story tables (``ranks=False``: each posting list as its order only)."""
    q = store.conn.execute
    postings = "SELECT feature, story_id, rank" if ranks else "SELECT feature, story_id"
    return {
        "stories": [
            tuple(r)
            for r in q(
                "SELECT id, title, founded_by, size, outlets_json, first_published, last_published,"
                " centroid_json FROM stories ORDER BY id"
            )
        ],
        "members": [
            tuple(r)
            for r in q("SELECT article_id, story_id, seq, score, vector_json FROM story_members ORDER BY 1")
        ],
        "df": [tuple(r) for r in q("SELECT feature, df FROM story_df ORDER BY feature")],
        "postings": [tuple(r) for r in q(postings + " FROM story_postings ORDER BY feature, rank")],
        "meta": [tuple(r) for r in q("SELECT key, value FROM story_meta ORDER BY key")],
    }


def _full(store, batch, settings):
    """What `ingest` did before the lazy index: load everything, add, write back."""
    return assign_stories(store, batch, settings, index=load_index(store, settings))


@pytest.mark.parametrize("settings", [StorySettings(), SMALL], ids=["default", "small-caps"])
def test_lazy_ingest_equals_full_load_and_memory(settings):
    batches = _batches()
    lazy, full, memory = _store(batches), _store(batches), StoryIndex(settings)
    joined_old = 0
    for batch in batches:
        stored_before = {r[0] for r in lazy.conn.execute("SELECT id FROM stories")}
        got = assign_stories(lazy, batch, settings)
        assert got == _full(full, batch, settings)  # same ids, assignments and scores
        assert _dump(lazy) == _dump(full)
        expected = memory.add(batch)
        assert [(a.article_id, a.story_id, a.opened) for a in got] == [
            (a.article_id, a.story_id, a.opened) for a in expected
        ]
        assert [a.score for a in got] == pytest.approx([a.score for a in expected])
        joined_old += sum(a.story_id in stored_before for a in got)
    assert joined_old >= 5  # later batches joined stories stored by earlier ones
    assert len(_dump(lazy)["stories"]) == len(memory)
    assert load_index(lazy, settings).to_state()["postings"] == memory.to_state()["postings"]


def test_store_written_before_the_lazy_index_is_read_the_same(tmp_path):
    """A store written by the code before the lazy index (same schema; posting ranks
    0..n-1 per feature, rewritten whole) goes on exactly as a store written by this code."""
    batches = _batches()
    old = str(tmp_path / "old.db")
    reference = _store(batches)
    with _store(batches, old) as store:
        for batch in batches[:2]:
            _full(store, batch, SMALL)
            _full(reference, batch, SMALL)
        store.conn.execute(
            "UPDATE story_postings SET rank = (SELECT count(*) FROM story_postings p"
            " WHERE p.feature = story_postings.feature AND p.rank < story_postings.rank)"
        )
        assert store.conn.execute("SELECT max(rank) FROM story_postings").fetchone()[0] == 1
    with Store(old) as store:
        for batch in batches[2:]:
            assert assign_stories(store, batch, SMALL) == _full(reference, batch, SMALL)
            assert _dump(store, ranks=False) == _dump(reference, ranks=False)


def test_a_batch_rewrites_only_the_postings_that_moved():
    batches = _batches()
    store = _store(batches)
    for batch in batches[:3]:
        assign_stories(store, batch, SMALL)
    (n_before,) = store.conn.execute(
        "SELECT CAST(value AS INT) FROM story_meta WHERE key='n_docs'"
    ).fetchone()
    before = set(_dump(store)["postings"])
    assign_stories(store, batches[3], SMALL)
    after = set(_dump(store)["postings"])
    assert after - before and all(rank > n_before for _, _, rank in after - before)
    kept = {(f, s) for f, s, _ in after}
    # Rows that left were dropped off a full list or re-ranked; untouched rows keep their rank.
    assert all((f, s) not in kept or (f, s, r) not in after for f, s, r in before - after)
    assert len(after - before) <= len(batches[3]) * (SMALL.block_keys * 2)


def test_a_batch_reads_only_its_own_features_postings_and_candidates():
    batches = _batches()
    store = _store(batches)
    for batch in batches:
        assign_stories(store, batch)
    stored = {r[0] for r in store.conn.execute("SELECT id FROM stories")}
    features = extract_features([article(TURKEY_C + " Aid arrived on Friday.", "2023-02-10")], "fast")
    index = open_index(store.conn)
    (assignment,) = index.add_features(features)
    keys = set(features[0].counts)
    df, postings = index.df.df.cached(), index.blocker.postings.cached()
    assert set(df) <= keys and set(postings) <= keys
    named = set()
    for feature in postings:
        named |= {
            r[0]
            for r in store.conn.execute("SELECT story_id FROM story_postings WHERE feature=?", (feature,))
        }
    read = set(index.profiles.cached()) & stored
    assert assignment.story_id in read and read <= named
    assert len(read) < len(stored)  # the unrelated stories were never read


def test_stored_dict_fetches_once_and_refuses_listing():
    calls = []

    def fetch(keys):
        calls.append(list(keys))
        return {k: k.upper() for k in keys if k != "missing"}

    view = StoredDict(fetch, "things")
    view.prefetch(["a", "b", "missing"])
    assert view["a"] == "A" and view.get("missing", 0) == 0 and "b" in view and "missing" not in view
    assert view["c"] == "C"
    assert calls == [["a", "b", "missing"], ["c"]]  # misses are remembered, hits never refetched
    view["missing"] = "set"
    assert view.get("missing") == "set"
    del view["a"]
    assert "a" not in view and calls[-1] == ["c"]  # deleted here: not read back from the store
    with pytest.raises(TypeError):
        list(view)
    with pytest.raises(TypeError):
        len(view)
    assert view.cached() == {"b": "B", "c": "C", "missing": "set"}


def test_a_batch_that_fails_while_writing_leaves_the_store_as_it_was():
    batches = _batches()
    store, reference = _store(batches), _store(batches)
    for batch in batches[:2]:
        assign_stories(store, batch)
        assign_stories(reference, batch)
    before = _dump(store)
    # Fail on the last table the batch writes, after stories, members and df were written.
    store.conn.execute(
        "CREATE TEMP TRIGGER fail BEFORE INSERT ON story_postings BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(sqlite3.DatabaseError):
        assign_stories(store, batches[2])
    assert _dump(store) == before
    store.conn.execute("DROP TRIGGER fail")
    for batch in batches[2:]:
        assert assign_stories(store, batch) == assign_stories(reference, batch)
    assert _dump(store) == _dump(reference)


def test_lazy_index_refuses_to_list_stories_but_load_index_can():
    store = _store(_batches())
    assign_stories(store, _batches()[0])
    with pytest.raises(TypeError, match="load_index"):
        open_index(store.conn).stories()
    assert len(load_index(store).stories()) == len(_dump(store)["stories"])


def test_newcomers_are_cut_off_an_earlier_story_with_its_member_vectors_read_lazily():
    """The cut needs the latest members' vectors of a story from an earlier batch: the lazy
    index reads them for that story only, and cuts exactly as the full-load path does."""
    from tests.test_stories_partition import _KIND, _OLD

    loose = StorySettings(join_threshold=0.0, extend_threshold=0.0, stay_threshold=0.0, split_neighbours=2)
    old = [article(t, path=f"old{i}.txt") for i, t in enumerate(_OLD)]
    flood = f"{_KIND} In Tromsdal, governor Piet Halvorsen said {{}} cabins flooded."
    new = [article(flood.format(n), path=f"new{n}.txt") for n in (40, 45, 50)]
    lazy, full = _store([old, new]), _store([old, new])
    assign_stories(lazy, old, loose)
    _full(full, old, loose)
    index = open_index(lazy.conn, loose)
    got = assign_stories(lazy, new, loose, index=index)
    assert got == _full(full, new, loose) and _dump(lazy) == _dump(full)
    story = story_id_for(old[0].id)
    assert all(a.story_id != story for a in got)  # cut off: without the vectors they would join
    assert len(index.recent.cached()[story]) == len(old)

import json

import pytest

from newsprism.cli import main
from newsprism.errors import NotFoundError
from newsprism.store import Store
from newsprism.stories.persist import assign_stories, load_index, stored_stories, story_articles
from tests.stories_fixtures import FIRE_A, TAIWAN_A, TAIWAN_B, TURKEY_A, TURKEY_B, TURKEY_C, article


def _store(arts):
    store = Store(":memory:")
    for art in arts:
        store.add_article(art)
    return store


def test_ingest_batches_join_stories_stored_before():
    first = [article(TURKEY_A, "2023-02-06", "Reuters"), article(TAIWAN_A, "2024-04-03", "AP")]
    second = [article(TURKEY_B, "2023-02-07", "BBC"), article(FIRE_A, "2024-06-02", "AFP")]
    store = _store(first + second)
    opened = assign_stories(store, first)
    assert all(a.opened for a in opened)
    later = {a.article_id: a for a in assign_stories(store, second)}
    assert later[second[0].id].story_id == opened[0].story_id and not later[second[0].id].opened
    assert later[second[1].id].opened
    stories = {s.id: s for s in stored_stories(store)}
    turkey = stories[opened[0].story_id]
    assert turkey.article_ids == (first[0].id, second[0].id)
    assert turkey.outlets == ("Reuters", "BBC")
    assert (turkey.first_published, turkey.last_published) == ("2023-02-06", "2023-02-07")


def test_loaded_index_matches_the_one_that_was_saved():
    arts = [article(TURKEY_A, "2023-02-06"), article(TAIWAN_A, "2024-04-03"), article(FIRE_A)]
    store = _store(arts)
    assign_stories(store, arts)
    again = load_index(store)
    assert again.df.n_docs == 3
    assert {a.id: again.story_of(a.id) for a in arts} == {
        a.id: next(s.id for s in stored_stories(store) if a.id in s.article_ids) for a in arts
    }
    assert assign_stories(store, arts) == []  # nothing new, nothing written


def test_story_articles_by_prefix_and_unknown_id():
    arts = [article(TAIWAN_A, "2024-04-03"), article(TAIWAN_B, "2024-04-03")]
    store = _store(arts)
    (story,) = {a.story_id for a in assign_stories(store, arts)}
    assert sorted(a.id for a in story_articles(store, story[:9])) == sorted(a.id for a in arts)
    with pytest.raises(NotFoundError):
        story_articles(store, "st-nothing")


def _write(tmp_path, texts):
    paths = []
    for i, text in enumerate(texts):
        path = tmp_path / f"{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_cli_cluster_prints_stories_as_lists_of_paths(tmp_path, capsys):
    paths = _write(tmp_path, [TURKEY_A, TAIWAN_A, TURKEY_B, TAIWAN_B, TURKEY_C])
    assert main(["cluster", "-q", "--json", *paths]) == 0
    groups = sorted(sorted(g) for g in json.loads(capsys.readouterr().out))
    assert groups == sorted([sorted([paths[0], paths[2], paths[4]]), sorted([paths[1], paths[3]])])


def test_cli_ingest_then_stories(tmp_path, capsys):
    db = str(tmp_path / "news.db")
    paths = _write(tmp_path, [TURKEY_A, TURKEY_B, FIRE_A])
    assert main(["ingest", "-q", db, *paths[:2]]) == 0
    assert main(["ingest", "-q", "--json", db, paths[2]]) == 0
    counts = json.loads(capsys.readouterr().out.split("\n", 2)[-1])
    assert counts["stories_opened"] == 1 and counts["stories_joined"] == 0
    assert main(["stories", db, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert sorted(s["size"] for s in listed) == [1, 2]
    assert {"id", "title", "size", "outlets", "first_published", "last_published"} <= set(listed[0])


def test_cli_analyze_story_from_the_store(tmp_path, capsys):
    db = str(tmp_path / "news.db")
    paths = _write(tmp_path, [TAIWAN_A, TAIWAN_B, FIRE_A])
    assert main(["ingest", "-q", db, *paths]) == 0
    capsys.readouterr()
    assert main(["stories", db, "--json"]) == 0
    taiwan = next(s for s in json.loads(capsys.readouterr().out) if s["size"] == 2)
    assert main(["analyze", "-q", "--db", db, "--story", taiwan["id"], "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert sorted(a["id"] for a in report["articles"]) == sorted(taiwan["article_ids"])


def test_store_after_two_batches_holds_the_same_state_as_memory():
    from newsprism.stories import StoryIndex

    batch1 = [article(TURKEY_A, "2023-02-06"), article(TAIWAN_A, "2024-04-03")]
    batch2 = [article(TURKEY_B, "2023-02-07"), article(FIRE_A), article(TAIWAN_B, "2024-04-03")]
    store = _store(batch1 + batch2)
    assign_stories(store, batch1)
    assign_stories(store, batch2)
    memory = StoryIndex()
    memory.add(batch1)
    memory.add(batch2)
    stored, expected = load_index(store).to_state(), memory.to_state()
    assert stored["df"] == expected["df"] and stored["n_docs"] == expected["n_docs"]
    assert stored["postings"] == expected["postings"]
    by_id = {s["id"]: s for s in stored["stories"]}
    for story in expected["stories"]:
        assert by_id[story["id"]]["article_ids"] == story["article_ids"]
        assert by_id[story["id"]]["centroid"] == pytest.approx(story["centroid"])
    # The members' trimmed vectors come back too, in joining order.
    assert stored["recent"].keys() == expected["recent"].keys()
    for story_id, vectors in expected["recent"].items():
        assert len(stored["recent"][story_id]) == len(vectors)
        for got, want in zip(stored["recent"][story_id], vectors, strict=True):
            assert got == pytest.approx(want)


def test_articles_stored_before_any_story_are_picked_up():
    from newsprism.stories.persist import unassigned_articles

    arts = [article(TURKEY_A, "2023-02-06"), article(TURKEY_B, "2023-02-06"), article(FIRE_A)]
    store = _store(arts)
    assign_stories(store, arts[:1])
    assert sorted(a.id for a in unassigned_articles(store)) == sorted(a.id for a in arts[1:])
    assign_stories(store, unassigned_articles(store))
    assert unassigned_articles(store) == []
    assert sorted(len(s.article_ids) for s in stored_stories(store)) == [1, 2]


def test_members_stored_before_vectors_were_kept_load_without_them():
    arts = [article(TURKEY_A, "2023-02-06"), article(TURKEY_B, "2023-02-07")]
    store = _store(arts)
    assign_stories(store, arts)
    with store.transaction():
        store.conn.execute("UPDATE story_members SET vector_json = NULL")  # as migration 5 leaves old rows
    index = load_index(store)
    assert index.recent == {}
    assert index.story_of(arts[0].id) == index.story_of(arts[1].id)
    later = article(TURKEY_C, "2023-02-08")
    store.add_article(later)
    (joined,) = assign_stories(store, [later])
    assert joined.story_id == index.story_of(arts[0].id)
    assert len(load_index(store).recent[joined.story_id]) == 1

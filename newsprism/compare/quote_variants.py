"""Quote variants: the same quote as each outlet printed it, diffed word by word and classified.

Grouping: direct quotes from different articles join when their speakers match
(surname, spelling folded) and their content overlaps (content-word overlap, or
embedding similarity for translations), or when the words are near-identical even
though the speakers differ (then the odd speaker out is *misattributed*).

Each version is compared with the group's reference version (the one that contains
most of the others, earliest article on a tie) and classified:

  verbatim       the same words (the reference itself, or an exact copy)
  spelling       same words after folding case, punctuation, spelling, transliteration
  trimmed        a contiguous part of the reference; ``extended``: contains it
  altered        a meaning change: negation flipped, a number changed, or (between direct
                 quotes) a content word swapped for one of another meaning while the rest is
                 word for word
  translation    same meaning, other wording (embeddings close)
  paraphrase     overlapping content, meaning drifting (embeddings not close)
  misattributed  same words given to another speaker
"""

from __future__ import annotations

import dataclasses
import difflib
import itertools
import re
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np

from newsprism.model import Quote, QuoteGroup, content_id
from newsprism.nlp.embed import Embedder
from newsprism.quotes.identity import fold
from newsprism.quotes.names import compatible
from newsprism.settings import CompareSettings
from newsprism.text import (
    content_words,
    negated_words,
    negations,
    normalize_words,
    numbers,
    split_sentences,
    stem,
    words,
)

__all__ = ["ALTERATIONS", "classify", "group_quotes", "grouped_texts", "word_diff"]

ALTERATIONS = frozenset({"altered", "misattributed"})


_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
# "a .32-caliber revolver, not a .45": a contrast after a comma names what the thing is not, and
# leaves the clause affirmed, so it is no negation for polarity.
_CONTRAST = re.compile(r"[,;]\s+not\s+(?=(?:a|an|the)\b)", re.IGNORECASE)
# A speaker given by description or pronoun ("One", "daughter of X") has no name of their own.
_DESCRIBED = frozenset({"nominal", "pronoun"})
_UNNAMED = ("the ", "a ", "an ", "its ", "his ", "her ", "their ", "our ", "one ")
# The words reported speech prints in quote marks ("she wanted to speak “directly to voters”").
_MARKED = re.compile(r"[\"“”‘]([^\"“”]+?)[\"“”’](?!\w)")


def _surname(quote: Quote) -> str | None:
    """The speaker's last name, or ``None`` for an unknown, anonymous or unnamed speaker
    ("the commander of the fire brigade", "Its chief executive", "One"): those match anyone."""
    if quote.speaker is None or quote.speaker.anonymous or quote.speaker.kind in _DESCRIBED:
        return None
    full = (quote.speaker.canonical or quote.speaker.name or "").strip()
    if not full or not full[0].isupper() or full.lower().startswith(_UNNAMED):
        return None
    name = normalize_words(full)
    return name[-1] if name else None


def _source(quote: Quote) -> str | None:
    """An unnamed source as the outlets describe it ("researchers at security firm X"), case and
    a leading article folded; pronouns are no source."""
    if quote.speaker is None or quote.speaker.kind == "pronoun":
        return None
    words = normalize_words(quote.speaker.canonical or "")
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words) if len(words) >= 2 else None


def _overlap(a: set[str], b: set[str]) -> float:
    if len(a) < 2 or len(b) < 2:
        return 1.0 if a and a == b else 0.0
    return len(a & b) / min(len(a), len(b))


def group_quotes(
    quotes: Sequence[Quote],
    embedder: Embedder,
    settings: CompareSettings,
    order: dict[str, int],
    texts: Mapping[str, str] | None = None,
) -> list[QuoteGroup]:
    """Cross-article groups of one quote, each with its classified variants; ``texts`` (article
    id -> text) lets a short fragment join only where its article names the group's speaker."""
    # Reported speech groups too: outlets often paraphrase what another prints in quotes.
    items = [q for q in quotes if _item(q)]
    if not items:
        return []
    vecs = embedder.embed([q.text for q in items])
    keys = [_Keys(q) for q in items]
    sims = vecs @ vecs.T
    pairs = []
    for i, j in _candidates(items, keys, sims, settings):
        score = _pair_score(items[i], items[j], keys[i], keys[j], float(sims[i, j]), settings)
        if score is not None:
            pairs.append((score, i, j, _second_version(keys[i], keys[j], float(sims[i, j]), settings)))
    taken = set(items)  # a set: membership in the list compared every pair of quotes
    fragments = _Fragments([q for q in quotes if q not in taken and len(words(q.text)) >= 2])
    sentences = _Sentences(items, keys, settings)
    clusters = _cluster(items, keys, pairs, settings.quote_overlap, sentences)
    vocab = None if texts is None else {a: set(normalize_words(t)) for a, t in texts.items()}
    seconds = _second_groups(items, keys, clusters, settings, sentences)
    out = []
    for c, members in enumerate(clusters):
        group = _with_fragments([items[k] for k in members], fragments, vocab)
        ids = {q.id for q in group}
        extra = [q for q in seconds.get(c, ()) if q.id not in ids]
        if len({q.article_id for q in group + extra}) < 2:
            continue
        group += extra
        vecs = embedder.embed([q.text for q in group])
        out.append(_build_group(group, vecs @ vecs.T, embedder, settings, order, len(group) - len(extra)))
    return sorted(out, key=lambda g: (-len(g.quote_ids), g.id))


def grouped_texts(quotes: Sequence[Quote]) -> list[str]:
    """The texts :func:`group_quotes` embeds (the compare stage has them embedded ahead)."""
    return [q.text for q in quotes if _item(q)]


def _second_groups(
    items: Sequence[Quote],
    keys: Sequence[_Keys],
    clusters: list[list[int]],
    s: CompareSettings,
    sentences: _Sentences,
) -> dict[int, list[Quote]]:
    """Cluster index -> quotes of several sentences that join it as well, as the sentence that does
    (same id and span; the group compares that sentence with its versions, so the quote's other
    sentences read as no alteration): one sentence of the quote is a version of a member, and of
    every member that is a version of some sentence of it (another sentence would be another
    utterance). Each
    sentence is its own utterance, so an outlet printing two sentences as one quote carries both
    utterances, and belongs to both groups; clustering keeps it in one (one version per article)."""
    where = {k: c for c, members in enumerate(clusters) for k in members}
    index: dict[str, set[int]] = {}
    for k, key in enumerate(keys):
        for st in key.stems:
            index.setdefault(st, set()).add(k)
    out: dict[int, list[Quote]] = {}
    for q, item in enumerate(items):
        parts = sentences.of(q)
        if not parts:
            continue
        near = Counter(m for st in keys[q].stems for m in index[st] if items[m].article_id != item.article_id)
        for c in sorted({where[m] for m, n in near.items() if n >= s.quote_min_shared} - {where[q]}):
            mine = [m for m in clusters[c] if items[m].article_id == item.article_id]
            if not all(_held(keys[m], keys[q]) for m in mine):
                continue  # another thing its article says (a part of the quote is no other thing)
            others = [m for m in clusters[c] if m not in mine]
            found = [f for f in (sentences.matched(q, m) for m in others) if f]
            common = frozenset.intersection(*found) if found else frozenset()
            if common:
                out.setdefault(c, []).append(parts[min(common)][0])
    return out


class _Sentences:
    """The sentences of each quote of several (``_sentence_versions``), and which of them another
    version is a version of, each read once."""

    def __init__(self, items: Sequence[Quote], keys: Sequence[_Keys], s: CompareSettings) -> None:
        self.items, self.keys, self.s = items, keys, s
        self.parts: dict[int, list[tuple[Quote, _Keys]]] = {}
        self.seen: dict[tuple[int, int], frozenset[int]] = {}

    def of(self, k: int) -> list[tuple[Quote, _Keys]]:
        if k not in self.parts:
            self.parts[k] = _sentence_versions(self.items[k])
        return self.parts[k]

    def matched(self, q: int, m: int) -> frozenset[int]:
        """The sentences of quote ``q`` that version ``m`` is a version of."""
        if (q, m) not in self.seen:
            other, key = self.items[m], self.keys[m]
            self.seen[q, m] = frozenset(
                n for n, part in enumerate(self.of(q)) if _sentence_joins(part, other, key, self.s)
            )
        return self.seen[q, m]

    def apart(self, merged: list[int]) -> bool:
        """Two versions of different articles in ``merged`` are versions of different sentences of
        one quote of several (and of no sentence in common) and share few words themselves: each
        sentence is its own utterance, so the quote that prints both is in both groups
        (``_second_groups``), and the two are not in one. Versions that are alike on their own
        (short sentences of one remark each outlet cuts differently) stay together, and one
        article's versions of its sentences are parts of it (``_parts_of_one``)."""
        for q in merged:
            if not self.of(q):
                continue
            found = [(m, self.matched(q, m)) for m in merged if m != q]
            found = [(m, f) for m, f in found if f]
            for (a, f), (b, g) in itertools.combinations(found, 2):
                if f & g or self.items[a].article_id == self.items[b].article_id:
                    continue
                if _overlap(self.keys[a].stems, self.keys[b].stems) < self.s.quote_overlap:
                    return True
        return False


def _sentence_versions(quote: Quote) -> list[tuple[Quote, _Keys]]:
    """The sentences of a direct quote of two or more (three words or more each), each a version
    of its own; none for a quote of one sentence."""
    if quote.kind != "direct":
        return []
    parts = [quote.text[a:b] for a, b in split_sentences(quote.text)]
    parts = [p for p in parts if len(words(p)) >= 3]
    if len(parts) < 2:
        return []
    versions = [dataclasses.replace(quote, text=p) for p in parts]
    return [(v, _Keys(v)) for v in versions]


def _sentence_joins(part: tuple[Quote, _Keys], other: Quote, key: _Keys, s: CompareSettings) -> bool:
    """``part`` (one sentence of a quote) is a version of ``other`` by the words alone, with a
    phrase both print (a short sentence shares a larger part of its few words by chance): the
    pair test with no embedding similarity; or, by one speaker or with one side unnamed, a run
    of ``quote_sentence_run`` words alike where one is word for word inside the other (or
    ``other``'s quote marks are inside the sentence)."""
    quote, pk = part
    run = _common_run(pk, key)
    if run < s.quote_min_run:
        return False
    if _pair_score(quote, other, pk, key, 0.0, s) is not None:
        return True
    compatible = None in (pk.surname, key.surname) or _same_speaker(pk, key)
    held = _nested(pk, key) if key.quoted else _marks_in(key, pk)
    return compatible and run >= s.quote_sentence_run and held


def _item(quote: Quote) -> bool:
    """A version that pairs on its own: a direct or reported quote of three words or more, or a
    quoted fragment of a named speaker with two content words or more ("the founder of the
    club" in one outlet's reported sentence, the whole quote in another's)."""
    if quote.kind == "fragment":
        return _surname(quote) is not None and len(set(content_words(quote.text))) >= 2
    return quote.kind in ("direct", "indirect") and len(words(quote.text)) >= 3


class _Fragments:
    """Short quotes, longest first, with their words and speaker's surname read once, indexed
    by first word: a fragment is part of a version only if the version holds its first word."""

    def __init__(self, fragments: Sequence[Quote]) -> None:
        ordered = sorted(fragments, key=lambda q: (-len(q.text), q.id))  # the longest part of each article
        self.items = [(q, normalize_words(q.text), _surname(q)) for q in ordered]
        self.by_first: dict[str, list[int]] = {}
        for k, (_, toks, _) in enumerate(self.items):
            if toks:
                self.by_first.setdefault(toks[0], []).append(k)

    def within(self, versions: Sequence[list[str]]) -> list[tuple[Quote, list[str], str | None]]:
        """The fragments whose first word one of ``versions`` holds, in order."""
        found = {k for toks in versions for w in set(toks) for k in self.by_first.get(w, ())}
        return [self.items[k] for k in sorted(found)]


def _with_fragments(
    group: list[Quote], fragments: _Fragments, vocab: Mapping[str, set[str]] | None = None
) -> list[Quote]:
    """Add short quoted fragments ("a powder keg") that are a contiguous part of a version,
    from articles the group does not cover yet, when their speaker does not contradict and
    their article names the group's speaker (``vocab``: article id -> its words): an article
    that never names a person does not print their words ("top secret" in a headline is not
    a senator's "top secret")."""
    speakers = {_surname(q) for q in group} - {None}
    seen = {q.article_id for q in group}
    full = [normalize_words(q.text) for q in group]
    out = list(group)
    for frag, toks, who in fragments.within(full):
        if frag.article_id in seen or (who is not None and who not in speakers):
            continue
        if (
            who is None
            and speakers
            and vocab is not None
            and not speakers & vocab.get(frag.article_id, speakers)
        ):
            continue
        if any(_contiguous(toks, f) for f in full):
            out.append(frag)
            seen.add(frag.article_id)
    return out


class _Keys:
    """What pair scoring needs of one quote, computed once: content-word stems, surname,
    speaker or source (for reported speech), and whether it is negated."""

    __slots__ = (
        "fragment",
        "kind",
        "marks",
        "name",
        "negated",
        "quoted",
        "sequence",
        "stems",
        "surname",
        "who",
        "words",
    )

    def __init__(self, quote: Quote) -> None:
        # "my daughter's been shot" and "my daughter has been shot" share "daughter"
        self.stems: set[str] = {stem(w) for w in content_words(_POSSESSIVE.sub("", quote.text))}
        self.surname: str | None = _surname(quote)
        self.who: str | None = self.surname or _source(quote)
        self.name: str | None = quote.speaker.canonical if self.surname and quote.speaker else None
        self.kind: str | None = quote.speaker.kind if quote.speaker else None
        polar = _CONTRAST.sub(", ", quote.text)
        self.negated: bool = negations(polar) > 0
        self.words: list[str] = normalize_words(polar)
        self.sequence: list[str] = [stem(w) for w in normalize_words(_POSSESSIVE.sub("", quote.text))]
        self.fragment: bool = quote.kind == "fragment"
        self.quoted: bool = quote.kind in ("direct", "fragment")
        self.marks: list[list[str]] = _marks(quote) if quote.kind == "indirect" else []


def _marks(quote: Quote) -> list[list[str]]:
    """The runs of words reported speech prints in quote marks (each with a content word),
    stemmed: the speaker's own words, so a direct quote printing them all is the same utterance
    even where the outlet's rewording around them shares little."""
    pieces = [p for p in _MARKED.findall(quote.text) if content_words(p)]
    return [[stem(w) for w in normalize_words(_POSSESSIVE.sub("", p))] for p in pieces]


def _marks_in(part: _Keys, host: _Keys) -> bool:
    """``part`` is reported speech whose quoted words ``host``, a direct quote, prints, every one,
    with two content words between them and the rest of the two versions: a single quoted word
    ("should be called “shameful”") is enough beside another shared word ("the school"), not
    alone (a speaker repeats one word, "a reformer", on every occasion)."""
    if not part.marks or not host.quoted or not all(_inside(m, host.sequence) for m in part.marks):
        return False
    marked = {w for m in part.marks for w in m}
    return len(part.stems & host.stems) >= 2 or len(marked & part.stems) >= 2


def _quotes_held(ka: _Keys, kb: _Keys) -> bool:
    """One version is reported speech whose quoted words the other, a direct quote, prints."""
    return not (ka.fragment or kb.fragment) and (_marks_in(ka, kb) or _marks_in(kb, ka))


def _common_run(a: _Keys, b: _Keys) -> int:
    """Words in the longest stretch both versions print in the same order (stems compared)."""
    m = difflib.SequenceMatcher(a=a.sequence, b=b.sequence, autojunk=False)
    return m.find_longest_match(0, len(a.sequence), 0, len(b.sequence)).size


def _worded(ka: _Keys, kb: _Keys, sim: float, s: CompareSettings) -> bool:
    """Shared words make one utterance of two quoted versions whose meanings are not close only
    when some of them run together as a phrase: two remarks of one speaker share single words
    by chance ("taxes" and "work" in two lines of one speech; "tied" and "up" in two long
    quotes). Quoted words are the speaker's own, so two outlets quoting one utterance print a
    phrase alike; reported speech is each outlet's rewording, where one shared word may be all
    that is left, so it is not asked of a pair with an indirect version."""
    if not (ka.quoted and kb.quoted):
        return True
    return sim >= s.quote_sim or _common_run(ka, kb) >= s.quote_min_run


def _same_speaker(a: _Keys, b: _Keys) -> bool:
    """Quotes of one speaker: the surname is only the blocking key, so two people of one family
    ("Doug McDermott", "Greg McDermott") or two bodies ending in one word ("France Telecom",
    "Portugal Telecom") stay apart; a surname alone is compatible with the full name."""
    if a.who is None or a.who != b.who:
        return False
    if a.name is None or b.name is None:
        return True
    if "person" in (a.kind, b.kind):
        return compatible(a.name, b.name)
    fa, fb = fold(a.name), fold(b.name)
    return fa == fb or f" {fa}" in f" {fb}" or f" {fb}" in f" {fa}"


def _candidates(
    items: Sequence[Quote], keys: Sequence[_Keys], sims: np.ndarray, s: CompareSettings
) -> list[tuple[int, int]]:
    """The pairs ``_pair_score`` can accept, sorted: every accepting branch needs either
    ``sim >= quote_sim`` or a content-word overlap (so a shared stem) between quotes of one
    speaker (surname, or for reported speech the speaker or named source)."""
    n = len(items)
    if s.quote_overlap <= 0:  # no shared word needed: every pair may score
        return [(i, j) for i in range(n) for j in range(i + 1, n)]
    # Compared in float64, as _pair_score does, so no pair at the threshold is lost.
    close = np.triu(np.asarray(sims, dtype=np.float64) >= s.quote_sim, k=1)
    out = {(int(i), int(j)) for i, j in zip(*np.nonzero(close), strict=True)}
    # Inverted index of (speaker, stem) -> quotes: a shared stem within one speaker's quotes.
    index: dict[tuple[str, str], list[int]] = {}
    for k, key in enumerate(keys):
        if key.who is not None:
            for st in key.stems:
                index.setdefault((key.who, st), []).append(k)
    for posting in index.values():
        out.update(_cross_article_pairs(posting, items))
    out.update(_runs_alike(items, keys, s.quote_same_run))
    out.update(_marks_alike(items, keys))
    return sorted(p for p in out if items[p[0]].article_id != items[p[1]].article_id)


def _runs_alike(items: Sequence[Quote], keys: Sequence[_Keys], run: int) -> set[tuple[int, int]]:
    """Pairs of long quoted versions that print the same four words in a row, whoever they are
    given to (the blocking ``_printed_alike`` needs)."""
    index: dict[tuple[str, ...], list[int]] = {}
    for k, key in enumerate(keys):
        if key.quoted and len(key.sequence) >= run:
            for gram in {tuple(key.sequence[i : i + 4]) for i in range(len(key.sequence) - 3)}:
                index.setdefault(gram, []).append(k)
    out: set[tuple[int, int]] = set()
    for posting in index.values():
        if len(posting) > 1:
            out.update(_cross_article_pairs(posting, items))
    return out


def _marks_alike(items: Sequence[Quote], keys: Sequence[_Keys]) -> set[tuple[int, int]]:
    """Pairs where a version with no named speaker and another share a run of quoted words that
    one of them prints in quote marks (the blocking ``_marks_printed`` needs): the first three
    words of each quoted piece, looked up among the three-word runs of every quoted text."""
    runs: dict[tuple[str, ...], set[int]] = {}
    for k, key in enumerate(keys):
        for text in key.marks + ([key.sequence] if key.quoted else []):
            for i in range(len(text) - 2):
                runs.setdefault(tuple(text[i : i + 3]), set()).add(k)
    out: set[tuple[int, int]] = set()
    for k, key in enumerate(keys):
        pieces = key.marks or ([key.sequence] if key.quoted and not key.fragment else [])
        for piece in pieces:
            hosts = [h for h in runs.get(tuple(piece[:3]), ()) if h != k]
            out.update(
                (min(k, h), max(k, h))
                for h in hosts
                if items[h].article_id != items[k].article_id and None in (key.surname, keys[h].surname)
            )
    return out


def _cross_article_pairs(posting: list[int], items: Sequence[Quote]) -> list[tuple[int, int]]:
    """Pairs of a posting from different articles: one long article repeats a speaker and a
    word hundreds of times, and pairing all of those first was quadratic for nothing."""
    by_article: dict[str, list[int]] = {}
    for k in posting:
        by_article.setdefault(items[k].article_id, []).append(k)
    groups = list(by_article.values())
    return [
        (min(i, j), max(i, j))
        for g, first in enumerate(groups)
        for second in groups[g + 1 :]
        for i in first
        for j in second
    ]


def _pair_score(a: Quote, b: Quote, ka: _Keys, kb: _Keys, sim: float, s: CompareSettings) -> float | None:
    if a.article_id == b.article_id:
        return None
    overlap = _overlap(ka.stems, kb.stems)
    na, nb = ka.surname, kb.surname
    if "fragment" in (a.kind, b.kind):
        # A few quoted words: one named speaker, the same polarity, and shared content words
        # that are much of both versions (a quoted term inside a long quote is no version of it;
        # ``_with_fragments`` adds such parts word for word).
        same = na is not None and na == nb and _same_speaker(ka, kb) and _same_polarity(ka, kb)
        common = len(ka.stems & kb.stems)
        alike = common >= s.quote_min_shared and (
            common >= s.quote_overlap * max(len(ka.stems), len(kb.stems)) or sim >= s.quote_sim
        )
        # ...or a fragment of a few content words printed inside the other outlet's longer
        # version, word for word up to a small edit (two words, "emergency response", are
        # often a term)
        within = common >= s.quote_within_min_shared and _nested(ka, kb)
        if same and ((alike and _worded(ka, kb, sim, s)) or within):
            return max(overlap, sim)
        unresolved = _unresolved_alike(ka, kb, overlap, sim, s) and _same_polarity(ka, kb)
        return max(overlap, sim) if unresolved else None
    copied = overlap >= s.quote_same_words and sim >= s.quote_sim
    long_enough = len(ka.stems & kb.stems) >= s.quote_same_min_shared
    if "indirect" in (a.kind, b.kind):
        # Reported speech is the outlet's wording: only the same named speaker saying the
        # same thing, with the same polarity, makes it one utterance — or the same words
        # word for word, given to an unnamed source on one side or long enough to be a copy.
        same = _same_speaker(ka, kb) and _same_polarity(ka, kb) and not _marks_elsewhere(ka, kb)
        if same and _quotes_held(ka, kb):
            return 1.0
        if (
            same
            and (overlap >= s.quote_overlap or sim >= s.quote_sim or _phrased(ka, kb, s))
            and _worded(ka, kb, sim, s)
        ):
            return max(overlap, sim)
        unknown = None in (ka.who, kb.who) and len(ka.stems & kb.stems) >= s.quote_unknown_min_shared
        copy = copied and _same_polarity(ka, kb) and (unknown or long_enough)
        unresolved = _unresolved_alike(ka, kb, overlap, sim, s) or _marks_printed(ka, kb, s)
        if copy or (unresolved and _same_polarity(ka, kb)):
            return max(overlap, sim)
        return None
    shared = len(ka.stems & kb.stems) >= s.quote_min_shared
    if (
        na is not None
        and na == nb
        and _same_speaker(ka, kb)
        and ((overlap >= s.quote_overlap and shared and _worded(ka, kb, sim, s)) or sim >= s.quote_sim)
    ):
        return max(overlap, sim)
    # An unknown speaker matches anyone, so the words themselves must agree on both counts.
    if _unresolved_alike(ka, kb, overlap, sim, s):
        return max(overlap, sim)
    if copied and long_enough:  # the same long text, whoever it is given to (misattributed)
        return max(overlap, sim)
    if _printed_alike(ka, kb, s):
        return max(overlap, sim)
    return None


def _printed_alike(ka: _Keys, kb: _Keys, s: CompareSettings) -> bool:
    """Two quoted versions, one printed word for word inside the other over a long stretch: one
    text, whoever each outlet gives it to, even when its words are mostly short ones ("I will
    stand with you, and I will win with you") that leave few content words to count."""
    short = min(len(ka.sequence), len(kb.sequence))
    return ka.quoted and kb.quoted and short >= s.quote_same_run and _nested(ka, kb)


def _phrased(ka: _Keys, kb: _Keys, s: CompareSettings) -> bool:
    """Two reported versions of one speaker that share a phrase and enough content words to be
    one statement, though each outlet's wording around it keeps the overlap low ("the outage
    hit traffic between Europe and Asia" in a long sentence and in a short one)."""
    return len(ka.stems & kb.stems) >= s.quote_same_min_shared and _common_run(ka, kb) >= s.quote_phrase_run


def _unresolved_alike(ka: _Keys, kb: _Keys, overlap: float, sim: float, s: CompareSettings) -> bool:
    """One side's speaker has no name ("the spokeswoman", "a witness", an unnamed source) and
    the words agree on both counts, with enough of them shared that two people saying much the
    same thing is unlikely: compatible speakers, one utterance. A short version printed word
    for word inside the other ("Lock them up!" in a chant of it) needs fewer shared words."""
    if None not in (ka.surname, kb.surname) or overlap < s.quote_overlap or sim < s.quote_sim:
        return False
    if _marks_unprinted(ka, kb) or _marks_unprinted(kb, ka):
        return False
    shared = len(ka.stems & kb.stems)
    return shared >= s.quote_unknown_min_shared or (
        shared >= s.quote_min_shared and ka.quoted and kb.quoted and _nested(ka, kb)
    )


def _marks_printed(ka: _Keys, kb: _Keys, s: CompareSettings) -> bool:
    """One side's speaker has no name and the speaker's own words, a run of
    ``quote_unknown_min_shared`` content words or more that one version prints in quote marks,
    are the other's quoted words (inside its direct quote or its quote marks), or a direct quote
    is printed whole inside the other's quote marks: words in quote marks are known word for
    word, so such a run is one utterance whoever each outlet names (a speaker read wrong)."""
    if None not in (ka.surname, kb.surname):
        return False
    n = s.quote_unknown_min_shared
    return _marked_within(ka, kb, n) or _marked_within(kb, ka, n)


def _marked_within(part: _Keys, host: _Keys, n: int) -> bool:
    """``part``'s quoted words (its quote marks, or the whole of a direct quote) of ``n`` content
    words or more are inside ``host``'s quoted words; two direct quotes are not asked here."""
    hosts = host.marks + ([host.sequence] if host.quoted and not host.fragment else [])
    pieces = part.marks if part.marks else ([part.sequence] if part.quoted and not part.fragment else [])
    if not part.marks:
        hosts = host.marks  # a direct quote counts only inside the other's quote marks
    return any(len(set(p) & part.stems) >= n and any(_inside(p, h) for h in hosts) for p in pieces)


def _marks_elsewhere(ka: _Keys, kb: _Keys) -> bool:
    """Either version is reported speech whose quoted words (two content words or more) the other,
    a direct quote, does not print (``_marks_unprinted``), whoever the speaker is."""
    return _marks_unprinted(ka, kb) or _marks_unprinted(kb, ka)


def _marks_unprinted(part: _Keys, host: _Keys) -> bool:
    """``part`` is reported speech that prints some of the speaker's own words in quote marks (two
    content words or more) and ``host``, a direct quote, prints none of them: the one stretch of
    ``part`` known word for word is not in ``host``, so the words they share around it are the
    occasion each outlet names ("the primary in Washington"), not one utterance."""
    if not host.quoted or host.fragment:
        return False
    marked = [m for m in part.marks if len(set(m) & part.stems) >= 2]
    return bool(marked) and not any(_inside(m, host.sequence) for m in marked)


def _second_version(ka: _Keys, kb: _Keys, sim: float, s: CompareSettings) -> bool:
    """Evidence enough for a pair to bring a second version of one article into a group: one
    named person on both sides, and words that agree on both counts (shared content words and
    embedding similarity). A loosely matched source or a paraphrase never does; the same
    words of one named speaker of any kind (an article that repeats a statement in its summary
    and its body) always do."""
    if _copy_of_one_speaker(ka, kb, sim, s):
        return True
    if (
        "person" not in (ka.kind, kb.kind)
        or ka.kind != kb.kind
        or None in (ka.name, kb.name)
        or ka.fragment
        or kb.fragment
    ):
        return False
    return _same_speaker(ka, kb) and _overlap(ka.stems, kb.stems) >= s.quote_overlap and sim >= s.quote_sim


def _copy_of_one_speaker(ka: _Keys, kb: _Keys, sim: float, s: CompareSettings) -> bool:
    """Nearly the same words (a copy, long enough to be one text) given to one named speaker."""
    if ka.fragment or kb.fragment or ka.who is None or not _same_speaker(ka, kb):
        return False
    shared = len(ka.stems & kb.stems)
    return (
        shared >= s.quote_same_min_shared
        and _overlap(ka.stems, kb.stems) >= s.quote_same_words
        and sim >= s.quote_sim
    )


def _cluster(
    items: Sequence[Quote],
    keys: Sequence[_Keys],
    pairs: list[tuple[float, int, int, bool]],
    overlap: float,
    sentences: _Sentences,
) -> list[list[int]]:
    """Pairs joined best first; one version per article in a group (an article's other quotes of
    one speaker are mostly other things said), unless the pair is a ``_second_version`` or the
    article's versions are parts of one utterance (``_parts_of_one``)."""
    cluster = list(range(len(items)))
    members = {i: [i] for i in range(len(items))}
    for _, i, j, second in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        ci, cj = cluster[i], cluster[j]
        if ci == cj:
            continue
        merged = members[ci] + members[cj]
        twice = {items[k].article_id for k in members[ci]} & {items[k].article_id for k in members[cj]}
        repeated = second and _repeated(merged, twice, items, keys, overlap)
        if twice and not repeated and not _parts_of_one(merged, twice, items, keys):
            continue
        if not _splits_held(merged, items, keys, overlap):
            continue
        if None in (keys[i].surname, keys[j].surname) and not _speakers_agree(members[ci], members[cj], keys):
            continue
        if sentences.apart(merged):
            continue
        members[ci] += members.pop(cj)
        for k in members[ci]:
            cluster[k] = ci
    return sorted(sorted(m) for m in members.values())


def _speakers_agree(first: list[int], second: list[int], keys: Sequence[_Keys]) -> bool:
    """The named speakers of two clusters joined through an unnamed version are one person: an
    unnamed speaker matches anyone, but two named people do not become one through them."""
    named = [[keys[k] for k in ks if keys[k].surname is not None] for ks in (first, second)]
    return all(_same_speaker(a, b) for a in named[0] for b in named[1])


def _repeated(
    merged: list[int], articles: set[str], items: Sequence[Quote], keys: Sequence[_Keys], overlap: float
) -> bool:
    """Every article twice in ``merged`` says one thing twice (a summary and the body): its
    versions share this ``overlap`` of content words. A copy in two outlets of one sentence
    does not bring in another sentence its article printed apart."""
    for article in articles:
        mine = [keys[k] for k in merged if items[k].article_id == article]
        if any(_overlap(a.stems, b.stems) < overlap for a, b in itertools.combinations(mine, 2)):
            return False
    return True


def _parts_of_one(
    merged: list[int], articles: set[str], items: Sequence[Quote], keys: Sequence[_Keys]
) -> bool:
    """Every article twice in ``merged`` printed parts of one utterance of one named speaker: one
    of its versions holds the others (a short quote in the lede, the whole of it in the body),
    or another outlet's version holds them all (the article split into two quotes what that
    outlet prints as one; ``_splits_held`` checks the rest of the group)."""
    for article in articles:
        mine = [k for k in merged if items[k].article_id == article]
        first = keys[mine[0]]
        if any(keys[k].who is None or not _one_speaker(keys[k], first) for k in mine):
            return False
        if not _holds_all(mine, merged, keys):
            return False
    return True


def _splits_held(merged: list[int], items: Sequence[Quote], keys: Sequence[_Keys], overlap: float) -> bool:
    """An article whose versions in ``merged`` are different parts of one utterance (none holds
    the others, and they do not repeat one thing) is in a group only with articles that print
    the whole of it: each sentence is its own utterance, so an outlet quoting the first sentence
    alone is not in one group with another outlet's second."""
    by_article: dict[str, list[int]] = {}
    for k in merged:
        by_article.setdefault(items[k].article_id, []).append(k)
    for mine in by_article.values():
        if len(mine) < 2 or _holds_all(mine, mine, keys):
            continue
        if all(_overlap(keys[a].stems, keys[b].stems) >= overlap for a, b in itertools.combinations(mine, 2)):
            continue
        if not all(_holds_all(mine, theirs, keys) for theirs in by_article.values() if theirs is not mine):
            return False
    return True


def _one_speaker(a: _Keys, b: _Keys) -> bool:
    """``_same_speaker``, read at once when both name the speaker alike (the common case)."""
    return (a.who, a.name) == (b.who, b.name) or _same_speaker(a, b)


def _holds_all(parts: list[int], hosts: list[int], keys: Sequence[_Keys]) -> bool:
    """One of ``hosts`` holds every one of ``parts`` (itself included) as a stretch of its words;
    reported speech is held when the words it prints in quote marks are."""
    return any(all(k == h or _held(keys[k], keys[h]) for k in parts) for h in hosts)


def _held(part: _Keys, host: _Keys) -> bool:
    """``part`` is a stretch of ``host``, or its quoted words are (a quoted ``host`` only)."""
    return _inside(part.sequence, host.sequence) or _marks_in(part, host)


def _nested(a: _Keys, b: _Keys) -> bool:
    """One version is a stretch of the other (a shared phrase is not enough: "the most valuable
    player" or a law's name recur in one speaker's different remarks)."""
    return _inside(a.sequence, b.sequence) or _inside(b.sequence, a.sequence)


def _inside(small: list[str], big: list[str]) -> bool:
    """``small`` is a stretch of ``big`` up to small edits: word for word but for at most one
    word in five (a contraction spelled out, "has been" / "'s been"), and over a stretch of
    ``big`` not much longer than itself."""
    n = len(small)
    if not 0 < n <= len(big) or len(set(small) - set(big)) > n // 5:  # a word-set check first: cheap
        return False
    blocks = [
        m for m in difflib.SequenceMatcher(a=small, b=big, autojunk=False).get_matching_blocks() if m.size
    ]
    if not blocks:
        return False
    matched = sum(m.size for m in blocks)
    stretch = blocks[-1].b + blocks[-1].size - blocks[0].b
    return matched >= n - max(0, n // 5) and stretch <= n + max(1, n // 5)


def _build_group(
    group: list[Quote],
    sims: np.ndarray,
    embedder: Embedder,
    s: CompareSettings,
    order: dict[str, int],
    own: int | None = None,
) -> QuoteGroup:
    """The group of ``group``'s versions; the first ``own`` are its own members (the rest are
    quotes of several sentences that are in another group too: never the reference, which would
    show their other sentences as this utterance's words)."""
    speakers = Counter(_surname(q) for q in group if _surname(q))
    main = speakers.most_common(1)[0][0] if speakers else None
    display = next((q.speaker.canonical for q in group if q.speaker and _surname(q) == main), None)
    ref = _reference(group[:own], order)
    variants = []
    for k, quote in enumerate(group):
        others = [q for q in group if q is not quote]
        sim = float(sims[k, group.index(ref)])
        label, notes = classify(quote, ref, others, sim, embedder, s, main)
        variants.append(
            {
                "quote_id": quote.id,
                "article_id": quote.article_id,
                "classification": label,
                "flagged": label in ALTERATIONS or bool(notes),
                "notes": notes,
                "reference": quote is ref,
                "diff": word_diff(ref.text, quote.text),
            }
        )
    variants.sort(key=lambda v: (order.get(v["article_id"], 0), v["quote_id"]))
    ids = tuple(v["quote_id"] for v in variants)
    return QuoteGroup(
        id=content_id(*sorted(ids), prefix="qg_"), speaker=display, quote_ids=ids, variants=tuple(variants)
    )


def _reference(group: list[Quote], order: dict[str, int]) -> Quote:
    """The version that contains most of the others' words (the fullest), earliest on a tie."""
    toks = [set(normalize_words(q.text)) for q in group]

    def covered(k: int) -> float:
        return sum(len(toks[k] & t) / max(1, len(t)) for t in toks)

    best = min(
        range(len(group)),
        key=lambda k: (-round(covered(k), 3), order.get(group[k].article_id, 0), group[k].id),
    )
    return group[best]


def classify(
    quote: Quote,
    ref: Quote,
    others: Sequence[Quote],
    sim: float,
    embedder: Embedder,
    s: CompareSettings,
    main_speaker: str | None = None,
) -> tuple[str, list[str]]:
    """One version's class against the reference version, and notes on what changed."""
    a, b = normalize_words(quote.text), normalize_words(ref.text)
    change = (
        None
        if quote is ref or _contiguous(a, b) or _contiguous(b, a)
        else _meaning_change(a, b, others, embedder, s, direct=quote.kind == ref.kind == "direct")
    )
    notes = [change] if change else []
    who = _surname(quote)
    if main_speaker and who and who != main_speaker:
        speaker = quote.speaker.canonical if quote.speaker else who
        return "misattributed", [f"given to {speaker}", *notes]
    if quote is ref or quote.text.strip(" ,.;:") == ref.text.strip(" ,.;:"):
        return "verbatim", notes
    if a == b:
        return "spelling", notes
    if _contiguous(a, b):
        return "trimmed", notes
    if _contiguous(b, a):
        return "extended", notes
    if change:
        return "altered", notes
    stems_a, stems_b = (
        {stem(w) for w in content_words(quote.text)},
        {stem(w) for w in content_words(ref.text)},
    )
    same = sim >= s.quote_sim or _overlap(stems_a, stems_b) >= s.translation_overlap
    return ("translation" if same else "paraphrase"), notes


def _contiguous(small: list[str], big: list[str]) -> bool:
    n = len(small)
    return 0 < n < len(big) and any(big[i : i + n] == small for i in range(len(big) - n + 1))


def _meaning_change(
    a: list[str], b: list[str], others: Sequence[Quote], embedder: Embedder, s: CompareSettings, direct: bool
) -> str | None:
    """What changes the meaning between version ``a`` and reference ``b``, if anything. A swapped
    word counts only between direct quotes: reported speech is each outlet's own wording."""
    region = _covered(a, b)
    if region is None:
        return None
    if (negations(" ".join(a)) > 0) != (negations(" ".join(region)) > 0) and not _same_denial(a, b):
        return "negation flipped"
    na, nb = numbers(" ".join(a)), numbers(" ".join(region))
    if na and nb and na != nb:
        return f"number changed: {', '.join(sorted(nb))} -> {', '.join(sorted(na))}"
    return _word_swapped(a, region, others, embedder, s) if direct else None


def _covered(a: list[str], b: list[str]) -> list[str] | None:
    """The part of ``b`` that version ``a`` covers: its matched stretch, plus as many words
    before and after it as ``a`` itself has there (a replaced first or last word, not a trim);
    None when they share no word."""
    blocks = [m for m in difflib.SequenceMatcher(a=b, b=a, autojunk=False).get_matching_blocks() if m.size]
    if not blocks:
        return None
    first, last = blocks[0], blocks[-1]
    head = min(first.a, first.b)
    tail = min(len(b) - last.a - last.size, len(a) - last.b - last.size)
    return b[first.a - head : last.a + last.size + tail]


def _same_polarity(ka: _Keys, kb: _Keys) -> bool:
    """Both versions affirm, or both deny, what they share: a negation outside the words the
    shorter version covers in the longer one ("Not paying taxes makes me smart" against "That
    makes me smart") is about something else."""
    if ka.negated == kb.negated:
        return True
    short, long = sorted((ka.words, kb.words), key=len)
    region = _covered(short, long)
    if region is None:
        return False
    return (negations(" ".join(short)) > 0) == (negations(" ".join(region)) > 0)


def _same_denial(a: list[str], b: list[str]) -> bool:
    """Both versions deny the same thing, in another order ("made not in X but in Y" against
    "made in Y and not in X", where the reference's denial falls outside the matched region)."""
    return bool(_skeletons(negated_words(" ".join(a))) & _skeletons(negated_words(" ".join(b))))


def _skeletons(stems: set[str]) -> set[str]:
    """Words without vowels, so transliterations of one name meet ("Tchaikovsky", "Tchaikovskiy")."""
    return {re.sub("[aeiouy]", "", w) or w for w in stems}


def _word_swapped(
    a: list[str], region: list[str], others: Sequence[Quote], embedder: Embedder, s: CompareSettings
) -> str | None:
    """A content word replaced by one no other version uses, the rest (nearly) word for word."""
    ca = {stem(w): w for w in content_words(" ".join(a))}
    cb = {stem(w): w for w in content_words(" ".join(region))}
    if not ca or not cb or 2 * len(ca.keys() & cb.keys()) / (len(ca) + len(cb)) < 0.6:
        return None
    new, old = sorted(ca.keys() - cb.keys()), sorted(cb.keys() - ca.keys())
    if not new or not old or len(new) > 2:
        return None
    elsewhere = Counter(stem(w) for q in others for w in set(content_words(q.text)))
    replaced = _replaced(a, region)
    for n in new:
        if elsewhere[n] > 0 and len(others) > 1:
            continue  # another outlet has the same word: a translation choice, not an alteration
        # the word it replaced: one at the same place in the word diff when there is one
        candidates = [o for o in old if o in replaced.get(n, set())] or old
        vecs = embedder.embed([ca[n]] + [cb[o] for o in candidates])
        sims = vecs[1:] @ vecs[0]
        k = int(np.argmax(sims))
        if float(sims[k]) < s.word_swap_sim:
            return f"word swapped: {cb[candidates[k]]} -> {ca[n]}"
    return None


def _replaced(a: list[str], region: list[str]) -> dict[str, set[str]]:
    """For each content-word stem of ``a``, the stems of ``region`` its diff hunk replaced."""
    out: dict[str, set[str]] = {}
    ka, kb = [w.lower() for w in a], [w.lower() for w in region]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=kb, b=ka, autojunk=False).get_opcodes():
        if tag == "replace":
            olds = {stem(w) for w in content_words(" ".join(region[i1:i2]))}
            for w in content_words(" ".join(a[j1:j2])):
                out.setdefault(stem(w), set()).update(olds)
    return out


def word_diff(reference: str, version: str) -> list[list[str]]:
    """Word-level diff from the reference to a version: ``[op, text]`` with op equal/delete/insert."""
    ra, va = reference.split(), version.split()
    key = [w.strip(".,;:!?\"“”‘’'").lower() for w in ra]
    kev = [w.strip(".,;:!?\"“”‘’'").lower() for w in va]
    out: list[list[str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=key, b=kev, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(["equal", " ".join(va[j1:j2])])
            continue
        if i2 > i1:
            out.append(["delete", " ".join(ra[i1:i2])])
        if j2 > j1:
            out.append(["insert", " ".join(va[j1:j2])])
    return out

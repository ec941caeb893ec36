"""Framing: how each outlet hedges, attributes and words the story, claim by claim.

Per article: its headline (does it state the claim as fact, or hedge/attribute it?),
the hedges and the attribution verbs in its own voice, loaded terms outside quotes
(words a neutral report avoids unless quoting), and for each shared claim (a ledger
group with two or more articles) the hedges and verb this article used for it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from newsprism.compare.lexicon import loaded_model, zipf
from newsprism.compare.voice import (
    Term,
    lemma_counts,
    loaded_terms,
    own_voice,
    repeated_lemmas,
    reported_spans,
    score_terms,
    voice_of,
    voice_terms,
)
from newsprism.model import Article, LedgerGroup, Quote, Statement
from newsprism.nlp import load_spacy, model_key
from newsprism.nlp.cache import parsed_by
from newsprism.nlp.cache_articles import kept_framing
from newsprism.settings import CompareSettings
from newsprism.text import (
    ATTRIBUTION_VERBS,
    HEDGES,
    NOT_TAKEN,
    STOPWORDS,
    hedges_in,
    quote_regions,
    split_sentences,
    without_quoted,
)

__all__ = [
    "article_framing",
    "build_framing",
    "StoryContrast",
    "doubt_hedges",
    "headline_framing",
    "headline_terms",
    "presupposed_events",
    "read_parse",
    "ParseReading",
]

_WORDS = re.compile(r"[a-z][a-z'-]+")
_VERB = re.compile(  # "claimed victory" takes a thing: no attribution (NOT_TAKEN)
    r"\b("
    + "|".join(v for v in ATTRIBUTION_VERBS if not v.startswith("claim"))
    + r"|claim(?:s|ed)\b"
    + NOT_TAKEN
    + r")\b",
    re.IGNORECASE,
)
# Hedge phrases headed by an attribution verb ("according to") cite a source: the table counts
# them once, as that verb, as the gold counts "according to X" as attribution.
# A one-word hedge ("alleged drone attack") stays a hedge.
_FRAMING_HEDGES = tuple(h for h in HEDGES if " " not in h or h.split()[0] not in ATTRIBUTION_VERBS)


def _hedges(text: str) -> list[str]:
    return list(hedges_in(text, _FRAMING_HEDGES))


def _outside_quotes(text: str) -> str:
    for start, end in quote_regions(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _own_words(st: Statement, text: str, outside: str) -> str:
    """A statement's words outside quotes, read in its article: a sentence cut from a longer
    quote holds no quote mark of its own ("... but apparently that's a little scary.")."""
    if text[st.span.start : st.span.end] == st.text:
        return outside[st.span.start : st.span.end]
    return _outside_quotes(st.text)


# "DESPERATION: ...", "WATCH: ...", "BREAKING | ...": an all-capitals label an outlet puts before
# its headline. A dash is left out: "NATO – Russia talks" joins two names.
_KICKER = re.compile(r"^\s*([A-Z][A-Z’'&-]+(?: [A-Z][A-Z’'&-]+){0,3})\s*(?::|\s\|)\s+\S")


# A headline that wonders ("Maybe X", "X could …") or asks ("…, but is it?") does not state its
# claim; "May" before a number is the month.
_HEADLINE_DOUBT = re.compile(r"\b(?:maybe|perhaps|possibly|could|might|may(?!\s+\d))\b", re.IGNORECASE)


# A list or a guide to what is coming ("5 things to watch in tonight's debate", "Three
# takeaways from ...", "What to watch for ...") promises an article; it states no claim.
_HEADLINE_GUIDE = re.compile(
    r"^\s*(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:\w+\s+)?"
    r"(?:things|ways|reasons|takeaways|questions|lessons|moments|facts|signs|highlights)"
    r"|(?:what|here'?s what|where|how)\s+to\s+(?:watch|know|expect|look for))\b",
    re.IGNORECASE,
)


def _headline_hedges(title: str) -> list[str]:
    hedges = _hedges(title)
    outside = _outside_quotes(title)
    words = {w for h in hedges for w in h.split()}  # "may have" is one hedge, not two
    hedges += [m.group().lower() for m in _HEADLINE_DOUBT.finditer(outside) if m.group().lower() not in words]
    hedges += [m.group().strip().lower() for m in _HEADLINE_GUIDE.finditer(outside)]
    return hedges + (["?"] if outside.rstrip(" .").endswith("?") else [])


def headline_framing(title: str | None) -> dict:
    """Does the headline assert (no hedge, no attribution verb, no question) or report a claim?"""
    if not title:
        return {"text": None, "kicker": None, "asserts": None, "hedges": [], "verbs": [], "presupposes": []}
    hedges = _headline_hedges(title)
    verbs = sorted({m.group(1).lower() for m in _VERB.finditer(title)})
    verbs += [
        v
        # "Survivors explain why the mayor deserves a vote": the reason is theirs
        for v in ("accuses", "blames", "claims", "says", "denies", "explain", "explains")
        if re.search(rf"\b{v}\b" + (NOT_TAKEN if v == "claims" else ""), title, re.I)
    ]
    kicker = _KICKER.match(title)
    return {
        "text": title,
        "kicker": kicker.group(1) if kicker else None,
        "asserts": not hedges and not verbs,
        "hedges": hedges,
        "verbs": sorted(set(verbs)),
        "presupposes": presupposed_events(title),
    }


# Nouns that name an event as having happened ("bomb attack", "rebel raid") or a wrong as
# having been done ("bribery scandal", "voter fraud"). Nouns a speaker calls something ("a
# hoax", "a smear") are claims the headline attributes, not events it takes as given.
_EVENT_NOUNS = (
    "attack|strike|assault|raid|bombing|shooting|killing|murder|massacre|invasion|coup|plot|"
    "assassination|hack|breach|fraud|cover-up|crime|incursion|sabotage|ambush|abduction|kidnapping|"
    "scandal|riot"
)
_EVENT_PHRASE = re.compile(rf"\b((?:[\w’'-]+\s+){{0,2}}(?:{_EVENT_NOUNS})s?)\b", re.IGNORECASE)
_HEADLINE_CHARS = 500
_DOUBT = re.compile(
    r"\b(?:alleged|apparent|purported|claimed|suspected|possible|reported|so-called|supposed|called)\b", re.I
)


def presupposed_events(title: str) -> list[str]:
    """Event phrases a headline states as fact even when it attributes its main claim
    ("Ministry Blames Rivals for Attempted Dam Sabotage" takes the sabotage as given); a phrase
    with a word of doubt ("alleged attack") or inside quote marks presupposes nothing."""
    # A headline is far shorter; the pattern's cost grows with the square of a word's length.
    outside = without_quoted(title[:_HEADLINE_CHARS], "“\"‘'", "”\"’'")
    found = []
    for m in _EVENT_PHRASE.finditer(outside):
        if _DOUBT.search(m.group(1)) or _DOUBT.search(outside[max(0, m.start() - 12) : m.start()]):
            continue
        words = m.group(1).split()
        while len(words) > 1 and words[0].lower() in STOPWORDS | {"behind", "against", "over", "amid"}:
            words = words[1:]
        found.append(" ".join(words))
    return found


_EVENT_WORD = re.compile(rf"\b(?:{_EVENT_NOUNS})s?\b", re.IGNORECASE)
# A hedge this close before an event noun ("an alleged arson attack", "what it called an attack").
_BEFORE = 40


# The outlet says it does not know whether the event happened: "we still don't know ... if the
# attack happened at all", "it is unclear whether the strike took place". The event noun heads
# an "if"/"whether" clause (a determiner at most between them) in a sentence that says so.
_WHETHER = re.compile(r"\b(?:if|whether)\s+(?:(?:the|a|an|this|that|any|such)\s+)?(?:[\w-]+\s+)?$", re.I)
_NOT_KNOWN = re.compile(
    r"\b(?:(?:do|does|did|can|could)(?:n[’']t| not)|not|never|no one|nobody)\s+(?:\w+\s+){0,2}"
    r"(?:know|knows|known|clear|sure|certain|confirm|confirmed|verify|verified|establish|established)\b"
    r"|\b(?:unclear|unknown|uncertain|unconfirmed|unverified)\b",
    re.I,
)


def _doubted(before: str, sentence_before: str = "") -> bool:
    """A word of doubt or a hedge just ``before`` the event noun, or the noun heading an
    "if"/"whether" clause of a sentence (``sentence_before``: its text up to the noun) that
    says the event is not known to have happened."""
    if _DOUBT.search(before) or hedges_in(before):
        return True
    return bool(_WHETHER.search(sentence_before) and _NOT_KNOWN.search(sentence_before))


# Doubt read from the parse: the outlet (or someone it reports) cannot say an event happened.
# Verifying verbs doubt a claim whoever their subject is ("officials could not confirm the
# strike", "the video could not be verified"); knowing words only with the outlet's "we", an
# impersonal subject or none ("we don't know if it happened", "it is not clear whether").
_VERIFY = frozenset({"verify", "confirm", "validate", "corroborate", "substantiate", "authenticate"})
_KNOW = frozenset({"know", "clear", "sure", "certain", "establish", "determine"})
_IMPERSONAL = frozenset({"we", "it", "this", "that"})


def _negated(token) -> bool:
    """The word is negated: a "not"/"n't"/"never" on it or on the verb it is the complement of."""
    heads = [token, token.head] if token.dep_ in ("acomp", "xcomp", "attr") else [token]
    return any(c.dep_ == "neg" for h in heads for c in h.children)


def _subject_ok(token) -> bool:
    if token.lemma_.lower() in _VERIFY:
        return True
    heads = [token, token.head] if token.dep_ in ("acomp", "xcomp", "attr") else [token]
    subjects = [c for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    return all(c.lower_ in _IMPERSONAL for c in subjects) or any(c.dep_ == "auxpass" for c in token.children)


def _doubt_phrase(token) -> str:
    """The words from the negated verb's first auxiliary or negation to the word itself."""
    heads = [token, token.head] if token.dep_ in ("acomp", "xcomp", "attr") else [token]
    parts = [c for h in heads for c in h.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < token.i]
    parts += [h for h in heads if h is not token and h.i < token.i]
    first = token.doc[min([p.i for p in parts] + [token.i])]
    return " ".join(token.doc.text[first.idx : token.idx + len(token)].lower().replace("’", "'").split())


def doubt_hedges(doc: Doc, voice: str) -> Counter:
    """Doubt the parse finds in the outlet's own voice (``voice``: the text with quoted words
    blanked) that no word list lists: "we still don't know ... if the attack happened at all",
    "the footage could not be independently verified", "it was not clear whether ..."."""
    found: Counter = Counter()
    for token in doc:
        if (
            token.lemma_.lower() not in _VERIFY | _KNOW
            or voice[token.idx : token.idx + len(token)] != token.text
        ):
            continue
        if _negated(token) and _subject_ok(token):
            found[_doubt_phrase(token)] += 1
    return found


def _start(sentences: Sequence[tuple[int, int]], at: int) -> int:
    """Where the sentence holding offset ``at`` starts (``at`` itself when none does)."""
    return next((a for a, b in sentences if a <= at < b), at)


def body_hedges(phrases: Sequence[str], text: str, voice: str, title: str | None = None) -> list[dict]:
    """For each event phrase a headline takes as given, how the article's body hedges the
    same event, if it does: a word of doubt or a hedge just before the event noun ("alleged
    attack", "could not validate the strike") or a sentence saying it is not known whether the
    event happened ("we don't know if the attack happened at all"): ``how="doubt"``; or the
    event named only in reported speech or quotes, never in the outlet's own voice
    (``how="attributed"``). Each entry carries the body passage and its
    span, so the reader can compare the headline with the body."""
    out = []
    sentences = split_sentences(text) if phrases else []
    # The headline repeated at the top of the body is not the body.
    titles = [(m.start(), m.end()) for m in re.finditer(re.escape(title), text)] if title else []
    for phrase in phrases:
        noun = _EVENT_WORD.search(phrase)
        if noun is None:
            continue
        stem = noun.group(0).lower().rstrip("s")
        hits = [
            m
            for m in re.finditer(rf"\b{re.escape(stem)}s?\b", text, re.IGNORECASE)
            if not any(a <= m.start() < b for a, b in titles)
        ]
        doubted = [
            m
            for m in hits
            if _doubted(
                text[max(0, m.start() - _BEFORE) : m.start()], text[_start(sentences, m.start()) : m.start()]
            )
        ]
        own = [m for m in hits if voice[m.start() : m.end()] == m.group(0)]
        chosen, how = (
            (doubted[0], "doubt") if doubted else (hits[0], "attributed") if hits and not own else (None, "")
        )
        if chosen is not None:
            start, end = next(
                ((a, b) for a, b in sentences if a <= chosen.start() < b), (chosen.start(), chosen.end())
            )
            out.append(
                {"phrase": phrase, "how": how, "text": text[start:end].strip(), "start": start, "end": end}
            )
    return out


def headline_terms(
    title: str | None, text: str, shared: Callable[[str], float] | None = None, threshold: float | None = None
) -> dict[str, int]:
    """Loaded words of a headline the body does not repeat (a web page's title is kept apart
    from its text), read from its own parse; a headline atop the body is read with the body."""
    if not title or title.strip()[:_HEADLINE_CHARS] in text:
        return {}
    title, nlp = title[:_HEADLINE_CHARS], load_spacy()
    # kept like a body's reading: a brief from the store does not parse its titles again
    reading = kept_framing(
        title, (), model_key(nlp), lambda: read_parse(title, (), nlp(title)), _encode, _decode
    )
    return score_terms(reading.terms, set(reading.repeated), shared, threshold)


def _merge(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    return dict(sorted((Counter(a) + Counter(b)).items()))


@dataclass(frozen=True)
class ParseReading:
    """What framing reads from one article's parse around its quotes' spans: a cached brief
    reads it back from the store (:func:`~newsprism.nlp.cache_articles.kept_framing`) instead
    of walking the parse again."""

    reported: tuple[tuple[int, int], ...]  # reported speech (:func:`reported_spans`)
    terms: tuple[Term, ...]  # own-voice words that could be loaded, with their phrases
    repeated: frozenset[str]  # their lemmas used more than once in the article
    doubts: tuple[tuple[str, int], ...]  # :func:`doubt_hedges`


def read_parse(text: str, quotes: Sequence[Quote], doc: Doc) -> ParseReading:
    """Read ``doc`` (the parse of ``text``) for framing; ``quotes`` are the article's quotes."""
    reported = reported_spans(doc)
    voice = voice_of(text, quotes, reported)
    terms = voice_terms(voice, doc)
    return ParseReading(
        tuple(reported),
        tuple(terms),
        frozenset(repeated_lemmas(terms, lemma_counts(doc))),
        tuple(doubt_hedges(doc, voice).items()),
    )


def _encode(reading: ParseReading) -> bytes:
    fields = [reading.reported, reading.terms, sorted(reading.repeated), reading.doubts]
    return json.dumps(fields).encode("utf-8", "surrogatepass")


def _decode(data: bytes) -> ParseReading:
    reported, terms, repeated, doubts = json.loads(data.decode("utf-8", "surrogatepass"))
    return ParseReading(
        tuple((a, b) for a, b in reported),
        tuple(((w, lemma, pos, tuple(roles)), unit) for (w, lemma, pos, roles), unit in terms),
        frozenset(repeated),
        tuple((h, n) for h, n in doubts),
    )


def _body_terms(
    article: Article,
    reading: ParseReading,
    voice: str,
    shared: Callable[[str], float] | None,
    threshold: float | None,
    story: StoryContrast | None,
    step: float,
) -> dict[str, int]:
    """The loaded terms of the article's body, contrast read when ``story`` is given."""
    repeated = set(reading.repeated)
    loaded = score_terms(reading.terms, repeated, shared, threshold)
    if story is None or step <= 0:
        return loaded
    bar = loaded_model().threshold if threshold is None else threshold
    lower = score_terms(reading.terms, repeated, shared, bar - step)
    return contrasted(loaded, lower, lambda word: _contrast_kind(story, article.id, voice, word))


def article_framing(
    article: Article,
    statements: Sequence[Statement],
    ledger: Sequence[LedgerGroup],
    doc: Doc | None = None,
    shared: Callable[[str], float] | None = None,
    quotes: Sequence[Quote] = (),
    loaded_threshold: float | None = None,
    story: StoryContrast | None = None,
    contrast_step: float = 0.0,
) -> dict:
    """One article's framing. ``doc`` is its parse (own voice and parts of speech are read
    from it when given); ``shared`` the share of the story's other articles using a word;
    ``quotes`` the article's quotes (their words are not the outlet's); ``story`` how the
    other outlets tell each fact, read with ``contrast_step`` (``compare.loaded_contrast_step``)."""
    reading = None
    if doc is not None:
        reading = kept_framing(
            article.text,
            quotes,
            parsed_by(doc),
            lambda: read_parse(article.text, quotes, doc),
            _encode,
            _decode,
        )
        voice = voice_of(article.text, quotes, reading.reported)
    else:
        voice = own_voice(article.text, statements, doc, quotes)
    headline = headline_framing(article.title)
    headline["body_hedges"] = body_hedges(headline["presupposes"], article.text, voice, article.title)
    outside = _outside_quotes(article.text)
    verbs = Counter(m.group(1).lower() for m in _VERB.finditer(outside))
    hedges = Counter(h for st in statements for h in _hedges(_own_words(st, article.text, outside)))
    if reading is not None:  # doubt worded in ways no list holds, each once (a listed phrase is counted)
        hedges.update({h: n for h, n in reading.doubts if h not in hedges})
    claims = []
    mine = {st.id: st for st in statements}
    for group in ledger:
        if len(group.article_ids) < 2 or article.id not in group.article_ids:
            continue
        for sid in group.statement_ids:
            if sid in mine:
                st = mine[sid]
                # A clause is hedged and attributed by its sentence's frame ("the union alleged
                # that A, and that B": B is alleged too), so read the whole sentence.
                sentence = st.sentence or st.span
                said = _outside_quotes(article.text[sentence.start : sentence.end])
                claims.append(
                    {
                        "group_id": group.id,
                        "statement_id": sid,
                        "hedges": _hedges(said),
                        "verbs": sorted({m.group(1).lower() for m in _VERB.finditer(said)}),
                        "attributed_to": st.attributed_to,
                    }
                )
    return {
        "article_id": article.id,
        "outlet": article.label,
        "headline": headline,
        "hedges": dict(sorted(hedges.items())),
        "attribution_verbs": dict(sorted(verbs.items())),
        "verb_tone": dict(sorted(Counter(ATTRIBUTION_VERBS[v] for v in verbs.elements()).items())),
        "loaded_terms": _merge(
            _body_terms(article, reading, voice, shared, loaded_threshold, story, contrast_step)
            if reading is not None
            else loaded_terms(voice, None, shared, loaded_threshold),
            # With the body's parse at hand, the headline is parsed too.
            headline_terms(article.title, article.text, shared, loaded_threshold) if doc is not None else {},
        ),
        "claims": claims,
    }


def _sharing(articles: Sequence[Article]) -> dict[str, Callable[[str], float]]:
    """Per article: the share of the story's other articles that use a word."""
    vocab = {a.id: set(_WORDS.findall(a.text.lower())) for a in articles}
    others = max(1, len(articles) - 1)
    # Articles using each word, counted once: a lookup, not a pass over every other article.
    users = Counter(w for v in vocab.values() for w in v)

    def share_for(aid: str) -> Callable[[str], float]:
        own = vocab[aid]
        return lambda w: (users[w] - (w in own)) / others

    return {a.id: share_for(a.id) for a in articles}


# How much of a sentence's content words another outlet's sentence must share (Jaccard) to be
# read as telling the same fact when the ledger groups neither (docs/results/brief.md 0zb).
_NEAR_OVERLAP = 0.3
# Letters of a word's stem: "rampaged" and "rampage" are one word to the contrast.
_STEM = 5


def _content(text: str) -> set[str]:
    return {w for w in _WORDS.findall(text.lower()) if w not in STOPWORDS}


def _stem(word: str) -> str:
    return word[:_STEM] if len(word) > _STEM + 1 else word


def _uses(sentence: str, word: str) -> bool:
    """The sentence holds ``word`` or a word of its stem ("rampaged" / "rampage" share one;
    "slain" / "killed" none)."""
    stem = _stem(word)
    return any(w.startswith(stem) for w in _WORDS.findall(sentence.lower()))


# Content words (by stem) a counterpart must share with the word's own clause to be shown as
# telling the same fact: the ledger's groups join whole statements, and one shared name is
# not yet the same fact (docs/results/brief.md 0zb).
_SHARED_STEMS = 3


class StoryContrast:
    """How the story's other outlets tell the fact a word of one outlet's own voice sits in:
    the statements the ledger groups with the word's statement, else each other article's
    sentence sharing the most content words (at least :data:`_NEAR_OVERLAP`). A loaded word
    another outlet leaves out of the same fact is that outlet's choice of wording, not the
    story's vocabulary."""

    def __init__(
        self, articles: Sequence[Article], statements: Sequence[Statement], ledger: Sequence[LedgerGroup]
    ) -> None:
        self.articles = {a.id: a for a in articles}
        self.sentences = {a.id: split_sentences(a.text) for a in articles}
        self.words = {a.id: [_content(a.text[s:e]) for s, e in self.sentences[a.id]] for a in articles}
        self.statements = {st.id: st for st in statements}
        self.of_article: dict[str, list[Statement]] = {}
        for st in statements:
            self.of_article.setdefault(st.article_id, []).append(st)
        self.groups: dict[str, list[LedgerGroup]] = {}
        for group in ledger:
            # a weak join ("possibly-shared") is not known to tell the same fact
            if len(set(group.article_ids)) >= 2 and group.status in ("consensus", "disputed"):
                for sid in group.statement_ids:
                    self.groups.setdefault(sid, []).append(group)
        self._postings: dict[str, list[tuple[str, int]]] | None = None  # word -> (article, sentence)

    def _sentence(self, article_id: str, at: int) -> tuple[int, int] | None:
        return next(((s, e) for s, e in self.sentences[article_id] if s <= at < e), None)

    def _grouped(self, article_id: str, at: int) -> dict[str, Statement]:
        """Per other article, the first statement the ledger groups with one holding ``at``."""
        out: dict[str, Statement] = {}
        for st in self.of_article.get(article_id, []):
            if not st.span.start <= at < st.span.end:  # the word's own clause, not its sentence
                continue
            for group in self.groups.get(st.id, []):
                for sid in group.statement_ids:
                    other = self.statements.get(sid)
                    # a quote is the speaker's wording, not the other outlet's
                    if other is not None and other.article_id != article_id and other.quote_id is None:
                        out.setdefault(other.article_id, other)
        return out

    def _overlaps(self, words: set[str]) -> dict[str, Counter]:
        """Per article, how many of ``words`` each of its sentences holds (by sentence index;
        sentences holding none left out), from the story's postings: reading every sentence of
        every article for each word asked made the contrast quadratic in the story's size."""
        if self._postings is None:
            self._postings = {}
            for article_id, sets in self.words.items():
                for k, theirs in enumerate(sets):
                    for w in theirs:
                        self._postings.setdefault(w, []).append((article_id, k))
        out: dict[str, Counter] = {}
        for w in words:
            for article_id, k in self._postings.get(w, ()):
                out.setdefault(article_id, Counter())[k] += 1
        return out

    def _nearest(self, article_id: str, words: set[str], shared: Mapping[int, int]) -> tuple[int, int] | None:
        """The article's sentence whose content words overlap ``words`` most (Jaccard, at least
        :data:`_NEAR_OVERLAP`; the later among equals); ``shared``: :meth:`_overlaps`'s counts."""
        best, found = _NEAR_OVERLAP, None
        sentences, sets = self.sentences[article_id], self.words[article_id]
        for k in sorted(shared):
            n = shared[k]  # |words & theirs|, so |words | theirs| is the sizes' sum less n
            if (j := n / (len(words) + len(sets[k]) - n)) >= best:
                best, found = j, sentences[k]
        return found

    def counterparts(self, article_id: str, at: int, word: str) -> list[dict]:
        """Each other outlet's telling of the fact at offset ``at`` of ``article_id``'s text
        (where its own-voice ``word`` stands): ``{"article_id", "text", "how": "ledger" |
        "nearest", "uses": does it use the word too}``; none for an outlet that does not tell it."""
        sentence = self._sentence(article_id, at)
        if sentence is None:
            return []
        article = self.articles[article_id]
        words = _content(article.text[sentence[0] : sentence[1]]) - {word}
        # the word's own clause (its statement), else its sentence
        clause = next(
            (
                (st.span.start, st.span.end)
                for st in self.of_article.get(article_id, [])
                if st.span.start <= at < st.span.end
            ),
            sentence,
        )
        stems = {_stem(w) for w in _content(article.text[clause[0] : clause[1]])} - {_stem(word)}
        grouped = self._grouped(article_id, at)
        overlaps = self._overlaps(words)
        out = []
        for other, theirs in self.articles.items():
            if theirs.label == article.label:  # another outlet's wording, not another of its own
                continue
            if other in grouped:
                span = grouped[other].sentence or grouped[other].span
                where, how = (span.start, span.end), "ledger"
            elif (near := self._nearest(other, words, overlaps.get(other, {}))) is not None:
                where, how = near, "nearest"
            else:
                continue
            said = " ".join(theirs.text[where[0] : where[1]].split())
            if said[:1] in "\"“‘'" or len(stems & {_stem(w) for w in _content(said)}) < _SHARED_STEMS:
                continue
            out.append({"article_id": other, "text": said, "how": how, "uses": _uses(said, word)})
        return out


def _contrast_kind(story: StoryContrast, article_id: str, voice: str, word: str) -> str:
    """How the other outlets tell the facts ``word`` stands in, over its own-voice occurrences
    (``voice``: the article's text with quotes and reported speech blanked): "without" (one
    tells it without the word), "shared" (every one that tells it uses the word) or "none"."""
    told = {
        c["uses"]
        for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", voice, re.IGNORECASE)
        for c in story.counterparts(article_id, m.start(), word)
    }
    return "without" if False in told else "shared" if told else "none"


def contrasted(
    loaded: Mapping[str, int],
    lower: Mapping[str, int],
    kind: Callable[[str], str],
) -> dict[str, int]:
    """The loaded terms once contrast is read: ``loaded`` are those listed at the bar, ``lower``
    those listed at the bar minus the contrast step; ``kind`` tells how other outlets word a
    term's word (:func:`_contrast_kind`). A word another outlet leaves out of the same fact is
    kept from the lower bar; one every outlet telling the fact uses is the story's word."""
    kinds = {unit: kind(unit.split()[0]) for unit in lower}
    return {
        unit: n
        for unit, n in lower.items()
        if kinds[unit] == "without" or (unit in loaded and kinds[unit] != "shared")
    }


def _own_at(text: str, term: str) -> int | None:
    """Where ``term`` first stands outside quote marks in ``text`` (its first word's offset)."""
    outside = _outside_quotes(text)
    words = r"\W+".join(re.escape(w) for w in term.split())
    m = re.search(rf"(?<![\w-]){words}(?![\w-])", outside, re.IGNORECASE)
    return m.start() if m else None


def loaded_contrasts(frame: dict, article: Article, story: StoryContrast) -> dict[str, list[dict]]:
    """Per loaded term of ``frame`` (an article's framing), the other outlets that tell the
    same fact without its word (:meth:`StoryContrast.counterparts`): the plainer wording a
    reader can set beside it. A term no other outlet tells, or every one tells with the same
    word, has none. Only counterparts the ledger groups with the term's statement are shown:
    the nearest-sentence guess (good enough for the off-by-default bar step) names a different
    matter about a third of the time on the calibrate halves, which a reader cannot tell."""
    out = {}
    for term in frame["loaded_terms"]:
        at = _own_at(article.text, term)
        if at is None:
            continue
        word = term.split()[0].lower()  # a phrase unit starts with its loaded word
        found = story.counterparts(article.id, at, word)
        without = [
            {k: c[k] for k in ("article_id", "text", "how")}
            for c in found
            if not c["uses"] and c["how"] == "ledger"
        ]
        if without:
            out[term] = without
    return out


def build_framing(
    articles: Sequence[Article],
    statements: Sequence[Statement],
    ledger: Sequence[LedgerGroup],
    docs: Sequence[Doc] | None = None,
    quotes: Sequence[Quote] = (),
    loaded_threshold: float | None = None,
    contrast_step: float | None = None,
) -> list[dict]:
    """Framing of every article; ``docs`` are the articles' parses, in the same order;
    ``contrast_step`` defaults to ``compare.loaded_contrast_step``."""
    step = CompareSettings().loaded_contrast_step if contrast_step is None else contrast_step
    by_article: dict[str, list[Statement]] = {}
    for st in statements:
        by_article.setdefault(st.article_id, []).append(st)
    quotes_of: dict[str, list[Quote]] = {}
    for q in quotes:
        quotes_of.setdefault(q.article_id, []).append(q)
    # Each article reads only the shared groups it is in (in ledger order), not the whole ledger.
    shared_of: dict[str, list[LedgerGroup]] = {}
    for group in ledger:
        if len(group.article_ids) >= 2:
            for article_id in dict.fromkeys(group.article_ids):
                shared_of.setdefault(article_id, []).append(group)
    spellings = spelling_choices(articles)
    sharing = _sharing(articles)
    story = StoryContrast(articles, statements, ledger)
    parses = list(docs) if docs is not None and len(docs) == len(articles) else [None] * len(articles)
    frames = []
    for a, doc in zip(articles, parses, strict=True):
        frame = article_framing(
            a,
            by_article.get(a.id, []),
            shared_of.get(a.id, []),
            doc,
            sharing[a.id],
            quotes_of.get(a.id, []),
            loaded_threshold,
            story,
            step,
        )
        frame["contrasts"] = loaded_contrasts(frame, a, story)
        frames.append({**frame, "spellings": spellings.get(a.id, {})})
    return frames


_NAME_WORD = re.compile(r"\b[A-Z][a-z-]{3,}\b")


# Letters that stand for one sound at the start of a transliterated name ("Gaddafi" /
# "Qaddafi", "Usama" / "Osama", "Iakovos" / "Yakovos"): general spelling, not a list of names.
_FIRST_SOUND = str.maketrans("gkqeoujizv", "cccaaayysw")


def _skeleton(word: str) -> str:
    """First sound, consonants, last letter: what two transliterations of a name share
    ("Tchaikovsky" / "Tchaikovskiy", "Gaddafi" / "Gadhafi" / "Qaddafi"). An "h" and a doubled
    consonant are spelling marks ("dh", "dd"), not sounds of their own."""
    low = word.lower()
    inner = re.sub(r"(.)\1+", r"\1", re.sub("[aeiouyh-]", "", low[1:-1]))
    return low[0].translate(_FIRST_SOUND) + inner + low[-1]


# A capitalised word right after a name word, or right before it: a title's abbreviation may
# end in a stop ("Gov."), a sentence's last word may not ("... the Kremlin. Zelensky said").
_NAME_AFTER = re.compile(r" ([A-Z][\w’'-]+)")
_NAME_BEFORE = re.compile(r"([A-Z][\w’'-]+|[A-Z][a-z]{1,3}\.) $")


def _companions(articles: Sequence[Article]) -> dict[str, set[str]]:
    """Per name word, the capitalised words written next to it (one space apart): a first
    name's surname, a surname's first name or title."""
    out: dict[str, set[str]] = {}
    for a in articles:
        text = f"{a.title or ''} {a.text}"
        for m in _NAME_WORD.finditer(text):
            near = set()
            if (after := _NAME_AFTER.match(text, m.end())) is not None:
                near.add(after.group(1))
            if (before := _NAME_BEFORE.search(text[max(0, m.start() - 40) : m.start()])) is not None:
                near.add(before.group(1))
            out.setdefault(m.group(), set()).update(near)
    return out


def _one_name(a: str, b: str, companions: Mapping[str, set[str]]) -> bool:
    """Two spellings of one name unless both are written beside other name words and never
    beside the same one ("Paul Ryan" / "Phil Bryant": two people; "Volodymyr Zelensky" /
    "Volodymyr Zelenskiy": one)."""
    ca, cb = companions.get(a, set()), companions.get(b, set())
    return not (ca and cb) or bool(ca & cb)


# Both forms this common in general English (zipf) are two words ("Cake" / "Choke"), not two
# spellings of one name; a transliterated name is rarer than that ("Kiev" 3.5, "Kyiv" 3.1).
_COMMON_FORM = 3.6


def _two_words(a: str, b: str) -> bool:
    return min(zipf(a), zipf(b)) >= _COMMON_FORM


def spelling_choices(articles: Sequence[Article]) -> dict[str, dict[str, list[str]]]:
    """Per article, each name it spells one way while another outlet of the story spells it
    another way: ``{article_id: {"Tchaikovsky": ["Tchaikovskiy"]}}``. Spellings are told apart by string
    shape only (same first sound, consonants and last letter), never by a list of names, and
    confirmed across outlets: each form is used by some article that never uses the other. A
    capitalised word the texts also use in lower case is an ordinary word, not a name."""
    lower = Counter(w for a in articles for w in re.findall(r"\b[a-z][a-z-]{3,}\b", a.text))
    upper = Counter(w for a in articles for w in _NAME_WORD.findall(a.text))
    used: dict[str, set[str]] = {}  # spelling -> articles
    for a in articles:
        for w in set(_NAME_WORD.findall(f"{a.title or ''} {a.text}")):
            if upper[w] > lower[w.lower()]:  # written capitalised more often than not: a name
                used.setdefault(w, set()).add(a.id)
    shapes: dict[str, list[str]] = {}
    for w in sorted(used):
        shapes.setdefault(_skeleton(w), []).append(w)
    out: dict[str, dict[str, list[str]]] = {}
    companions = _companions(articles) if any(len(f) > 1 for f in shapes.values()) else {}
    for forms in shapes.values():
        if len(forms) < 2:
            continue
        for w in forms:
            # Two forms in one article are two names ("Paris" and "Peres"), not two spellings.
            others = sorted(
                o
                for o in forms
                if o != w
                and used[o] - used[w]
                and not used[o] & used[w]
                and not _two_words(w, o)
                and _one_name(w, o, companions)
            )
            for article in used[w]:
                if others:
                    out.setdefault(article, {})[w] = others
    return out

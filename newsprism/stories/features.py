"""What an article contributes to story clustering: weighted-able feature counts.

Feature keys carry a kind prefix so one sparse vector holds them all:

    w:<stem>    content word (lower-cased, stop words out, crude suffix stripping)
    e:<token>   token of a named entity (person, organisation, place, event)
    n:<number>  a number written with digits (not a year)
    y:<year>    a year mentioned in the text (1900-2099)
    d:<date>    a calendar date written out in full ("March 14, 2013" -> d:2013-03-14)
    a:<n>><w>   who did what in the lead: a name and the first content word after it

Two extractors fill the ``e:`` kind: :func:`fast_entities`, a capitalised-phrase
reader that needs no model (the default at corpus scale), and spaCy NER through
:func:`spacy_features` when the caller can afford the parse.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from newsprism.clean.dates import all_dates
from newsprism.model import Article
from newsprism.temporal.calendar import weekday_near
from newsprism.temporal.lexicon import NAMED_DAY_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "ArticleFeatures",
    "fast_features",
    "lead_actions",
    "parse_published",
    "spacy_features",
    "stem",
    "title_counts",
]

_WORD = re.compile(r"[^\W\d_][\w'’\-]*|\d+(?:[.,]\d+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_YEAR = re.compile(r"^(19|20)\d\d$")
_DAY_WORD = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)\b", re.IGNORECASE
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]+$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# A line of at least _TITLE_WORDS content words, every one capitalised, is in title case (a
# headline): its capitals say nothing about names. Every one, not 80%: a report's sentence full
# of names ("Tara Reid has checked herself into Promises Treatment Center") passed 80% and lost
# names the rest of its text never repeats (ECB+ train 0.930 -> 0.922).
_TITLE_WORDS = 3

# Small, fixed list: the clustering weights words by inverse document frequency,
# so this only has to drop the function words that would dominate short texts.
_STOP_TEXT = """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours out over
    own said same say says she should so some such than that the their theirs them themselves then
    there these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours yourself mr mrs ms dr st according told
    news reported report reports one two three four five six seven eight nine ten new also could
    last first year years time week day today yesterday tomorrow"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
_CALENDAR_TEXT = """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept oct
    nov dec"""
CALENDAR_WORDS = frozenset(_CALENDAR_TEXT.split())
# spaCy labels whose tokens count as entity features; dates and numbers go elsewhere.
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)


@dataclass(frozen=True)
class ArticleFeatures:
    """Feature counts of one article, plus what the decision needs besides text."""

    article_id: str
    counts: dict[str, int]
    published: date | None = None
    outlet: str | None = None
    title: str = ""
    # An undated article's latest past dated mention (published on or after it), if any.
    floor: date | None = None


def stem(word: str) -> str:
    """A crude English suffix strip so 'arrested', 'arrests' and 'arrest' meet."""
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + keep
    return word


def parse_published(value: str | None) -> date | None:
    """The calendar date of an ISO date or datetime string, else None."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def fast_features(
    article: Article,
    lead_sentences: int = 0,
    lead_boost: int = 1,
    actions: int = 0,
    titles: bool = False,
    days: int = 0,
) -> ArticleFeatures:
    """Features from regular expressions and capitalisation alone (no model).

    The title and the first ``lead_sentences`` sentences count ``lead_boost`` times:
    the lead says which event this is, the body often recalls earlier ones. With
    ``actions``, the who-did-what pairs of the title and first sentence
    (:func:`lead_actions`) are added, each counted ``actions`` times. ``titles``: see
    :func:`fast_entities`.
    """
    counts: Counter[str] = Counter()
    body_words = _add_words(counts, article.text)
    _add_words(counts, article.title or "")
    for token in fast_entities(article.text, body_words, titles):
        counts["e:" + token] += 1
    if lead_boost > 1 and lead_sentences > 0:
        head = _SENTENCE_END.split(article.text.strip(), maxsplit=lead_sentences)[:lead_sentences]
        lead = "\n".join([article.title or "", *head])
        extra: Counter[str] = Counter()
        _add_words(extra, lead)
        for token in fast_entities(lead, body_words, titles):
            extra["e:" + token] += 1
        for key, value in extra.items():
            counts[key] += value * (lead_boost - 1)
    if actions > 0:
        first = _SENTENCE_END.split(article.text.strip(), maxsplit=1)[:1]
        for sentence in [article.title or "", *first]:
            for key in lead_actions(sentence, body_words):
                counts[key] += actions
    if days > 0 and lead_sentences > 0:
        published = parse_published(article.published) if article.published_source != "text-mention" else None
        head = _SENTENCE_END.split(article.text.strip(), maxsplit=lead_sentences)[:lead_sentences]
        for day in lead_days("\n".join([article.title or "", *head]), published):
            counts["d:" + day.isoformat()] += days
    return _features(article, counts)


def lead_days(text: str, published: date | None) -> list[date]:
    """The days a dated article's lead names relative to its publication day ("Tuesday",
    "yesterday", "tonight"): the day of the event it reports, which two reports published a
    day apart share. A bare weekday is the latest one on or before publication, the day after
    it excepted (the convention of temporal.normalize); a named day ("Super Tuesday", "Good
    Friday") is of no known week. Undated articles have no anchor."""
    if published is None:
        return []
    found = []
    for match in _DAY_WORD.finditer(text):
        word = match.group(1).lower()
        before = _WORD_BEFORE.search(text[max(0, match.start() - 20) : match.start()])
        if before is not None and before.group(1).lower() in NAMED_DAY_WORDS:
            continue
        if word == "yesterday":
            found.append(published - timedelta(days=1))
        elif word in ("today", "tonight"):
            found.append(published)
        elif match.group(1)[0].isupper():
            wd = _WEEKDAYS.index(word)
            tomorrow = (wd - published.weekday()) % 7 == 1
            found.append(weekday_near(published, wd, "same-or-future" if tomorrow else "same-or-past"))
    return found


def lead_actions(sentence: str, lower_words: set[str]) -> list[str]:
    """Who-did-what pairs of one lead sentence: each name with the first content word after it.

    "Senate confirms Barrett" gives ``a:senate>confirm``: the actor and its action together
    are evidence of one event, where the actor alone is a topic's standing figure.
    """
    tokens = _WORD.findall(sentence)
    names = [_is_name(t, lower_words) for t in tokens]
    found = []
    for i, token in enumerate(tokens):
        if not names[i] or (i + 1 < len(tokens) and names[i + 1]):
            continue
        actor = _word_key(token)[1]
        if actor is None:
            continue
        for j in range(i + 1, min(i + 4, len(tokens))):
            if names[j] or tokens[j][0].isdigit():
                break
            key = _word_key(tokens[j])[1]
            if key is not None:
                found.append("a:" + actor[2:] + ">" + key[2:])
                break
    return found


def _is_name(token: str, lower_words: set[str]) -> bool:
    low = token.lower()
    return (
        token[0].isupper() and low not in STOP_WORDS and low not in CALENDAR_WORDS and low not in lower_words
    )


def spacy_features(article: Article, doc: Doc) -> ArticleFeatures:
    """Features where entities, numbers and years come from a spaCy parse of the text."""
    counts: Counter[str] = Counter()
    _add_words(counts, article.text, numbers=False)
    _add_words(counts, article.title or "", numbers=False)
    for ent in doc.ents:
        if ent.label_ in ENTITY_LABELS:
            for token in _WORD.findall(ent.text.lower()):
                if token not in STOP_WORDS:
                    counts["e:" + token] += 1
        elif ent.label_ in {"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE"}:
            for token in _WORD.findall(ent.text):
                _add_number(counts, token)
    return _features(article, counts)


def _features(article: Article, counts: Counter[str]) -> ArticleFeatures:
    for iso in all_dates(article.text):
        counts["d:" + iso] += 1
    title = article.title or _first_line(article.text)
    day = parse_published(article.published)
    bound = article.published_source == "text-mention"  # a lower bound, not the day
    return ArticleFeatures(
        article_id=article.id,
        counts=dict(counts),
        published=None if bound else day,
        outlet=article.outlet,
        title=title,
        floor=day if bound else None,
    )


def title_counts(title: str) -> Counter[str]:
    """The content-word features (``w:``) of a headline, as :func:`fast_features` counts them."""
    counts: Counter[str] = Counter()
    _add_words(counts, title, numbers=False)
    return counts


def _first_line(text: str) -> str:
    head = _SENTENCE_END.split(text.strip(), maxsplit=1)[0] if text.strip() else ""
    return head[:120]


def _add_words(counts: Counter[str], text: str, numbers: bool = True) -> set[str]:
    """Count content words (and digit numbers); return the words written in lower case."""
    seen: set[str] = set()
    # Each distinct token once, with its count: Counter keeps first-occurrence order, so the
    # feature keys are inserted in the same order as token by token.
    for token, n in Counter(_WORD.findall(text)).items():
        if token[0].isdigit():
            if numbers:
                _add_number(counts, token, n)
            continue
        lower, key = _word_key(token)
        if lower is not None:
            seen.add(lower)
        if key is not None:
            counts[key] += n
    return seen


@functools.lru_cache(maxsize=1 << 16)
def _word_key(token: str) -> tuple[str | None, str | None]:
    """(the word if written in lower case, its ``w:`` feature or None) for one word token.

    Cached: a corpus repeats a few thousand words, and lower-casing, the stop-word checks
    and the suffix strip per occurrence cost more than the clustering itself.
    """
    low = token.lower().replace("’", "'")
    lower = low if token.islower() else None
    if low.endswith("'s"):
        low = low[:-2]
    if len(low) < 3 or low in STOP_WORDS or low in CALENDAR_WORDS:
        return lower, None
    return lower, "w:" + stem(low)


def _add_number(counts: Counter[str], token: str, n: int = 1) -> None:
    value = token.replace(",", "")
    if not value[:1].isdigit():
        return
    if _YEAR.match(value):
        counts["y:" + value] += n
    elif len(value) >= 2:  # single digits are everywhere and tell stories apart poorly
        counts["n:" + value] += n


def fast_entities(text: str, lower_words: set[str] | None = None, titles: bool = False) -> list[str]:
    """Lower-cased tokens of capitalised phrases, the cheap stand-in for NER.

    A capitalised word at the start of a sentence is kept only when it is part of a
    longer phrase or never appears in lower case in the same text ('Police said'
    is not a name when the text also says 'police'). With ``titles``, in a title-case line
    (a headline, which the cleaned text often repeats as its first line), where every word
    is capitalised, the same holds for each of its words: 'Going', 'Way' and 'Wrong' are
    not names when the text also writes them in lower case.
    """
    if lower_words is None:
        lower_words = {t.lower() for t in _WORD.findall(text) if t.islower()}
    found: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        tokens = _WORD.findall(sentence)
        titled = titles and _title_case(tokens)
        for start, run in _capitalised_runs(tokens):
            if titled:
                found.extend(low for low in (t.lower() for t in run) if low not in lower_words)
            elif not (start == 0 and len(run) == 1 and run[0].lower() in lower_words):
                found.extend(t.lower() for t in run)
    return found


def _title_case(tokens: Sequence[str]) -> bool:
    """Is every one of a line's content words (``_TITLE_WORDS`` or more) capitalised?"""
    content = [t for t in tokens if len(t) > 2 and t[0].isalpha() and t.lower() not in STOP_WORDS]
    return len(content) >= _TITLE_WORDS and all(t[0].isupper() for t in content)


def _capitalised_runs(tokens: Sequence[str]) -> Iterable[tuple[int, list[str]]]:
    run: list[str] = []
    start = 0
    for i, token in enumerate(tokens):
        low = token.lower()
        if token[0].isupper() and low not in STOP_WORDS and low not in CALENDAR_WORDS:
            if not run:
                start = i
            run.append(token)
            continue
        if run:
            yield start, run
            run = []
    if run:
        yield start, run

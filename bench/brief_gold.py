"""The brief against hand-written gold on real multi-outlet stories (ECB+ train topics).

Gold: ``bench/brief_gold/<story>.json`` (format and rules in ``bench/brief_gold/README.md``),
written without seeing newsprism's output. ``stories.json`` fixes which stories calibrate and
which report; thresholds are tuned on ``calibrate`` only.

    PYTHONPATH=. python bench/brief_gold.py --split report           # the figures we report
    PYTHONPATH=. python bench/brief_gold.py --split calibrate -v     # tuning, with every miss
    PYTHONPATH=. python bench/brief_gold.py --split report --check   # the eval gate (make eval)
    PYTHONPATH=. python bench/brief_gold.py --gold bench/brief_gold_polnear --split report
    PYTHONPATH=. python bench/brief_gold.py --gold bench/brief_gold_polnear_dev --split dev -v  # timeline dev set
    PYTHONPATH=. python bench/brief_gold.py --gold bench/brief_gold_polnear_dev3 --split dev -v  # facts dev set
    PYTHONPATH=. python bench/brief_gold.py --gold bench/brief_gold_polnear_tdev5 --split dev -v  # timeline dev set (blind, session 14)
    PYTHONPATH=. python bench/brief_gold.py --gold bench/brief_gold_polnear_tdev6 --split dev -v  # timeline dev set (blind, session 15)
    PYTHONPATH=. python bench/brief_gold.py --gold bench/brief_gold_polnear_qdev4 --split dev -v  # quote groups dev set

A gold directory whose ``stories.json`` says ``"source": "polnear"`` holds PolNeAR stories:
its articles are PolNeAR texts numbered by ``bench/polnear_text.py``, given to newsprism with
their outlet and publication date from PolNeAR's metadata.

Measures (pooled over the split's articles):
  quote R / P          a gold quote is found when a system quote overlaps its locator; one
                       system quote may find several gold entries of one speaker that it
                       contains whole (the gold splits a multi-sentence quote by sentence);
                       a fragment inside a matched quote is part of it (a mixed quote), not
                       an extra, and where it is grouped that quote is grouped
  speaker acc          found quotes whose speaker's canonical name equals the gold name
  same name            pairs of found quotes of one gold speaker given the same name
  quote groups P/R/F1  pairs of found quotes in different articles, grouped vs gold groups (a
                       quote that finds several gold entries reports the groups of all of them)
  facts found          shared gold facts (2+ articles) with one ledger group spanning all
                       their articles (``facts 2+`` : a group spanning at least two;
                       ``confirmed``: a group that is not possibly-shared with 2+ origins, one
                       the brief shows as agreement, not as "possibly the same fact")
  ledger pair P        statement pairs from different articles grouped by the ledger whose
                       sentences both support one gold fact, over grouped pairs whose
                       sentences both support some gold fact
  only-here wrong      (shared fact, article) pairs where the article's statement is listed
                       as only here and grouped with no other article of the fact
  only-here recall     facts one article alone states that are listed as only here
  contradictions P/R   flagged pairs whose passages are a gold real contradiction
  timeline R           gold dates found at their precision, cited at a gold sentence
  timeline one row     gold events that 2+ articles date and the timeline cites in 2+ articles,
                       with one row citing all of those articles (one event, one date)
  rows per event       timeline rows citing a gold event's sentences, per gold event cited at all
  timeline pair P      passages of different articles in one row, both supporting gold events,
                       that support the same one
  loaded R / P         own-voice loaded terms per article
  summary cite P       of (summary line, outlet article it cites) pairs, those gold backs: when
                       the line's shown sentence overlaps gold sentences of facts F (facts whose
                       support lists that article at that sentence), a cited article is right
                       when gold lists it as stating a fact of F; when it overlaps no gold fact,
                       a cited article is right when it is the shown article, or the sentence of
                       one of its cited statements holds at least half the content words
                       (lowercase words of 4+ letters) of the shorter of the two sentences
  summary gold facts   summary lines whose shown sentence states a gold fact (as above)
  summary cite recall  for lines stating gold facts F: of the story's articles gold lists as
                       stating a fact of F, the share the line cites (citing fewer is not free)
  agree cite P / R / gold facts   the same for the "what the outlets agree on" lines: ledger groups
                       of 2+ articles, not possibly-shared ones of 2+ origins (the first 25, as the brief shows them: a group whose text an
                       earlier line shows citing all its articles is not a line), each shown as the
                       group's text in the sentence of the member with that text and citing every
                       article of the group with its members there
  agree any cite P     agree cite P over every group of 2+ articles whatever its status (the
                       rows before session 13 kept possibly-shared groups of several origins apart)
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ecbplus_text import DEFAULT_DATA, sentences, url, xml_path
from polnear_text import metadata as polnear_metadata
from polnear_text import read_text as polnear_read
from polnear_text import sentence_spans as polnear_spans

from newsprism.analyze import analyze_articles
from newsprism.clean import clean_document
from newsprism.model import Article, Document
from newsprism.pipeline import Analysis
from newsprism.render.brief_text import agree_rows, unconfirmed
from newsprism.settings import load_settings

GOLD = Path(__file__).resolve().parent / "brief_gold"
_ARTICLES = re.compile(r"^(?:the|a|an)\s+")


@dataclass
class Doc:
    """One gold document: its article, and the raw span of every ECB+ sentence."""

    name: str
    article: Article
    spans: dict[int, tuple[int, int]]

    def sentences_of(self, start: int, end: int) -> set[int]:
        """ECB+ sentence numbers a cleaned-text span ``[start, end)`` overlaps."""
        rs, re_ = self.article.offsets.span_to_raw(start, end)
        return {n for n, (a, b) in self.spans.items() if a < re_ and rs < b}

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.article.offsets.span_to_raw(start, end)


@dataclass
class Tally:
    """Numerators and denominators pooled over stories."""

    n: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    misses: list[str] = field(default_factory=list)

    def add(self, key: str, value: float = 1.0) -> None:
        self.n[key] += value

    def ratio(self, num: str, den: str) -> float | None:
        return self.n[num] / self.n[den] if self.n[den] else None


def build_doc(data: Path, name: str) -> Doc:
    """The ECB+ document as a text article, cleaned the way ``analyze`` cleans a file."""
    xml = xml_path(data, name)
    lines, spans, pos = [], {}, 0
    for number, line in sentences(xml):
        spans[number] = (pos, pos + len(line))
        lines.append(line)
        pos += len(line) + 1
    raw = "\n".join(lines) + "\n"
    document = Document(path=f"{name}.txt", raw=raw, format="text", url=url(xml))
    return Doc(name, clean_document(document), spans)


def build_polnear_doc(data: Path, name: str, meta: dict[str, str], raw: str | None = None) -> Doc:
    """A PolNeAR article as a text file, cleaned as ``analyze`` cleans one, with its outlet,
    title and date from the metadata (as a crawler would have them). ``raw``, when given, is
    the article's text edited by the caller (bench/brief_contra_probe.py)."""
    raw = polnear_read(data, name) if raw is None else raw
    spans = dict(enumerate(polnear_spans(raw)))
    article = clean_document(Document(path=f"{name}.txt", raw=raw, format="text"))
    article = dataclasses.replace(
        article,
        outlet=meta.get("publisher") or article.outlet,
        title=meta.get("title") or article.title,
        published=meta.get("publication_date") or article.published,
        published_source="metadata" if meta.get("publication_date") else article.published_source,
    )
    return Doc(name, article, spans)


def norm_name(name: str | None) -> str:
    if not name:
        return ""
    # a curly apostrophe is the straight one ("O’Malley" / "O'Malley"); NFKD would drop it
    folded = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"[^a-z0-9 ]+", " ", folded)
    return _ARTICLES.sub("", re.sub(r"\s+", " ", folded).strip())


def _without_initials(name: str) -> str:
    """A normalised name without its middle initials ("raymond w kelly" -> "raymond kelly")."""
    words = name.split()
    if len(words) < 3:
        return name
    inner = [w for w in words[1:-1] if len(w) > 1]
    return " ".join([words[0], *inner, words[-1]])


def speaker_ok(system: str | None, gold: str, strict: bool = False) -> bool:
    """Equal canonical names; an unnamed source (all lower case in gold) needs a shared word.
    Unless ``strict``, a middle initial written by one side only does not count: the ECB+ gold
    writes the fullest name ("Raymond W. Kelly"), the PolNeAR gold the plain one ("James
    Lewis" where the article writes "James A. Lewis"); both name one person."""
    a, b = norm_name(system), norm_name(gold)
    if not a:
        return False
    if a == b:
        return True
    if not strict and gold != gold.lower() and _without_initials(a) == _without_initials(b):
        return True
    if gold == gold.lower():
        return bool(set(a.split()) & set(b.split()) - {"of", "a", "the", "an", "to"})
    return False


def locate(doc: Doc, sentence: int, locator: str) -> tuple[int, int] | None:
    """Raw span of ``locator`` inside ECB+ sentence ``sentence``."""
    if sentence not in doc.spans:
        return None
    a, b = doc.spans[sentence]
    text = doc.article.raw[a:b]
    i = text.find(locator)
    if i < 0:
        i = text.lower().find(locator.lower())
    if i < 0:
        return (a, b)
    return (a + i, a + i + len(locator))


_MARKS = "\"'“”‘’«» "


def _without_marks(doc: Doc, loc: tuple[int, int] | None) -> tuple[int, int] | None:
    """A locator's span without the quote marks at its ends: a gold locator may take the closing
    mark with the words, a quote's span never does."""
    if loc is None:
        return None
    a, b = loc
    while a < b and doc.article.raw[a] in _MARKS:
        a += 1
    while b > a and doc.article.raw[b - 1] in _MARKS:
        b -= 1
    return (a, b) if a < b else loc


def _inside_same_speaker(
    gq: dict, first: str | None, loc: tuple[int, int] | None, span: tuple[int, int]
) -> bool:
    """An already matched system quote may match this gold quote too when it contains it whole and
    the gold gives both one speaker: the gold writes one entry per sentence of a quote that
    runs over several sentences, which a correct extractor returns as one quote."""
    who = gq.get("speaker")
    return loc is not None and who is not None and who == first and span[0] <= loc[0] and loc[1] <= span[1]


def _part_of(fragment, quote) -> bool:
    """``fragment`` is the quoted words of mixed quote ``quote``: inside it (through its closing
    mark) and said by the same speaker. A quote of someone else nested in a report is its own
    quote (README: entered for both speakers)."""
    who = fragment.speaker.canonical if fragment.speaker else None
    return (
        fragment.kind == "fragment"
        and fragment.article_id == quote.article_id
        and quote.span.start <= fragment.span.start
        and fragment.span.end <= quote.span.end + 1
        and who is not None
        and who == (quote.speaker.canonical if quote.speaker else None)
    )


def _nested_fragments(quotes: list, used: dict[str, str | None]) -> set[str]:
    """Unmatched fragments that are part of a matched quote: the quoted words of a mixed quote
    ("he said the plan was “a betrayal”"), which the gold enters once, as the indirect quote
    (README: ``indirect`` is reported speech and mixed quotes). They are neither extra quotes
    nor quotes found."""
    matched = [q for q in quotes if q.id in used]
    return {q.id for q in quotes if q.id not in used and any(_part_of(q, m) for m in matched)}


def match_quotes(gold: dict, docs: dict[str, Doc], analysis: Analysis, tally: Tally) -> dict[int, str]:
    """Gold quote index -> system quote id (one to one, greatest overlap first)."""
    by_doc: dict[str, list] = defaultdict(list)
    name_of = {d.article.id: d.name for d in docs.values()}
    for q in analysis.quotes:
        by_doc[name_of.get(q.article_id, "")].append(q)
    used: dict[str, str | None] = {}  # system quote id -> the gold speaker of its first match
    found: dict[int, str] = {}
    for i, gq in enumerate(gold.get("quotes", [])):
        doc = docs[gq["doc"]]
        loc = locate(doc, gq["sentence"], gq["locator"])
        inner = _without_marks(doc, loc)
        best, best_overlap = None, 0
        for q in by_doc[gq["doc"]]:
            rs, re_ = doc.raw_span(q.span.start, q.span.end)
            overlap = min(re_, loc[1]) - max(rs, loc[0]) if loc else 0
            if q.id in used and not _inside_same_speaker(gq, used[q.id], inner, (rs, re_)):
                continue
            if overlap > best_overlap:
                best, best_overlap = q, overlap
        if best is not None:
            used.setdefault(best.id, gq.get("speaker"))
            found[i] = best.id
        else:
            tally.misses.append(f"quote missed: {gq['doc']}[{gq['sentence']}] {gq['locator']!r}")
    nested = _nested_fragments(analysis.quotes, used)
    tally.add("quotes_gold", len(gold.get("quotes", [])))
    tally.add("quotes_found", len(found))
    tally.add("quotes_sys", len(analysis.quotes) - len(nested))
    tally.add("quotes_sys_ok", len(used))
    for q in analysis.quotes:
        if q.id not in used and q.id not in nested:
            tally.misses.append(f"quote extra: {name_of.get(q.article_id)} {q.text[:60]!r}")
    return found


def score_speakers(gold: dict, found: dict[int, str], analysis: Analysis, tally: Tally) -> None:
    people = {p["id"]: p for p in gold.get("speakers", [])}
    quotes = {q.id: q for q in analysis.quotes}
    names: dict[str, list[str]] = defaultdict(list)
    for i, qid in found.items():
        gq = gold["quotes"][i]
        person = people.get(gq.get("speaker"))
        if person is None:
            continue
        sp = quotes[qid].speaker
        system = sp.canonical if sp else None
        tally.add("speaker_n")
        tally.add("speaker_ok_strict", speaker_ok(system, person["name"], strict=True))
        if speaker_ok(system, person["name"]):
            tally.add("speaker_ok")
        else:
            tally.misses.append(f"speaker: {gq['doc']}[{gq['sentence']}] {system!r} != {person['name']!r}")
        names[person["id"]].append(norm_name(system) or f"?{qid}")
    for values in names.values():
        for a, b in itertools.combinations(values, 2):
            tally.add("samename_n")
            tally.add("samename_ok", a == b)


def _groups_through_fragments(analysis: Analysis, found: dict[int, str]) -> dict[str, set[str]]:
    """System quote id -> its quote groups (a quote of several sentences may be in one group per
    sentence). A matched quote outside every group takes the groups of a fragment inside it (its
    quoted words, grouped on their own): the gold enters a mixed quote once, as the indirect
    quote, so grouping its quoted words groups that quote."""
    group_of: dict[str, set[str]] = defaultdict(set)
    for g in analysis.quote_groups:
        for qid in g.quote_ids:
            group_of[qid].add(g.id)
    quotes = {q.id: q for q in analysis.quotes}
    for qid in set(found.values()) - group_of.keys():
        inner = [f for f in analysis.quotes if f.id in group_of and _part_of(f, quotes[qid])]
        if inner:
            group_of[qid] = group_of[inner[0].id]
    return dict(group_of)


def score_quote_groups(gold: dict, found: dict[int, str], analysis: Analysis, tally: Tally) -> None:
    group_of = _groups_through_fragments(analysis, found)
    # one pair per two system quotes (named by their first gold entry): the gold groups a
    # multi-sentence quote's sentences one by one, so its later sentences would score the same
    # system pair again; the quote is all of its sentences, so it reports the utterance of any
    # of their groups ("Mission accomplished. That's all I can say" in one outlet is the same
    # utterance as "That's all I can say" in another)
    first: dict[str, int] = {}
    groups: dict[str, set[str]] = defaultdict(set)
    for i, qid in sorted(found.items()):
        first.setdefault(qid, i)
        if gold["quotes"][i].get("group") is not None:
            groups[qid].add(gold["quotes"][i]["group"])
    items = [(gold["quotes"][i], qid) for qid, i in first.items()]
    for (ga, qa), (gb, qb) in itertools.combinations(items, 2):
        if ga["doc"] == gb["doc"]:
            continue
        same_gold = bool(groups[qa] & groups[qb])
        same_sys = bool(group_of.get(qa, set()) & group_of.get(qb, set()))
        tally.add("qg_gold", same_gold)
        tally.add("qg_sys", same_sys)
        tally.add("qg_both", same_gold and same_sys)
        if same_gold and not same_sys:
            tally.misses.append(f"quote group split: {ga['locator']!r} / {gb['locator']!r}")
        if same_sys and not same_gold:
            tally.misses.append(f"quote group wrong: {ga['locator']!r} / {gb['locator']!r}")


def _support_statements(fact: dict, docs: dict[str, Doc], by_doc: dict[str, list]) -> dict[str, list]:
    """Per supporting doc, the system statements that overlap its supporting sentences."""
    out = {}
    for name, numbers in fact["support"].items():
        doc = docs[name]
        wanted = set(numbers)
        out[name] = [st for st in by_doc[name] if doc.sentences_of(st.span.start, st.span.end) & wanted]
    return out


def score_facts(gold: dict, docs: dict[str, Doc], analysis: Analysis, tally: Tally) -> None:
    name_of = {d.article.id: d.name for d in docs.values()}
    by_doc: dict[str, list] = defaultdict(list)
    for st in analysis.statements:
        by_doc[name_of.get(st.article_id, "")].append(st)
    groups_of: dict[str, list] = defaultdict(list)
    for g in analysis.ledger:
        for sid in g.statement_ids:
            groups_of[sid].append(g)
    unique = {gid for ids in analysis.unique.values() for gid in ids}
    doubtful = {g.id for g in analysis.ledger if unconfirmed(g.status, g.independent_support)}
    for fact in gold.get("facts", []):
        support = _support_statements(fact, docs, by_doc)
        if len(fact["support"]) < 2:
            # A fact one article alone states should be listed as only here.
            sts = next(iter(support.values()))
            tally.add("single_n")
            tally.add("single_listed", any(g.id in unique for st in sts for g in groups_of[st.id]))
            continue
        groups = defaultdict(set)
        for name, sts in support.items():
            for st in sts:
                for g in groups_of[st.id]:
                    groups[g.id].add(name)
        widest = max((len(v) for v in groups.values()), default=0)
        firm = max((len(v) for k, v in groups.items() if k not in doubtful), default=0)
        tally.add("facts_shared")
        tally.add("facts_found", widest == len(fact["support"]))
        tally.add("facts_found_confirmed", firm == len(fact["support"]))
        tally.add("facts_found2", widest >= 2)
        if widest < len(fact["support"]):
            tally.misses.append(f"fact {fact['id']} ({widest}/{len(fact['support'])}): {fact['text']}")
        for sts in support.values():
            tally.add("onlyhere_n")
            listed = any(g.id in unique for st in sts for g in groups_of[st.id])
            shared = any(len(groups[g.id]) >= 2 for st in sts for g in groups_of[st.id])
            if listed and not shared:
                tally.add("onlyhere_wrong")


def score_ledger_pairs(gold: dict, docs: dict[str, Doc], analysis: Analysis, tally: Tally) -> None:
    """Precision of cross-article grouping, judged only where gold facts cover both sentences."""
    facts_at: dict[tuple[str, int], set[str]] = defaultdict(set)
    for fact in gold.get("facts", []):
        for name, numbers in fact["support"].items():
            for n in numbers:
                facts_at[(name, n)].add(fact["id"])
    doc_of = {d.article.id: d for d in docs.values()}
    statements = {st.id: st for st in analysis.statements}

    def facts(sid: str) -> set[str]:
        st = statements[sid]
        doc = doc_of[st.article_id]
        return set().union(
            *(facts_at.get((doc.name, n), set()) for n in doc.sentences_of(st.span.start, st.span.end))
        )

    for group in analysis.ledger:
        for a, b in itertools.combinations(group.statement_ids, 2):
            if statements[a].article_id == statements[b].article_id:
                continue
            fa, fb = facts(a), facts(b)
            if not fa or not fb:
                continue
            tally.add("pair_n")
            if fa & fb:
                tally.add("pair_ok")
            else:
                tally.misses.append(
                    f"ledger pair wrong: {statements[a].text[:70]!r} ~ {statements[b].text[:70]!r}"
                )


_CONTENT = re.compile(r"[a-z]{4,}")
AGREE_ROWS = 25  # the brief shows this many "agree on" lines (render/brief_text.py LEDGER_ROWS)


def _content(text: str) -> set[str]:
    return set(_CONTENT.findall(text.lower()))


def _shares_content(a: str, b: str) -> bool:
    """Whether two sentences share at least half the content words of the shorter one."""
    ca, cb = _content(a), _content(b)
    return bool(ca and cb) and len(ca & cb) >= 0.5 * min(len(ca), len(cb))


def _score_line(
    shown: tuple[str, int, int],
    cited: dict[str, list[tuple[int, int]]],
    facts_at: dict[tuple[str, int], set[str]],
    states: dict[str, set[str]],
    doc_of: dict[str, Doc],
    tally: Tally,
    prefix: str,
    log: bool = True,
) -> None:
    """One brief line: ``shown`` (article id, start, end) and the spans of each cited article;
    ``log``: its wrong cites go to the misses."""
    art, start, end = shown
    doc = doc_of[art]
    facts = set().union(*(facts_at.get((doc.name, n), set()) for n in doc.sentences_of(start, end)))
    tally.add(f"{prefix}_lines")
    tally.add(f"{prefix}_gold", bool(facts))
    text = doc.article.text[start:end]
    if facts:
        stating = {aid for aid, d in doc_of.items() if states[d.name] & facts}
        tally.add(f"{prefix}_stating", len(stating))
        tally.add(f"{prefix}_stating_cited", len(stating & set(cited)))
    for aid, spans in cited.items():
        if facts:
            ok = bool(states[doc_of[aid].name] & facts)
        else:
            body = doc_of[aid].article.text
            ok = aid == art or any(_shares_content(text, body[s:e]) for s, e in spans)
        tally.add(f"{prefix}_cites")
        tally.add(f"{prefix}_cites_ok", ok)
        if not ok and log:
            tally.misses.append(f"{prefix} cites {doc_of[aid].name} wrongly: {text[:90]!r}")


def score_summary(gold: dict, docs: dict[str, Doc], analysis: Analysis, tally: Tally) -> None:
    """Summary and "agree on" lines: does each cited outlet state what the line shows?"""
    facts_at: dict[tuple[str, int], set[str]] = defaultdict(set)
    states: dict[str, set[str]] = defaultdict(set)
    for fact in gold.get("facts", []):
        for name, numbers in fact["support"].items():
            states[name].add(fact["id"])
            for n in numbers:
                facts_at[(name, n)].add(fact["id"])
    doc_of = {d.article.id: d for d in docs.values()}
    statements = {st.id: st for st in analysis.statements}

    def sentence(sid: str) -> tuple[int, int]:
        sp = statements[sid].sentence or statements[sid].span
        return sp.start, sp.end

    for line in analysis.summary:
        cited: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for c in line["cites"]:
            if c["statement_id"] in statements:
                cited[c["article_id"]].append(sentence(c["statement_id"]))
        shown = (line["article_id"], line["start"], line["end"])
        _score_line(shown, cited, facts_at, states, doc_of, tally, "summary")
    ledger = analysis.ledger
    rows = [(g.text, g.article_ids) for g in ledger]
    # The brief's agree rows (confirmed groups), and every group of 2+ articles whatever its
    # status (``agree_any``: the definition before possibly-shared groups of several origins).
    doubtful = [unconfirmed(g.status, g.independent_support) for g in ledger]
    for prefix, skip in (("agree", doubtful), ("agree_any", [])):
        for group in [ledger[k] for k in agree_rows(rows, skip)][:AGREE_ROWS]:
            members = [statements[i] for i in group.statement_ids if i in statements]
            if not members:
                continue
            rep = next((m for m in members if m.text == group.text), members[0])
            cited = defaultdict(list)
            for m in members:
                cited[m.article_id].append(sentence(m.id))
            line = (rep.article_id, *sentence(rep.id))
            _score_line(line, cited, facts_at, states, doc_of, tally, prefix, log=prefix == "agree")


def score_contradictions(gold: dict, docs: dict[str, Doc], analysis: Analysis, tally: Tally) -> None:
    doc_of = {d.article.id: d for d in docs.values()}
    real = [c for c in gold.get("contradictions", []) if c.get("real")]
    hit: set[int] = set()
    for c in analysis.contradictions:
        sides = []
        for side in (c.a, c.b):
            doc = doc_of.get(side["article_id"])
            sides.append((doc.name, doc.sentences_of(side["start"], side["end"])) if doc else ("", set()))
        tally.add("contra_sys")
        ok = False
        for i, g in enumerate(real):
            ga, gb = (g["a"]["doc"], g["a"]["sentence"]), (g["b"]["doc"], g["b"]["sentence"])
            for (da, sa), (db, sb) in (sides, sides[::-1]):
                if da == ga[0] and ga[1] in sa and db == gb[0] and gb[1] in sb:
                    ok = True
                    hit.add(i)
        tally.add("contra_ok", ok)
        if not ok:
            tally.misses.append(
                f"contradiction invented ({c.kind}: {c.note}): {c.a['text'][:60]!r} vs {c.b['text'][:60]!r}"
            )
    tally.add("contra_gold", len(real))
    tally.add("contra_found", len(hit))


def _entry_sentences(te, doc_of: dict[str, Doc]) -> list[tuple[str, set[int]]]:
    """(document name, ECB+ sentence numbers) of each passage a timeline entry cites."""
    return [(doc_of[a].name, doc_of[a].sentences_of(s, e)) for a, s, e in te.spans if a in doc_of]


def score_timeline(gold: dict, docs: dict[str, Doc], analysis: Analysis, tally: Tally) -> None:
    doc_of = {d.article.id: d for d in docs.values()}
    cited = [_entry_sentences(te, doc_of) for te in analysis.timeline]
    for entry in gold.get("timeline", []):
        tally.add("time_gold")
        support = {n: set(v) for n, v in entry["support"].items()}
        hits = [i for i, c in enumerate(cited) if any(n in support and support[n] & ss for n, ss in c)]
        ok = any(analysis.timeline[i].date == entry["date"] for i in hits)
        tally.add("time_ok", ok)
        if not ok:
            tally.misses.append(f"date missed: {entry['date']} {entry['event']}")
        _score_event_rows(entry, support, [cited[i] for i in hits], tally)
        # duplicates only: rows citing the event at a date that agrees with the gold's (a
        # month agrees with its days), so a sentence's second event is not counted as one
        dated = [i for i in hits if _dates_agree(analysis.timeline[i].date, entry["date"])]
        tally.add("time_rows_dated", len(dated))
        tally.add("time_events_dated", bool(dated))
    _score_row_pairs(gold, cited, tally)


def _dates_agree(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _score_event_rows(entry: dict, support: dict[str, set[int]], rows: list, tally: Tally) -> None:
    """One event, one row: a gold event that 2+ articles date, and the system cites in 2+
    articles, counts as merged when one row cites every one of those articles."""
    tally.add("time_rows", len(rows))
    tally.add("time_events_found", bool(rows))
    articles = {n for c in rows for n, ss in c if n in support and support[n] & ss}
    if len(articles) < 2:
        return
    tally.add("time_multi")
    merged = any({n for n, ss in c if n in support and support[n] & ss} == articles for c in rows)
    tally.add("time_merged", merged)
    if not merged:
        tally.misses.append(f"event split over rows: {entry['date']} {entry['event']} ({sorted(articles)})")


def _score_row_pairs(gold: dict, cited: list, tally: Tally) -> None:
    """Pairs of passages from different articles in one row, both supporting some gold event:
    right when they support the same one."""
    events_at: dict[tuple[str, int], set[int]] = defaultdict(set)
    for k, entry in enumerate(gold.get("timeline", [])):
        for name, numbers in entry["support"].items():
            for n in numbers:
                events_at[(name, n)].add(k)
    for row in cited:
        for (na, sa), (nb, sb) in itertools.combinations(row, 2):
            if na == nb:
                continue
            ea = set().union(*(events_at.get((na, n), set()) for n in sa))
            eb = set().union(*(events_at.get((nb, n), set()) for n in sb))
            if ea and eb:
                tally.add("time_pair_n")
                tally.add("time_pair_ok", bool(ea & eb))
                if not ea & eb:
                    tally.misses.append(f"row joins two events: {na}{sorted(sa)} ~ {nb}{sorted(sb)}")


def _term(t: str) -> str:
    return re.sub(r"\s+", " ", t.lower().strip(" .,;:!?\"'“”‘’"))


def score_loaded(gold: dict, docs: dict[str, Doc], analysis: Analysis, tally: Tally) -> None:
    name_of = {d.article.id: d.name for d in docs.values()}
    gold_terms: dict[str, set[str]] = defaultdict(set)
    for item in gold.get("loaded", []):
        gold_terms[item["doc"]].add(_term(item["term"]))
    sys_terms: dict[str, set[str]] = defaultdict(set)
    for f in analysis.framing:
        sys_terms[name_of.get(f["article_id"], "")].update(_term(t) for t in f.get("loaded_terms", {}))

    def same(a: str, b: str) -> bool:
        return a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} "

    for name in docs:
        g, s = gold_terms[name], sys_terms[name]
        tally.add("loaded_gold", len(g))
        tally.add("loaded_found", sum(any(same(t, u) for u in s) for t in g))
        tally.add("loaded_sys", len(s))
        tally.add("loaded_ok", sum(any(same(t, u) for u in g) for t in s))


def score_story(data: Path, gold: dict, tally: Tally, source: str = "ecbplus") -> None:
    if source == "polnear":
        meta = polnear_metadata(data)
        docs = {name: build_polnear_doc(data, name, meta.get(name, {})) for name in gold["articles"]}
    else:
        docs = {name: build_doc(data, name) for name in gold["articles"]}
    analysis = analyze_articles([d.article for d in docs.values()], load_settings())
    found = match_quotes(gold, docs, analysis, tally)
    score_speakers(gold, found, analysis, tally)
    score_quote_groups(gold, found, analysis, tally)
    score_facts(gold, docs, analysis, tally)
    score_ledger_pairs(gold, docs, analysis, tally)
    score_contradictions(gold, docs, analysis, tally)
    score_timeline(gold, docs, analysis, tally)
    score_loaded(gold, docs, analysis, tally)
    score_summary(gold, docs, analysis, tally)
    tally.add("articles", len(docs))


def measures(t: Tally) -> dict[str, float | None]:
    p, r = t.ratio("qg_both", "qg_sys"), t.ratio("qg_both", "qg_gold")
    f1 = 2 * p * r / (p + r) if p is not None and r is not None and p + r else None
    return {
        "quote_recall": t.ratio("quotes_found", "quotes_gold"),
        "quote_precision": t.ratio("quotes_sys_ok", "quotes_sys"),
        "speaker_accuracy": t.ratio("speaker_ok", "speaker_n"),
        "speaker_accuracy_strict": t.ratio("speaker_ok_strict", "speaker_n"),
        "same_name": t.ratio("samename_ok", "samename_n"),
        "quote_group_precision": p,
        "quote_group_recall": r,
        "quote_group_f1": f1,
        "facts_found": t.ratio("facts_found", "facts_shared"),
        "facts_found_confirmed": t.ratio("facts_found_confirmed", "facts_shared"),
        "facts_found_2plus": t.ratio("facts_found2", "facts_shared"),
        "ledger_pair_precision": t.ratio("pair_ok", "pair_n"),
        "only_here_wrong": t.ratio("onlyhere_wrong", "onlyhere_n"),
        "only_here_recall": t.ratio("single_listed", "single_n"),
        "contradiction_precision": t.ratio("contra_ok", "contra_sys"),
        "contradiction_recall": t.ratio("contra_found", "contra_gold"),
        "timeline_recall": t.ratio("time_ok", "time_gold"),
        "timeline_events_one_row": t.ratio("time_merged", "time_multi"),
        "timeline_rows_per_event": t.ratio("time_rows", "time_events_found"),
        "timeline_rows_per_event_dated": t.ratio("time_rows_dated", "time_events_dated"),
        "timeline_pair_precision": t.ratio("time_pair_ok", "time_pair_n"),
        "loaded_recall": t.ratio("loaded_found", "loaded_gold"),
        "loaded_precision": t.ratio("loaded_ok", "loaded_sys"),
        "summary_cite_precision": t.ratio("summary_cites_ok", "summary_cites"),
        "summary_gold_facts": t.ratio("summary_gold", "summary_lines"),
        "summary_cite_recall": t.ratio("summary_stating_cited", "summary_stating"),
        "agree_cite_precision": t.ratio("agree_cites_ok", "agree_cites"),
        "agree_gold_facts": t.ratio("agree_gold", "agree_lines"),
        "agree_cite_recall": t.ratio("agree_stating_cited", "agree_stating"),
        "agree_any_cite_precision": t.ratio("agree_any_cites_ok", "agree_any_cites"),
    }


def gold_source(gold_dir: Path) -> str:
    """``ecbplus`` or ``polnear``: where a gold directory's articles come from."""
    return json.loads((gold_dir / "stories.json").read_text(encoding="utf-8")).get("source", "ecbplus")


def load_split(split: str, gold_dir: Path = GOLD) -> list[dict]:
    index = json.loads((gold_dir / "stories.json").read_text(encoding="utf-8"))["stories"]
    out = []
    for entry in index:
        path = gold_dir / f"{entry['story']}.json"
        if (split == "all" or entry["split"] == split) and path.is_file():
            out.append(json.loads(path.read_text(encoding="utf-8")))
    return out


def check(result: dict[str, float | None], gold_dir: Path = GOLD) -> list[str]:
    """Measures below their pinned floor (or above their ceiling)."""
    floors = json.loads((gold_dir / "floors.json").read_text(encoding="utf-8"))
    failed = []
    for key, bound in floors.get("min", {}).items():
        if result.get(key) is None or result[key] < bound:
            failed.append(f"{key} {result.get(key)} < floor {bound}")
    for key, bound in floors.get("max", {}).items():
        if result.get(key) is None or result[key] > bound:
            failed.append(f"{key} {result.get(key)} > ceiling {bound}")
    return failed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--gold", type=Path, default=GOLD, help="gold directory (default bench/brief_gold)")
    ap.add_argument("--split", choices=["calibrate", "report", "dev", "all"], default="report")
    ap.add_argument("--story", help="only this story")
    ap.add_argument("--check", action="store_true", help="fail when a measure is below its floor")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    args = ap.parse_args()
    source = gold_source(args.gold)
    if not (args.data / source).is_dir():
        print(f"skipped: no {source} data under {args.data}", file=sys.stderr)
        return 0
    stories = [g for g in load_split(args.split, args.gold) if not args.story or g["story"] == args.story]
    total = Tally()
    per_story = {}
    for gold in stories:
        tally = Tally()
        score_story(args.data, gold, tally, source)
        per_story[gold["story"]] = measures(tally)
        for k, v in tally.n.items():
            total.add(k, v)
        if args.verbose:
            print(f"--- {gold['story']}")
            for line in tally.misses:
                print("   ", line)
    result = measures(total)
    if args.json:
        print(
            json.dumps(
                {"split": args.split, "pooled": result, "stories": per_story, "counts": total.n}, indent=1
            )
        )
    else:
        print(f"split {args.split}: {len(stories)} stories, {int(total.n['articles'])} articles")
        for key, value in result.items():
            print(f"  {key:26s} {'-' if value is None else f'{value:.2f}'}")
    if args.check:
        failed = check(result, args.gold)
        for line in failed:
            print(f"below floor: {line}", file=sys.stderr)
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

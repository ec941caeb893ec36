"""Provenance: who reuses whose text, who credits and who cites whom; independent origins.

Three kinds of edge, each with its evidence (the words that show it):

- ``reuses``: article A shares outlet-voice passages with article B. Quoted words are
  left out first: two outlets quoting the same spokesman are not copying each other.
  Evidence is a shared sentence pair (rapidfuzz ratio, robust to light edits), word 5-gram
  containment, or a rewrite: a run of sentences aligned in the same order in both articles,
  each pair sharing half its words in order, as a reworded copy keeps the order of the
  passage it rewrites (passim's aligned passages, at sentence level). The later article
  points to the earlier one.
- ``credits``: a credit line ("Reuters contributed to this report", "AFP contributed
  reporting", the cleaner's ``Article.credits``) -> the agency.
- ``shares``: a long run of identical words, quotes included, between articles not joined by
  ``reuses`` (the same quotations cut the same way); shown, but no origin merge.
- ``cites``: in-text sourcing ("told NBC News", "said on CNN", "the RIA news agency
  said", "Reuters reported", "according to Reuters") -> the outlet named.

Articles joined by ``reuses`` edges form one origin: copies of one wire story count once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from newsprism.model import Article, ProvenanceEdge
from newsprism.settings import CompareSettings
from newsprism.text import normalize_words, quote_regions, split_sentences

__all__ = ["find_credits", "find_citations", "origins", "provenance_edges", "shared_passages"]

# The world's wire agencies and broadcasters by name, then any capitalised name that ends in a
# word only a news outlet's name ends in ("the Daily News", "the Tribune", "Channel 4 News").
_OUTLETS = (
    "Reuters|AFP|Agence France-Presse|AP|Associated Press|UPI|TASS|RIA Novosti|RIA|Interfax|Xinhua|"
    "NBC|CNN|MSNBC|CBS|ABC|BBC|NPR|PBS|C-SPAN|Newsweek|Bloomberg|Al Jazeera|The Guardian|Politico|Axios|DPA|"
    "Anadolu|Yonhap|Kyodo|dpa|EFE|ANSA|PTI|The Hill|"
    r"(?:[Tt]he )?(?:[A-Z][\w.&'-]+ ){0,3}(?:News|Times|Post|Journal|Herald|Tribune|Telegraph|Gazette|"
    r"Chronicle|Daily|Magazine|Radio|Television|TV|Network|Press|Agency|Wire|Observer|Independent|"
    r"Caller|Beast|Examiner|Standard|Globe|Monitor|Inquirer|Dispatch|Courier|Bulletin|Insider|Blaze)"
    # "... Today" once a name comes before it ("told Valley Today"): alone, the word opens sentences
    r"|(?:[Tt]he )?(?:[A-Z][\w.&'-]+ ){1,3}Today"
)
_CREDIT = re.compile(
    rf"\b({_OUTLETS}|[A-Z][\w.&-]+(?: [A-Z][\w.&-]+){{0,3}}) contributed(?: reporting| to this report)\b"
    rf"|(?:[Aa]dditional reporting|Reporting) by ({_OUTLETS})\b"
    # A hat tip names the outlet the story came from: "(h/t The Hill.)", "h/t: Breitbart".
    r"|\b(?:[Hh]/[Tt]|[Hh]at tip)/?:? (?:to )?((?:[Tt]he )?[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3})"
)
_CITE = re.compile(
    rf"\btold (?:the )?({_OUTLETS})\b|\b[Ss]peaking to ({_OUTLETS})\b|\bsaid on ({_OUTLETS})\b"
    rf"|\b[Tt]he ({_OUTLETS}|[A-Z][\w-]+) news agency (?:said|reported|quoted)\b"
    rf"|\b({_OUTLETS}) (?:(?:first |also |later )?(?:reported|said|quoted|cited|wrote|revealed|obtained)"
    # and in the present tense a column uses for the day's news ("the Post reports that ...")
    r"|(?:reports|writes|reveals) that"
    r"|characteri[sz]ed|described|published)\b"
    rf"|\b[Aa]ccording to ({_OUTLETS})\b"  # opening a sentence too
    rf"|\b[Ii]n an interview with ({_OUTLETS})\b|\b[Cc]iting ({_OUTLETS})\b"
    # A piece another outlet published: "acknowledged as much in a New York Times article".
    rf"|\b[Ii]n an? ({_OUTLETS}) (?:article|report|story|piece|column|op-ed|editorial|interview|poll)\b"
)
# A wire dateline opens a paragraph: a short place (and date) line, the agency in brackets,
# then a dash ("WASHINGTON (Reuters) -", "MEXICO CITY, Feb. 8 (UPI) —", "(AFP) –"). A party and
# state label is no agency ("Sen. Ada Vell (R-Ohio) — announced ...", a list of candidates).
_DATELINE = re.compile(
    rf"^(?:[A-Za-z][\w.,' -]{{0,40}}?\s?)?\((?![A-Z]-[A-Z])({_OUTLETS}|[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){{0,3}})\)\s*[—–-]",
    re.MULTILINE,
)
# Reuters signs its copy "(Reporting by ...; Editing by ...)": a house style, read as its credit.
_SIGN_OFF = re.compile(
    r"^\((?:Additional )?[Rr]eporting by [^)\n]*; (?:Writing|Editing) by [^)\n]*\)", re.MULTILINE
)
_CANONICAL = {
    "agence france-presse": "AFP",
    "associated press": "AP",
    "ria novosti": "RIA",
    "nbc": "NBC News",
    "cbs": "CBS News",
    "new york times": "The New York Times",
    "nyt": "The New York Times",
    "washington post": "The Washington Post",
    "washpost": "The Washington Post",
    "wapo": "The Washington Post",
    "dpa": "DPA",
}


def _outlet_name(raw: str) -> str:
    name = raw.strip()
    if name.startswith("the "):  # "the Valley Times reports" and "The Valley Times said": one outlet
        name = "The " + name[4:]
    return _CANONICAL.get(name.lower(), name if not name.islower() else name.upper())


def find_credits(article: Article) -> list[tuple[str, str]]:
    """(agency, evidence line) from the cleaner's credits and credit lines in the text."""
    found: dict[str, str] = {}
    # a dateline the cleaner cut ("HEMPSTEAD, N.Y., Sept. 26 (UPI) —") is the evidence a reader checks
    lines = [r.text.strip() for r in article.removed if "credit" in r.reason or r.reason == "dateline"]
    lines += article.text.splitlines()
    for line in lines:
        for m in _CREDIT.finditer(line):
            agency = _outlet_name(next(g for g in m.groups() if g).rstrip("."))
            found.setdefault(agency, line.strip())
    for m in _DATELINE.finditer(article.text):
        found.setdefault(_outlet_name(m.group(1)), m.group(0).strip())
    for m in _SIGN_OFF.finditer(article.text):
        found.setdefault("Reuters", m.group(0))
    for name in article.credits:  # the cleaner's reading of the credit line
        found.setdefault(_outlet_name(name), next((x for x in lines if name in x), f"credited: {name}"))
    return sorted((k, v) for k, v in found.items() if not _names_itself(k, article))


# A link list names each item's source in brackets at the item's end ("-X explains why the
# polls were off. [Gazette.]"): a short capitalised name, its full stop inside the brackets.
_SOURCE_LABEL = re.compile(
    r"^.*\[((?:[Tt]he )?[A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,3})\.\][ \t]*$", re.MULTILINE
)


def find_citations(article: Article) -> list[tuple[str, str]]:
    """(outlet, sentence) for each outlet the article names as a source of information."""
    found: dict[str, str] = {}
    for start, end in split_sentences(article.text):
        sentence = article.text[start:end]
        for m in _CITE.finditer(sentence):
            raw = next(g for g in m.groups() if g)
            found.setdefault(_outlet_name(raw), sentence)
    for m in _SOURCE_LABEL.finditer(article.text):
        found.setdefault(_outlet_name(m.group(1)), m.group(0).strip())
    return sorted((k, v) for k, v in found.items() if not _names_itself(k, article))


_SHORT_NAME = 4  # letters: the two- and three-letter agencies and networks (AP, AFP, CNN)


def _names_itself(name: str, article: Article) -> bool:
    """``name`` is the article's own outlet: its outlet name, or for an article without one its
    URL's host (a foxnews.com page with no outlet field "citing Fox News"). The host is not
    asked when the outlet is known: a text file's URL can be one its body mentions."""
    if article.outlet:
        return _same_outlet(name, article.outlet)
    return bool(article.url) and _same_outlet(name, urlsplit(article.url).hostname)


def _same_outlet(name: str, own: str | None) -> bool:
    """An outlet naming itself ("the Herald" in the Tidewater Herald, "Fox News" in a Fox
    article) is no citation: one name holds the other once "the" is dropped."""
    a, b = sorted((_outlet_key(name), _outlet_key(own or "")), key=len)
    if not a:
        return False
    # A short name ("AP", "CNN") must open the other ("apnews", "cnninternational"): inside
    # it, two letters are chance ("ap" in "capitalgazette").
    return b.startswith(a) if len(a) < _SHORT_NAME else a in b


def _outlet_key(name: str) -> str:
    """ "The Fox News", "foxnews.com", "FOX NEWS" -> "foxnews": letters and digits only."""
    name = name.lower().removeprefix("the ").removeprefix("www.")
    name = re.sub(r"\.(?:com|org|net|co\.uk|co|uk|ru|de|fr)$", "", name.strip())
    return re.sub(r"[^a-z0-9]", "", name)


def _voice_sentences(article: Article, min_chars: int, prose_only: bool = False) -> list[str]:
    """Outlet-voice sentences: quoted words blanked out, short leftovers dropped. With
    ``prose_only``, a sentence that was mostly quotation is dropped too: what is left of it
    ("…,” said Lisa Su, senior vice president of the firm") is the attribution every outlet
    writes around the same quote, not prose one outlet took from another; so is a piece the
    sentence splitter cut off after a quote."""
    return [sentence for sentence, prose in _voice_pieces(article, min_chars) if prose or not prose_only]


def _voice_pieces(article: Article, min_chars: int) -> list[tuple[str, bool]]:
    """(sentence, whether it is prose) for each outlet-voice sentence (see _voice_sentences)."""
    text = article.text
    for start, end in quote_regions(text):
        text = text[:start] + " " * (end - start) + text[end:]
    out = []
    for start, end in split_sentences(text):
        sentence = " ".join(text[start:end].split())
        if len(sentence) < min_chars:
            continue
        quoted = len(sentence.replace(" ", "")) * 2 < len("".join(article.text[start:end].split()))
        # A piece opening in lower case follows a quote the splitter cut off ("said Lisa Su, …").
        out.append((sentence, not (quoted or sentence[0].islower())))
    return out


def _shingles(sentences: Sequence[str], n: int = 5) -> set[tuple[str, ...]]:
    return _grams([normalize_words(sentence) for sentence in sentences], n)


def _grams(word_lists: Sequence[list[str]], n: int) -> set[tuple[str, ...]]:
    """Word ``n``-grams inside each list (sentences' normalised words)."""
    grams = set()
    for toks in word_lists:
        grams.update(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))
    return grams


def shared_passages(a: Sequence[str], b: Sequence[str], ratio: float) -> list[tuple[str, str, float]]:
    """Sentence pairs close enough to be one passage lightly edited (all pairs scored in C)."""
    if not a or not b:
        return []
    scores = process.cdist(
        [x.lower() for x in a], [y.lower() for y in b], scorer=fuzz.ratio, score_cutoff=ratio
    )
    return [(a[i], b[j], float(scores[i, j])) for i, j in zip(*scores.nonzero(), strict=True)]


def _counts(rows: Sequence[np.ndarray], width: int) -> np.ndarray:
    """One row of bucket counts per sequence of bucket codes."""
    out = np.zeros((len(rows), width), dtype=np.int32)
    for r, codes in enumerate(rows):
        out[r] = np.bincount(codes, minlength=width)
    return out


# Characters by bucket for the passage bound: letters, digits, space, comma, full stop, the rest.
_CHAR_BUCKETS = 31
_CHAR_BUCKET = np.full(0x110000, _CHAR_BUCKETS - 1, dtype=np.int8)
_CHAR_BUCKET[ord("a") : ord("z") + 1] = np.arange(26)
_CHAR_BUCKET[ord("0") : ord("9") + 1] = 26
_CHAR_BUCKET[[ord(" "), ord(","), ord(".")]] = [27, 28, 29]


def _char_counts(texts: Sequence[str]) -> np.ndarray:
    """Each text's characters counted by bucket."""
    codes = [
        _CHAR_BUCKET[np.frombuffer(t.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)] for t in texts
    ]
    return _counts([c.astype(np.intp) for c in codes], _CHAR_BUCKETS)


def _shared_at_most(a: np.ndarray, b: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """For pairs ``(i[k], j[k])``: how many items the two bucket-count rows can share (the sum
    of the smaller counts). Equal items fall in one bucket, so this bounds any common
    subsequence of the two: an LCS, hence what fuzz.ratio counts."""
    return np.minimum(a[i], b[j]).sum(axis=1)


# A sentence pair of a rewrite shares this many words in order, and this share of the shorter.
_ALIGNED_WORDS = 10
_ALIGNED_SHARE = 0.5
# Consecutive pairs of a run skip at most this many sentences in either article.
_RUN_GAP = 1


def aligned_sentences(wa: Sequence[list[str]], wb: Sequence[list[str]]) -> list[tuple[int, int, int, int]]:
    """(i, j, shared, shorter) for each pair of sentences (as normalised words) of two articles
    sharing ``_ALIGNED_WORDS`` words in order (word LCS) and half the shorter sentence's words.
    Every pair is scored in C (rapidfuzz compares lists of words as it compares strings)."""
    if not wa or not wb:
        return []
    shared = process.cdist(wa, wb, scorer=LCSseq.similarity, score_cutoff=_ALIGNED_WORDS)
    out = []
    for i, j in zip(*shared.nonzero(), strict=True):
        n, shorter = int(shared[i, j]), min(len(wa[i]), len(wb[j]))
        if n >= _ALIGNED_SHARE * shorter:
            out.append((int(i), int(j), n, shorter))
    return out


def _passages(a: _Voice, b: _Voice, ratio: float) -> list[tuple[str, str, float]]:
    """shared_passages(a.sentences, b.sentences, ratio), the same list, scoring only the pairs an
    upper bound lets through: fuzz.ratio is 200 LCS / (len a + len b), and an LCS is at most the
    pair's shorter length and the characters both hold (by bucket). At 500 articles this leaves
    about 1 pair in 700 of those cdist scored."""
    if not a.sentences or not b.sentences:
        return []
    la, lb = a.lengths[:, None], b.lengths[None, :]
    # the slack keeps every pair whose float score could reach ``ratio``
    i, j = np.nonzero(200 * np.minimum(la, lb) * (1 + 1e-9) >= ratio * (la + lb))
    bound = _shared_at_most(a.chars, b.chars, i, j)
    keep = 200 * bound * (1 + 1e-9) >= ratio * (a.lengths[i] + b.lengths[j])
    i, j = i[keep], j[keep]
    if not len(i):
        return []
    scores = process.cpdist(
        [a.lowered[k] for k in i], [b.lowered[k] for k in j], scorer=fuzz.ratio, score_cutoff=ratio
    )
    return [
        (a.sentences[x], b.sentences[y], float(v))
        for x, y, v in zip(i.tolist(), j.tolist(), scores, strict=True)
        if v
    ]


def _aligned(a: _Voice, b: _Voice) -> list[tuple[int, int, int, int]]:
    """aligned_sentences(a.prose_words, b.prose_words), the same list, from the words as
    story-wide integer codes (one code a word): rapidfuzz compares integers faster than
    strings it must hash first, and the LCS of the codes is the LCS of the words."""
    if not a.prose_ids or not b.prose_ids:
        return []
    shared = process.cdist(a.prose_ids, b.prose_ids, scorer=LCSseq.similarity, score_cutoff=_ALIGNED_WORDS)
    out = []
    for i, j in zip(*shared.nonzero(), strict=True):
        n, shorter = int(shared[i, j]), min(len(a.prose_ids[i]), len(b.prose_ids[j]))
        if n >= _ALIGNED_SHARE * shorter:
            out.append((int(i), int(j), n, shorter))
    return out


def rewrite_run(pairs: Sequence[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """The longest run of aligned pairs in the same order in both articles, each next pair
    at most ``_RUN_GAP`` sentences on in each (most shared words first among equals)."""
    ordered = sorted(pairs)
    best: list[list[tuple[int, int, int, int]]] = []
    for k, (i, j, shared, shorter) in enumerate(ordered):
        run = [(i, j, shared, shorter)]
        for prev in range(k):
            pi, pj = ordered[prev][:2]
            if 0 < i - pi <= 1 + _RUN_GAP and 0 < j - pj <= 1 + _RUN_GAP:
                longer = best[prev] + [(i, j, shared, shorter)]
                if (len(longer), sum(p[2] for p in longer)) > (len(run), sum(p[2] for p in run)):
                    run = longer
        best.append(run)
    return max(best, key=lambda r: (len(r), sum(p[2] for p in r)), default=[])


@dataclass(frozen=True)
class _Voice:
    """One article's outlet-voice text as provenance compares it."""

    sentences: list[str]  # quotes blanked, short leftovers dropped
    words: list[list[str]]  # the same, as normalised words
    grams: set[tuple[str, ...]]  # word 5-grams of those sentences
    prose: list[str]  # the sentences that were not mostly quotation
    prose_words: list[list[str]]  # the same, as normalised words
    # For the bounds that spare most sentence pairs a score (_passages, _aligned):
    lowered: list[str]  # sentences in lower case, as fuzz.ratio compares them
    lengths: np.ndarray  # their lengths
    chars: np.ndarray  # their characters counted by bucket
    prose_ids: list[list[int]]  # prose_words as the story's word codes

    @classmethod
    def of(cls, article: Article, min_chars: int, codes: dict[str, int]) -> _Voice:
        """``codes``: the story's word codes, one dict for all its articles (filled as words come)."""
        pieces = _voice_pieces(article, min_chars)
        sentences = [sentence for sentence, _ in pieces]
        words = [normalize_words(sentence) for sentence in sentences]  # each sentence read once
        prose = [(sentence, w) for (sentence, is_prose), w in zip(pieces, words, strict=True) if is_prose]
        prose_words = [w for _, w in prose]
        lowered = [x.lower() for x in sentences]
        return cls(
            sentences,
            words,
            _grams(words, 5),
            [p for p, _ in prose],
            prose_words,
            lowered,
            np.array([len(x) for x in lowered], dtype=np.int64),
            _char_counts(lowered),
            [[codes.setdefault(w, len(codes)) for w in ws] for ws in prose_words],
        )


def _rewritten(a: _Voice, b: _Voice, s: CompareSettings) -> list[tuple[int, int, int, int]]:
    """A run of two or more prose sentences one article rewrites from the other, else []."""
    run = rewrite_run(_aligned(a, b))
    shared, shorter = sum(p[2] for p in run), sum(p[3] for p in run)
    if len(run) >= 2 and shared >= s.rewrite_run_words and shared >= s.rewrite_coverage * shorter:
        return run
    return []


def _reuse_edge(
    a: Article,
    b: Article,
    voices: dict[str, _Voice],
    s: CompareSettings,
    credited: frozenset[str] = frozenset(),
) -> ProvenanceEdge | None:
    """A ``reuses`` edge from the later of ``a`` and ``b`` to the earlier, or None."""
    va, vb = voices[a.id], voices[b.id]
    passages = _passages(va, vb, s.passage_ratio)
    containment = len(va.grams & vb.grams) / max(1, min(len(va.grams), len(vb.grams)))
    # One shared sentence can be two outlets paraphrasing one press release; two or more is copy.
    copied = len(passages) >= 2 or containment >= s.shingle_containment
    run = [] if copied else _rewritten(va, vb, s)
    if not copied and not run:
        return None
    later, earlier = _order(a, b, credited)
    if run:
        i, j = run[0][:2]
        mine, theirs = (va.prose[i], vb.prose[j]) if later is a else (vb.prose[j], va.prose[i])
        words = sum(p[2] for p in run)
        evidence = (
            f"rewritten passage: {len(run)} sentences in the same order, {words} words shared in order, "
            f"e.g. “{mine}” ~ “{theirs}”"
        )
    elif passages:
        x, y, score = max(passages, key=lambda p: p[2])
        evidence = f"{len(passages)} shared passage(s), e.g. “{x}” ~ “{y}” (ratio {score:.0f})"
    else:
        evidence = f"{containment:.0%} of word 5-grams shared outside quotes"
    return ProvenanceEdge(source=later.id, target=earlier.id, kind="reuses", evidence=evidence)


def candidate_pairs(
    voices: dict[str, list[str]], common: int, shared: int = 3, n: int = 3
) -> list[tuple[str, str]]:
    """Article pairs sharing ``shared`` or more rare word 3-grams outside quotes (an inverted
    index of n-grams, as passim builds before aligning).

    Two sentences close enough to be one passage share several word 3-grams, and an edge needs
    two such passages or a fifth of all 5-grams shared, so comparing only these pairs keeps the
    edges while most pairs of a large batch are never scored. A 3-gram in more than ``common``
    articles ("the United States said") is no evidence and is skipped.
    """
    return gram_pairs(
        {article_id: _shingles(sentences, n) for article_id, sentences in voices.items()}, common, shared
    )


def gram_pairs(grams: dict[str, set[tuple[str, ...]]], common: int, shared: int = 3) -> list[tuple[str, str]]:
    """Pairs of ids (sorted, each pair in order) whose gram sets share ``shared`` or more grams
    held by at most ``common`` ids. The index is arrays: the pairs of every posting list of one
    length are made at once and counted by ``np.unique``, not one Python tuple per shared gram."""
    ids = sorted(grams)
    code: dict[tuple[str, ...], int] = {}
    gram_of: list[int] = []
    for article_id in ids:
        gram_of.extend(code.setdefault(gram, len(code)) for gram in grams[article_id])
    if not gram_of:
        return []
    owner = np.repeat(np.arange(len(ids), dtype=np.int64), [len(grams[x]) for x in ids])
    gram_codes = np.asarray(gram_of, dtype=np.int64)
    order = np.argsort(gram_codes, kind="stable")  # each gram's ids ascending
    members = owner[order]
    sizes = np.bincount(gram_codes)
    starts = np.cumsum(sizes) - sizes
    found = []
    for size in range(2, min(common, int(sizes.max())) + 1):
        at = starts[sizes == size]
        if len(at):
            lists = members[at[:, None] + np.arange(size)]
            i, j = np.triu_indices(size, k=1)
            found.append(lists[:, i].reshape(-1) * len(ids) + lists[:, j].reshape(-1))
    if not found:
        return []
    pairs, counts = np.unique(np.concatenate(found), return_counts=True)
    kept = pairs[counts >= shared]
    return [(ids[p // len(ids)], ids[p % len(ids)]) for p in kept.tolist()]


def _order(a: Article, b: Article, credited: frozenset[str] = frozenset()) -> tuple[Article, Article]:
    """(later, earlier) by publication date; when the dates do not tell, the article that
    credits a wire agency is the one nearer the source (the other rewrote its copy), and
    failing that the id decides."""
    if a.published and b.published and a.published != b.published:
        return (a, b) if a.published > b.published else (b, a)
    if (a.id in credited) != (b.id in credited):
        return (b, a) if a.id in credited else (a, b)
    return (a, b) if a.id > b.id else (b, a)


def provenance_edges(articles: Sequence[Article], settings: CompareSettings) -> list[ProvenanceEdge]:
    edges: list[ProvenanceEdge] = []
    codes: dict[str, int] = {}
    voices = {a.id: _Voice.of(a, settings.passage_min_chars, codes) for a in articles}
    by_id = {a.id: a for a in articles}
    credits = {a.id: find_credits(a) for a in articles}
    credited = frozenset(article_id for article_id, found in credits.items() if found)
    grams = {article_id: _grams(v.words, 3) for article_id, v in voices.items()}
    for x, y in gram_pairs(grams, settings.provenance_common_gram):
        edge = _reuse_edge(by_id[x], by_id[y], voices, settings, credited)
        if edge is not None:
            edges.append(edge)
    edges.extend(_shared_quote_runs(articles, edges, settings))
    for article in articles:
        for agency, line in credits[article.id]:
            edges.append(ProvenanceEdge(article.id, agency, "credits", line))
        for outlet, sentence in find_citations(article):
            edges.append(ProvenanceEdge(article.id, outlet, "cites", sentence))
    edges.extend(_agency_reuse(articles, edges, credits))
    return sorted(set(edges), key=lambda e: (e.kind, e.source, e.target, e.evidence))


def _shared_quote_runs(
    articles: Sequence[Article], edges: list[ProvenanceEdge], s: CompareSettings
) -> list[ProvenanceEdge]:
    """``shares``: two articles not already joined by reuse carry one long run of words,
    quotes included (the same quotations, cut the same way), in runs of several words. Reported, never an origin
    merge: two outlets quoting one broadcast verbatim are still independent reporters."""
    joined = {frozenset((e.source, e.target)) for e in edges if e.kind == "reuses"}
    words = {a.id: normalize_words(a.text) for a in articles}
    # The whole text as one run (no word spans a space, so its words are the text's words).
    grams = {article_id: _grams([w], s.shared_run_min) for article_id, w in words.items()}
    by_id = {a.id: a for a in articles}
    out = []
    for x, y in gram_pairs(grams, s.provenance_common_gram, shared=1):
        if frozenset((x, y)) in joined:
            continue
        blocks = _shared_runs(words[x], words[y], s.shared_run_min)
        total = sum(len(b) for b in blocks)
        # One long quotation of a statement is what every outlet quotes; two runs, or one
        # twice as long, are a passage taken over.
        if total >= s.shared_run_words and (len(blocks) >= 2 or total >= 2 * s.shared_run_words):
            later, earlier = _order(by_id[x], by_id[y])
            shown = " … ".join(" ".join(b) for b in blocks)
            evidence = f"{total} words in runs of {s.shared_run_min}+: “{shown}”"
            out.append(ProvenanceEdge(later.id, earlier.id, "shares", evidence))
    return out


def _shared_runs(a: list[str], b: list[str], min_words: int) -> list[list[str]]:
    """Runs of ``min_words`` or more identical words, in order: the blocks of at least that
    size difflib's matching blocks give (the longest match, ties to the earliest in ``a`` then
    in ``b``, then the same on each side of it), found from an index of ``b``'s
    ``min_words``-grams instead of comparing every word of ``a`` with every equal word of ``b``."""
    runs = _diagonal_runs(a, b, min_words)
    blocks = []
    ranges = [(0, len(a), 0, len(b))]
    while ranges and runs:
        alo, ahi, blo, bhi = ranges.pop()
        best = (0, 0, 0)
        for i, j, k in runs:
            # the part of the run inside the range: a match there, maximal on its diagonal
            start, end = max(i, alo, blo - j + i), min(i + k, ahi, bhi - j + i)
            size = end - start
            if size >= min_words and (
                size > best[2] or (size == best[2] and (start, start + j - i) < best[:2])
            ):
                best = (start, start + j - i, size)
        i, j, k = best
        if not k:
            continue
        blocks.append(best)
        if alo < i and blo < j:
            ranges.append((alo, i, blo, j))
        if i + k < ahi and j + k < bhi:
            ranges.append((i + k, ahi, j + k, bhi))
    return [a[i : i + k] for i, _, k in sorted(blocks)]


def _diagonal_runs(a: list[str], b: list[str], n: int) -> list[tuple[int, int, int]]:
    """Every maximal run ``a[i:i+k] == b[j:j+k]`` with ``k >= n``: each starts with an
    ``n``-gram of both, at a place the run cannot be extended back from."""
    starts: dict[tuple[str, ...], list[int]] = {}
    for j in range(len(b) - n + 1):
        starts.setdefault(tuple(b[j : j + n]), []).append(j)
    runs = []
    for i in range(len(a) - n + 1):
        for j in starts.get(tuple(a[i : i + n]), ()):
            if i and j and a[i - 1] == b[j - 1]:
                continue
            k = n
            while i + k < len(a) and j + k < len(b) and a[i + k] == b[j + k]:
                k += 1
            runs.append((i, j, k))
    return runs


def _agency_reuse(
    articles: Sequence[Article], edges: list[ProvenanceEdge], credits: dict[str, list[tuple[str, str]]]
) -> list[ProvenanceEdge]:
    """Articles sharing text with one that credits an agency all reuse that agency's copy."""
    origin = origins(articles, edges)
    members: dict[str, list[str]] = {}
    for article_id, root in origin.items():
        members.setdefault(root, []).append(article_id)
    label = {a.id: a.label or a.id for a in articles}
    out = []
    for group in members.values():
        if len(group) < 2:
            continue
        for creditor in sorted(group):
            for agency, _ in credits.get(creditor, []):
                for article_id in sorted(group):
                    how = (
                        "credits it"
                        if article_id == creditor
                        else f"shares text with {label[creditor]}, which credits it"
                    )
                    out.append(ProvenanceEdge(article_id, agency, "reuses", f"{agency} copy: {how}"))
    return out


def origins(articles: Sequence[Article], edges: Sequence[ProvenanceEdge]) -> dict[str, str]:
    """Article id -> origin id (the smallest article id among those joined by reuse)."""
    parent = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for edge in edges:
        if edge.kind == "reuses" and edge.source in parent and edge.target in parent:
            ra, rb = find(edge.source), find(edge.target)
            parent[max(ra, rb)] = min(ra, rb)
    return {a.id: find(a.id) for a in articles}

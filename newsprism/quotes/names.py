"""Person names: titles stripped, nicknames and initials matched, short mentions resolved.

One person is written many ways across a story: "Representative Carla J. Brenner",
"Congresswoman Carla Brenner", "Brenner", "Bill Okafor" / "William Okafor". These helpers
are model-free string logic over names and the story's own text:

- :func:`strip_titles` drops titles and roles before a name (a general English list);
- :func:`compatible` says whether two full names can be one person (same surname, first
  names equal, an initial of each other, or a common nickname pair);
- :func:`full_names` finds the full forms an article writes for a surname or first name,
  so that "Coleman" resolves to "Elijah Coleman" even when only the surname is quoted.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS

__all__ = [
    "TITLE_QUALIFIERS",
    "TITLE_WORDS",
    "NameIndex",
    "compatible",
    "family_name",
    "full_names",
    "generation",
    "first_name_sex",
    "given_sex",
    "most_complete",
    "most_written",
    "name_words",
    "same_given",
    "strip_titles",
    "surname",
]

# Titles, ranks, offices and job words written before a name ("Analyst Rob Enderle").
TITLE_WORDS = frozenset(
    """mr mrs ms miss mx dr prof sir dame lord lady rev reverend fr msgr monsignor father sister brother rabbi imam
    pastor bishop cardinal pope king queen prince princess duke duchess emir sheikh sultan
    president vice prime minister secretary general chancellor premier governor gov mayor senator sen
    representative rep congressman congresswoman congressmember assemblyman assemblywoman
    councilman councilwoman councillor councilor alderman speaker leader deputy chief executive
    director chairman chairwoman chair chairperson ceo cfo coo cto founder president-elect
    spokesman spokeswoman spokesperson press attorney district assistant associate public defender
    prosecutor solicitor barrister counsel lawyer judge justice magistrate sheriff officer detective
    inspector constable superintendent commissioner trooper police sgt sergeant lt lieutenant capt
    captain col colonel maj major gen admiral commander cmdr corporal cpl pvt private marshal
    ambassador envoy consul diplomat analyst economist researcher professor scientist expert
    historian author writer editor reporter correspondent columnist anchor host producer actor
    actress singer rapper comedian star model designer artist player coach manager owner striker pitcher
    quarterback guard forward defender goalkeeper midfielder captain veteran former acting interim
    senior junior state federal national us u.s. democratic republican gop labour tory advocate
    undersheriff lawmaker activist campaigner organizer organiser commentator strategist consultant
    nominee candidate challenger incumbent frontrunner front-runner democrat
    """.split()  # noqa: SIM905
)
# Title words that qualify a title rather than name an office: "The GOP", "US" or "State"
# alone is no role.
TITLE_QUALIFIERS = frozenset(
    """us u.s. democratic republican gop labour tory state federal national senior junior former
    acting interim press public district veteran star model""".split()  # noqa: SIM905
)
_WORD = re.compile(r"[A-Za-zÀ-ÿ][\w’'.-]*")


def name_words(name: str) -> list[str]:
    """Lower-case words of a name, possessives and trailing dots dropped."""
    return [re.sub(r"[’']s$", "", w).rstrip(".").lower() for w in _WORD.findall(name)]


def strip_titles(name: str) -> str:
    """``Assistant District Attorney David Rossi`` -> ``David Rossi`` (two words stay at least)."""
    words = name.split()

    def title(word: str) -> bool:
        low = word.lower().rstrip(".,")
        return low in TITLE_WORDS or (low.endswith("s") and low[:-1] in TITLE_WORDS)  # "Producers"

    while len(words) > 2 and (
        title(words[0])
        or re.search(r"[’']s$", words[0])  # "Norway’s Prime Minister Lund"
        or title(words[1])  # a word qualifying the title: "Norwegian Prime Minister Lund"
    ):
        words = words[1:]
    words = words[_after_placed_title(words, title) :]
    if len(words) == 2 and words[0].lower().rstrip(".,") in TITLE_WORDS and words[1][:1].isupper():
        words = words[1:]  # "Senator Smith": a surname after a title
    return " ".join(words).strip(" ,")


# An age or a base written before a name as its modifier ("25-year-old Ana Lind",
# "London-based Lind Holdings"): a description, no part of the name.
_DESCRIPTOR = re.compile(r"^(?:\S+-year-old|(?:[A-Z][\w.’'-]*\s+)*[A-Z][\w.’']*-based)\s+(?=[A-Z])")


def strip_descriptors(name: str) -> str:
    """``25-year-old Ana Lind`` -> ``Ana Lind``; ``New York-based Lind Watch`` -> ``Lind Watch``."""
    return _DESCRIPTOR.sub("", name, count=1)


def _after_placed_title(words: list[str], title) -> int:
    """Where the name starts after a title qualified by several capitalised words ("New
    Hampshire Sen. Ana Lind", "Ohio Gov. Ana Lind"): after the last office word that leaves two
    words, when every word before it is capitalised; else 0."""
    offices = [
        i for i, w in enumerate(words[:-2]) if title(w) and w.lower().rstrip(".,") not in TITLE_QUALIFIERS
    ]
    if not offices or not all(w[:1].isupper() or _qualifying(w) for w in words[: offices[-1]]):
        return 0
    start = offices[-1] + 1
    # "Secretary Treasurer Ana Lind": past two words, the title may go on with a word we do
    # not know; the name starts there only with a given name
    return start if len(words) - start == 2 or is_given_name(words[start]) else 0


def _qualifying(word: str) -> bool:
    """A lower-case word qualifying an office, not naming whose it is ("newly elected",
    "recently appointed"; "a friend of President Lind" is someone else)."""
    return word.isalpha() and word.islower() and word.endswith(("ly", "ed"))


@functools.cache
def _nicknames() -> dict[str, frozenset[str]]:
    """Nickname -> the given names it stands for ("bill" -> william, ...), from a public table
    (bench/nicknames_build.py); only nicknames shorter than their name ("jonathan" is no
    nickname of "john")."""
    text = resources.files("newsprism.quotes").joinpath("data/nicknames.txt").read_text(encoding="utf-8")
    out: dict[str, set[str]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, nick = line.split()
            if len(nick) < len(name):
                out.setdefault(nick, set()).add(name)
    return {k: frozenset(v) for k, v in out.items()}


def is_nickname(word: str) -> bool:
    """Whether ``word`` is a nickname of a longer given name ("phil", "bill")."""
    return word.lower() in _nicknames()


def _given(word: str) -> frozenset[str]:
    """The given names ``word`` may stand for: itself and, for a nickname, its full names."""
    return _nicknames().get(word, frozenset()) | {word}


_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])
# Capitalised sentence starters that are not part of a name ("But McDermott said").
_LEADERS = frozenset(
    """but and the a an when while if as so then after before since because though although yet
    or nor for with without at in on by from to of said says told asked according also even
    however meanwhile now still this that these those his her their its our my your""".split()  # noqa: SIM905
)


def _parts(name: str) -> tuple[list[str], str]:
    """(given names, surname) of a person name, suffixes such as "Jr." or "II" set aside."""
    words = [w for w in name_words(name) if w not in _SUFFIXES]
    return (words[:-1], words[-1]) if words else ([], "")


def family_name(name: str) -> str:
    """The lower-case surname :func:`compatible` compares ("Nick J. Rahall II" -> "rahall")."""
    return _parts(name)[1]


def generation(name: str) -> str:
    """ "jr" or "sr" when the name carries one: father and son share every other word."""
    return next((w for w in name_words(name) if w in ("jr", "sr")), "")


def surname(name: str) -> str:
    """The family name as written in ``name`` ("Nick J. Rahall II" -> "Rahall")."""
    words = [w for w in name.split() if w.lower().rstrip(".,") not in _SUFFIXES]
    return words[-1].strip(",.") if words else ""


def same_given(a: str, b: str) -> bool:
    """Two given names of one person: equal, an initial of the other, or a nickname of it."""
    return _same_given(a.lower().rstrip("."), b.lower().rstrip("."))


def _same_given(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return bool(_given(a) & _given(b)) or _clipped(a, b) or _clipped(b, a)


def _clipped(short: str, full: str) -> bool:
    """ "stan" of "stanley", "walt" of "walter": a clipped form (the commonest way English makes
    a nickname) is the start, three letters or more, of a given name of the table, and of no
    other sex."""
    if not (3 <= len(short) < len(full) and full.startswith(short)) or full not in _first_names():
        return False
    return _first_names().get(short) in (None, _first_names()[full])


@functools.cache
def _first_names() -> dict[str, str]:
    """First name -> ``m``/``f`` (US Social Security baby-name counts; bench/first_names_build.py)."""
    text = resources.files("newsprism.quotes").joinpath("data/first_names.txt").read_text(encoding="utf-8")
    return dict(line.split() for line in text.splitlines() if line and not line.startswith("#"))


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a given name of the first-name table ("Doug", "Ana")."""
    return word.lower().rstrip(".") in _first_names()


def given_sex(name: str) -> str | None:
    """``m``/``f`` for a person name of two words or more whose first given name is borne by one
    sex at least nine times in ten ("Ana Lind" -> f), else None (an initial, a rare or shared
    name, a surname alone, a name of two letters: "Lu Kang" is a man whose surname comes first)."""
    given, family = _parts(strip_titles(name))
    words = [g for g in given if len(g) > 1]
    if not family or not words:
        return None
    return first_name_sex(words[0])


def first_name_sex(word: str) -> str | None:
    """``m``/``f`` for one given name ("Hillary" -> f) borne by one sex at least nine times in
    ten, else None (shorter than three letters, rare, shared)."""
    word = word.lower().rstrip(".")
    if len(word) < 3:
        return None
    table = _first_names()
    if word in table:
        return table[word]
    # a nickname the table lacks ("Bernie") has the sex its full names share ("Bernard")
    sexes = {table.get(full) for full in _nicknames().get(word, ())}
    return next(iter(sexes)) if len(sexes) == 1 else None


def compatible(a: str, b: str) -> bool:
    """Two person names that can be one person: same surname and a given name in common
    (equal, an initial of the other, or a common nickname pair)."""
    ga, sa = _parts(a)
    gb, sb = _parts(b)
    if not sa or sa != sb or generation(a) != generation(b):
        return False
    if not ga or not gb:
        return True
    full_a = [g for g in ga if len(g) > 1] or ga
    full_b = [g for g in gb if len(g) > 1] or gb
    return _same_given(full_a[0], full_b[0])


# Words a title-case headline leaves in lower case.
_HEADLINE_SMALL = frozenset("a an the and but or nor of to in on at by for from with as vs via".split())  # noqa: SIM905
_HEADLINE_LINE = re.compile(r"[^\n]+")


# A story's lines are read twice (each article's, then the whole story's for the name index)
@functools.lru_cache(maxsize=1 << 14)
def _headline(line: str) -> bool:
    """A line in title case ("Bush Hits Marco On Eminent Domain"): its capitalised words are
    not names ("Bush Hits Marco" is no full name of Bush)."""
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", line) if w.lower() not in _HEADLINE_SMALL]
    if sum(w.isupper() for w in words) * 2 >= len(words):
        return False  # a line in capitals (a whole article may be): names there are as written
    return 4 <= len(words) <= 30 and sum(w[0].isupper() for w in words) >= 0.85 * len(words)


def _headline_names(line: str) -> str:
    """A title-case line with only what may be a name left: a known given name and the one
    capitalised word after it, initials aside, never in capitals ("BC ATTORNEY GENERAL OPAL") ("More Hillary Clinton Says" keeps "Hillary Clinton");
    everything else is blanked (same length)."""
    out = list("~" * len(line))  # not a space: names never run across a blanked word
    words = list(re.finditer(r"\S+", line))
    i = 0
    while i < len(words):
        if words[i].group(0).isupper() or words[i].group(0).lower() not in _first_names():  # "OPAL"
            i += 1
            continue
        j = i
        end, initials = words[i].end(), 0
        while j < len(words) and j - i - initials < 2:
            word = words[j].group(0)
            initials += bool(re.fullmatch(r"[A-Z]\.", word))
            bare = word.rstrip(",:;!?")
            small = j > i and bare.lower() in _HEADLINE_SMALL
            if not re.fullmatch(r"[A-Z][\w’'.-]*", bare) or small or (len(bare) > 2 and bare.isupper()):
                break
            end = words[j].start() + len(bare)
            j += 1
            if bare != word:
                break
        start = words[i].start()
        out[start:end] = line[start:end]
        i = max(j, i + 1)
    return "".join(out)


# Endings of nouns for what someone is or does ("pensioner", "retiree", "novelist"): such a
# word opening a sentence before a name describes the person ("Pensioner Ana Lind said").
DESCRIBING_ENDINGS = ("er", "or", "ee", "ist", "ian", "ant")
_SENTENCE_START = re.compile(
    r"(?:^|(?<=[.!?:])[\"”’')\]]*\s+)[\"“‘'(]?([A-Z][a-z]+)(?=\s+[A-Z])", re.MULTILINE
)


def _common_starts(text: str) -> str:
    """Sentence-initial capitalised words that the text also writes in lower case, that are
    function words ("Besides Patriot, …") or nouns for someone ("Pensioner Ana Lind"), and that
    are no given name ("Maybe Trump said", "Top
    Clinton aides") blanked: they begin no name."""
    lower = set(re.findall(r"(?<![\w’'-])[a-z]+", text)) | STOP_WORDS

    def blank(m: re.Match) -> str:
        word = m.group(1)
        common = (
            word.lower() in lower or word.lower().endswith(DESCRIBING_ENDINGS)
        ) and word.lower() not in _first_names()
        return m.group(0)[: m.start(1) - m.start(0)] + ("~" * len(word) if common else word)

    return _SENTENCE_START.sub(blank, text)


# Every text of a story is read again for each short name resolved (speakers._full_form): the
# cache holds a large story's texts (with 64, 200 articles read in turn missed every time).
@functools.lru_cache(maxsize=4096)
def without_headlines(text: str) -> str:
    """``text`` with its title-case lines reduced to what may be names, and common words that
    begin a sentence blanked (same length, so offsets hold): "Bush Hits Marco" is no full name
    of Bush, "Cecile Ruiz: I Will Run" names her, "Maybe Trump" is no name."""
    text = _HEADLINE_LINE.sub(
        lambda m: _headline_names(m.group(0)) if _headline(m.group(0)) else m.group(0), text
    )
    return _common_starts(text)


def full_names(text: str, word: str) -> list[str]:
    """Full names in ``text`` (2-4 capitalised words) that end or begin with ``word``, title-case
    headline lines aside."""
    return _full_names(without_headlines(text), word)


# Compiled once per word: a story's speakers ask the same few hundred words of thousands of texts
# (re's own cache of 512 patterns is spent on them and on every other module's).
@functools.lru_cache(maxsize=4096)
def _name_patterns(word: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    w = re.escape(word)
    part = r"[A-Z][\w’'-]+|[A-Z]\."
    return (
        re.compile(
            rf"\b((?:{part})(?:[^\S\n]+(?:{part})){{0,2}}[^\S\n]+{w}(?:,? (?:Jr|Sr|II|III|IV)\b\.?)?)(?=[’']s\b|(?![\w’'-]))"
        ),
        re.compile(rf"\b({w}(?:[^\S\n]+[A-Z]\.)?(?:[^\S\n]+[A-Z][\w’'-]+){{1,2}})\b"),
    )


# "of" or "of the" just before a capitalised run: the run opens with the object of a title.
_OF_BEFORE = re.compile(r"\bof(?:\s+the)?\s+$")


def _full_names(text: str, word: str, before: str = "") -> list[str]:
    """Full names holding ``word`` in ``text``; ``before`` is the text just before it (a piece
    of a longer text), read only for the "of the" before a run."""
    hits = sorted((m.start(), m.group(1)) for p in _name_patterns(word) for m in p.finditer(text))
    out = []
    for at, name in hits:  # reading order: the person introduced first comes first
        words = name.split()
        owners = [k for k, w in enumerate(words[:-1]) if re.search(r"[’']s?$", w)]
        words = words[owners[-1] + 1 :] if owners else words  # "Creighton's Doug Lind": the owner is no name
        while words and words[0].lower() in _LEADERS:
            words = words[1:]
        words = strip_titles(" ".join(words)).split()
        if len(words) >= 3 and words[0].isalpha() and words[0].isupper() and is_given_name(words[1]):
            words = words[1:]  # "DA Phillip Stirling", "GOP Mitt Romney": an acronym first describes
        if (
            len(words) >= 3
            and _OF_BEFORE.search(before + text[:at])
            and not is_given_name(words[0])
            and is_given_name(words[1])
        ):
            words = words[1:]  # "Secretary of the Interior Ana Lind": the office's object is no name
        name = " ".join(words)
        if len([w for w in name.split() if w.lower().rstrip(".,") not in _SUFFIXES]) >= 2:
            out.append(name)
    return out


# A word that opens with no capital letter (after a space or at the start) can only begin a
# full name, never continue one: every word after the first is a capitalised part, the surname
# or a suffix. The text is cut before such words, so a name never runs across a cut.
_CUT = re.compile(r"(?<!\S)[^A-Z\s]")
_INDEXED = re.compile(r"[A-Z]\S*")


class NameIndex:
    """:func:`full_names` over one long text (a whole story) for many words: only the pieces
    of the text holding a word are read for it, with the same result as reading it all."""

    def __init__(self, text: str) -> None:
        text = without_headlines(text)
        self.text = text
        self.starts = [0, *(m.start() for m in _CUT.finditer(text) if m.start())]
        self.ends = [*self.starts[1:], len(text)]

    def full_names(self, word: str) -> list[str]:
        if not _INDEXED.fullmatch(word):
            return _full_names(self.text, word)
        pieces: list[int] = []
        at = self.text.find(word)
        while at >= 0:
            k = bisect.bisect_right(self.starts, at) - 1
            if not pieces or pieces[-1] != k:
                pieces.append(k)
            at = self.text.find(word, at + 1)
        return [
            name
            for k in pieces
            for name in _full_names(
                self.text[self.starts[k] : self.ends[k]],
                word,
                self.text[max(0, self.starts[k] - 8) : self.starts[k]],
            )
        ]


def most_complete(names: Iterable[str]) -> str:
    """The fullest form (most words), a formal given name over a nickname, then the most
    frequent, then the first in order."""
    return most_complete_order(list(names))[0]


def most_complete_order(names: list[str]) -> list[str]:
    """Distinct ``names``, fullest first (see :func:`most_complete`)."""
    counts = {n: names.count(n) for n in names}

    givens = {name_words(n)[0] for n in counts if name_words(n)}

    def nickname(n: str) -> bool:  # "Bill", or "Stan" beside "Stanley"
        given = name_words(n)[0] if name_words(n) else ""
        return is_nickname(given) or any(_clipped(given, g) for g in givens)

    return sorted(counts, key=lambda n: (-len(n.split()), nickname(n), -counts[n], names.index(n)))


def most_written(names: Iterable[str], counts: Mapping[str, int]) -> str:
    """The form the story writes most often (``counts``: occurrences in its texts), then
    the form without a middle initial, then :func:`most_complete`'s order: readers know a person
    by the name most outlets use, and a middle initial one outlet's style adds is no better
    name."""
    names = list(names)
    order = most_complete_order(names)

    def initial(n: str) -> bool:  # "Peter K. Lind": one outlet's house style, not the name
        return any(len(w) == 1 for w in name_words(n)[1:-1])

    return max(names, key=lambda n: (counts.get(n, 0), not initial(n), -order.index(n)))


def without_middle_initials(name: str) -> str:
    """``Anthony D. Weiner`` -> ``Anthony Weiner``: a middle initial is one outlet's house style,
    not the name readers know; a leading initial ("J. Edgar Hoover") and a generation stay."""
    words = name.split()
    if len(words) < 3 or len(name_words(words[0])) != 1 or len(name_words(words[0])[0]) < 2:
        return name
    kept = [words[0]] + [w for w in words[1:-1] if not re.fullmatch(r"[A-Z]\.", w)] + [words[-1]]
    return " ".join(kept) if len([w for w in kept if name_words(w)[0] not in _SUFFIXES]) >= 2 else name


# Legal forms that follow a company's name ("France Telecom SA", "Interoute Plc").
_LEGAL = re.compile(
    r"(?:,?\s+(?:Inc|Incorporated|Corp|Corporation|Co|Ltd|Limited|LLC|LLP|Plc|PLC|plc|SA|S\.A|AG|GmbH|NV|N\.V|"
    r"SpA|S\.p\.A|AB|ASA|Oyj|BV|KK|SE|SGPS|Holdings?)\.?)+$"
)


_LEGAL_TAIL = 200


def strip_company(name: str) -> str:
    """``U.K.'s Interoute Plc`` -> ``Interoute``: a possessive before and legal forms after."""
    words = name.split()
    while len(words) > 1 and re.search(r"[’']s$", words[0]) and words[1][:1].isupper():
        words = words[1:]  # "Ana Lind's office" keeps its owner: "office" alone names nobody
    joined = " ".join(words)
    # Legal forms end the name: the pattern sees its last characters only, since it retries a
    # run of them from each word (quadratic in a long run; any real run is far shorter).
    head, tail = joined[:-_LEGAL_TAIL], joined[-_LEGAL_TAIL:]
    bare = (head + _LEGAL.sub("", tail)).strip(" ,")
    return bare or name


# "Clinton said as he introduced his wife": a time clause right after the tag is its subject's.
_SIDE_CLAUSE = re.compile(r"\s+said,?\s+(?:as|while|when|after|before)\s+(he|she)\b")


def side_clause_sex(text: str, end: int) -> str | None:
    """``m``/``f`` from the he/she opening a time clause right after a name ending at ``end`` and
    "said" ("Lind said as he …"): a surname two people share is then the one of that sex."""
    m = _SIDE_CLAUSE.match(text, end)
    return None if m is None else ("m" if m.group(1) == "he" else "f")


# UTF-8 read as Windows-1252 ("FranÃ§ois"), sometimes then decomposed ("RaÃºl" as "RaÃol").
_MOJIBAKE = re.compile(r"[ÂÃ](.)")


def _undecomposed(lead: str, char: str) -> str:
    """The letter two UTF-8 bytes read as ``lead`` and ``char`` stood for, also when ``char`` is
    what compatibility decomposition made of the second byte's character ("º" -> "o")."""
    for byte in range(0x80, 0xC0):
        try:
            seen = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
        if seen == char or unicodedata.normalize("NFKD", seen) == char:
            return (lead.encode("cp1252") + bytes([byte])).decode("utf-8")
    return lead + char


def repaired(name: str) -> str:
    """``name`` with UTF-8 mis-read as Windows-1252 undone ("FranÃ§ois" -> "François")."""
    text = unicodedata.normalize("NFC", name)
    if not _MOJIBAKE.search(text):
        return name
    return _MOJIBAKE.sub(lambda m: _undecomposed(m.group(0)[0], m.group(1)), text)

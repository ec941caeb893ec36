"""Speaker identity across articles: one canonical speaker per person or organisation.

Merging rules, in order (names compared by :func:`identity.fold`):
  1. persons and organisations with the same folded name are one speaker
     (accents, case and a leading "the" aside);
  2. a one-word person name (a surname) joins the only full name ending in it;
  3. full names whose folded forms are near-identical (``name_similarity``) join, and so do
     organisation names of several words; an organisation written as its initials ("THR")
     joins the one organisation they abbreviate ("The Hollywood Reporter");
  4. before these, a one-word speaker the tagger misread is the person whose surname it is,
     a surname alone takes its full name (of its generation, and of the gender an honorific
     gives), and "the president" with no name in its article is the one holder of the title;
  5. anonymous sources and unresolved pronouns never merge across articles:
     "a senior official" in two outlets need not be the same person.
The displayed canonical name is the most frequent full form, then the longest.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from rapidfuzz import fuzz

from newsprism.model import Quote, Speaker, content_id
from newsprism.quotes.attribute import OTHER_ROLE
from newsprism.quotes.cues import ANONYMOUS_NOUNS, ORG_DESCRIPTORS, ORG_NOUNS
from newsprism.quotes.identity import PRONOUNS, fold, surname_key
from newsprism.quotes.marks import DASH_CHARS
from newsprism.quotes.names import (
    DESCRIBING_ENDINGS,
    TITLE_QUALIFIERS,
    TITLE_WORDS,
    NameIndex,
    compatible,
    family_name,
    full_names,
    generation,
    given_sex,
    is_given_name,
    most_complete,
    most_written,
    name_words,
    repaired,
    same_given,
    side_clause_sex,
    strip_company,
    strip_descriptors,
    strip_titles,
    surname,
    without_middle_initials,
)

__all__ = ["find_speaker", "merge_speakers", "speaker_index", "speaker_key"]

# Country and body names that outlets write in several ways.
ORG_ALIASES = {
    "us": "united states",
    "u s": "united states",
    "usa": "united states",
    "the united states": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
}


def speaker_key(quote: Quote) -> str | None:
    """The first grouping key of a quote's speaker (before surname and fuzzy merging)."""
    s = quote.speaker
    if s is None:
        return None
    if s.anonymous or s.kind in ("pronoun", "nominal"):
        return f"local:{quote.article_id}:{fold(s.canonical)}"
    key = fold(s.canonical)
    if s.kind == "organisation":
        key = ORG_ALIASES.get(key, ORG_ALIASES.get(key.removeprefix("the "), key.removeprefix("the ")))
        return f"org:{key}"
    if s.kind == "group":  # "X and Y": never merged into X or Y by surname
        return f"group:{key}"
    return f"person:{key}"


def _surname_merges(keys: Iterable[str]) -> dict[str, str]:
    persons = [k for k in keys if k.startswith("person:")]
    full: dict[str, set[str]] = defaultdict(set)
    for k in persons:
        if len(k.split()) >= 2:
            full[surname_key(k)].add(k)
    out = {}
    for names in full.values():  # "Boone Lind" after a title: the end of the one "Ana Boone Lind"
        for k in names:
            longer = [f for f in names if f.endswith(" " + k.removeprefix("person:"))]
            if len(longer) == 1:
                out[k] = longer[0]
    for k in persons:
        heads = {f for f in full.get(surname_key(k), ()) if f not in out}
        if len(k.split()) == 1 and len(heads) == 1:
            out[k] = next(iter(heads))
    return out


_FUNCTION_WORDS = frozenset(["the", "of", "and", "for", "a", "an", "&"])


def _initials(name: str) -> set[str]:
    """Lower-case initials of a name, with and without its function words ("The Hollywood
    Reporter": thr, hr)."""
    words = fold(name).split()
    short = "".join(w[0] for w in words if w not in _FUNCTION_WORDS)
    # a leading "The" counts though running text drops it ("the Hollywood Reporter": THR)
    return {"".join(w[0] for w in words), short, "t" + short}


def _acronym_merges(written_as: Mapping[str, set[str]]) -> dict[str, str]:
    """An organisation written as its initials joins the one organisation of the story whose
    words they abbreviate ("THR" -> "The Hollywood Reporter", "SAG" -> "Screen Actors Guild")."""
    orgs = [k for k in written_as if k.startswith("org:")]
    # Initials -> the organisations of several words they abbreviate, read once per name.
    by_initials: dict[str, list[str]] = defaultdict(list)
    for m in orgs:
        if len(m[4:].split()) >= 2:
            for short in set().union(*(_initials(n) for n in written_as[m])):
                by_initials[short].append(m)
    out = {}
    for k in orgs:
        short = k[4:]
        if not 2 <= len(short) <= 6 or " " in short:
            continue
        full = [m for m in by_initials.get(short, ()) if m != k]
        if len(full) == 1:
            out[k] = full[0]
    return out


def _fuzzy_merges(keys: list[str], threshold: float) -> dict[str, str]:
    """Near-identical full person names, and organisation names of several words ("Motion
    Picture" / "Motion Pictures"), map to the earliest (sorted) one."""
    persons = sorted(k for k in keys if k.startswith(("person:", "org:")) and len(k.split()) >= 2)
    # Spelling variants share a kind, an initial and a word count: only such keys are compared.
    buckets: dict[tuple[str, str, int], list[str]] = defaultdict(list)
    for k in persons:
        kind, name = k.split(":", 1)
        buckets[kind, name.split(":")[0][:1], len(k.split())].append(k)
    out: dict[str, str] = {}
    for bucket in buckets.values():
        for i, a in enumerate(bucket):
            if a in out:
                continue
            for b in bucket[i + 1 :]:
                if b not in out and _spelling_variants(a, b) and fuzz.ratio(a, b) >= threshold:
                    out[b] = a
    return out


def _spelling_variants(a: str, b: str) -> bool:
    """Two keys of one kind that may be one name spelt two ways: same initial, as many words,
    and no generation apart ("Peter Lind Jr." is not "Peter Lind")."""
    return (
        a.split(":")[0] == b.split(":")[0]
        and a.split(":")[1][:1] == b.split(":")[1][:1]
        and len(a.split()) == len(b.split())
        and generation(a) == generation(b)
    )


def _display(key: str, names: list[str], written: Mapping[str, int]) -> str:
    if key.startswith("person:"):
        return most_written(names, written) if written else most_complete(names)
    counts = Counter(names)
    return sorted(counts, key=lambda n: (-(len(n.split()) > 1), -counts[n], -len(n), n))[0]


def _plain_names(names: dict[str, str], texts: Mapping[str, str]) -> dict[str, str]:
    """Person names without middle initials ("Paul D. Ryan" is "Paul Ryan" in every outlet), unless
    the story writes that given name and surname with other initials too, for another person
    ("George H. Lind" and "George K. Lind", "George H.K. Lind")."""
    text = " \n ".join(texts.values())
    out = {}
    for k, n in names.items():
        if k.startswith("group:"):  # "Charles E. Grassley and Patrick J. Leahy": each member
            out[k] = re.sub(r"[^,]+?(?=,|\s+and\s+|$)", lambda m: _plain_member(m.group(0)), n)
            continue
        plain = without_middle_initials(n) if k.startswith("person:") else n
        if plain != n:
            first, last = re.escape(plain.split()[0]), re.escape(plain.split()[-1])
            forms = set(re.findall(rf"\b{first}((?:\s+[A-Z]\.(?:[A-Z]\.)*)*)\s+{last}\b", text))
            if len({f.replace(" ", "") for f in forms} - {""}) > 1:
                plain = n
        out[k] = plain
    return out


def _plain_member(part: str) -> str:
    """One member of a joint source without middle initials ("and Patrick J. Leahy")."""
    lead = re.match(r"\s*(?:and\s+)?", part).group(0)
    return lead + without_middle_initials(part[len(lead) :])


def _dateline(quote: Quote, texts: Mapping[str, str]) -> bool:
    """A speaker that is the article's dateline ("AMHERST") is a place, not a person."""
    s = quote.speaker
    if s is None or s.kind not in ("person", "organisation") or not s.name.isupper() or len(s.name) < 3:
        return False
    text = texts.get(quote.article_id, "").lstrip()[:200]
    # a name in capitals ("FBI", a transcript's "VARGA:") is a dateline only where one is
    # written: "NAME --", "NAME, State (Wire) —" opening a line
    shape = rf"(?:^|\n)\s*{re.escape(s.name)}(?:,[^\n{DASH_CHARS}-]{{1,30}})?\s*(?:\([^)\n]*\)\s*)?(?:--|[{DASH_CHARS}-])"
    return re.search(shape, text) is not None


# What a person runs or leads, written "X's campaign" or "the X campaign".
_BODIES = "campaign|administration|camp|transition team"
_PERSONS_BODY = re.compile(
    rf"^(?:the\s+)?(?:(?:mr|mrs|ms|dr)\.?\s+)?((?:[A-Z][\w.-]*\s+)*[A-Z][\w.-]*?)(?:[’']s?)?\s+({_BODIES})$",
    re.IGNORECASE,
)


def _persons_body(name: str) -> str | None:
    """``Ms. Brenner's campaign`` -> ``Brenner campaign`` (honorific, titles, article and
    possessive off), so every outlet's way of writing it is one speaker; None for other names."""
    m = _PERSONS_BODY.match(name.strip())
    if m is None or not m.group(1)[:1].isupper():
        return None
    return f"{strip_titles(m.group(1))} {m.group(2).lower()}"  # "Ohio Gov. Ana Lind's campaign"


def _before_dash(name: str) -> str:
    """``Jonathan Wright - director of wholesale products``: a spaced dash ends the name."""
    return re.split(rf"\s[-{DASH_CHARS}]+\s?", name)[0]


# An honorific before a capitalised name inside a description ("a spokesman for Mr. Lind").
_HONORIFIC = re.compile(r"(?<=\s)(?:Mr|Mrs|Ms|Dr)\.?\s+(?=[A-Z])")


def _untitled(quote: Quote, texts: Mapping[str, str]) -> Quote:
    """Titles off person names, legal forms off company names; a dateline taken for a speaker
    removed."""
    s = quote.speaker
    if s is None:
        return quote
    if _dateline(quote, texts):
        return dataclasses.replace(quote, speaker=None)
    if repaired(s.canonical) != s.canonical:  # "FranÃ§ois Hollande": the text's encoding slip
        s = dataclasses.replace(s, canonical=repaired(s.canonical))
        quote = dataclasses.replace(quote, speaker=s)
    if s.kind in ("person", "organisation"):
        s = _undescribed(s, texts.get(quote.article_id, ""))
        quote = dataclasses.replace(quote, speaker=s)
    body = _persons_body(s.canonical) if s.kind in ("organisation", "nominal") else None
    if body is not None:  # "Ms. Brenner's campaign", "the Brenner campaign": one body, story wide
        return dataclasses.replace(quote, speaker=dataclasses.replace(s, canonical=body, kind="organisation"))
    person = _titled_person(s.canonical) if s.kind == "organisation" else None
    if person is not None:  # "Homicide Detective Ana Lind" read as one organisation
        role = s.canonical[: len(s.canonical) - len(person)].strip(" ,")
        return dataclasses.replace(
            quote, speaker=dataclasses.replace(s, canonical=person, kind="person", role=role)
        )
    if s.kind == "organisation":
        bare = strip_company(_before_dash(s.canonical))
        return (
            quote
            if bare == s.canonical
            else dataclasses.replace(quote, speaker=dataclasses.replace(s, canonical=bare))
        )
    if s.kind in ("anonymous", "nominal") and _HONORIFIC.search(s.canonical):
        # "a representative for Mr. Lind": the honorific is one outlet's house style
        return dataclasses.replace(
            quote, speaker=dataclasses.replace(s, canonical=_HONORIFIC.sub("", s.canonical))
        )
    if s.kind != "person":
        return quote
    if _other_sex(s, texts.get(quote.article_id, "")):  # "Mr. Lind" taken for "Ana Lind": surname only
        s = dataclasses.replace(s, canonical=surname(s.canonical))
        quote = dataclasses.replace(quote, speaker=s)
    name = strip_titles(_before_dash(s.canonical))
    if name == s.canonical:
        return quote
    role = s.role or s.canonical[: len(s.canonical) - len(name)].strip(" ,") or None
    return dataclasses.replace(quote, speaker=dataclasses.replace(s, canonical=name, role=role))


def _undescribed(s: Speaker, text: str) -> Speaker:
    """A name without the description written before it: an age ("25-year-old Ana Lind", a
    person whatever the tagger said), a base ("London-based Lind Watch"), or a noun for what
    someone is that opens the sentence ("Pensioner Ana Lind said")."""
    bare = strip_descriptors(s.canonical)
    if bare != s.canonical:
        aged = "-year-old" in s.canonical[: len(s.canonical) - len(bare)]
        return dataclasses.replace(s, canonical=bare, kind="person" if aged else s.kind)
    person = _opening_description(s, text)
    if person is None:
        return s
    return dataclasses.replace(s, canonical=person, kind="person", role=s.canonical.split()[0].lower())


def _opening_description(s: Speaker, text: str) -> str | None:
    """``Pensioner Ana Lind said``: a noun for someone ("pensioner", "retiree") capitalised only
    because it opens the sentence, read into the name (often as an organisation); the name
    after it, else None. A given name ("Walker Lind") or a title stays."""
    words = s.canonical.split()
    if len(words) < 2 or s.span is None or not all(_CAPITALISED.match(w) for w in words):
        return None
    before = text[: s.span.start].rstrip(" “\"'‘")
    first = words[0].lower()
    opens = before == "" or before[-1] in '.!?\n”"'
    if not opens or is_given_name(words[0]) or first in TITLE_WORDS or not first.endswith(DESCRIBING_ENDINGS):
        return None
    return " ".join(words[1:])


def _titled_person(name: str) -> str | None:
    """The person an organisation-tagged name holds after a person's title ("Homicide Detective
    Ana Lind", "Academy President Boone Lind" -> "Ana Lind", "Boone Lind"); None when the title
    word only qualifies ("National Security Council") or the rest ends in a body's noun."""
    rest = strip_titles(name)
    words = rest.split()
    if rest == name or len(words) < 2 or not all(_CAPITALISED.fullmatch(w) for w in words):
        return None
    before = name[: len(name) - len(rest)].split()
    title = before[-1].lower().rstrip(".,") if before else ""
    if (
        title not in TITLE_WORDS
        or title in TITLE_QUALIFIERS
        or words[-1].lower() in ORG_NOUNS | ORG_DESCRIPTORS
    ):
        return None
    return rest


def _other_sex(s: Speaker, text: str) -> bool:
    """A mention with an honorific or a pronoun of one sex ("Mr. Lind said", "he said") resolved
    to a full name whose given name is of the other ("Ana Lind", the one Lind the article names
    in full)."""
    if s.span is None or len(name_words(s.canonical)) < 2:
        return False
    pronoun = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(s.name.lower())
    # the honorific of the name itself, not of an owner ("Ms. Lind's spokesman, Tom Ray")
    own = re.search(
        rf"\b(?:Mrs|Ms|Miss|Mr)\b\.?\s+{re.escape(surname(s.canonical))}\b", text[s.span.start : s.span.end]
    )
    written = pronoun or (_honorific(own.group(0) + " ") if own else None)
    return written is not None and given_sex(s.canonical) not in (None, written)


# A capitalised name word, "O’Donnell" and "D'Souza" included.
_CAPITALISED = re.compile(r"[A-Z](?:[a-z]|[’'][A-Z])[\w’'-]*")


def _person_shaped(name: str, text: str) -> str | None:
    """The full person name an organisation speaker stands for, when the tagger made one of a
    person: "Roman Ostrava" (a known given name, then a surname the article also writes alone),
    or "Ostrava" alone when the article's one full name ending in it starts with a given name."""
    words = name.split()
    if not words or not all(_CAPITALISED.fullmatch(w) for w in words) or _definite_name(name, text):
        return None
    if words[-1].lower() in ORG_NOUNS | ORG_DESCRIPTORS:  # "Morgan Foundation": an organisation's head noun
        return None
    if len(words) == 1:
        forms = {f for f in full_names(text, name) if len(f.split()) == 2}
        form = next(iter(forms)) if len(forms) == 1 else ""
        return form if form and given_sex(form) and not _definite_name(form, text) else None
    last = re.escape(words[-1])
    alone = len(re.findall(rf"\b{last}\b", text)) > len(re.findall(rf"\b{re.escape(name)}\b", text))
    return name if len(words) <= 3 and given_sex(name) and alone else None


def _definite_name(name: str, text: str) -> bool:
    """ "the Douglas Post": a name the article writes after "the" names a thing, not a person,
    even when it starts with a given name."""
    return re.search(rf"\b[Tt]he\s+{re.escape(name)}\b", text) is not None


def _short_organisations(quotes: list[Quote], texts: Mapping[str, str]) -> list[Quote]:
    """ "the Post said" where the article wrote "the Harlan Post" before: a one-word organisation
    is the one longer name of its article that ends in that word and is written after "the"."""
    out = []
    for q in quotes:
        s = q.speaker
        if s is not None and s.kind == "organisation" and _CAPITALISED.fullmatch(s.canonical):
            text = texts.get(q.article_id, "")
            forms = {
                f
                for f in full_names(text, s.canonical)
                if f.endswith(s.canonical)
                and len(f.split()) <= 3
                and not re.search(r"-[a-z]", f)  # "Shanghai-based Hurun" describes it
                and _definite_name(f, text)
            }
            if len(forms) == 1:
                q = dataclasses.replace(q, speaker=dataclasses.replace(s, canonical=forms.pop()))
        out.append(q)
    return out


def _surnames_as_persons(quotes: list[Quote], texts: Mapping[str, str]) -> list[Quote]:
    """A one-word speaker the tagger did not read as a person ("Ruiz tweeted", tagged as a plural
    noun or an organisation) is a person when it is the surname, or the given name of only one,
    of the full person names other quotes of the story give; so is an organisation written exactly as such a full name, or
    shaped as a person's name (:func:`_person_shaped`)."""
    full = {
        q.speaker.canonical
        for q in quotes
        if q.speaker is not None and q.speaker.kind == "person" and len(name_words(q.speaker.canonical)) >= 2
    }
    full |= {
        shaped
        for q in quotes
        if q.speaker is not None
        and (
            q.speaker.kind == "organisation"
            or (q.speaker.kind == "nominal" and q.speaker.canonical.istitle())
        )
        for shaped in [_person_shaped(q.speaker.canonical, texts.get(q.article_id, ""))]
        if shaped
    }  # "Hannity pressed" with the surname tagged as a common noun
    surnames = {name_words(n)[-1] for n in full}
    # "Chela and her in-laws" tagged as an organisation: the given name of one full name
    firsts = Counter(name_words(n)[0] for n in full if len(name_words(n)[0]) > 2)
    surnames |= {w for w, k in firsts.items() if k == 1 and w not in surnames}
    # "Wasserman Schultz" after "Debbie Wasserman Schultz": two surnames, tagged as a body
    doubles = {
        " ".join(n.split()[-2:]) for n in full if len(n.split()) >= 3 and not is_given_name(n.split()[-2])
    }
    out = []
    for q in quotes:
        s = q.speaker
        if (
            s is not None
            and s.kind in ("anonymous", "organisation", "nominal")
            and (
                (_CAPITALISED.fullmatch(s.canonical) and s.canonical.lower() in surnames)
                or (s.kind == "organisation" and s.canonical in full | doubles)  # "Ana Lind" tagged ORG once
            )
        ):
            q = dataclasses.replace(q, speaker=dataclasses.replace(s, kind="person", anonymous=False))
        out.append(q)
    return out


# Kin nouns and the nouns that name the same tie from the other side ("daughter of X": whoever the
# article introduced as "Y's mother X" or "Y's father X").
_KIN_INVERSE = {
    **dict.fromkeys(["daughter", "son", "child"], "mother|father|parent"),
    **dict.fromkeys(["mother", "father", "parent"], "daughter|son|child"),
    "wife": "husband",
    "husband": "wife",
    **dict.fromkeys(["sister", "brother"], "sister|brother"),
}
_KIN_ROLE = re.compile(rf"^({'|'.join(_KIN_INVERSE)}) of (.+)$")
_NAME = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}"


def _kin_roles(quotes: list[Quote], texts: Mapping[str, str]) -> list[Quote]:
    """ "her daughter" left as "daughter of Ana Lind" where the article introduced "Rosa Lind's
    mother, Ana Lind": the one person named on the other side of that tie."""
    out = []
    for q in quotes:
        s = q.speaker
        m = _KIN_ROLE.match(s.canonical) if s is not None and s.kind == "nominal" else None
        if m is not None:
            kin, owner = m.groups()
            text = texts.get(q.article_id, "")
            ties = rf"({_NAME})[’']s?\s+(?:{_KIN_INVERSE[kin]}),?\s+(?:{re.escape(owner)}|{re.escape(surname(owner))})\b"
            found = {n for n in re.findall(ties, text)}
            if len(found) == 1:
                name = found.pop()
                q = dataclasses.replace(
                    q, speaker=dataclasses.replace(s, canonical=name, kind="person", role=kin)
                )
        out.append(q)
    return out


_TITLED = re.compile(r"^the\s+((?:[a-z-]+\s+)?[a-z-]+)$", re.IGNORECASE)  # "the (district) attorney"


def _story_titles(quotes: list[Quote]) -> list[Quote]:
    """``The president added`` where the article names nobody with that title: the one person
    of its article, else of the story, whose quotes carry the title in their role ("President
    Ana Ruiz"; a former or vice president is another office)."""
    holders: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article or "", title) -> names
    for q in quotes:
        s = q.speaker
        if s is None or s.kind != "person" or not s.role or len(name_words(s.canonical)) < 2:
            continue
        words = name_words(s.role)
        if not words or set(words) & OTHER_ROLE or words[-1] not in TITLE_WORDS:
            continue  # the title is the role's head: "the president's son" is a son
        holders[(q.article_id, words[-1])].add(s.canonical)
        holders[("", words[-1])].add(s.canonical)
    out = []
    for q in quotes:
        s = q.speaker
        m = _TITLED.match(s.canonical) if s is not None and s.kind == "nominal" and not s.anonymous else None
        words = m.group(1).lower().split() if m is not None else []
        if words and all(w in TITLE_WORDS for w in words) and not set(words) & OTHER_ROLE:
            word = words[-1]
            names = holders.get((q.article_id, word)) or (
                holders.get(("", word), set()) if word not in ANONYMOUS_NOUNS else set()
            )  # "the spokeswoman" of another article may speak for another body
            if len(names) == 1:
                name = next(iter(names))
                q = dataclasses.replace(q, speaker=dataclasses.replace(s, canonical=name, kind="person"))
        out.append(q)
    return out


_BARE_DEFINITE = re.compile(r"^the\s+([a-z-]+)$", re.IGNORECASE)  # "the spokesman", "The source"
_UNNAMED = ("anonymous", "nominal")


def _head_noun(description: str) -> str:
    """``a source with knowledge of …`` -> source; ``Lind’s spokesman`` -> spokesman."""
    words = re.split(r"\s+(?:with|for|of|from|at|in|close|to|on|who|,)\b|,", description, maxsplit=1)[
        0
    ].split()
    return words[-1].lower() if words else ""


def _same_source_again(quotes: list[Quote]) -> list[Quote]:
    """``the source added`` after ``a source close to the team said``: the unnamed source the
    article described last with that noun, under the name it was described with."""
    order = sorted(range(len(quotes)), key=lambda k: (quotes[k].article_id, quotes[k].span.start))
    out = list(quotes)
    last: dict[tuple[str, str], str] = {}  # (article, head noun) -> the latest description
    for k in order:
        s = quotes[k].speaker
        if s is None or s.kind not in _UNNAMED:
            continue
        m = _BARE_DEFINITE.match(s.canonical)
        key = (quotes[k].article_id, m.group(1).lower() if m else _head_noun(s.canonical))
        if m is None:
            last[key] = s.canonical
        elif key in last:
            out[k] = dataclasses.replace(quotes[k], speaker=dataclasses.replace(s, canonical=last[key]))
    return out


def _resolve_short(quotes: list[Quote], texts: Mapping[str, str]) -> list[Quote]:
    """A one-word person name takes the full name the story writes for it: the article's own
    most frequent full form ("Coleman" -> "Elijah Coleman"), else the story's only one; so do
    the members of a joint source ("Zadan and Meron")."""
    story: dict[str, Counter] = defaultdict(Counter)
    titles: dict[str, set[str]] = defaultdict(set)  # full name -> the titles it is written with
    for q in quotes:
        s = q.speaker
        if s is not None and s.kind == "person" and len(s.canonical.split()) >= 2:
            story[name_words(s.canonical)[-1]][s.canonical] += 1
            titles[s.canonical] |= _titles(s.role)
    genders: dict[str, str | None] = {}
    written: dict[str, list[str]] = {}  # word -> the full names the story writes for it
    before = _previous_quotes(quotes)
    resolved: dict[int, Quote] = {}
    for k in sorted(range(len(quotes)), key=lambda k: (quotes[k].article_id, quotes[k].span.start)):
        q = quotes[k]
        s = q.speaker
        kept = _full_speaker(resolved.get(before.get(k, -1)))
        if (
            s is not None
            and s.kind == "person"
            and kept
            and len(s.canonical.split()) == 1
            and _ends_in(kept, s.canonical)
            and _same_sex(s, kept, texts.get(q.article_id, ""), texts, genders)
        ):
            # "His son, Tim Lind, said …. “…,” Lind said": the Lind who spoke just before, not
            # the Lind the article introduced first
            resolved[k] = dataclasses.replace(q, speaker=dataclasses.replace(s, canonical=kept))
            continue
        if s is not None and s.kind in ("person", "group"):
            parts = (
                re.split(r",\s+(?:and\s+)?|\s+and\s+", s.canonical) if s.kind == "group" else [s.canonical]
            )
            younger = s.kind == "person" and "younger" in name_words(s.role or "")
            text = texts.get(q.article_id, "")
            sex = (
                (_honorific(text[s.span.start : s.span.end]) or side_clause_sex(text, s.span.end))
                if s.span is not None
                else None
            )
            pool = _Pool(story, titles, _titles(s.role) if s.kind == "person" else set())
            full = [_full_form(p, text, pool, texts, younger, sex, genders, written) or p for p in parts]
            name = full[0] if len(full) == 1 else ", ".join(full[:-1]) + " and " + full[-1]
            if name != s.canonical:
                q = dataclasses.replace(q, speaker=dataclasses.replace(s, canonical=name))
        resolved[k] = q
    return [resolved[k] for k in range(len(quotes))]


# How close (characters) a quote by a surname alone must follow one by a full name for the
# surname to be that person's: the next sentence or two.
_JUST_BEFORE = 300


def _same_sex(
    s: Speaker, full: str, text: str, texts: Mapping[str, str], genders: dict[str, str | None]
) -> bool:
    """Whether a short mention can be ``full`` by sex: "Mr. Lind", "Lind said as he …" is not
    Ana Lind."""
    if s.span is None:
        return True
    said = _honorific(text[s.span.start : s.span.end]) or side_clause_sex(text, s.span.end)
    if said is None:
        return True
    if full not in genders:
        genders[full] = _name_gender(full, texts)
    return genders[full] in (None, said)


def _previous_quotes(quotes: list[Quote]) -> dict[int, int]:
    """Index of a quote -> index of the quote just before it in its article, when that one
    ends at most ``_JUST_BEFORE`` characters before it."""
    order = sorted(range(len(quotes)), key=lambda k: (quotes[k].article_id, quotes[k].span.start))
    return {
        k: j
        for j, k in zip(order, order[1:], strict=False)
        if quotes[j].article_id == quotes[k].article_id
        and 0 <= quotes[k].span.start - quotes[j].span.end <= _JUST_BEFORE
    }


def _full_speaker(q: Quote | None) -> str | None:
    """The speaker of ``q`` when it is a person written with two names or more."""
    s = q.speaker if q is not None else None
    return s.canonical if s is not None and s.kind == "person" and len(s.canonical.split()) >= 2 else None


_HONORIFIC = re.compile(r"\b(Mrs|Ms|Miss|Mr)\b\.?\s")
_FEMALE_KIN = "wife mother daughter sister widow girlfriend fiancee granddaughter aunt niece"
_MALE_KIN = "husband father son brother widower boyfriend fiance grandson uncle nephew"
_KIN = {**dict.fromkeys(_FEMALE_KIN.split(), "f"), **dict.fromkeys(_MALE_KIN.split(), "m")}
_GENDERED = re.compile(r"\b(he|him|his|she|her|hers)\b", re.IGNORECASE)


def _honorific(mention: str) -> str | None:
    """``f`` for "Mrs. Lind", ``m`` for "Mr. Lind", else None."""
    m = _HONORIFIC.search(mention)
    return None if m is None else ("m" if m.group(1) == "Mr" else "f")


def _name_gender(full: str, texts: Mapping[str, str]) -> str | None:
    """A full name's gender as the story writes it: a kin noun before it ("his wife, Ana
    Lind"), else its first name's usual sex, else the first he/she after it in its sentence
    ("Ana Lind said she …"; noisy: "Gus Lind said …, and Dora Lind said she …"), by vote."""
    kin_votes: Counter = Counter()
    votes: Counter = Counter()
    for text in texts.values():
        for m in re.finditer(re.escape(full), text):
            before = re.findall(r"[a-z]+", text[max(0, m.start() - 30) : m.start()].lower())[-2:]
            kin = next((_KIN[w] for w in reversed(before) if w in _KIN), None)
            rest = re.split(r"[.!?\n]", text[m.end() : m.end() + 200])[0]
            pron = _GENDERED.search(rest)
            said = None if pron is None else ("m" if pron.group(1).lower() in ("he", "him", "his") else "f")
            if kin:
                kin_votes[kin] += 1
            elif said:
                votes[said] += 1
    for tally in (kin_votes, Counter({given_sex(full): 1}) if given_sex(full) else Counter(), votes):
        if tally["m"] != tally["f"]:
            return "m" if tally["m"] > tally["f"] else "f"
    return None


def _titles(role: str | None) -> set[str]:
    """The title words of a role ("President", "House Speaker" -> speaker), qualifiers aside."""
    return {w for w in name_words(role or "") if w in TITLE_WORDS and w not in OTHER_ROLE}


@dataclasses.dataclass(frozen=True)
class _Pool:
    """The story's full person names by surname, the titles each is written with, and the
    titles of the short mention being resolved ("President Lind" is the President Ana Lind)."""

    names: Mapping[str, Counter]
    titles: Mapping[str, set[str]]
    wanted: set[str]


def _full_form(
    name: str,
    text: str,
    pool_of: _Pool,
    texts: Mapping[str, str],
    younger: bool = False,
    sex: str | None = None,
    genders: dict[str, str | None] | None = None,
    written: dict[str, list[str]] | None = None,
) -> str | None:
    """The full name a one-word person name stands for in its article or story, else None
    ("the younger Mr. Lind" is the son, Lind Jr.; "Mrs. Lind" is no man the story names Lind)."""
    story = pool_of.names
    core = [w for w in name.split() if not generation(w)]
    if len(core) == 2 and core[0].lower() in _PARTICLES:  # "de Blasio", "De Blasio": one surname
        lower = f"{core[0].lower()} {core[1]}"
        core = [lower if lower in text or core[0].islower() else " ".join(core)]
    elif len(core) == 2 and not is_given_name(core[0]) and _longer_name_ends(" ".join(core), text):
        core = [" ".join(core)]  # "Wasserman Schultz" after "Debbie Wasserman Schultz": two surnames
    if len(core) != 1:
        return None
    word = core[0].strip(" ,.")
    gen = generation(name) or ("jr" if younger else "")  # "Peter Jr." is a Lind Jr.

    known = genders if genders is not None else {}

    def gender(n: str) -> str | None:
        if n not in known:
            known[n] = _name_gender(n, texts)
        return known[n]

    def same_generation(names: Iterable[str]) -> Counter:
        return Counter(n for n in names if generation(n) == gen and (sex is None or gender(n) in (None, sex)))

    found = _name_index(text).full_names(word)
    # A surname alone refers back to the person the article introduced first with it; another
    # person of that surname keeps being written in full. Names ending in the word come first: a
    # name it begins ("Trump Tower", "Lind Foundation") is its name only where no other is
    # written ("Xi Jinping").
    given = bool(gen) or is_given_name(word)  # "Pete Jr.", "Doug": a given name begins the name
    found = [n for n in found if not _body_name(n)]  # "Lind Campaign", "Lind Foundation"
    # A word that is a given name too reads as a surname ("Clinton" is Hillary Clinton, not a
    # "Clinton Cole") unless the article writes it opening a full name ("Doug Brandtner"; then
    # "Dependable Doug" is no surname form, and "Arlo Jr." is Arlo Penn Jr.).
    ends = [n for n in found if _ends_in(n, word)]
    as_given = given and any(n not in ends for n in found)
    local = (
        same_generation(found)
        if as_given
        else same_generation(ends) or same_generation(found if given else ())
    )
    if local:
        return next(iter(local))
    # Others have none. Read once per word and run (``written``): every text of the story.
    seen = written if written is not None else {}
    if word not in seen:
        seen[word] = [n for t in texts.values() if word in t for n in _name_index(t).full_names(word)]
    in_texts = seen[word]
    pool = same_generation(story.get(word.lower(), Counter()).elements()) or same_generation(
        n for n in in_texts if _ends_in(n, word) or given
    )
    if not pool and found:
        return next(iter(same_generation(found)), None) or _one_generation(word, gen or younger, found, story)
    pool = pool or same_generation(in_texts)
    if not pool and gen:  # "Pete Jr.": the story's Jr. whose given name it is
        pool = Counter(
            n
            for forms in story.values()
            for n in forms.elements()
            if generation(n) == gen
            and same_given(word, name_words(n)[0])
            and len([w for w in n.split() if not generation(w)]) >= 2
        )
    titled = {n for n in pool if pool_of.titles.get(n, set()) & pool_of.wanted}
    if len(pool) > 1 and len(titled) == 1:  # "President Lind": the one Lind written as president
        return next(iter(titled))
    if pool and (len(pool) == 1 or pool.most_common(2)[0][1] > pool.most_common(2)[1][1]):
        return pool.most_common(1)[0][0]
    return _one_generation(word, gen or younger, found, story)


# Each short name resolved reads its article's and the story's texts again for the word:
# indexed once a text, only the pieces holding the word are read (full_names' result).
@functools.lru_cache(maxsize=4096)
def _name_index(text: str) -> NameIndex:
    return NameIndex(text)


def _longer_name_ends(name: str, text: str) -> bool:
    """The text writes ``name`` after a capitalised given name ("Debbie Wasserman Schultz")."""
    return any(is_given_name(m.group(1)) for m in re.finditer(rf"\b([A-Z][a-z]+) {re.escape(name)}\b", text))


def _one_generation(
    word: str, aged: object, found: Iterable[str], story: Mapping[str, Counter]
) -> str | None:
    """ "Mr. Biden" where the article (else the story) writes that surname only as one "Joseph R.
    Biden Jr.": the suffix is part of his full name, not another generation (``aged``: the
    mention names a generation itself)."""
    if aged:
        return None
    for names in ({n for n in found if _ends_in(n, word)}, set(story.get(word.lower(), ()))):
        people = {n for n in names if len(name_words(n)) >= 3}
        if people:
            return next(iter(people)) if len(people) == 1 and all(generation(n) for n in names) else None
    return None


def _body_name(name: str) -> bool:
    """A name ending in what a person runs or an organisation's head noun ("Lind Campaign")."""
    last = name_words(name)[-1:]
    return bool(last) and (last[0] in _BODIES.split("|") or last[0] in ORG_NOUNS | ORG_DESCRIPTORS)


# Particles that begin a surname ("de Blasio", "van Hollen", "bin Salman"), lower case in a full name.
_PARTICLES = frozenset("de da di del della van von der den le la du bin al el ibn dos das".split())  # noqa: SIM905


def _ends_in(name: str, word: str) -> bool:
    return name_words(surname(name))[-1:] == name_words(word)[-1:]


def _written_forms(quotes: list[Quote], texts: Mapping[str, str]) -> dict[str, list[str]]:
    """Every full person name of the quotes -> the full forms the story writes for its surname,
    one entry per occurrence."""
    names = sorted({q.speaker.canonical for q in quotes if q.speaker and q.speaker.kind == "person"})
    text = NameIndex(" \n ".join(texts.values()))
    by_surname: dict[str, list[str]] = {}
    out = {}
    for n in names:
        if len(n.split()) >= 2:
            key = surname(n)
            if key not in by_surname:
                by_surname[key] = text.full_names(key)
            out[n] = by_surname[key]
    return out


def _person_variants(written: Mapping[str, list[str]], counts: Mapping[str, int]) -> dict[str, str]:
    """Person names that are one person (initials, nicknames, middle names) -> the form the
    story writes most ("Peter K. Lind" -> "Peter Lind" when most outlets write that)."""
    full = sorted(written)
    # compatible() needs one surname: each name is compared with the names of its own only.
    by_surname: dict[str, list[str]] = defaultdict(list)
    for n in full:
        by_surname[family_name(n)].append(n)
    out: dict[str, str] = {}
    for n in full:
        peers = sorted({m for m in by_surname[family_name(n)] + written[n] if compatible(n, m)})
        out[n] = _with_numeral(most_written(peers, counts), peers)
    return out


_NUMERALS = frozenset(["ii", "iii", "iv"])


def _with_numeral(name: str, peers: list[str]) -> str:
    """``Nick Rahall`` -> ``Nick Rahall II`` when the story writes him so: a numeral names one
    person of a family, which a shorter form that many write leaves out."""
    numerals = {w for p in peers for w in name_words(p)[-1:] if w in _NUMERALS}
    if len(numerals) != 1 or name_words(name)[-1:] == list(numerals):
        return name
    return f"{name} {numerals.pop().upper()}"


def merge_speakers(
    quotes: Iterable[Quote], name_similarity: float = 92.0, texts: Mapping[str, str] | None = None
) -> tuple[tuple[Quote, ...], tuple[dict[str, Any], ...]]:
    """Quotes with story-wide canonical speaker names, and the table of speakers.

    ``texts`` (article id -> cleaned text) lets short names resolve to the full names the
    articles write, and datelines be told from speakers."""
    texts = texts or {}
    quotes = _surnames_as_persons(_short_organisations([_untitled(q, texts) for q in quotes], texts), texts)
    quotes = _resolve_short(quotes, texts)
    quotes = _same_source_again(_story_titles(_kin_roles(quotes, texts)))
    written = _written_forms(quotes, texts)
    counts = Counter(m for forms in {id(v): v for v in written.values()}.values() for m in forms)
    variants = _person_variants(written, counts)
    quotes = [
        dataclasses.replace(
            q, speaker=dataclasses.replace(q.speaker, canonical=variants[q.speaker.canonical])
        )
        if q.speaker is not None and q.speaker.canonical in variants
        else q
        for q in quotes
    ]
    keys = {q.id: speaker_key(q) for q in quotes}
    distinct = sorted({k for k in keys.values() if k})
    remap = _surname_merges(distinct)
    remap.update(_fuzzy_merges([remap.get(k, k) for k in distinct], name_similarity))
    written_as: dict[str, set[str]] = defaultdict(set)
    for q in quotes:
        if keys[q.id] and q.speaker is not None:
            written_as[keys[q.id]].add(q.speaker.canonical)
    remap.update(_acronym_merges(written_as))

    def final(k: str) -> str:
        while k in remap and remap[k] != k:
            k = remap[k]
        return k

    groups: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        if keys[q.id]:
            groups[final(keys[q.id])].append(q)
    names = _plain_names(
        {k: _display(k, [q.speaker.canonical for q in qs if q.speaker], counts) for k, qs in groups.items()},
        texts,
    )
    out = []
    for q in quotes:
        k = keys[q.id]
        if k and q.speaker is not None:
            q = dataclasses.replace(q, speaker=dataclasses.replace(q.speaker, canonical=names[final(k)]))
        out.append(q)
    return tuple(out), tuple(_speaker_row(k, names[k], qs) for k, qs in sorted(groups.items()))


def _speaker_row(key: str, name: str, quotes: list[Quote]) -> dict[str, Any]:
    speakers = [q.speaker for q in quotes if q.speaker is not None]
    kinds = Counter(s.kind for s in speakers)
    return {
        "id": content_id(key, prefix="sp_"),
        "canonical": name,
        "kind": "person" if kinds["person"] else kinds.most_common(1)[0][0],
        "anonymous": any(s.anonymous for s in speakers),
        "aliases": sorted({s.name for s in speakers if fold(s.name) not in PRONOUNS and s.name != name}),
        "roles": sorted({s.role for s in speakers if s.role}),
        "article_ids": sorted({q.article_id for q in quotes}),
        "quote_ids": [q.id for q in sorted(quotes, key=lambda q: (q.article_id, q.span.start))],
    }


def find_speaker(speakers: Iterable[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    """Speaker rows that ``name`` designates: same folded name, an alias, or the surname."""
    want = fold(name)
    out = []
    for row in speakers:
        names = [row["canonical"], *row["aliases"]]
        folded = {fold(n) for n in names}
        if want in folded or (len(want.split()) == 1 and want in {surname_key(n) for n in names}):
            out.append(row)
    return out


def speaker_index(speakers: Iterable[dict[str, Any]]) -> list[tuple[str, str, int, bool]]:
    """``(key, canonical, quotes, is_alias)`` for every name a brief's named speaker goes by — the
    folded canonical name, aliases and surname — so :func:`find_speaker`'s matches can be looked
    up in a store without reading every brief."""
    out: dict[tuple[str, str], tuple[str, str, int, bool]] = {}
    for row in speakers:
        if row.get("anonymous") or row.get("kind") == "anonymous" or not row.get("canonical"):
            continue
        n = len(row.get("quote_ids", []))
        names = [row["canonical"], *row.get("aliases", [])]
        keys = [(fold(row["canonical"]), False)] + [(fold(a), True) for a in names[1:]]
        keys += [(surname_key(a), True) for a in names]
        for key, alias in keys:
            if key and (key, row["canonical"]) not in out:
                out[(key, row["canonical"])] = (key, row["canonical"], n, alias)
    return sorted(out.values())

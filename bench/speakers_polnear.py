"""Speaker identity on PolNeAR's own attributions: canonical names and "one person, one name".

PolNeAR marks the source span of every attribution but has no coreference, so only sources
that *name* someone are scored (a pronoun or a role noun, "the senator", names nobody the gold
can check). The gold person of a named source is its name with titles, an apposition and
middle initials taken off; a surname alone takes the commonest "First Surname" the article set
prints. Our quotes are paired with gold attributions by content overlap (as
``quotes_polnear.py`` does) after the story-wide speaker merge.

Articles are read in sets of three from different publishers, in date order (PolNeAR samples
articles, so a set is a pseudo-story: the same people — the candidates, their aides — are
quoted across outlets, which is what the story-wide merge has to name alike). The articles of
``bench/brief_gold_polnear*`` stories are left out of both splits. Use ``--split train`` for
development and ``--split dev`` as the held-out check.

Measures (pooled over scored quotes):
  strict     our canonical name equals the gold plain name (folded; "Donald Trump")
  loose      equal after middle initials and Jr./Sr. are dropped from ours
  surname    our name ends with the gold surname (right person, maybe the wrong form)
  same name  pairs of one gold person's quotes within an article set given one name by us

    PYTHONPATH=$PWD python bench/speakers_polnear.py --split train --limit 300 [-v]
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from polnear_text import metadata  # noqa: E402
from quotes_common import article_from_text, data_arg, scoring_quotes  # noqa: E402
from quotes_polnear import pair, read_gold  # noqa: E402

from newsprism.nlp import load_spacy  # noqa: E402
from newsprism.quotes.corroborate import corroborate_speakers  # noqa: E402
from newsprism.quotes.extract import extract_quotes  # noqa: E402
from newsprism.quotes.speakers import merge_speakers  # noqa: E402
from newsprism.quotes.stage import _cue_nearby  # noqa: E402
from newsprism.settings import QuoteSettings  # noqa: E402

BENCH = Path(__file__).resolve().parent
# Words that title or describe a person in front of the name; the gold name starts after them.
TITLE_WORDS = set(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sen",
        "sens",
        "senator",
        "senators",
        "rep",
        "reps",
        "representative",
        "gov",
        "governor",
        "president",
        "presidential",
        "vice",
        "secretary",
        "speaker",
        "former",
        "candidate",
        "nominee",
        "democratic",
        "democrat",
        "republican",
        "gop",
        "leader",
        "majority",
        "minority",
        "house",
        "senate",
        "attorney",
        "general",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "judge",
        "justice",
        "mayor",
        "sheriff",
        "gen",
        "lt",
        "col",
        "adm",
        "sgt",
        "rev",
        "pope",
        "prime",
        "minister",
        "state",
        "u.s.",
        "us",
        "fbi",
        "cia",
        "ceo",
        "campaign",
        "manager",
        "spokesman",
        "spokeswoman",
        "press",
        "adviser",
        "advisor",
        "strategist",
        "chief",
        "staff",
        "white",
        "deputy",
        "first",
        "lady",
        "ambassador",
        "commissioner",
        "sir",
        "lord",
        "prof",
        "professor",
        "host",
        "anchor",
        "congressman",
        "congresswoman",
        "councilman",
        "assemblyman",
        "mogul",
        "businessman",
        "billionaire",
        "the",
        "a",
        "an",
        "sen.",
        "rep.",
        "gov.",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "gen.",
        "lt.",
        "col.",
        "adm.",
        "sgt.",
        "rev.",
        "prof.",
        "former",
    ]
)
STOP_FIRST = set(
    [
        "the",
        "a",
        "an",
        "and",
        "but",
        "or",
        "in",
        "on",
        "at",
        "of",
        "for",
        "to",
        "by",
        "with",
        "from",
        "as",
        "if",
        "when",
        "while",
        "after",
        "before",
        "since",
        "during",
        "said",
        "says",
        "told",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sen",
        "rep",
        "gov",
        "president",
        "senator",
        "secretary",
        "speaker",
        "former",
        "new",
        "more",
        "most",
        "then",
        "so",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "our",
        "its",
        "we",
        "he",
        "she",
        "they",
        "it",
        "i",
        "you",
        "what",
        "why",
        "how",
        "who",
        "where",
        "there",
        "here",
        "republican",
        "democratic",
        "democrat",
        "gop",
        "u.s",
    ]
)
PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "who", "one", "his", "her", "him", "them"}
_CAP = re.compile(r"^[A-Z][\w.’'-]*$")
_SUFFIX = {"jr", "sr", "ii", "iii", "iv"}


def _fold(name: str | None) -> str:
    name = re.sub(r"[’']s\b", "", name or "")
    name = re.sub(r"[^a-z0-9 ]+", " ", name.lower())
    return re.sub(r"^(the|a|an) ", "", re.sub(r"\s+", " ", name).strip())


def _loose(name: str | None) -> str:
    words = [w for w in _fold(name).split() if len(w) > 1 and w not in _SUFFIX]
    return " ".join(words)


def same_person(ours: str | None, gold: str) -> bool:
    """Loose match: equal without initials and suffixes, or two full names with one surname where
    one's words hold the other's ("Norbert Leo Butz" / "Leo Butz")."""
    a, b = _loose(ours).split(), _loose(gold).split()
    if a == b:
        return bool(a)
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1]:
        return False
    return set(a) <= set(b) or set(b) <= set(a)


def _is_title(word: str) -> bool:
    w = word.lower()
    return w in TITLE_WORDS or w.rstrip(".") in TITLE_WORDS or bool(re.search(r"-[a-z]+$", word))


def _name_segment(source: str) -> list[str] | None:
    """The name words of a source span: the first comma/bracket/dash segment whose last word is
    capitalised, cut to its trailing run of capitalised words after the last title word or
    possessive ("Nebraska Sen. Ben Sasse", "Commentary's Noah Rothman"); "X Y of Z" is X Y."""
    for segment in re.split(r"[,()—–]|\s-\s", source):
        head, _, _ = re.split(r"\s(?:of|at|from|with)\s", segment + " ", maxsplit=1)[0].partition("\n")
        for part in (head, segment):
            words = [w.strip("“”\"'") for w in part.split()]
            words = [w for w in words if w]
            if not words or not _CAP.match(words[-1]) or words[-1].lower() in PRONOUNS:
                continue
            run: list[str] = []
            for w in reversed(words):
                if not _CAP.match(w) or _is_title(w) or re.search(r"[’']s?$", w):
                    break
                run.insert(0, w)
            if run and (len(run) > 1 or part is segment):
                return run
    return None


def _expand(surname: str, texts: list[str]) -> str:
    """The commonest name of one or two words before ``surname`` in the texts, titles off."""
    found = []
    for m in re.finditer(
        r"\b((?:[A-Z][a-z]+ ){1,2})(?:[A-Z]\. )?" + re.escape(surname) + r"\b", " ".join(texts)
    ):
        words = m.group(1).split()
        while words and (words[0].lower() in STOP_FIRST or _is_title(words[0])):
            words.pop(0)
        if words:
            found.append(" ".join(words))
    return f"{Counter(found).most_common(1)[0][0]} {surname}" if found else surname


def gold_name(source: str, texts: list[str]) -> str | None:
    """The plain name of a named source, or None for pronouns, roles and descriptions."""
    run = _name_segment(source)
    if not run:
        return None
    run = [w for w in run if not re.fullmatch(r"[A-Z]\.", w) and w.lower().rstrip(".") not in _SUFFIX]
    if not run:
        return None
    if len(run) == 1:
        return _expand(run[0], texts)
    return " ".join(run)


def pseudo_stories(stems: list[str], meta: dict[str, dict], size: int) -> list[list[str]]:
    """Consecutive articles by date, one per publisher, ``size`` to a set."""
    order = sorted(stems, key=lambda s: (meta.get(s, {}).get("publication_date", ""), s))
    sets: list[list[str]] = []
    open_sets: list[list[str]] = []
    for stem in order:
        pub = meta.get(stem, {}).get("publisher", stem.split("_")[0])
        home = next((s for s in open_sets if pub not in {meta[x]["publisher"] for x in s}), None)
        if home is None:
            home = []
            open_sets.append(home)
        home.append(stem)
        if len(home) == size:
            open_sets.remove(home)
            sets.append(home)
    return sets + [s for s in open_sets if s]


def gold_stems() -> set[str]:
    out: set[str] = set()
    for path in BENCH.glob("brief_gold_polnear*/pn-*.json"):
        out.update(json.loads(path.read_text(encoding="utf-8"))["articles"])
    return out


def parsed(nlp, stems: list[str], texts: dict[str, str], cache: Path) -> dict[str, object]:
    """spaCy docs of the texts, kept in ``cache`` between runs (the parser is not what we tune)."""
    from spacy.tokens import DocBin

    store: dict[str, bytes] = pickle.loads(cache.read_bytes()) if cache.is_file() else {}
    todo = [s for s in stems if s not in store]
    for stem, doc in zip(todo, nlp.pipe([texts[s] for s in todo], batch_size=16), strict=True):
        store[stem] = DocBin(docs=[doc], store_user_data=True).to_bytes()
    if todo:
        cache.write_bytes(pickle.dumps(store))
    return {s: next(iter(DocBin().from_bytes(store[s]).get_docs(nlp.vocab))) for s in stems}


def story_quotes(stems: list[str], texts: dict[str, str], docs: dict, settings: QuoteSettings) -> dict:
    articles = {s: article_from_text(texts[s], path=s) for s in stems}
    quotes = []
    for s in stems:
        quotes.extend(extract_quotes(articles[s], docs[s], settings))
    by_id = {a.id: a.text for a in articles.values()}
    quotes = [_cue_nearby(q, by_id) for q in quotes]
    quotes = corroborate_speakers(quotes, by_id, settings.corroborate_shared, settings.corroborate_overlap)
    merged, _ = merge_speakers(quotes, settings.name_similarity, by_id)
    stem_of = {a.id: s for s, a in articles.items()}
    out: dict[str, list] = defaultdict(list)
    for q in merged:
        out[stem_of[q.article_id]].append(q)
    return out


def _attributions(quotes: list) -> list[dict]:
    return [
        {
            "content": [q.span.start, q.span.end],
            "name": q.speaker.canonical if q.speaker else None,
            "method": q.method,
            "kind": q.speaker.kind if q.speaker else None,
        }
        for q in scoring_quotes(tuple(quotes))
    ]


def cause(ours: str | None, gold: str, kind: str | None) -> str:
    """A rough class for a wrong name (for reading, not scoring)."""
    if not ours:
        return "no speaker"
    o, g = _loose(ours).split(), _loose(gold).split()
    if o and g and o[-1] == g[-1]:
        if len(o) == 1:
            return "surname only"
        if len(g) == 1:
            return "gold surname only"
        return "other form, same surname"
    if ours[:1].islower():
        return "role or pronoun unresolved"
    if kind and kind != "person":
        return f"{kind}"
    if set(o) & set(g):
        return "shares a word"
    return "other person"


def score(sets, texts, docs, anns, settings, verbose: bool) -> dict:
    t = Counter()
    causes: Counter = Counter()
    split_causes: Counter = Counter()
    rows = []
    for stems in sets:
        found = story_quotes(stems, texts, docs, settings)
        story_texts = [texts[s] for s in stems]
        people: dict[str, list[str]] = defaultdict(list)
        for stem in stems:
            gold = read_gold(anns[stem], texts[stem])
            ours = _attributions(found.get(stem, []))
            for g, p in pair(texts[stem], gold, ours):
                t["paired"] += 1
                if not g.get("source"):
                    continue
                src = texts[stem][g["source"][0] : g["source"][1]]
                name = gold_name(src, story_texts)
                if name is None:
                    t["unnamed source"] += 1
                    continue
                t["scored"] += 1
                o = p["name"]
                strict = _fold(o) == _fold(name)
                loose = same_person(o, name)
                sur = bool(o) and _loose(o).split()[-1:] == _loose(name).split()[-1:]
                t["strict"] += strict
                t["loose"] += loose
                t["surname"] += sur
                people[_loose(name)].append(_fold(o) if o else f"<none {stem} {g['content'][0]}>")
                if not strict:
                    c = cause(o, name, p["kind"]) if not loose else "form only (loose right)"
                    causes[c] += 1
                    rows.append(
                        (
                            c,
                            stem,
                            src,
                            name,
                            o,
                            p["method"],
                            texts[stem][g["content"][0] : g["content"][0] + 90],
                        )
                    )
        for person, names in people.items():
            for i, a in enumerate(names):
                for b in names[i + 1 :]:
                    t["pairs"] += 1
                    t["same"] += a == b
                    if a != b:
                        split_causes[_pair_cause(a, b, person)] += 1
                        if verbose:
                            print(f"split [{_pair_cause(a, b, person)}] {person!r}: {a!r} / {b!r}")
    if verbose:
        for row in sorted(rows):
            c, stem, src, name, o, method, ctx = row
            ctx = ctx.replace("\n", " ")
            print(f"[{c}] {stem}: source {src!r} gold {name!r} ours {o!r} ({method}) | {ctx}")
    return {"t": t, "causes": causes, "splits": split_causes}


def _pair_cause(a: str, b: str, person: str) -> str:
    if a.startswith("<none") or b.startswith("<none"):
        return "one has no speaker"
    la, lb = _loose(a), _loose(b)
    if la == lb:
        return "middle initial / suffix"
    if la.split()[-1:] == lb.split()[-1:]:
        return "same surname, other form"
    if person in (la, lb):
        return "one wrong person"
    return "both differ from gold"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    data_arg(parser)
    parser.add_argument("--split", choices=("train", "dev"), default="train")
    parser.add_argument("--limit", type=int, default=0, help="first N articles by date (0 = all)")
    parser.add_argument("--size", type=int, default=3, help="articles per pseudo-story")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/speakers_polnear_docs"))
    parser.add_argument("-v", action="store_true", help="list every wrong name with its cause")
    args = parser.parse_args()
    root = args.data / "polnear" / args.split
    if not root.is_dir():
        print(f"{root}: no PolNeAR split here; pass --data pointing at the shared eval folder")
        return 2
    skip = gold_stems()
    anns: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        if stem not in skip and (root / "text" / f"{stem}.txt").is_file():
            anns.setdefault(stem, ann)
    meta = metadata(args.data)
    stems = sorted(anns, key=lambda s: (meta.get(s, {}).get("publication_date", ""), s))
    if args.limit:
        stems = stems[:: max(1, len(stems) // args.limit)][: args.limit]
    texts = {s: (root / "text" / f"{s}.txt").read_text(encoding="utf-8") for s in stems}
    nlp = load_spacy()
    docs = parsed(nlp, stems, texts, Path(f"{args.cache}_{args.split}.pkl"))
    sets = pseudo_stories(stems, meta, args.size)
    t0 = time.process_time()
    res = score(sets, texts, docs, anns, QuoteSettings(), args.v)
    t = res["t"]
    n = t["scored"] or 1
    print(
        f"PolNeAR {args.split}: {len(stems)} articles in {len(sets)} sets ({time.process_time() - t0:.0f} CPU s)"
    )
    print(
        f"  attributions paired {t['paired']}, named source scored {t['scored']}, unnamed {t['unnamed source']}"
    )
    print(f"  strict   {t['strict'] / n:.3f} ({t['strict']}/{t['scored']})")
    print(f"  loose    {t['loose'] / n:.3f} ({t['loose']}/{t['scored']})")
    print(f"  surname  {t['surname'] / n:.3f} ({t['surname']}/{t['scored']})")
    print(f"  same name {t['same'] / (t['pairs'] or 1):.3f} ({t['same']}/{t['pairs']} pairs)")
    print("  wrong names by cause:", dict(res["causes"].most_common()))
    print("  split pairs by cause:", dict(res["splits"].most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Draft the speakers and quotes of a PolNeAR gold story from PolNeAR's own attributions.

Annotator's tool (no newsprism code): each PolNeAR attribution (first annotator's .ann) becomes
a gold quote at the sentence (``polnear_text.py`` numbering) where its content starts; the
locator is the content's first words with a leading "that" and quote marks dropped; the kind is
``direct`` when the content is wrapped in quote marks. The source span is the speaker: a
pronoun or a bare role ("he", "the senator") takes the last named source before it in the same
article; names are merged across articles when one is a word-suffix of another ("Clinton" ->
"Hillary Clinton"). Direct quotes in different articles sharing five words in a row share a
group. The draft is then checked and corrected by reading; existing facts, contradictions,
timeline and loaded entries are kept.

    python bench/polnear_gold_quotes.py pn-ny-primary
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from polnear_text import DEFAULT_DATA, read_text, sentence_spans, text_path

GOLD = Path(__file__).resolve().parent / "brief_gold_polnear"
MARKS = "\"“”‘’'«»"
PRONOUNS = {"he", "she", "they", "i", "we", "it", "his", "her", "him", "you", "one", "who"}
_WORD = re.compile(r"[\w’'.-]+")


def attributions(stem: str) -> list[dict]:
    ann_dir = text_path(DEFAULT_DATA, stem).parent.parent / "attributions"
    ann = sorted(ann_dir.glob(f"{stem}_*.ann"))[0]
    spans, rels = {}, []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, ranges = parts[1].partition(" ")
            nums = [int(x) for r in ranges.split(";") for x in r.split()]
            spans[parts[0]] = (min(nums), max(nums))
        elif line.startswith("E") and len(parts) >= 2:
            rels.append(dict(arg.split(":") for arg in parts[1].split()[1:]))
    out = []
    for rel in rels:
        if "Content" in rel:
            out.append({k.lower(): spans[v] for k, v in rel.items() if k in ("Content", "Source", "Cue")})
    return sorted(out, key=lambda r: r["content"][0])


TITLES = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt)\.|Senator|President|Secretary|Gov(?:ernor)?|Speaker|"
    r"(?:former|Democratic|Republican|presidential|candidate|nominee|Vice)\s)\s*"
)


def clean_source(text: str) -> str:
    """The source without an appositive after a comma, articles, titles or a possessive."""
    text = re.sub(r"\s*\([^)]*\)", "", re.sub(r"\s+", " ", text)).split(",")[0].strip(" ,.")
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    while TITLES.match(text) and len(text.split()) > 1:
        text = TITLES.sub("", text, count=1)
    return re.sub(r"[’']s?$", "", text)


def full_name(surname: str, texts: list[str]) -> str:
    """The most frequent "First Surname" the story's texts print for a one-word name."""
    found = re.findall(r"\b([A-Z][a-z]+) " + re.escape(surname) + r"\b", " ".join(texts))
    found = [
        f
        for f in found
        if f
        not in {"Mr", "Mrs", "Ms", "Dr", "Sen", "Senator", "President", "The", "Gov", "Secretary", "Madam"}
    ]
    return f"{max(set(found), key=found.count)} {surname}" if found else surname


def named(source: str) -> bool:
    words = source.split()
    return bool(words) and any(w[0].isupper() for w in words) and source.lower() not in PRONOUNS


def draft(story: dict) -> tuple[list[dict], list[dict]]:
    quotes, names, texts = [], [], []
    for stem in story["articles"]:
        text = read_text(DEFAULT_DATA, stem)
        texts.append(text)
        spans = sentence_spans(text)
        last = None
        for att in attributions(stem):
            a, b = att["content"]
            body = text[a:b].strip()
            direct = len(body) > 1 and body[0] in MARKS and body.rstrip(".,")[-1:] in MARKS
            loc_text = re.sub(r"^that\s+", "", body.strip(MARKS + " "), flags=re.I).lstrip(MARKS)
            number = next(
                (
                    i
                    for i, (s, e) in enumerate(spans)
                    if s <= a + (len(text[a:b]) - len(text[a:b].lstrip())) < e
                ),
                None,
            )
            if number is None:
                continue
            s, e = spans[number]
            words = _WORD.findall(loc_text)[:5]
            locator = " ".join(words)
            sentence = text[s:e]
            if locator not in sentence:
                locator = (
                    " ".join(words[:3]) if " ".join(words[:3]) in sentence else (words[0] if words else "")
                )
            source = clean_source(text[att["source"][0] : att["source"][1]]) if "source" in att else ""
            if named(source):
                last = source
            elif last:
                source = last
            else:
                source = source or "unattributed"
            names.append(source)
            quotes.append({"doc": stem, "sentence": number, "locator": locator, "speaker": source,
                           "kind": "direct" if direct else "indirect", "_text": body})  # fmt: skip
    # a source before any named one takes the first named source of its article
    for q in quotes:
        if q["speaker"] == "unattributed" or not named(q["speaker"]):
            later = [r["speaker"] for r in quotes if r["doc"] == q["doc"] and named(r["speaker"])]
            q["speaker"] = later[0] if later else q["speaker"]
    names = [q["speaker"] for q in quotes]
    # merge names: a one-word name takes its fullest form in the texts; a word-suffix joins it
    canon = {}
    for n in sorted(set(names), key=lambda x: -len(x)):
        full = full_name(n, texts) if len(n.split()) == 1 and named(n) else n
        canon[n] = next((c for c in canon.values() if (c.endswith(" " + n) or c == full) and named(n)), full)
    ids = {}
    speakers = []
    for n in names:
        c = canon[n]
        if c not in ids:
            ids[c] = f"p{len(ids) + 1}"
            speakers.append({"id": ids[c], "name": c, "aliases": []})
        sp = next(x for x in speakers if x["id"] == ids[c])
        if n != c and n not in sp["aliases"]:
            sp["aliases"].append(n)
    for i, q in enumerate(quotes):
        q["speaker"] = ids[canon[q["speaker"]]]
        q["group"] = f"g{i + 1}"
    for i, q in enumerate(quotes):
        for r in quotes[i + 1 :]:
            if q["doc"] == r["doc"]:
                continue
            if q["speaker"] == r["speaker"] and _shares_run(q["_text"], r["_text"]):
                r["group"] = q["group"]
    for q in quotes:
        del q["_text"]
    return speakers, quotes


def _shares_run(a: str, b: str, n: int = 4) -> bool:
    wa, wb = [w.lower() for w in _WORD.findall(a)], [w.lower() for w in _WORD.findall(b)]
    runs = {tuple(wa[i : i + n]) for i in range(len(wa) - n + 1)}
    return any(tuple(wb[i : i + n]) in runs for i in range(len(wb) - n + 1))


def main(argv: list[str]) -> int:
    index = {
        s["story"]: s for s in json.loads((GOLD / "stories.json").read_text(encoding="utf-8"))["stories"]
    }
    for name in argv:
        story = index[name]
        path = GOLD / f"{name}.json"
        gold = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        speakers, quotes = draft(story)
        out = {"story": name, "articles": story["articles"], "speakers": speakers, "quotes": quotes}
        for key in ("facts", "contradictions", "timeline", "loaded"):
            out[key] = gold.get(key, [])
        path.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{name}: {len(speakers)} speakers, {len(quotes)} quotes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

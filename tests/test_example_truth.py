"""The bundled example story and its truth file agree with each other.

Every "exact substring" in examples/harbour-fire.truth.json must occur in the named file, so the
benchmarks that score newsprism against this truth never chase text that is not there.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator
from pathlib import Path

STORY = Path(__file__).resolve().parent.parent / "examples" / "harbour-fire"
TRUTH = json.loads((STORY.parent / "harbour-fire.truth.json").read_text(encoding="utf-8"))

STATUSES = {"consensus", "single-source", "disputed"}
CLASSES = {
    "verbatim",
    "trimmed",
    "extended",
    "punctuation",
    "translation",
    "paraphrase",
    "altered",
    "misattributed",
}
QUOTE_KINDS = {"direct", "indirect", "fragment"}


def _strip_tags(markup: str) -> str:
    """Visible text of a page, whitespace collapsed: lets a junk line span inline tags."""
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S | re.I)
    text = html.unescape(re.sub(r"<[^>]+>", " ", markup))
    return re.sub(r"\s+", " ", text)


def _jsonl_record(name: str) -> dict:
    path, line_no = name.split("#")
    lines = (STORY / path).read_text(encoding="utf-8").splitlines()
    return json.loads(lines[int(line_no) - 1])


def _haystacks(name: str) -> list[str]:
    """The texts an exact substring may be found in: raw (html-unescaped) and, for markup, visible text."""
    if "#" in name:
        record = _jsonl_record(name)
        if "html" in record:
            return [record["title"], html.unescape(record["html"]), _strip_tags(record["html"])]
        return [record["title"], record["text"]]
    raw = (STORY / name).read_text(encoding="utf-8")
    if name.endswith(".html"):
        return [html.unescape(raw), _strip_tags(raw)]
    return [raw]


def _substrings() -> Iterator[tuple[str, str, str]]:
    """(where in truth.json, file, exact text) for every substring the truth claims."""
    for name, art in TRUTH["articles"].items():
        for line in art["junk"]:
            yield "junk", name, line
        for key in ("first_body_words", "last_body_words"):
            yield key, name, art[key]
        for repair in art["repairs"]:
            yield "repair", name, repair["raw"]
    for q in TRUTH["quotes"]:
        yield "quote", q["file"], q["text"]
    for group in TRUTH["quote_variants"]:
        for v in group["versions"]:
            yield "variant", v["file"], v["text"]
    for fact in TRUTH["ledger"]:
        for name, text in fact["evidence"].items():
            yield f"ledger:{fact['id']}", name, text
    for c in TRUTH["contradictions"]:
        yield "contradiction", c["a"]["file"], c["a"]["text"]
        yield "contradiction", c["b"]["file"], c["b"]["text"]
    for d in TRUTH["disputes"]:
        for f in d["framing"]:
            yield "framing", f["file"], f["text"]
    for edge in TRUTH["provenance"]:
        for name, text in edge.get("evidence", {}).items():
            yield "provenance", name, text
    for t in TRUTH["timexes"]:
        yield "timex", t["file"], t.get("context", t["text"])


def test_every_exact_substring_occurs_in_its_file() -> None:
    """One integrity check over every quoted substring of the truth file (it tests the data,
    not newsprism, so it counts as one test, listing every substring that is missing)."""
    substrings = list(_substrings())
    missing = [
        f"{where}: {text!r} not in {name}"
        for where, name, text in substrings
        if not text or not any(text in hay for hay in _haystacks(name))
    ]
    assert len(substrings) > 100 and not missing, missing


def test_every_file_in_the_story_is_described_and_exists() -> None:
    names = set(TRUTH["articles"])
    on_disk = {p.name for p in STORY.iterdir() if p.suffix in {".txt", ".html"}}
    assert on_disk == {n for n in names if "#" not in n}
    for name in names:
        assert _haystacks(name), name
    referenced = {q["file"] for q in TRUTH["quotes"]} | {f for fact in TRUTH["ledger"] for f in fact["files"]}
    assert referenced <= names


def test_txt_junk_lines_are_whole_lines() -> None:
    for name, art in TRUTH["articles"].items():
        if name.endswith(".txt"):
            lines = {line.strip() for line in (STORY / name).read_text(encoding="utf-8").splitlines()}
            missing = [j for j in art["junk"] if j not in lines]
            assert not missing, f"{name}: not whole lines: {missing}"


def test_article_metadata_matches_the_sources() -> None:
    for name, art in TRUTH["articles"].items():
        dt.date.fromisoformat(art["published"])
        if "#" in name:
            record = _jsonl_record(name)
            assert record["outlet"] == art["outlet"]
            assert record["title"] == art["title"]
            assert record["author"] == art["author"]
            assert record["published"][:10] == art["published"]
        else:
            assert art["title"] in _haystacks(name)[0]


def test_ledger_is_consistent() -> None:
    for fact in TRUTH["ledger"]:
        assert fact["status"] in STATUSES
        assert set(fact["evidence"]) == set(fact["files"]), fact["id"]
        assert 1 <= fact["independent_support"] <= len(fact["files"])
        if fact["status"] == "single-source":
            assert len(fact["files"]) == 1


def test_wire_reprints_count_once() -> None:
    wire = TRUTH["independent_origins"]["Coastline Press Agency"]
    origin_of = {f: o for o, files in TRUTH["independent_origins"].items() for f in files}
    for fact in TRUTH["ledger"]:
        assert fact["independent_support"] == len({origin_of[f] for f in fact["files"]}), fact["id"]
    assert len(wire) == 2


def test_quote_labels_are_known() -> None:
    assert {q["kind"] for q in TRUTH["quotes"]} <= QUOTE_KINDS
    classes = {v["classification"] for g in TRUTH["quote_variants"] for v in g["versions"]}
    assert classes <= CLASSES
    assert {"verbatim", "trimmed", "translation", "altered"} <= classes


def test_timexes_and_timeline_are_dated() -> None:
    for t in TRUTH["timexes"]:
        assert t["text"] in t.get("context", t["text"])
        dt.date.fromisoformat(t["anchor"])
    for entry in TRUTH["timeline"]:
        dt.date.fromisoformat(entry["date"])
        assert entry["time"] is None or re.fullmatch(r"\d\d:\d\d", entry["time"])
        assert set(entry["files"]) <= set(TRUTH["articles"])

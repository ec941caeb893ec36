"""Is an article an opinion piece? Cues from its headline and lead, no model.

Opinion and news about one event share few words: a column argues, a report
tells. Clustering needs to know which is which only to weigh the evidence that
still links them (names of the people and places argued about), so the reader
here is deliberately cheap and conservative. Cues, each read outside quotation
marks so a quoted speaker's "we" or "should" is not the writer's:

- a section label opening the headline ("Opinion:", "Editorial", "Column" ...);
- a headline that asks a question;
- the writer speaking in the first or second person in the lead ("I", "we", "our", "you");
- a prescriptive modal in the headline or lead ("should", "must", "ought").

One cue of the first three kinds, or the modal with any other, marks the piece as opinion.
"""

from __future__ import annotations

import re

__all__ = ["is_opinion", "opinion_cues"]

_LABEL = re.compile(
    r"^\s*(opinion|op-ed|editorial|column|commentary|analysis|perspective|viewpoint)\b", re.IGNORECASE
)
# Double quotes and curly single quotes only: a straight apostrophe is mostly a contraction.
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’")
# Case-sensitive on purpose: "US" is a country, "us" the writer.
_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|my|My|we|We|our|Our|us|you|You|your|Your)\b")
_MODAL = re.compile(r"\b(?:should|must|ought)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
LEAD_SENTENCES = 2


def opinion_cues(title: str, text: str) -> frozenset[str]:
    """The cue kinds found: "label", "question", "person", "modal"."""
    lead = _QUOTED.sub(
        " ", " ".join(_SENTENCE_END.split(text.strip(), maxsplit=LEAD_SENTENCES)[:LEAD_SENTENCES])
    )
    # "Speaker: words" headlines quote the speaker without quotation marks.
    own_title = title.split(":", 1)[1] if ":" in title[:40] else title
    own_title = _QUOTED.sub(" ", own_title)
    found = set()
    if _LABEL.search(title):
        found.add("label")
    if title.rstrip(". ").endswith("?"):
        found.add("question")
    if _PERSON.search(lead):
        found.add("person")
    if _MODAL.search(lead) or _MODAL.search(own_title):
        found.add("modal")
    return frozenset(found)


def is_opinion(title: str, text: str) -> bool:
    """True when the headline and lead read as an opinion piece (see the module docstring)."""
    cues = opinion_cues(title, text)
    return bool(cues & {"label", "question", "person"}) or len(cues) >= 2

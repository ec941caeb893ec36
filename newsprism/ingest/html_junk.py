"""Line-level junk left in by the extractor: each rule names a reason.

Rules are general (never about one site): a repeated headline or standfirst,
calls to action ("Read more", "Sign up for our newsletter", "Share"), related-link
lists, contact lines, copyright, bare dates, and reporting credits. A credit line is
junk for the body but not lost: the reader keeps it as article metadata.
Only short lines are judged (``max_chars``); a long paragraph is prose.
"""

from __future__ import annotations

import re

__all__ = ["CREDIT_REASON", "junk_reason", "words"]

CREDIT_REASON = "credit"
_WORD = re.compile(r"\w+")

# Calls to action and page furniture, matched at the start of a line.
_LEAD_JUNK = re.compile(
    r"^\W*(read more|read also|also read|read next|see more|see also|watch|more|more from|more on|"
    r"related|related articles?|related posts?|related stories|related content|related coverage|"
    r"also on [\w.]+|recommended|don'?t miss|you may also like|you might also like|most read|"
    r"most popular|popular on [\w.]+|explore further|trending|top stories|click here|tap here|"
    r"sign up|subscribe|get the latest|get our|join our|follow us|follow @?\w+ on|like us on|"
    r"listen|download|filed under|tags?|topics?|categories|updated|published|posted|last updated|"
    r"this copy is for|an error has occurred|thanks? (you )?for (signing|subscribing)|"
    r"advertisement|sponsored|photo|image|video|source|credit)\b\s*(:|\W*$|\|)",
    re.IGNORECASE,
)
# Whole-line furniture.
_WHOLE_JUNK = re.compile(
    r"^\W*(\d+\s+)?(comments?|share|share this( article| story)?|tweet|email|print|print article|"
    r"order reprints|reprints|sorry!?|thank you|advertisement|tags|more|review|next|previous|"
    r"leave a comment|view comments|show comments|loading\.*|close|menu|skip to content|"
    r"this article has been sent to)\W*$",
    re.IGNORECASE,
)
_ANYWHERE_JUNK = re.compile(
    r"(newsletter|in your inbox|to your inbox|all rights reserved|copyright\s*(©|\(c\)|\d{4})|©\s*\d{4}|"
    r"share (it|this) with|follow (him|her|them|us|me) on|on (twitter|facebook|instagram) (at )?@|"
    r"@\w+ on twitter|click here to (subscribe|sign|get the|download the)|\bsubscription\b|"
    r"subscribe (to|for)|"
    r"get the .{1,40} app|is out now|learn more\.?$|may get a share of the sale|if you enjoyed this)",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^\W*((additional |editing |writing )?reporting by|edited by|editing by|writing by|compiled by|"
    r"additional reporting|with reporting by)\b|contributed (reporting|to this report)|"
    r"contributed to this (report|story|article)",
    re.IGNORECASE,
)
# "Write to Al Root at ...", "Reach the reporter on Twitter at ...": an invitation
# plus an address. A bare address or URL may be part of the article (a shop list,
# a press contact), so it alone is not enough.
_CONTACT = re.compile(
    r"^\W*(write to|reach|contact|email|e-mail|follow|have a tip)\b.{0,80}(@|\bat\b|https?://)",
    re.IGNORECASE,
)
# A dateline stamp: a clock time plus a year or numeric date, few other words
# ("sexta-feira, 22 de outubro de 2010 às 20:13", "5:45 AM PST 11/19/2019"), or
# "Updated ..."/"Published ..." with a number. A bare "10 p.m." (a timeline entry
# in a live story) has no year and stays.
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\s?[ap]\.?m\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(19|20)\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")
_STAMP_LEAD = re.compile(r"^\W*(updated|published|posted|last updated|publicado|aktualisiert)\b.*\d", re.I)
_READING_TIME = re.compile(r"\b(\d+\s*min(ute)?s?\s+read|reading time|tempo de leitura|lesezeit)\b", re.I)
_DATELINE_MAX = 80

# "[VIDEO]", "[INSIGHT]": teaser links with a shouted tag.
_TEASER_TAG = re.compile(r"\[[A-Z ]{3,}\]\W*$")
# Cheap substring checks before the slow unanchored patterns (lines are many).
_ANYWHERE_CUES = (
    "newsletter",
    "inbox",
    "rights reserved",
    "copyright",
    "©",
    "share",
    "follow",
    "twitter",
    "facebook",
    "instagram",
    "click here",
    "subscri",
    "sign up",
    " app",
    "out now",
    "learn more",
    "enjoyed",
)
_CREDIT_CUES = ("report", "edit", "writing", "compiled", "contribut")


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _date_stamp(text: str) -> bool:
    if len(text) > _DATELINE_MAX:
        return False
    if _STAMP_LEAD.match(text) or _READING_TIME.search(text):
        return True
    alpha = [w for w in _WORD.findall(text) if not w.isdigit()]
    return bool(_CLOCK.search(text) and _YEAR.search(text)) and len(alpha) <= 8


def _contact_only(text: str) -> bool:
    """A line made of an address, a URL or a handle, with a few words around it."""
    if not _CONTACT.search(text):
        return False
    stripped = re.sub(r"(https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+|@\w+", " ", text)
    return len(_WORD.findall(stripped)) <= 14


def junk_reason(text: str, max_chars: int = 200) -> str | None:
    """Why a line is not article text, or None when it is (or may be) text."""
    if len(text) > max_chars:
        return None
    low = text.lower()
    if any(c in low for c in _CREDIT_CUES) and _CREDIT.search(text):
        return CREDIT_REASON
    if _WHOLE_JUNK.match(text):
        return "page furniture"
    if _LEAD_JUNK.match(text):
        return "call to action or navigation"
    if any(c in low for c in _ANYWHERE_CUES) and _ANYWHERE_JUNK.search(text):
        return "promotion, sharing or copyright"
    if _TEASER_TAG.search(text) and len(_WORD.findall(text)) > 3:
        return "teaser link"
    if _contact_only(text):
        return "contact line"
    if _date_stamp(text):
        return "date line"
    return None

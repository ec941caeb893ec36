"""Regular expressions that recognise junk lines and metadata lines in article text.

Each pattern names one kind of junk; the cleaner records that kind as the removal reason.
They were written against the junk found in the five seed articles and the bundled
example, and kept general (no outlet names) so that they carry to other outlets.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# "May 5, 2023", "5 May 2023", "2023-05-05", "May 04, 2023 10:15 GMT"
DATE = (
    rf"(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)
TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}|UTC[+-]?\d*)?)?"
DATE_LINE = re.compile(
    rf"^(?:(?P<label>published|posted|updated|last updated|first published|date)\s*(?:on)?:?\s*)?"
    rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?P<date>{DATE}){TIME}\.?$",
    _I,
)
# "POSTED: 04/02/07, 9:00 PM PDT |": a numeric date is read only after a label (alone, "4/2"
# could be a score or a fraction)
NUMERIC_DATE_LINE = re.compile(
    rf"^(?P<label>published|posted|updated|last updated|first published|date)\s*(?:on)?:?\s*"
    rf"(?P<date>\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}})){TIME}\s*[|•]?\s*$",
    _I,
)
BYLINE = re.compile(r"^(?:by|words by|written by)\s+(?P<name>[^,|•]{3,80}?)(?:\s*[,|•].*)?$", _I)
URL_LABEL = re.compile(r"^(?:original url|source url|source|url|link)\s*:\s*(?P<url><?https?://\S+?>?)?$", _I)
BARE_URL = re.compile(r"^<?(?P<url>https?://[^\s>]+)>?$")
READ_MORE = re.compile(
    r"^(?:read more|read also|also read|see also|more on this|recommended|watch|listen|"
    r"related|more from|most read|trending|top stories)\b[^.!?]{0,120}$",
    _I,
)
# A promotion heading that opens the page's own links or slideshow after the article
# ("Also on The Tribune:", "More from Harbour News:"); the BOM some pages put before it aside.
PROMO_HEAD = re.compile(
    r"^\ufeff?(?:also|more) (?:on|from) (?:the )?[A-Z][\w'&.-]*(?: [A-Z][\w'&.-]*){0,3}\s*:$", _I
)
# A pointer to media the page embedded ("Listen to our analysis in the podcast embedded above.").
EMBED_NOTE = re.compile(
    r"^\ufeff?(?:listen|watch)\b.{0,120}\b(?:podcast|video|clip|audio|player)\b.{0,40}\b(?:above|below)\b", _I
)
RELATED = re.compile(r"^related(?:\s+(?:article|story|stories|coverage|content|link))?\s*:", _I)
SHARE = re.compile(
    r"^(?:(?:main|site|social|primary|secondary|footer|top) (?:navigation|menu)|listen to this (?:article|story)|play audio|share(?: this)?(?: article| story| on \w+)?|tweet|email|print|copy link|"
    r"follow us(?: on \w+)?|subscribe(?: now| to our newsletter)?|sign up\b.*newsletter.*|"
    r"advertisement|story continues below(?: advertisement)?|skip to (?:main )?content|"
    r"(?:facebook|twitter|whatsapp|linkedin|telegram|reddit)(?:\s*[|•,/]\s*\w+)*)\.?:?$",
    _I,
)
# A writer's or outlet's pointer to its social accounts at the article's end ("Follow Mira Tallis
# on Twitter @mtallis.", "You can follow her on Instagram"): a page element, never a fact.
FOLLOW_LINE = re.compile(
    r"^(?:you can )?follow\s+(?:us|me|him|her|them|[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})\s+"
    r"(?:on|at|via)\s+(?:twitter|x|facebook|instagram|threads|bluesky|mastodon|tiktok|linkedin)\b"
    r"(?:\s*(?:[:,]|and|or)?\s*@?[\w.]+){0,4}\s*\.?$",
    _I,
)
COPYRIGHT = re.compile(r"^(?:copyright\b|©|\(c\)\s*\d{4})|all rights reserved", _I)
DEVELOPING = re.compile(
    r"^(?:this is a (?:developing|breaking) (?:news )?story|this story (?:is developing|will be updated|"
    r"has been updated)|(?:please )?check back(?: here)? (?:later |soon )?for (?:more )?updates)",
    _I,
)
CREDIT_LINE = re.compile(
    r"^\(?(?:(?P<who1>[A-Z][\w.&' -]{1,60}?)\s+contributed(?:\s+to\s+(?:this|the)\s+(?:report|story|article))?"
    r"(?:\s+reporting)?(?:\s+(?:from|in)\s+[\w ,]+)?"
    r"|additional reporting by\s+(?P<who2>.+?)|reporting by\s+(?P<who3>.+?)|"
    r"(?:writing|editing|compiled|translated) by\s+(?P<who4>.+?)|with (?P<who5>AFP|AP|Reuters|dpa))"
    r"\.?\)?$"
)
# The label is followed by ":" or "|", or by a dash set off by spaces ("Photo - ..."): a word
# that merely begins with one ("Top-seeded Farrowby won again ...") is prose.
CAPTION_START = re.compile(
    r"^(?:file photo|photo|image|pictured|picture|above|top|caption)\s*(?:[:|]|[-–—](?=\s))", _I
)
# A credit at the end of a caption: "Name/Agency", "via Reuters", "**Name / TASS**", "(Image: ...)".
# Credits end captions without a full stop ("... Agency/Name/Studio via Reuters"); a sentence
# that merely ends "... told Reuters." is prose, so bare agency names need a slash or "via".
CAPTION_CREDIT = re.compile(
    r"(?:(?:\*\*[^*]{2,80}\*\*|\((?:image|photo|photograph|credit|picture)s?:[^)]{2,120}\))\.?"
    r"|\bvia (?:Reuters|AP|AFP|Getty Images|EPA|TASS|Sputnik)"
    r"|\b[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+)*\s?/\s?(?:[A-Z][\w.'-]+\s?)+(?:via \w+)?"
    r"|(?:Getty Images|AP Photo|AFP|REUTERS|Reuters|EPA-EFE)/[\w. ]+|Getty Images|Shutterstock)\s*$"
)
IMAGE_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+){4,}(?:\.(?:jpe?g|png|webp|gif))?$")
SEPARATOR = re.compile(r"^[\W_]{1,20}$")
# "OSLO (Reuters) - ", and the "( – " left when a site strips the agency name.
# The place may carry a date ("OSLO, May 4 (Reuters) -"); the agency is recorded as a credit.
DATELINE_PREFIX = re.compile(
    rf"^(?:(?:(?P<place>[A-Z][A-Z .,'-]{{2,40}}?(?:,?\s*(?:{MONTHS})\.?\s+\d{{1,2}})?)\s*)?"
    r"\(\s*(?P<agency>[A-Za-z][\w.&-]*(?:\s[\w.&-]+){0,3}?)?\s*\)\s*[-–—]+\s*"
    r"|\(\s*[-–—]+\s*)"
)
MD_LINK = re.compile(r"\[(?P<text>[^\]\n]{1,200})\]\((?P<url>[^)\s]{0,300})\)")
MD_BOLD = re.compile(r"\*\*(?P<text>[^*\n]{1,200})\*\*")
MD_HEADING = re.compile(r"^#{1,6}\s+")
# Markup a converter left in the text: an element's tag, its attributes valued ("<tweet
# tweet-id=\"7\">", "</tweet>", "<a href=\"...\">"). A lower-case name and valued attributes:
# "a < b" and a bracketed title ("<The Palace: Tale of ...>") are no tags.
MARKUP_TAG = re.compile(r"</?[a-z][\w-]*(?:\s+[\w:-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s>]+))*\s*/?>")
# The link an embedded post leaves behind when only its text is kept ("pic.twitter.com/Ab1").
EMBED_LINK = re.compile(r"\s?\b(?:https?://)?(?:pic\.twitter\.com|t\.co)/\w+")
BIO_VERB = re.compile(
    r"\b(?:is|was|lives|writes|covers|has|joined|reports|works|served)\b",
)
# A line that ends one of these ends a sentence (PTB-style text closes quotes with '').
TERMINAL = re.compile(r"[.!?…:;\"”’')\]。！？」』]$")
# A sentence's own end: a full stop, question or exclamation mark, before closing quotes or brackets.
SENTENCE_END = re.compile(r"[.!?…](?:\s*(?:''|[\"”’')\]]))*$")
# A name as a byline gives it: capitalised words, initials and lower-case particles ("By Anna de Vries").
BYLINE_NAME = re.compile(
    r"^(?:[A-Z][\w'’.-]*|[A-Z]\.)(?:\s+(?:[A-Z][\w'’.-]*|[A-Z]\.|van|de|von|der|da|al|bin|and|&))*$"
)
NAME_LINE = re.compile(
    r"^(?:[A-Z][a-z'’.-]+|[A-Z]\.)(?:\s(?:[A-Z][a-z'’.-]+|[A-Z]\.|van|de|von|der|al)){1,3}$"
)
# A masthead: an outlet name, then a separator and a slogan ("VBS English | News from ...").
SITE_LINE = re.compile(r"^(?P<name>(?:The\s)?[A-Z][\w'.&-]*(?:\s[A-Z][\w'.&-]*){0,4})\s+[—|–]\s+\S.{0,80}$")
# A bare outlet name: two to five capitalised words and nothing else ("Tidewater Herald").
SITE_NAME = re.compile(r"^(?P<name>(?:The\s)?[A-Z][\w'.&-]*(?:\s[A-Z][\w'.&-]*){1,4})$")
COPYRIGHT_HOLDER = re.compile(
    r"(?:(?i:copyright)|©)\s*(?:\d{4}\s*)?(?P<name>(?:The\s)?[A-Z][\w'&-]*(?:\s[A-Z][\w'&-]*){0,4})"
)

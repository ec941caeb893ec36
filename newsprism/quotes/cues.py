"""The words that introduce speech: reporting verbs, cue phrases, speaker nouns.

Lists are lemmas, written from the common English reporting verbs and checked by
reading the cues annotated in the GGT and PolNeAR development sets. Belief verbs
(think, believe...) are kept apart: PolNeAR counts them as attribution, GGT and
most readers do not, so they are used only with ``quotes.think_verbs``. Cues that
PolNeAR has and these lists lack (cite, call for, plan, want, show, find) are left
out on purpose: they report intentions and findings, not speech.
"""

from __future__ import annotations

__all__ = [
    "ANONYMOUS_NOUNS",
    "AS_TAG_VERBS",
    "CHARGE_VERBS",
    "CLAIM_NOUNS",
    "ORG_DESCRIPTORS",
    "ORG_NOUNS",
    "SPEECH_VERBS",
    "TITLE_CUES",
]

# Verbs that report speech and commonly frame a direct or an indirect quote.
SPEECH_VERBS = frozenset(
    [
        "say",
        "tell",
        "add",
        "note",
        "explain",
        "state",
        "claim",
        "insist",
        "argue",
        "assert",
        "contend",
        "declare",
        "maintain",
        "report",
        "announce",
        "reveal",
        "confirm",
        "deny",
        "admit",
        "acknowledge",
        "concede",
        "agree",
        "disagree",
        "warn",
        "caution",
        "urge",
        "demand",
        "ask",
        "question",
        "wonder",
        "reply",
        "respond",
        "answer",
        "retort",
        "counter",
        "write",
        "post",
        "tweet",
        "email",
        "text",
        "comment",
        "remark",
        "observe",
        "suggest",
        "propose",
        "recommend",
        "predict",
        "promise",
        "pledge",
        "vow",
        "threaten",
        "boast",
        "brag",
        "complain",
        "lament",
        "grumble",
        "concede",
        "allege",
        "accuse",
        "charge",
        "blame",
        "criticize",
        "criticise",
        "praise",
        "thank",
        "apologize",
        "apologise",
        "estimate",
        "calculate",
        "conclude",
        "testify",
        "recall",
        "recount",
        "describe",
        "call",
        "dub",
        "label",
        "stress",
        "emphasize",
        "emphasise",
        "reiterate",
        "repeat",
        "point",
        "mention",
        "indicate",
        "signal",
        "joke",
        "quip",
        "laugh",
        "scoff",
        "sneer",
        "shout",
        "yell",
        "scream",
        "cry",
        "whisper",
        "mutter",
        "sigh",
        "acknowledge",
        "affirm",
        "reaffirm",
        "assure",
        "reassure",
        "inform",
        "advise",
        "brief",
        "caution",
        "dismiss",
        "reject",
        "rebuff",
        "refute",
        "dispute",
        "contest",
        "disclose",
        "divulge",
        "decline",
        "believe",
        "think",
        "feel",
        "fear",
        "hope",
        "expect",
        "know",
        "understand",
        # verbs that frame a direct quote in narration ("…,” she exclaimed.); not "continue",
        # which far more often continues something else ("if he continues to lose ground")
        "exclaim",
        "plead",
        "beg",
        "murmur",
        "snap",
        "gush",
        "interject",
        "elaborate",
        "clarify",
        "marvel",
        "chuckle",
        "sob",
    ]
)

# Verbs that report what someone said of another, with the preposition that carries it:
# "accused the mayor of lying", "criticized the board for delaying the vote". Not "charged X
# with": that is most often a prosecutor's act, not speech.
CHARGE_VERBS = {
    "accuse": "of",
    "blame": "for",
    "criticize": "for",
    "criticise": "for",
    "chastise": "for",
    "fault": "for",
}

# Verbs that leave their content out in an "as" clause ("As the Post reported, …", "as he
# noted, …"): reporting verbs that need a complement. Verbs of manner of speaking ("as they
# yelled at the player") are complete without one, so there "as" means "while".
AS_TAG_VERBS = frozenset(
    """say report note write explain state announce predict warn claim argue confirm reveal
    mention suggest tell add point acknowledge admit""".split()  # noqa: SIM905
)

THINK_VERBS = frozenset(["believe", "think", "feel", "fear", "hope", "expect", "know", "understand"])

# Nouns that carry a claim in a "that" clause: "denied reports that …", "refuted claims
# that …". After a speech verb, the clause is what was denied or confirmed.
CLAIM_NOUNS = frozenset(
    [
        "accusation",
        "allegation",
        "assertion",
        "charge",
        "claim",
        "contention",
        "report",
        "rumor",
        "rumour",
        "speculation",
        "suggestion",
    ]
)

# Head nouns of unnamed sources: "a senior official", "three US officials".
ANONYMOUS_NOUNS = frozenset(
    [
        "official",
        "officials",
        "source",
        "sources",
        "person",
        "people",
        "diplomat",
        "diplomats",
        "insider",
        "insiders",
        "aide",
        "aides",
        "adviser",
        "advisers",
        "advisor",
        "advisors",
        "officer",
        "officers",
        "analyst",
        "analysts",
        "expert",
        "experts",
        "observer",
        "observers",
        "witness",
        "witnesses",
        "resident",
        "residents",
        "critic",
        "critics",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "representative",
        "representatives",
        "member",
        "members",
        "lawmaker",
        "lawmakers",
        "politician",
        "politicians",
        "leader",
        "leaders",
        "activist",
        "activists",
    ]
)

# Head nouns that make a speaker an organisation: "the Foreign Ministry".
ORG_NOUNS = frozenset(
    [
        "administration",
        "agency",
        "army",
        "association",
        "authority",
        "bank",
        "board",
        "club",
        "commission",
        "committee",
        "company",
        "council",
        "court",
        "department",
        "embassy",
        "firm",
        "government",
        "group",
        "hospital",
        "military",
        "ministry",
        "office",
        "organisation",
        "organization",
        "party",
        "police",
        "school",
        "service",
        "team",
        "union",
        "university",
    ]
)

# Nouns a story uses, after naming an organisation, to refer back to it ("the software giant",
# "the French firm", "the union"); bodies that are rarely named first (police, court,
# government) are left out, so "the police said" stays the police.
ORG_DESCRIPTORS = frozenset(
    """company firm giant corporation conglomerate maker manufacturer automaker carmaker carrier
    operator provider retailer chain business startup insurer lender bank airline broadcaster
    network publisher developer supplier distributor union guild association organisation
    organization agency group charity foundation institute federation league committee
    commission studio bureau""".split()  # noqa: SIM905
)

# Words before quoted text that mark a title or a name, not speech.
TITLE_CUES = frozenset(
    [
        "titled",
        "entitled",
        "called",
        "named",
        "dubbed",
        "book",
        "film",
        "movie",
        "song",
        "album",
        "show",
        "series",
        "headline",
        "headlined",
        "slogan",
        "hashtag",
        "nicknamed",
        "play",
        "novel",
        "article",
        "column",
    ]
)

# People named by their tie to someone ("his father", "her lawyer", "their allies"): a
# possessed noun of this kind is a person who speaks, not something the possessor said.
PEOPLE_NOUNS = frozenset(
    """father mother son daughter wife husband brother sister parent child children family
    grandfather grandmother grandson granddaughter uncle aunt nephew niece cousin widow widower
    fiancee fiance girlfriend boyfriend partner friend colleague boss ally allies attorney
    counsel doctor physician surrogate successor predecessor rival opponent mate camp campaign
    staff team aide aides associate assistant deputy agent spouse relative relatives
    student students""".split()  # noqa: SIM905
)

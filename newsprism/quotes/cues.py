"""The words that introduce speech: reporting verbs, cue phrases, speaker nouns.

Lists are lemmas, written from the common English reporting verbs and checked by
reading the cues annotated in the GGT and PolNeAR development sets. Belief verbs
(think, believe...) are kept apart: PolNeAR counts them as attribution, GGT and
most readers do not, so they are used only with ``quotes.think_verbs``. Speech acts
with no reported clause ("called for", "vowed to") are ``ACT_FRAMES``', used with
``quotes.speech_acts``. Cues that PolNeAR has and these lists lack (cite, plan, want,
show, find) are left out on purpose: they report intentions and findings, not speech.
"""

from __future__ import annotations

__all__ = [
    "ACT_FRAMES",
    "ANONYMOUS_NOUNS",
    "AS_TAG_VERBS",
    "CHARGE_VERBS",
    "CLAIM_NOUNS",
    "DOCUMENT_NOUNS",
    "LEVIN_SPEECH_VERBS",
    "ORG_DESCRIPTORS",
    "ORG_NOUNS",
    "PARTICLE_CUES",
    "SPEECH_NOUNS",
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
        "characterize",
        "characterise",
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

# Verbs of communication from Levin (1993, "English Verb Classes and Alternations"), written
# out here by hand: the classes whose members take a quote or a "that" clause and report
# what was said. 37.7 "say" verbs, 37.8 "complain" verbs and 37.9 "advise" verbs that take
# a clause; of 37.3 "manner of speaking" the members news uses to tag a quote ("…,” he
# barked). Verbs that take an object or an infinitive more often than speech ("urge X to",
# "mock X") are left out: extracting them cost GGT precision (session 10). Added in session 11
# after the PolNeAR train split showed quotes tagged by these verbs going to the previous
# speaker; the last line holds common news tag verbs outside Levin's classes (fume, muse,
# opine) read the same way. Not "concur": like "agree" it reports assent, and a
# short "X concurred." after a quote is no tag of it. Not "press" or "tout": they take an
# object ("pressing officials for a role … ''fracking.''" made a scare quote a quote).
LEVIN_SPEECH_VERBS = frozenset(
    """announce blurt claim confess confide declare disclose explain hint insinuate mention note
    observe proclaim propose recount remark report reveal say state suggest
    boast brag complain crab gripe grouch grouse grumble kvetch moan
    remind warn caution
    babble bark bawl bellow boom chant chatter croak croon crow drawl groan growl grunt hiss
    holler howl mumble murmur mutter rasp roar scream screech shout shriek snap snarl splutter
    sputter stammer stutter thunder wail whimper whine whisper yell
    fume seethe rage huff gloat rave enthuse muse opine reason rejoin
    interrupt""".split()  # noqa: SIM905
)
# Used only as quote cues (``syntax.is_cue``), not merged into SPEECH_VERBS: many are also
# sounds ("the fire raged", "engines roared") that other readers of SPEECH_VERBS (own-voice
# framing) would take for reporting without a quote to anchor them.

# Verbs that report speech only with a particle: "“…,” she shot back", "he fired back that …",
# "Jones chimed in". The particle may be parsed as a particle or an adverb.
PARTICLE_CUES = {"shoot": "back", "fire": "back", "hit": "back", "push": "back", "chime": "in"}

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

# Nouns for something said: "rejected his remarks", "disputed the account".
SPEECH_NOUNS = frozenset(
    """remark comment statement characterization characterisation account version description
    criticism assessment idea notion premise argument theory story""".split()  # noqa: SIM905
)


def _frames(spec: str) -> dict[str, tuple[str, ...]]:
    """``"vow pledge: to obj"`` lines → {verb: frames}."""
    out: dict[str, tuple[str, ...]] = {}
    for line in spec.strip().splitlines():
        verbs, frames = line.split(":")
        for verb in verbs.split():
            out[verb] = out.get(verb, ()) + tuple(frames.split())
    return out


# Speech acts that report no clause, with the complements that make each one speech (see
# ``quotes.acts.act_frame``): written from the common English verbs of promising, urging,
# describing, denouncing and stating, by kind, not from any story. "call" only with "for",
# "on" or a predicate: "called the police" is no speech. Left out on reading the tuning sets'
# extras: verbs whose bare object the golds do not take for speech (condemn, denounce, stress,
# reiterate, acknowledge, confirm, predict, estimate) and "press/appeal/argue for".
ACT_FRAMES = _frames(
    """
    vow pledge promise threaten swear: to obj
    urge ask tell implore beg press advise instruct encourage challenge warn: obj-to
    urge demand advocate: obj
    call: for on pred
    rail argue speak warn protest inveigh: against
    lash: at
    point: to
    describe characterize characterise portray depict label brand dismiss hail tout identify: as
    blast slam attack rip lambaste assail praise: as for
    describe characterize characterise decry praise hail applaud: obj
    note allege announce recall reference: obj
    deny reject dispute refute rebut contest: claim
    link tie connect compare liken challenge: link
    herald voice: obj
    """
)

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

# Texts someone writes or issues. "Released a statement saying …", "an apology letter, saying
# …": the participle reports the text's words, which are its author's.
DOCUMENT_NOUNS = frozenset(
    """statement report letter email e-mail note memo release post tweet message advertisement
    ad video complaint filing lawsuit study document editorial column essay petition motion
    notice""".split()  # noqa: SIM905
)

# Occasions: "as the committee meeting began vowing to …" — an event that begins or ends is
# never who spoke; the speaker is the subject of the clause it is a side of.
EVENT_NOUNS = frozenset(
    """meeting hearing session conference convention debate rally ceremony summit event
    election primary caucus festival parade match game tournament concert celebration
    funeral vigil briefing forum gathering banquet gala inauguration""".split()  # noqa: SIM905
)

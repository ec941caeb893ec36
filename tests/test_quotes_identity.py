"""Name folding and cross-article speaker merging, on hand-built quotes (no model)."""

from newsprism.model import Quote, Span, Speaker
from newsprism.quotes.identity import fold, surname_key
from newsprism.quotes.speakers import merge_speakers


def _q(qid: str, article: str, name: str, kind: str = "person", anonymous: bool = False, role=None) -> Quote:
    sp = Speaker(name=name, canonical=name, kind=kind, anonymous=anonymous, role=role, span=Span(0, 1))
    return Quote(id=qid, article_id=article, text="x", span=Span(0, 1), kind="direct", speaker=sp)


def test_fold_merges_transliterations_and_accents():
    assert fold("Zelensky") == fold("Zelenskiy") == fold("Zelenskyy") == fold("ZELENSKYI")
    assert fold("Mr. José Peskov’s") == "jose peskov"
    assert fold("Peskov") != fold("Podolyak")
    assert surname_key("Dmitry Peskov") == "peskov"


def test_variants_surnames_and_roles_merge_across_articles():
    quotes = [
        _q("1", "a", "Volodymyr Zelenskiy"),
        _q("2", "b", "Volodymyr Zelensky"),
        _q("3", "c", "Zelenskyy"),
        _q("4", "a", "Dmitry Peskov", role="Kremlin spokesman"),
        _q("5", "b", "Peskov"),
    ]
    merged, speakers = merge_speakers(quotes)
    by_name = {s["canonical"]: s for s in speakers}
    assert set(by_name) == {"Volodymyr Zelenskiy", "Dmitry Peskov"} or set(by_name) == {
        "Volodymyr Zelensky",
        "Dmitry Peskov",
    }
    peskov = by_name["Dmitry Peskov"]
    assert peskov["article_ids"] == ["a", "b"] and peskov["roles"] == ["Kremlin spokesman"]
    assert "Peskov" in peskov["aliases"]
    assert {q.speaker.canonical for q in merged if q.id in "45"} == {"Dmitry Peskov"}


def test_anonymous_sources_never_merge_across_articles():
    quotes = [
        _q("1", "a", "a senior official", kind="anonymous", anonymous=True),
        _q("2", "b", "a senior official", kind="anonymous", anonymous=True),
    ]
    _, speakers = merge_speakers(quotes)
    assert len(speakers) == 2 and all(s["anonymous"] for s in speakers)


def test_ambiguous_surname_stays_apart():
    quotes = [_q("1", "a", "John Smith"), _q("2", "a", "Jane Smith"), _q("3", "b", "Smith")]
    _, speakers = merge_speakers(quotes)
    assert sorted(s["canonical"] for s in speakers) == ["Jane Smith", "John Smith", "Smith"]


def test_organisation_spellings_merge():
    quotes = [_q("1", "a", "The Kremlin", kind="organisation"), _q("2", "b", "Kremlin", kind="organisation")]
    _, speakers = merge_speakers(quotes)
    assert len(speakers) == 1 and speakers[0]["kind"] == "organisation"


def test_a_son_of_the_same_name_stays_apart_and_first_name_with_jr_finds_him():
    quotes = [
        _q("1", "a", "Arlo Penn"),
        _q("2", "b", "Arlo Penn Jr."),
        _q("3", "b", "Arlo Jr."),
    ]
    texts = {"a": "Arlo Penn spoke.", "b": "Arlo Penn Jr. spoke. Later Arlo Jr. spoke again."}
    merged, _ = merge_speakers(quotes, texts=texts)
    names = {q.id: q.speaker.canonical for q in merged}
    assert names["1"] == "Arlo Penn" and names["2"] == names["3"] == "Arlo Penn Jr."


def test_a_persons_campaign_is_one_body_however_written():
    quotes = [
        _q("1", "a", "Mr. Quint's campaign", kind="nominal"),
        _q("2", "b", "The Quint campaign", kind="organisation"),
        _q("3", "c", "the campaign", kind="nominal"),
    ]
    merged, speakers = merge_speakers(quotes)
    names = {q.id: q.speaker.canonical for q in merged}
    assert names["1"] == names["2"] == "Quint campaign" and names["3"] != "Quint campaign"
    assert [s for s in speakers if s["canonical"] == "Quint campaign"][0]["article_ids"] == ["a", "b"]


def test_initials_and_spelling_variants_of_an_organisation_merge():
    quotes = [
        _q("1", "a", "TVR", kind="organisation"),
        _q("2", "b", "The Valley Register", kind="organisation"),
        _q("3", "a", "Guild of Motion Picture Editors", kind="organisation"),
        _q("4", "c", "Guild of Motion Pictures Editors", kind="organisation"),
        _q("5", "c", "NPR", kind="organisation"),
    ]
    merged, _ = merge_speakers(quotes)
    names = {q.id: q.speaker.canonical for q in merged}
    assert names["1"] == names["2"] == "The Valley Register"
    assert names["3"] == names["4"] and names["5"] == "NPR"


def test_members_of_a_joint_source_take_their_full_names():
    quotes = [
        _q("1", "a", "Ruhl and Banner", kind="group"),
        _q("2", "b", "Edda Ruhl and Lars Banner", kind="group"),
    ]
    texts = {"a": "Producers Edda Ruhl and Lars Banner spoke. Later Ruhl and Banner said more.", "b": ""}
    merged, speakers = merge_speakers(quotes, texts=texts)
    assert {q.speaker.canonical for q in merged} == {"Edda Ruhl and Lars Banner"}
    assert len(speakers) == 1

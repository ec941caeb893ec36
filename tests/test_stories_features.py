from newsprism.stories.features import fast_entities, fast_features, parse_published, stem
from tests.stories_fixtures import TURKEY_A, article


def test_stem_meets_inflections():
    assert stem("arrested") == stem("arrests") == "arrest"
    assert stem("bus") == "bus"  # too short to strip


def test_sentence_initial_word_is_a_name_only_when_never_lower_case():
    text = "Police said the fire spread. The police chief, Anna Berg, spoke in Oslo."
    found = fast_entities(text)
    assert "police" not in found
    assert {"anna", "berg", "oslo"} <= set(found)


def test_features_carry_words_entities_numbers_and_years():
    feats = fast_features(article(TURKEY_A + " It was the worst quake since 1939.", "2023-02-06"))
    keys = feats.counts
    assert keys["e:gaziantep"] >= 1
    assert "n:7.8" in keys and "n:1500" in keys
    assert "y:1939" in keys
    assert "w:earthquake" in keys
    assert not any(k in keys for k in ("w:the", "w:monday", "e:monday"))
    assert feats.published.isoformat() == "2023-02-06"


def test_lead_counts_more_than_the_body():
    art = article("Gaziantep was hit.\n" + "Filler sentence here. " * 8 + "Hatay too.")
    plain = fast_features(art, 0, 1).counts
    boosted = fast_features(art, 1, 3).counts
    assert boosted["e:gaziantep"] == 3 * plain["e:gaziantep"]
    assert boosted["e:hatay"] == plain["e:hatay"]


def test_parse_published_takes_the_date_part():
    assert parse_published("2024-04-03T08:00:00+08:00").isoformat() == "2024-04-03"
    assert parse_published("April 3") is None
    assert parse_published(None) is None


def test_spacy_entities_path_finds_names_places_and_numbers():
    from newsprism.stories import extract_features

    (feats,) = extract_features([article(TURKEY_A, "2023-02-06")], "spacy")
    assert {"e:gaziantep", "e:erdogan", "e:syria"} <= set(feats.counts)
    assert "n:7.8" in feats.counts
    assert "w:earthquake" in feats.counts


def test_lead_actions_pair_each_name_with_the_word_after_it():
    from newsprism.stories.features import lead_actions

    found = lead_actions("Harbourton council approves the ferry budget", {"council", "approves", "ferry"})
    assert found == ["a:harbourton>council"]
    found = lead_actions("Mayor Olsen resigns after the ferry vote", {"resigns", "ferry", "vote"})
    assert found == ["a:olsen>resign"]
    # Title case: a capitalised word the text writes in lower case is a word, not a name.
    assert lead_actions("Mayor Olsen Resigns", {"resigns"}) == ["a:olsen>resign"]
    # Weekdays and function words are not actors; nothing follows the last name.
    assert lead_actions("On Monday the fleet sailed to Tarnby", {"fleet", "sailed"}) == []


def test_fast_features_count_the_lead_actions_only_when_asked():
    from newsprism.model import Article, OffsetMap

    text = "Mayor Olsen resigns after the ferry vote. The council meets again in May."
    article = Article(id="x", path="x", raw=text, text=text, offsets=OffsetMap(), title="Olsen resigns")
    assert not any(k.startswith("a:") for k in fast_features(article).counts)
    counts = fast_features(article, actions=2).counts
    assert counts["a:olsen>resign"] == 4  # title and first sentence, twice each


def test_a_title_case_headline_keeps_only_the_text_s_own_names():
    # The headline repeats as the cleaned text's first line, every word capitalised.
    text = (
        "Mayor Olsen Says Ferry Deal Is Going Nowhere\n"
        "The ferry deal is going nowhere, Harbourton's mayor said on Monday. "
        "In a long speech, Mayor Olsen blamed the port board."
    )
    assert {"going", "nowhere"} <= set(fast_entities(text))  # off: every headline word a name
    found = set(fast_entities(text, titles=True))
    assert {"olsen", "harbourton's"} <= found
    assert not {"ferry", "deal", "going", "nowhere", "says"} & found
    # A line of ordinary text full of names is not a headline: its names stay.
    report = "Anna Berg has checked herself into Linwood Care Center. She was seen in town."
    assert {"linwood", "care", "center"} <= set(fast_entities(report, titles=True))


def test_a_title_case_headline_word_never_written_in_lower_case_stays_a_name():
    # A short lead repeats little; a capitalised headline word it never writes in lower case may
    # be a name, and stays one (as a sentence-initial word does).
    found = set(fast_entities("Tarnby Ferry Strike Ends Early\nThe strike ended at noon.", titles=True))
    assert "tarnby" in found and "strike" not in found


def test_lead_days_resolve_weekdays_against_the_publication_day():
    from datetime import date

    from newsprism.stories.features import lead_days

    wednesday = date(2031, 3, 12)
    assert lead_days("The council voted on Tuesday.", wednesday) == [date(2031, 3, 11)]
    assert lead_days("Results came in yesterday; the mayor speaks tonight.", wednesday) == [
        date(2031, 3, 11),
        wednesday,
    ]
    # The day after publication is the coming one; a weekday is otherwise the latest.
    assert lead_days("The vote is set for Thursday.", wednesday) == [date(2031, 3, 13)]
    assert lead_days("Crews worked through Friday.", wednesday) == [date(2031, 3, 7)]
    # A named day is of no known week; an undated article has no anchor.
    assert lead_days("Sales rose after Black Friday.", wednesday) == []
    assert lead_days("The council voted on Tuesday.", None) == []


def test_fast_features_count_the_lead_s_days_only_for_a_dated_article_and_when_asked():
    text = "The ferry council voted on Tuesday to close the pier. Filler. " + "More filler here. " * 8
    dated = article(text, "2031-03-12")
    assert not any(k.startswith("d:") for k in fast_features(dated, 5, 3).counts)
    assert fast_features(dated, 5, 3, days=3).counts["d:2031-03-11"] == 3
    assert not any(k.startswith("d:") for k in fast_features(article(text), 5, 3, days=3).counts)

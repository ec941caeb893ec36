"""The temporal tagger and normaliser on hand-written news sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from newsprism.temporal import tag_text

THU = dt.date(2023, 5, 4)  # a Thursday


def values(text: str, ref: dt.date | None = THU) -> dict[str, str]:
    return {t.text: t.value for t in tag_text(text, ref)}


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Around 3 a.m. on Wednesday, two drones hit.", "Around 3 a.m.", "2023-05-03T03:00"),
        ("Around 3 a.m. on Wednesday, two drones hit.", "Wednesday", "2023-05-03"),
        ("Russia claimed on Thursday that the US was behind it.", "Thursday", "2023-05-04"),
        ("The council is due to meet on Friday.", "Friday", "2023-05-05"),
        ("The council will meet on Monday.", "Monday", "2023-05-08"),
        ("Two ships that were due on Saturday wait at anchor.", "Saturday", "2023-05-06"),
        ("The council met on Monday.", "Monday", "2023-05-01"),
        # "as soon as" takes its own clause's tense: a past day here, a coming one without a past verb
        ("As soon as the votes were counted Tuesday, the race turned.", "Tuesday", "2023-05-02"),
        ("The board could rule as soon as Tuesday.", "Tuesday", "2023-05-09"),
        ("Traders were likely to buy as soon as trading opened Monday.", "Monday", "2023-05-08"),
        (
            "drones struck in the night between Tuesday and Wednesday.",
            "the night between Tuesday and Wednesday",
            "2023-05-02TNI",
        ),
        ("The early-morning Wednesday incident was filmed.", "early-morning Wednesday", "2023-05-03TMO"),
        ("It came less than 24 hours after the strike.", "less than 24 hours", "PT24H"),
        ("Officials met last week.", "last week", "2023-W17"),
        ("The parade is on May 9.", "May 9", "2023-05-09"),
        ("Talks will resume in the coming days.", "in the coming days", "FUTURE_REF"),
        ("It was built in 2019.", "2019", "2019"),
        ("Published on May 5, 2023 by the agency.", "May 5, 2023", "2023-05-05"),
        ("Sales rose in the third quarter.", "the third quarter", "2022-Q3"),
        ("He spent two days there.", "two days", "P2D"),
        ("It took almost a hundred years.", "almost a hundred years", "P100Y"),
        ("It took twenty-five years.", "twenty-five years", "P25Y"),
        ("The launch is at 18:00 UTC today.", "18:00 UTC today", "2023-05-04T18:00Z"),
        ("Sales fell in the first quarter of last year.", "the first quarter of last year", "2022-Q1"),
        ("A meeting is held every day.", "every day", "P1D"),
        ("a statement of 4 May 2023", "4 May 2023", "2023-05-04"),
        ("The plant was closed a year ago.", "a year ago", "2022"),
        ("Prices are rising now.", "now", "PRESENT_REF"),
        ("He said it yesterday.", "yesterday", "2023-05-03"),
        ("A sixth man died on the day before.", "the day before", "2023-05-03"),
        ("It happened in March.", "March", "2023-03"),
        ("the 1990s", "the 1990s", "199"),
    ],
)
def test_values_against_a_thursday(text: str, expression: str, value: str) -> None:
    assert values(text).get(expression) == value


def test_same_weekday_as_publication_is_that_day() -> None:
    assert values("The minister resigned on Thursday.")["Thursday"] == "2023-05-04"


def test_possessive_weekday_keeps_the_day() -> None:
    found = values("Friday's meeting was cancelled.", dt.date(2023, 5, 8))
    assert found["Friday"] == "2023-05-05"


def test_a_possessive_weekday_whose_event_will_come_is_ahead() -> None:
    found = values("And while Monday's debate in Kestrel will be his first, she has debated often.")
    assert found["Monday"] == "2023-05-08"  # a Thursday paper: the next Monday
    assert values("Monday's debate in Kestrel was his first.")["Monday"] == "2023-05-01"
    # yesterday's event is the news: what comes of it lies ahead, not the day
    assert values("Wednesday's vote will shape the race.")["Wednesday"] == "2023-05-03"
    # the day names what the subject is of: its event is past, what comes of it ahead
    assert values("The results of Monday's two primaries will shape the race.")["Monday"] == "2023-05-01"


def test_a_weekday_after_a_schedules_present_verb_is_ahead() -> None:
    found = values("Delegates head to Kestrel for the convention, which begins Monday.")
    assert found["Monday"] == "2023-05-08"  # a Thursday paper
    assert values("The talks resume on Tuesday in Kestrel.")["Tuesday"] == "2023-05-09"
    assert values("The fair got off to a rocky start Monday.")["Monday"] == "2023-05-01"  # a noun
    assert values("The convention, which began Monday, ended early.")["Monday"] == "2023-05-01"


def test_the_day_of_an_event_named_after_before_is_the_nearest() -> None:
    fri = dt.date(2023, 5, 5)  # a Friday paper: the primary is three days ahead, not four back
    found = values("Reports track the spending before the Kestrel primary on Monday.", fri)
    assert found["Monday"] == "2023-05-08"
    assert (
        values("She posted minutes before the shootings occurred on Monday.", fri)["Monday"] == "2023-05-01"
    )
    assert values("Brell testified before the harbour committee on Monday.", fri)["Monday"] == "2023-05-01"


def test_a_month_after_were_to_or_push_until_after_is_ahead() -> None:
    found = values("Brell said Thursday that if she were to win in March, she would sign it.")
    assert found["March"] == "2024-03"
    found = values("Officials said it could push the vote until after the February election.")
    assert found["February"] == "2024-02"
    assert values("Officials said the two were to blame for the flood in March.")["March"] == "2023-03"
    # a plan told in the past may have passed: only the conditional "if ... were to" is ahead
    assert (
        values("Brell said the two were to meet Tuesday, but the talks fell apart.")["Tuesday"]
        == "2023-05-02"
    )


def test_a_day_or_month_of_last_year_counts_from_publication() -> None:
    found = values("We started this journey on June 16th of last year, she said.")
    assert found == {"June 16th": "2022-06-16", "last year": "2022"}  # TimeML tags the two apart
    assert values("They will meet in June of next year.")["June"] == "2024-06"


def test_last_month_named_just_before_publication_is_a_year_back() -> None:
    # TimeML (TimeBank): "last February" in a March paper is the February a year before;
    # the month just past would be "last month"
    dec = dt.date(2023, 12, 18)
    assert values("The pantry opened its doors last November.", dec)["last November"] == "2022-11"
    assert values("The pantry opened its doors last October.", dec)["last October"] == "2023-10"
    assert values("The pantry opened its doors last May.")["last May"] == "2022-05"
    assert values("The pantry opened its doors last March.")["last March"] == "2023-03"


def test_last_weekday_is_the_week_before_when_this_weeks_days_are_told_bare() -> None:
    wed = dt.date(2023, 5, 10)
    told = "On Tuesday, the mayor resigned. She met the donor last Monday."
    assert values(told, wed)["last Monday"] == "2023-05-01"
    # told alone (TimeBank: "the day before last Tuesday" in a Thursday paper), this week's
    assert values("She met the donor last Monday.", wed)["last Monday"] == "2023-05-08"
    # a bare weekday of the week before says nothing of this week's
    assert (
        values("On Friday, the mayor resigned. She met the donor last Monday.", wed)["last Monday"]
        == "2023-05-08"
    )


def test_a_month_after_a_and_before_a_lower_case_noun_is_a_date() -> None:
    assert values("During a May interview on a radio show, Brell said he won.") == {"May": "2023-05"}
    assert values("Brell may resign. Theresa May spoke to a May Day rally.") == {}


def test_a_year_after_a_comma_and_a_space_is_a_year_not_after_a_bare_comma() -> None:
    assert values("Brell hosted in 2004, 2005 and 2007.") == {"2004": "2004", "2005": "2005", "2007": "2007"}
    assert values("Ada Morrow, 2015 winner of the Kestrel prize, spoke.") == {"2015": "2015"}
    assert values("The port moved 1,2015 crates.") == {}
    assert "2016" not in values("PostedFebruary 6, 2016 at noon")  # a date the date rules did not take


def test_spans_point_into_the_text() -> None:
    text = "Peskov spoke on Thursday, a day after the attack."
    for t in tag_text(text, THU, "a1"):
        assert text[t.span.start : t.span.end] == t.text
        assert t.article_id == "a1"


def test_may_the_verb_and_the_name_are_not_months() -> None:
    assert values("Officials may resign. Theresa May spoke.") == {}


def test_ages_and_money_are_not_durations() -> None:
    assert values("A 6-year-old boy paid $5 for 3 days of rent.") == {"3 days": "P3D"}


def test_without_reference_unknown_parts_stay_x() -> None:
    found = values("They met on Friday, May 9.", None)
    assert found == {"Friday, May 9": "XXXX-05-09"}
    assert values("They met on Friday.", None)["Friday"] == "XXXX-WXX-5"


def test_mod_of_approximate_and_bounded() -> None:
    timex = {t.text: t for t in tag_text("around 3 a.m. and more than two weeks", THU)}
    assert timex["around 3 a.m."].mod == "APPROX"
    assert timex["more than two weeks"].mod == "MORE_THAN"
    assert timex["more than two weeks"].type == "DURATION"


def test_clock_time_joined_to_its_day() -> None:
    (timex,) = tag_text("The vote is set for 9 a.m. Tuesday.", dt.date(2000, 4, 3))
    assert (timex.text, timex.type, timex.value) == ("9 a.m. Tuesday", "TIME", "2000-04-04T09:00")


def test_before_and_after_midnight_fall_on_either_side() -> None:
    wed = dt.date(2024, 3, 13)
    before = {
        t.text: (t.value, t.mod) for t in tag_text("It broke out shortly before midnight on Tuesday.", wed)
    }
    after = {
        t.text: (t.value, t.mod) for t in tag_text("It broke out shortly after midnight on Wednesday.", wed)
    }
    assert before["midnight"] == ("2024-03-12T24:00", "BEFORE")
    assert after["midnight"] == ("2024-03-13T00:00", "AFTER")


def test_small_hours_after_a_night_are_the_next_day() -> None:
    text = "Fire swept the port in the night between Tuesday and Wednesday. It was contained at 4 a.m."
    found = {t.text: t.value for t in tag_text(text, dt.date(2024, 3, 13))}
    assert found["4 a.m."] == "2024-03-13T04:00"


def test_a_second_consecutive_day_is_not_a_duration() -> None:
    assert "a second" not in values("Markets fell for a second consecutive day.")
    assert values("It lasted a second.")["a second"] == "PT1S"


def test_public_api() -> None:
    import newsprism.temporal as temporal

    assert sorted(temporal.__all__) == ["list_dates", "resolve_published", "tag_text"]
    assert all(callable(getattr(temporal, name)) for name in temporal.__all__)


def test_a_bare_weekday_the_day_after_publication_is_the_next_day_unless_told_as_past():
    # THU is a Thursday: "Friday" with no past tense is tomorrow, the most recent otherwise.
    assert (
        values("The summit opens on Friday in Oslo.", THU)["Friday"]
        == (THU + dt.timedelta(days=1)).isoformat()
    )
    assert (
        values("The summit opened on Friday in Oslo.", THU)["Friday"]
        == (THU - dt.timedelta(days=6)).isoformat()
    )
    assert values("The fire started on Tuesday.", THU)["Tuesday"] == (THU - dt.timedelta(days=2)).isoformat()


JAN30 = dt.date(2013, 1, 30)


def test_a_month_day_told_in_the_past_is_not_moved_more_than_half_a_year_back() -> None:
    # June 25 of the previous year is seven months back: a writer would have given its year.
    assert values("The court said it would rule on June 25.", JAN30)["June 25"] == "2013-06-25"
    assert values("Officials said the vote was set for June 25.", JAN30)["June 25"] == "2013-06-25"
    # A recent past date is moved back: "December 14" told in the past in January.
    assert values("The shooting happened on December 14.", JAN30)["December 14"] == "2012-12-14"


def test_a_month_day_after_publication_told_in_the_past_is_last_year_when_recent() -> None:
    mar2 = dt.date(2016, 3, 2)
    assert values("He was arrested on December 1.", mar2)["December 1"] == "2015-12-01"
    # the day after publication is still this year (time zones, overnight editions)
    assert values("He was arrested on March 3.", mar2)["March 3"] == "2016-03-03"


def test_a_month_day_told_in_the_future_before_publication_is_next_year_when_near() -> None:
    dec20 = dt.date(2016, 12, 20)
    assert values("The council will vote on January 5.", dec20)["January 5"] == "2017-01-05"
    assert values("The council will vote on December 22.", dec20)["December 22"] == "2016-12-22"


def test_a_month_day_takes_the_year_the_text_gave_its_month() -> None:
    text = "The deputy was killed in June 2005. He was killed on June 24 outside a house."
    assert values(text, dt.date(2007, 5, 2))["June 24"] == "2005-06-24"
    # ... unless the date is about the days of publication
    text = "A first raid came in March 2012. Police raided the house again on March 9."
    assert values(text, dt.date(2013, 3, 13))["March 9"] == "2013-03-09"


def test_a_date_right_after_a_reporting_verb_is_when_it_was_said() -> None:
    thu = dt.date(2016, 4, 28)
    text = "An adviser said Monday that the senator will arrive with enough delegates."
    assert values(text, thu)["Monday"] == "2016-04-25"


def test_a_present_tense_clause_is_not_read_in_the_past_tense_of_the_sentence() -> None:
    text = "Sanders said the nomination would be decided at the convention, which opens July 25."
    assert values(text, dt.date(2016, 6, 8))["July 25"] == "2016-07-25"


def test_month_of_that_year_takes_the_year_last_given() -> None:
    text = "They moved to the city in January 2007 and to First Street in September of that year."
    assert values(text, None)["September of that year"] == "2007-09"
    assert (
        values("It opened in 1998 and closed in March the following year.", None)["March the following year"]
        == "1999-03"
    )


def test_without_publication_date_a_bare_month_follows_the_last_year_named() -> None:
    assert values("The plant opened in 1998. It closed in March.", None)["March"] == "1998-03"
    assert values("It closed in March.", None)["March"] == "XXXX-03"


def test_the_day_before_a_date_counts_from_that_date() -> None:
    text = "Ortiz was assigned to the case the day before his June 24, 2005 murder."
    assert values(text, dt.date(2007, 4, 2))["the day before"] == "2005-06-23"
    assert values("A sixth man died on the day before.", THU)["the day before"] == "2023-05-03"


def test_a_past_weekday_between_publication_and_an_update_is_that_day() -> None:
    mon, tue = dt.date(2013, 3, 11), dt.date(2013, 3, 12)
    text = "The commissioner visited the precinct about 12:30 a.m. Tuesday."
    (timex,) = tag_text(text, mon, "", tue)
    assert timex.value == "2013-03-12T00:30"
    # without an update the past-tense Tuesday is the previous one
    (timex,) = tag_text(text, mon)
    assert timex.value == "2013-03-05T00:30"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # THU is a Thursday: the night before publication
        ("Two drones were shot down overnight.", "overnight", "2023-05-03TNI"),
        ("Drones struck at 3 a.m. Wednesday.", "3 a.m. Wednesday", "2023-05-03T03:00"),
        ("Drones struck around 3 a.m. on Wednesday.", "around 3 a.m.", "2023-05-03T03:00"),
        (
            "It happened in the night of Tuesday to Wednesday.",
            "the night of Tuesday to Wednesday",
            "2023-05-02TNI",
        ),
        (
            "It happened in the night from Tuesday into Wednesday.",
            "the night from Tuesday into Wednesday",
            "2023-05-02TNI",
        ),
        ("Leaders will meet Friday.", "Friday", "2023-05-05"),
        ("Leaders met Friday.", "Friday", "2023-04-28"),
        ("Leaders meet Friday in Oslo.", "Friday", "2023-05-05"),
    ],
)
def test_nights_small_hours_and_weekdays_around_publication(text: str, expression: str, value: str) -> None:
    assert values(text).get(expression) == value


def test_a_midnight_dated_only_by_publication_and_told_in_the_past_ended_the_day_before() -> None:
    wed = dt.date(2024, 3, 13)
    (past,) = tag_text("Many were woken by bangs shortly before midnight.", wed)
    assert past.value == "2024-03-12T24:00"
    (future,) = tag_text("The curfew will start at midnight.", wed)
    assert future.value == "2024-03-13T24:00"
    # a day told next to it decides
    found = {t.text: t.value for t in tag_text("It broke out shortly before midnight on Wednesday.", wed)}
    assert found["midnight"] == "2024-03-13T24:00"


def test_morning_and_noon_told_after_a_midnight_are_the_next_day() -> None:
    text = "The fire broke out on Tuesday. The wind turned before midnight. Residents were allowed home by midday."
    found = {t.text: t.value for t in tag_text(text, dt.date(2024, 3, 14))}
    assert found["midday"] == "2024-03-13T12:00"


def test_a_weekday_named_by_the_word_before_it_is_no_date() -> None:
    wed = dt.date(2031, 3, 5)
    assert values("The Super Tuesday results were mixed.", wed) == {"Tuesday": "XXXX-WXX-2"}
    assert values("Shops were full on Black Friday.", wed) == {"Friday": "XXXX-WXX-5"}
    # A name before a weekday (news style "Ada Morrow Tuesday signed") leaves it a date.
    assert values("Governor Ada Morrow Tuesday signed the bill.", wed) == {"Tuesday": "2031-03-04"}


def test_holidays_on_a_weekday_of_their_month_fall_on_that_years_day() -> None:
    spring = dt.date(2032, 4, 27)
    assert values("Morrow hopes to win on Election Day.", spring) == {"Election Day": "2032-11-02"}
    assert values("The parade was held on Memorial Day.", dt.date(2032, 6, 3)) == {
        "Memorial Day": "2032-05-31"
    }
    # told in the past before this year's: last year's
    assert values("The strike began on Labor Day.", spring) == {"Labor Day": "2031-09-01"}
    assert values("Rallies on Labor Day 2030 drew crowds.", spring) == {"Labor Day 2030": "2030-09-02"}
    assert values("A parade on the Fourth of July.", spring) == {"Fourth of July": "2032-07-04"}
    # only the capitalised name: any country has an election day
    assert values("it was election day in the village", spring) == {}


def test_a_year_opening_the_sentence_is_the_year_of_its_months_and_days() -> None:
    ref = dt.date(2031, 4, 2)
    assert values("In 2027, Morrow lost in June and conceded on July 2.", ref) == {
        "2027": "2027",
        "June": "2027-06",
        "July 2": "2027-07-02",
    }
    # the next sentence is back to the publication year
    assert values("In 2027, Morrow lost. She won in June.", ref)["June"] != "2027-06"
    # nor is the year of a clause inside the sentence
    assert values("Morrow, who lost in 2027, won the nomination in March.", ref)["March"] == "2031-03"


def test_a_day_in_a_clause_opened_by_before_told_in_the_present_is_still_to_come() -> None:
    # a Friday article: "before voters go to the polls Monday" is the next Monday
    fri = dt.date(2029, 1, 26)
    text = "Ada Morrow skipped the final debate Thursday night before voters kick off the primary Monday."
    assert values(text, fri)["Monday"] == "2029-01-29"
    # told in the past, the day is the last one
    text = "Ada Morrow skipped the final debate before voters went to the polls Monday."
    assert values(text, fri)["Monday"] == "2029-01-22"


def test_the_same_month_or_year_is_the_one_last_told() -> None:
    got = values(
        "A poll in June showed it. In another poll the same month, most agreed.", dt.date(2031, 8, 22)
    )
    assert got == {"June": "2031-06", "the same month": "2031-06"}
    assert values("The mill shut in 2009. That same year, the port closed.") == {
        "2009": "2009",
        "That same year": "2009",
    }
    assert values("The ferry sank on May 3. The same day, the pier closed.")["The same day"] == "2023-05-03"


def test_earlier_in_the_week_is_the_week_of_the_last_day_told() -> None:
    assert values("Earlier in the week, the mayor called for an inquiry.") == {
        "Earlier in the week": "2023-W18"
    }
    got = values("The board met on Monday. Later in the week, it voted.", dt.date(2023, 5, 12))
    assert got["Later in the week"] == "2023-W19"


def test_a_year_written_before_an_event_noun_is_a_year_not_a_count() -> None:
    assert values("Ada Morrow's 1995 tax return showed a loss.") == {"1995": "1995"}
    assert values("She lost her 2008 presidential campaign.") == {"2008": "2008"}
    assert values("Reed worked at the contested 1976 convention.") == {"1976": "1976"}
    assert values("About 2000 people came, holding 1995 shares.") == {}


def test_in_the_fall_is_the_season_in_the_tenses_direction() -> None:
    march = dt.date(2031, 3, 17)
    assert values("Ada Morrow held a rally in the fall.", march) == {"fall": "2030-FA"}
    assert values("Ada Morrow will hold a rally in the fall.", march) == {"fall": "2031-FA"}
    assert values("The fall of the regime came fast.", march) == {}
    assert values("In the fall of the old mill, two died.", march) == {}


def test_a_day_something_was_put_off_to_is_ahead() -> None:
    assert values("The council postponed the vote until Monday.") == {"Monday": "2023-05-08"}
    assert values("The vote was pushed back to Friday.") == {"Friday": "2023-05-05"}
    assert values("Reed moved to Kestrel on Monday.") == {"Monday": "2023-05-01"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the verb nearest the day decides, not a past verb earlier in the clause (a Saturday)
        ("Pollsters described the race the mayor is facing in Tuesday's runoff.", "2031-06-10"),
        ("The canton holds its assembly on Tuesday.", "2031-06-10"),
        ("Turnout could be higher on Tuesday.", "2031-06-10"),
        ("We stand a fair chance to win it on Tuesday.", "2031-06-10"),
        ("The feud grew sharper ahead of Tuesday's runoff.", "2031-06-10"),
        ("By the time the tour is over on Tuesday, we will have met them all.", "2031-06-10"),
        # an infinitive after a past verb is ahead of that verb's day only: no direction of its own
        ("She moved her trip to be in Lyon on Tuesday.", "2031-06-03"),
        ("The council met on Tuesday.", "2031-06-03"),
    ],
)
def test_a_weekday_takes_the_tense_of_the_nearest_verb(text: str, value: str) -> None:
    assert values(text, dt.date(2031, 6, 7))["Tuesday"] == value


def test_a_floating_holiday_after_an_infinitive_is_this_years() -> None:
    text = "The league, which has backed him, used the gala to urge members to vote on Election Day."
    assert values(text, dt.date(2031, 6, 7))["Election Day"] == "2031-11-04"


def test_overnight_before_a_weekday_is_that_weekdays_night() -> None:
    thu = dt.date(2031, 6, 12)
    assert values("Rebels shelled the port overnight Tuesday.", thu)["overnight"] == "2031-06-10TNI"
    assert values("Crews will work overnight Friday.", thu)["overnight"] == "2031-06-13TNI"
    assert values("The storm hit overnight.", thu)["overnight"] == "2031-06-11TNI"


def test_a_verb_whose_past_is_its_present_is_past_after_a_singular_subject() -> None:
    thu = dt.date(2031, 6, 12)
    assert values("The minister quit on Friday.", thu)["Friday"] == "2031-06-06"
    assert values("The minister quits on Friday.", thu)["Friday"] == "2031-06-13"
    assert values("They plan to quit on Friday.", thu)["Friday"] == "2031-06-13"


def test_a_future_verb_right_after_the_weekday_points_ahead() -> None:
    sat = dt.date(2031, 6, 14)
    assert values("The committee on Friday will vote on the bill.", sat)["Friday"] == "2031-06-20"
    assert values("Senators on Friday are expected to vote.", sat)["Friday"] == "2031-06-20"
    assert values("The committee on Friday said it will vote.", sat)["Friday"] == "2031-06-13"


def test_day_words_inside_names_are_no_dates() -> None:
    # session 12: a paper's or a show's name holds a day word
    assert values("Vell is a reporter for the USA TODAY NETWORK.") == {}
    assert values("Vell is a reporter for USA Today in Ohio.") == {}
    assert values('Arden said on ABC\'s "This Week," that the vote would hold.') == {}
    assert values('On this weekend\'s broadcast of "Channel Nine Sunday," Arden spoke.') == {
        "this weekend": "2023-W18-WE"
    }
    # a weekday after a name in running text is still a day, and so is a quoted lone "Today"
    assert values("Arden Monday said the vote would hold.") == {"Monday": "2023-05-01"}
    assert values('"Today, we vote," Arden said.') == {"Today": "2023-05-04"}


def test_earlier_this_weekend_in_a_monday_paper_is_the_weekend_just_past() -> None:
    monday = dt.date(2023, 5, 8)
    assert values("Arden rebuked him for saying earlier this weekend that she lied.", monday) == {
        "earlier this weekend": "2023-W18-WE"
    }
    assert values("Arden will travel this weekend.", monday) == {"this weekend": "2023-W19-WE"}


def test_a_quote_in_double_single_quotes_opens_a_new_sentence_for_the_tense() -> None:
    # ''...'' he said. ''The race starts on Labor Day.'': the "said" before is another sentence
    text = "''It is early,'' he said. ''The race starts on Labor Day.''"
    assert values(text, dt.date(2031, 8, 18)) == {"Labor Day": "2031-09-01"}


def test_fixed_date_holidays_and_a_passive_infinitive() -> None:
    assert values("On Cinco de Mayo, the mayor ate lunch at her desk.", dt.date(2031, 8, 18)) == {
        "Cinco de Mayo": "2031-05-05"
    }
    text = "Voss will resign, to be replaced by Kell through the November election."
    assert values(text, dt.date(2031, 7, 25))["November"] == "2031-11"


def test_a_past_verb_right_before_a_month_day_reaches_back_a_whole_year() -> None:
    # session 12: in a June paper, "took place on October 3" is last October, not this one
    june = dt.date(2031, 6, 15)
    assert values("The vote took place on October 3.", june) == {"October 3": "2030-10-03"}
    assert values("The summit, held October 3, ended in a deal.", june) == {"October 3": "2030-10-03"}
    assert values("The vote will be on October 3.", june) == {"October 3": "2031-10-03"}


def test_a_participle_after_a_present_auxiliary_is_no_past_verb() -> None:
    # "parades are held on May 9" in a May 4 paper is this May 9, not last year's
    assert values("Victory parades are held on May 9.") == {"May 9": "2023-05-09"}


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # a Friday paper: the past verb dates the challenge, not the runoff three days ahead
        ("Okafor challenged Venn to a radio duel before Monday's runoff.", dt.date(2031, 6, 6), "2031-06-09"),
        ("The board froze hiring until Monday's budget vote.", dt.date(2031, 6, 6), "2031-06-09"),
        # a Wednesday paper: the polls taken before yesterday's runoff
        ("Polls taken before Tuesday's runoff showed a tie.", dt.date(2031, 6, 4), "2031-06-03"),
    ],
)
def test_a_day_named_in_an_event_after_before_is_the_nearer_one(
    text: str, published: dt.date, value: str
) -> None:
    found = values(text, published)
    assert next(iter(found.values())) == value


def test_the_night_between_two_dates_is_the_first_days_night() -> None:
    got = values(
        "On the night of May 2 to May 3, the shelling resumed. Drones flew the night from 2 to 3 May over the port."
    )
    assert got["the night of May 2 to May 3"] == "2023-05-02TNI"
    assert got["the night from 2 to 3 May"] == "2023-05-02TNI"


def test_overnight_is_the_night_before_the_day_its_sentence_tells() -> None:
    said = "A ferry sank overnight after the storm, the coastguard said on Wednesday."
    assert values(said)["overnight"] == "2023-05-02TNI"  # THU's paper: the night into Wednesday
    assert values("Crews dug overnight and into early Tuesday morning.")["overnight"] == "2023-05-01TNI"
    assert values("Two drones were shot down overnight.")["overnight"] == "2023-05-03TNI"


def test_a_month_a_short_clause_says_it_was_is_a_month() -> None:
    assert values("She knew all about it. That was May. Now it is over.")["May"] == "2023-05"
    assert values("The winner was May.") == {}  # a name, as likely


def test_a_given_name_that_is_a_month_is_no_date() -> None:
    got = values("April Halloran, a spokeswoman for the council, said the ferry would run.")
    assert "April" not in got
    assert values("Since April Halloran has led the council.")  # after a preposition: still a month


def test_a_month_aimed_at_by_a_past_verb_of_intent_is_the_nearest_one() -> None:
    may = dt.date(2016, 5, 19)
    text = "Protesters threatened to disrupt the party's convention in Lowport in July with marches."
    assert values(text, may)["July"] == "2016-07"
    # a past verb alone still points back
    assert values("Turnout fell in the primary held in July.", may)["July"] == "2015-07"


def test_a_weekday_opening_a_sentence_whose_titled_subject_will_act_is_ahead() -> None:
    thursday = dt.date(2015, 12, 31)
    assert (
        values("On Monday, Mr. Tolliver will hold two rallies in Dover.", thursday)["Monday"] == "2016-01-04"
    )
    assert values("On Monday, Mr. Tolliver held two rallies in Dover.", thursday)["Monday"] == "2015-12-28"


def test_a_date_that_is_supposed_to_come_is_ahead() -> None:
    december = dt.date(2015, 12, 31)
    text = "All the letters are supposed to be made public by Jan. 29."
    assert values(text, december)["Jan. 29"] == "2016-01-29"
    assert values("The letters were made public on Jan. 29.", december)["Jan. 29"] == "2015-01-29"


def test_a_cause_named_after_a_future_verb_keeps_its_own_day() -> None:
    sunday = dt.date(2016, 8, 28)
    text = "He said voters will back him because of the shooting in Lowport on Friday of a bus driver."
    assert values(text, sunday)["Friday"] == "2016-08-26"
    assert values("He said voters will back him on Friday.", sunday)["Friday"] == "2016-09-02"


def test_a_month_told_in_no_tense_after_a_date_ahead_is_of_that_time() -> None:
    august = dt.date(2016, 8, 31)
    text = "Ada Morrow runs in the April 2017 election. Polls see her reaching an early May run-off."
    assert values(text, august)["early May"] == "2017-05"
    assert values("Polls see her reaching an early May run-off.", august)["early May"] == "2016-05"


def test_a_passive_participle_is_no_past_verb() -> None:
    thursday = dt.date(2009, 6, 5)
    assert values("The sale should be completed in October.", thursday)["October"] == "2009-10"
    assert values("The sale was completed in October.", thursday)["October"] == "2008-10"


def test_late_summer_takes_its_year_from_the_tense_as_summer_does() -> None:
    december = dt.date(2015, 12, 22)
    assert values("By late summer, she looked vulnerable.", december)["late summer"] == "2015-SU"
    assert values("They will meet in early spring.", december)["early spring"] == "2016-SP"


def test_a_weekday_before_or_after_a_date_is_counted_from_that_date() -> None:
    wednesday = dt.date(2015, 12, 23)
    got = values(
        "The debate was held the Saturday before Christmas, the vote the Monday after Nov. 26.", wednesday
    )
    assert got["Saturday before Christmas"] == "2015-12-19"
    assert got["Monday after Nov. 26"] == "2015-11-30"


def test_a_week_before_or_after_a_date_is_that_week_not_the_date() -> None:
    tuesday = dt.date(2015, 12, 22)
    got = values(
        "In the week before Christmas, the council met; it sat the weekend after May 3, 2014.", tuesday
    )
    assert got["week before Christmas"] == "2015-W51"
    assert got["weekend after May 3, 2014"] == "2014-W19-WE"
    assert "Christmas" not in got


def test_a_holiday_naming_a_kind_of_thing_and_plural_weekdays_date_nothing() -> None:
    wednesday = dt.date(2015, 12, 23)
    got = values("A Christmas-themed ad of Christmas gifts runs on Saturday nights.", wednesday)
    assert got == {"Saturday": "XXXX-WXX-6TNI"}
    assert values("They met on Christmas morning.", wednesday)["Christmas"] == "2015-12-25"


def test_a_looming_event_told_in_the_past_is_still_ahead() -> None:
    april = dt.date(2016, 4, 15)
    assert values("He was not hopeful about the looming showdown in July.", april)["July"] == "2016-07"
    assert values("He was not hopeful about the showdown in July.", april)["July"] == "2015-07"


def test_a_sentence_ends_after_a_closing_double_apostrophe() -> None:
    saturday = dt.date(2016, 3, 12)
    text = "He said, ''I'd like to punch him in the face.'' And in Lowport on Wednesday, as people kept shouting, he left."
    assert values(text, saturday)["Wednesday"] == "2016-03-09"  # not "to punch" ahead


def test_an_ed_word_in_a_compound_is_no_past_verb() -> None:
    wednesday = dt.date(2016, 3, 23)
    assert values("Then comes the delegate-packed April 19 primary.", wednesday)["April 19"] == "2016-04-19"


def test_to_before_a_plural_noun_is_no_infinitive_of_a_plan() -> None:
    wednesday = dt.date(2016, 9, 7)
    assert (
        values("Ada Morrow, speaking to reporters Tuesday on her plane, said it.", wednesday)["Tuesday"]
        == "2016-09-06"
    )
    assert values("She wants them to discuss it Tuesday.", wednesday)["Tuesday"] == "2016-09-13"


def test_before_right_after_a_past_verb_is_a_place_not_a_clause_to_come() -> None:
    wednesday = dt.date(2016, 3, 2)
    text = "The leaders went before reporters on Capitol Hill Tuesday to denounce the plan."
    assert values(text, wednesday)["Tuesday"] == "2016-03-01"
    ahead = "It was the last debate before Iowans kick off the voting Monday."
    assert values(ahead, dt.date(2016, 1, 29))["Monday"] == "2016-02-01"


def test_before_after_a_verb_of_appearing_is_a_place_not_a_clause_to_come() -> None:
    # session 15: "while testifying before ... investigators in October" in a July paper
    text = (
        "The panel asked whether Okoro misled it while testifying before Tolven Council members in October."
    )
    assert values(text, dt.date(2031, 7, 11))["October"] == "2030-10"
    ahead = "It was the last forum before Dunmore voters choose a mayor in September."
    assert values(ahead, dt.date(2031, 7, 11))["September"] == "2031-09"


def test_could_not_be_reached_tells_of_a_try_already_made() -> None:
    sunday = dt.date(2016, 5, 29)
    assert values("Her aides could not be reached for comment Saturday.", sunday)["Saturday"] == "2016-05-28"
    assert values("Her aides could meet the council Saturday.", sunday)["Saturday"] == "2016-06-04"


def test_a_month_after_an_article_before_a_name_is_a_date() -> None:
    # session 15: "In a September Tolven Courier-KBN poll" (tdev6); a bare month before a
    # surname is still a given name, and "the May ..." may be a person
    tuesday = dt.date(2031, 11, 11)
    assert values("In a September Tolven Courier-KBN poll, most said no.", tuesday)["September"] == "2031-09"
    assert "April" not in values("April Okoro, a spokeswoman, declined.", tuesday)
    assert "May" not in values("The May Okoro cabinet fell.", tuesday)


def test_a_future_told_with_a_curly_apostrophe_points_ahead() -> None:
    jan = dt.date(2031, 1, 31)
    assert values("“I’ll vote for her in November,” the farmer said.", jan)["November"] == "2031-11"
    assert values("“I'll vote for her in November,” the farmer said.", jan)["November"] == "2031-11"
    assert values("The farmer voted for her in November.", jan)["November"] == "2030-11"


def test_a_stray_full_stop_between_an_ordinal_day_and_its_year() -> None:
    # the sentence runs on with a preposition: the year is the day's, and a later bare month of
    # that name follows it
    ref = dt.date(2031, 12, 5)
    got = values(
        "It was aired live on March 3rd. 2027 on the harbour channel. On March 9 the mayor resigned.", ref
    )
    assert got["March 3rd. 2027"] == "2027-03-03"
    assert got["March 9"] == "2027-03-09"
    # a year opening the next sentence is that sentence's own
    got = values("The mill closed on May 3rd. 2027 was a hard year for the valley.", ref)
    assert got == {"May 3rd": "2031-05-03"}

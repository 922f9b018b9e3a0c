"""Time expressions: normalisation rules by hand, tense with the model, gold-set floors."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import require_shared

from eventwire.times import dates_meet, event_date, find_times, normalise_duration, value_to_date

# a Thursday
PUBLISHED = date(2022, 9, 29)


@pytest.fixture(scope="module")
def blank():
    import spacy

    return spacy.blank("en")


def values(doc, published=PUBLISHED) -> dict[str, str | None]:
    return {t.text: t.value for t in find_times(doc, published)}


@pytest.mark.parametrize(("number", "unit", "expected"), [
    ("three", "days", "P3D"),
    ("a", "week", "P1W"),
    ("several", "months", "PXM"),
    ("24", "hours", "PT24H"),
    ("two and a half", "years", "P2.5Y"),
    ("twenty-five", "years", "P25Y"),
    ("a", "decade", "P10Y"),
    ("few", "decades", "PXDE"),
    ("two", "centuries", "P200Y"),
])
def test_times_normalise_duration(number, unit, expected):
    assert normalise_duration(number, unit) == expected


def test_times_value_to_date():
    assert value_to_date("2022-09-26") == date(2022, 9, 26)
    assert value_to_date("2022-09-26TMO") == date(2022, 9, 26)
    assert value_to_date("2022-W39") is None
    assert value_to_date("PAST_REF") is None
    assert value_to_date(None) is None


@pytest.mark.parametrize(("value", "expected"), [
    ("2022-09-26", "2022-09-26"),
    ("2022-09-26TMO", "2022-09-26"),
    ("2022-09-26T14:30", "2022-09-26"),
    ("2022-W39", "2022-W39"),
    ("2022-W39-WE", "2022-W39"),
    ("2022-09", "2022-09"),
    ("2016", "2016"),
    ("2022-SU", None),
    ("2022-Q3", None),
    ("201", None),
    ("PAST_REF", None),
    ("P3D", None),
    (None, None),
])
def test_times_event_date_keeps_the_precision_the_text_gives(value, expected):
    assert event_date(value) == expected


@pytest.mark.parametrize(("a", "b", "meet"), [
    ("2015-12", "2015-12-03", True),
    ("2015-12-03", "2015-12-04", False),
    ("2015", "2015-W52", True),
    ("2015-W52", "2015-12-27", True),  # the week's Sunday
    ("2015-W52", "2015-12-28", False),
    ("2014", "2015-01", False),
    ("PAST_REF", "PAST_REF", True),
])
def test_times_dates_meet_when_their_periods_overlap(a, b, meet):
    assert dates_meet(a, b) is meet
    assert dates_meet(b, a) is meet


def test_times_absolute_dates(blank):
    doc = blank("Talks began on 13 September 2021, resumed in May 2019 and ended in 1998. "
                "The deal dates from the 1980s and March 3rd, 2020.")
    found = values(doc)
    assert found["13 September 2021"] == "2021-09-13"
    assert found["May 2019"] == "2019-05"
    assert found["1998"] == "1998"
    assert found["1980s"] == "198"
    assert found["March 3rd, 2020"] == "2020-03-03"


def test_times_relative_to_publication(blank):
    doc = blank("Yesterday the envoy said talks last week failed, and that this week, "
                "next month and next year matter more than last month.")
    found = values(doc)
    assert found["Yesterday"] == "2022-09-28"
    assert found["last week"] == "2022-W38"
    assert found["this week"] == "2022-W39"
    assert found["next month"] == "2022-10"
    assert found["next year"] == "2023"
    assert found["last month"] == "2022-08"


def test_times_end_of_week_and_seasons(blank):
    doc = blank("By the end of the week the envoy arrives; a summit is planned for "
                "next summer and the third quarter of 2021 was weak, as was Q2 2020.")
    found = values(doc)
    assert found["By the end of the week"] == "2022-W39"
    assert found["next summer"] == "2023-SU"
    assert found["the third quarter of 2021"] == "2021-Q3"
    assert found["Q2 2020"] == "2020-Q2"


def test_times_durations_and_vague(blank):
    doc = blank("The fighting lasted three days. Recently the front moved; "
                "in the past it was quiet, and currently it is calm, but soon it may change.")
    found = values(doc)
    assert found["three days"] == "P3D"
    assert found["Recently"] == "PAST_REF"
    assert found["the past"] == "PAST_REF"
    assert found["currently"] == "PRESENT_REF"
    assert found["soon"] == "FUTURE_REF"
    assert {t.type for t in find_times(doc, PUBLISHED) if t.text == "three days"} == {"DURATION"}


def test_times_ago_and_range(blank):
    doc = blank("Two years ago it took between 12 and 18 months.")
    found = values(doc)
    assert found["Two years ago"] == "2020"
    assert found["12"] == "P12M"
    assert found["18 months"] == "P18M"


def test_times_without_publication_date(blank):
    doc = blank("On 4 July 2020 and last week.")
    found = values(doc, None)
    assert found["4 July 2020"] == "2020-07-04"
    assert found["last week"] is None


def test_times_offsets_index_the_text(blank):
    text = "Since 2015, and again on 2 May 2018, and three weeks later."
    for t in find_times(blank(text), PUBLISHED):
        assert text[t.start:t.end] == t.text


@pytest.mark.model
def test_times_weekday_follows_the_tense(nlp):
    past = values(nlp("The ministers met on Monday in Paris."))
    future = values(nlp("The ministers will meet on Monday in Paris."))
    assert past["Monday"] == "2022-09-26"
    assert future["Monday"] == "2022-10-03"


@pytest.mark.model
def test_times_month_day_without_year(nlp):
    found = values(nlp("The attack on Sept. 13 killed dozens, and a vote will be held on Jan. 5."))
    assert found["Sept. 13"] == "2022-09-13"
    assert found["Jan. 5"] == "2023-01-05"


@pytest.mark.model
def test_times_modal_may_is_not_a_month(nlp):
    found = values(nlp("Officials may meet again, the minister said in May."))
    assert list(found) == ["May"]
    assert found["May"] == "2022-05"


@pytest.mark.model
@pytest.mark.shared
def test_times_gold_sets_reach_their_floors():
    from eventwire.evaluate.timex import run_meantime, run_te3

    require_shared("data", "te3_platinum", "te3_platinum.jsonl")
    require_shared("data", "meantime_en", "meantime_en.jsonl")
    shared = require_shared()
    te3 = run_te3(shared, None)
    meantime = run_meantime(shared, None)
    assert te3.metric("timex_value.f1") >= 0.86
    assert te3.metric("timex_relaxed.f1") >= 0.92
    assert meantime.metric("timex_value.f1") >= 0.84
    assert meantime.metric("timex_relaxed.f1") >= 0.91

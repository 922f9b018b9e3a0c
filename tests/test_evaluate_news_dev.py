"""news-dev scoring: the README's matching rules on hand-built documents and gold records."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from conftest import require_shared

from eventwire.evaluate.news_dev import (
    actor_matches,
    match_events,
    match_table,
    misses,
    report_outcomes,
    score_article,
)
from eventwire.records import Actor, Article, Document, Event, Evidence, Mention, Place, Span, Time

TEXT = ("Minister Maren Tovik of Norway met Olek Brandt in Oslo on 3 May 2021. "
        "The Harbour Guild protested on Friday.")


def actor(id: str, name: str, kind: str = "person", country: str | None = None,
          mentions: tuple[str, ...] = ()) -> Actor:
    return Actor(id=id, name=name, kind=kind, country=country,
                 mentions=tuple(Mention(start=0, end=len(m), text=m) for m in mentions))


def event(id: str, type: str, source: tuple[str, ...] = (), target: tuple[str, ...] = (),
          **kw: Any) -> Event:
    return Event(id=id, type=type, source=source, target=target,
                 evidence=Evidence(start=0, end=70, text=TEXT[:70]), **kw)


def doc(actors: tuple[Actor, ...], events: tuple[Event, ...], published: date | None = date(2021, 5, 4),
        **kw: Any) -> Document:
    return Document(article=Article(id="a1", text=TEXT, published=published),
                    actors=actors, events=events, **kw)


GOLD_ACTORS = [
    {"id": "tovik", "name": "Maren Tovik", "country": "NOR", "sector": "GOV",
     "mentions": ["Minister Maren Tovik"]},
    {"id": "brandt", "name": "Olek Brandt", "country": "DEU", "sector": "GOV", "mentions": ["Olek Brandt"]},
    {"id": "norway", "name": "Norway", "country": "NOR", "sector": "GOV", "mentions": ["Norway"]},
    {"id": "guild", "name": "Harbour Guild", "country": "NOR", "sector": "BUS",
     "mentions": ["The Harbour Guild"]},
]


def gold(*events: dict[str, Any], times: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"article": {"id": "a1", "published": "2021-05-04"}, "actors": GOLD_ACTORS,
            "events": list(events), "times": times or []}


def g_event(id: str, type: str, source: list[str], target: list[str], **kw: Any) -> dict[str, Any]:
    return {"id": id, "type": type, "source": source, "target": target, "date": None,
            "place": None, "modality": "asserted", "evidence": TEXT[:70], **kw}


TOVIK = actor("p1", "Maren Tovik", country="NOR")
BRANDT = actor("p2", "Brandt", country="DEU")
GUILD = actor("o1", "Guild", kind="organization", country="NOR", mentions=("the harbour guild",))


def test_news_dev_actor_matches_name_surname_mention_and_country_code():
    assert actor_matches(TOVIK, GOLD_ACTORS[0])
    assert actor_matches(BRANDT, GOLD_ACTORS[1])  # a person's surname
    assert not actor_matches(actor("o2", "Brandt", kind="organization"), GOLD_ACTORS[1])
    assert actor_matches(GUILD, GOLD_ACTORS[3])  # mention, case and leading "the" ignored
    assert actor_matches(actor("o3", "Hárbour Guild", kind="organization"), GOLD_ACTORS[3])
    assert actor_matches(actor("c1", "Kingdom", kind="country", country="NOR"), GOLD_ACTORS[2])
    assert not actor_matches(actor("c2", "Kingdom", kind="country", country="NOR"), GOLD_ACTORS[0])


def test_news_dev_optional_event_is_neither_false_nor_missed():
    g = gold(g_event("e1", "PROTEST", ["guild"], [], optional=True))
    d = doc((GUILD,), (event("x1", "PROTEST", ("o1",)),))
    m = match_events(d, g, match_table(d, g), strict=True)
    assert (m.pairs, m.false, m.missed) == ({0: "e1"}, [], [])
    report = report_outcomes([score_article(g, d)])
    assert report.metric("events_strict.precision") == 0.0  # no tp, no fp
    strict = report.scores[0]
    assert (strict.tp, strict.fp, strict.fn) == (0, 0, 0)
    empty = match_events(doc((GUILD,), ()), g, match_table(doc((GUILD,), ()), g), strict=True)
    assert empty.missed == []


def test_news_dev_consult_direction_may_be_swapped():
    g = gold(g_event("e1", "CONSULT", ["tovik"], ["brandt"]),
             g_event("e2", "ACCUSE", ["tovik"], ["brandt"]))
    d = doc((TOVIK, BRANDT), (event("x1", "CONSULT", ("p2",), ("p1",)),
                               event("x2", "ACCUSE", ("p2",), ("p1",))))
    for strict in (True, False):
        m = match_events(d, g, match_table(d, g), strict=strict)
        assert m.pairs == {0: "e1"}
        assert m.false == [1] and m.missed == ["e2"]


def test_news_dev_second_event_for_one_gold_event_counts_against_precision():
    g = gold(g_event("e1", "CONSULT", ["tovik"], ["brandt"]))
    d = doc((TOVIK, BRANDT), (event("x1", "CONSULT", ("p1",), ("p2",)),
                               event("x2", "CONSULT", ("p1",), ("p2",))))
    report = report_outcomes([score_article(g, d)])
    strict = report.scores[0]
    assert (strict.tp, strict.fp, strict.fn) == (1, 1, 0)
    assert report.metric("events_strict.precision") == 0.5
    assert report.metric("strict.CONSULT.precision") == 0.5
    assert score_article(g, d).strict.duplicates == {1: ["e1"]}


def test_news_dev_alternatives_count_as_right():
    g = gold(g_event("e1", "CONCEDE", ["tovik"], ["brandt"], type_alternatives=["AGREE"],
                     source_alternatives=[["norway"]], target_alternatives=[[]]))
    norway = actor("c1", "Norway", kind="country", country="NOR")
    d = doc((TOVIK, norway), (event("x1", "AGREE", ("c1",)),))
    m = match_events(d, g, match_table(d, g), strict=True)
    assert m.pairs == {0: "e1"}
    wrong_type = doc((TOVIK, norway), (event("x1", "REJECT", ("c1",)),))
    assert match_events(wrong_type, g, match_table(wrong_type, g), strict=True).missed == ["e1"]


def test_news_dev_required_events_are_matched_first():
    g = gold(g_event("e1", "ASSAULT", ["norway"], [], optional=True),
             g_event("e2", "ASSAULT", ["tovik"], []))
    d = doc((TOVIK,), (event("x1", "ASSAULT", ("p1",)),))
    m = match_events(d, g, match_table(d, g), strict=False)  # x1 fits both by country
    assert m.pairs == {0: "e2"} and m.missed == []


def test_news_dev_country_level_compares_countries():
    g = gold(g_event("e1", "CONSULT", ["tovik"], ["brandt"]))
    stranger = actor("p3", "Ida Lund", country="NOR")
    d = doc((stranger, BRANDT), (event("x1", "CONSULT", ("p3",), ("p2",)),))
    table = match_table(d, g)
    assert match_events(d, g, table, strict=True).missed == ["e1"]
    assert match_events(d, g, table, strict=False).pairs == {0: "e1"}
    elsewhere = doc((actor("p3", "Ida Lund", country="SWE"), BRANDT),
                    (event("x1", "CONSULT", ("p3",), ("p2",)),))
    assert match_events(elsewhere, g, match_table(elsewhere, g), strict=False).missed == ["e1"]


def test_news_dev_report_measures_actors_dates_places_and_quiet_articles():
    g = gold(g_event("e1", "CONSULT", ["tovik"], ["brandt"], date="2021-05-03", place="Oslo"))
    oslo = Place(id="pl1", start=47, end=51, text="Oslo", name="Oslo", country="NOR",
                 lat=59.9, lon=10.7, feature="city")
    when = Time(start=55, end=65, text="3 May 2021", value="2021-05-03")
    d = doc((TOVIK, actor("p2", "Brandt", country="AUT")),
            (event("x1", "CONSULT", ("p1",), ("p2",), date="2021-05-03", date_text="3 May 2021",
                   place="pl1"),), places=(oslo,), times=(when,))
    quiet_gold = {"article": {"id": "a2"}, "actors": [], "events": [], "times": []}
    quiet = Document(article=Article(id="a2", text="Rain.", published=None))
    report = report_outcomes([score_article(g, d), score_article(quiet_gold, quiet)])
    assert report.metric("events_strict.f1") == 1.0
    assert report.metric("events_country.f1") == 0.0  # the target's country is wrong
    assert report.metric("actor_country_accuracy") == 0.25  # of 4: Tovik right, Brandt wrong country
    assert report.metric("no_event_articles_clean") == 1.0
    assert report.metric("dates_scored") == 0.0  # dates and places are read on country matches
    same_country = doc((TOVIK, BRANDT), d.events, places=(oslo,), times=(when,))
    report = report_outcomes([score_article(g, same_country)])
    assert report.metric("dates_recall") == report.metric("dates_precision") == 1.0
    assert report.metric("places_recall") == report.metric("places_precision") == 1.0


def test_news_dev_times_without_publication_date_score_absolute_expressions_only():
    times = [{"text": "3 May 2021", "value": "2021-05-03"}, {"text": "Friday", "value": "2021-05-07"}]
    produced = (Time(start=55, end=65, text="3 May 2021", value="2021-05-03"),
                Time(start=TEXT.index("Friday"), end=TEXT.index("Friday") + 6, text="Friday",
                     value="2021-05-14"))
    dated = score_article(gold(times=times), doc((), (), times=produced)).times["timex_value"]
    assert (dated.tp, dated.fp, dated.fn) == (1, 1, 1)
    undated = score_article(gold(times=times), doc((), (), published=None, times=produced))
    value = undated.times["timex_value"]
    assert (value.tp, value.fp, value.fn) == (1, 0, 0)


def test_news_dev_misses_name_missed_and_false_events():
    g = gold(g_event("e1", "CONSULT", ["tovik"], ["brandt"]))
    d = doc((TOVIK, BRANDT), (event("x1", "ACCUSE", ("p1",), ("p2",)),))
    text = "\n".join(misses([score_article(g, d)]))
    assert "MISS  e1 CONSULT Maren Tovik (NOR) -> Olek Brandt (DEU)" in text
    assert "eventwire here: ACCUSE Maren Tovik (NOR) -> Brandt (DEU)" in text
    assert "FALSE ACCUSE Maren Tovik (NOR) -> Brandt (DEU)" in text
    assert misses([score_article(g, d)], event_type="SUPPORT") == []


@pytest.mark.model
@pytest.mark.shared
def test_news_dev_scores_the_real_set(nlp):
    from eventwire.evaluate import run_gold_set

    require_shared("data", "news_dev", "news_dev.jsonl")
    report = run_gold_set("news-dev", limit=5)
    assert report.metric("articles") == 5.0
    assert 0.0 <= report.metric("events_strict.f1") <= 1.0


def test_news_dev_each_report_is_paired_with_the_gold_its_own_words_state():
    # two protests in two sentences: either pairing counts the same, but the dates compared
    # are those of the gold event each report states
    second = TEXT.index("The Harbour Guild")
    g = gold(g_event("e1", "PROTEST", ["guild"], [], date="2021-05-03", evidence="Oslo on 3 May"),
             g_event("e2", "PROTEST", ["guild"], [], date="2021-04-30",
                     evidence="The Harbour Guild protested on Friday"))
    on_friday = Event(id="x2", type="PROTEST", source=("o1",), date="2021-04-30",
                      evidence=Evidence(start=second, end=len(TEXT), text=TEXT[second:]),
                      trigger=Span(start=second + 18, end=second + 27))
    in_oslo = event("x1", "PROTEST", ("o1",), date="2021-05-03",
                    trigger=Span(start=TEXT.index("met"), end=TEXT.index("met") + 3))
    for order in ((on_friday, in_oslo), (in_oslo, on_friday)):
        report = report_outcomes([score_article(g, doc((GUILD,), order))])
        assert report.metric("events_strict.f1") == 1.0
        assert report.metric("dates_precision") == report.metric("dates_recall") == 1.0


def test_news_dev_a_report_of_no_gold_event_does_not_take_a_pairing_from_its_own_report():
    # three reports, two gold events: the report whose words state neither is the one left
    # over, however the augmenting paths of the matching run
    second = TEXT.index("The Harbour Guild")
    oslo = TEXT.index("in Oslo")
    g = gold(g_event("e1", "PROTEST", ["guild"], [], date="2021-05-03", evidence="Minister Maren Tovik"),
             g_event("e3", "PROTEST", ["guild"], [], date="2021-04-30",
                     evidence="The Harbour Guild protested on Friday"))
    first = event("x0", "PROTEST", ("o1",), date="2021-05-03", trigger=Span(start=0, end=8))
    vague = Event(id="x1", type="PROTEST", source=("o1",), date="2020-01-01",
                  evidence=Evidence(start=oslo, end=second - 1, text=TEXT[oslo:second - 1]),
                  trigger=Span(start=oslo, end=oslo + 2))
    friday = Event(id="x2", type="PROTEST", source=("o1",), date="2021-04-30",
                   evidence=Evidence(start=second, end=len(TEXT), text=TEXT[second:]),
                   trigger=Span(start=second + 18, end=second + 27))
    report = report_outcomes([score_article(g, doc((GUILD,), (first, vague, friday)))])
    assert report.metric("dates_precision") == report.metric("dates_recall") == 1.0

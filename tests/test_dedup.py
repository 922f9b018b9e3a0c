"""Deduplication across articles: reports of one real-world event become one story.

The matching rules are tested on reports built by hand (no model), each with the negative
that must stay apart; the store tests write hand-built documents; the model tests run the real
pipeline on BBC articles and copies of them generated at test time.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from eventwire.dedup import (
    Report,
    Story,
    actor_keys,
    agree,
    assign,
    content_words,
    fits,
    normalise_name,
    person_name,
    place_keys,
    reports_of,
)
from eventwire.records import (
    Actor,
    Article,
    Document,
    Event,
    Evidence,
    Mention,
    Place,
    Span,
)
from eventwire.registry import Registry, actor_key
from eventwire.store import Store

# --- actors and reports, as the stages would code them ---------------------------------------

BLAIR = Actor(id="blair", name="Tony Blair", kind="person", country="GBR", sector="GOV",
              role="Prime Minister")
BROWN = Actor(id="brown", name="Gordon Brown", kind="person", country="GBR", sector="GOV",
              role="Chancellor")
NICK_BROWN = Actor(id="nbrown", name="Nick Brown", kind="person", country="GBR", sector="LEG")
MR_BLAIR = Actor(id="mrblair", name="Mr Blair", kind="person", country="GBR")
PM = Actor(id="pm", name="Prime Minister", kind="person", country="GBR", sector="GOV",
           role="Prime Minister")
CHANCELLOR = Actor(id="ch", name="Chancellor", kind="person", country="GBR", sector="GOV",
                   role="Chancellor")
GOVERNMENT = Actor(id="gov", name="Government", kind="organization", country="GBR",
                   sector="GOV")
BRITISH_GOVERNMENT = Actor(id="bgov", name="British Government", kind="organization",
                           country="GBR", sector="GOV")
PEOPLE = Actor(id="people", name="British people", kind="group", country="GBR", sector="CVL")
TORIES = Actor(id="tories", name="Conservative Party", kind="organization", country="GBR",
               sector="PTY")
FRANCE = Actor(id="fra", name="France", kind="country", country="FRA")
SHARON = Actor(id="sharon", name="Ariel Sharon", kind="person", country="ISR", sector="GOV")
MUSHARRAF = Actor(id="mush", name="Pervez Musharraf", kind="person", country="PAK",
                  sector="GOV")
LONDON = Place(id="p1", start=0, end=6, text="London", name="London", country="GBR",
               lat=51.5, lon=-0.12, geonames_id=2643743, feature="city")
LEEDS = Place(id="p1", start=0, end=5, text="Leeds", name="Leeds", country="GBR",
              lat=53.8, lon=-1.55, geonames_id=2644688, feature="city")
BRITAIN = Place(id="p1", start=0, end=7, text="Britain", name="United Kingdom", country="GBR",
                lat=54.0, lon=-2.0, geonames_id=2635167, feature="country")
ROME = Place(id="p1", start=0, end=4, text="Rome", name="Rome", country="ITA", lat=41.9,
             lon=12.5, geonames_id=3169070, feature="city")

BILL = "Tony Blair defended the anti-terror bill and its control orders in the Commons."


def doc(article_id: str, text: str, sources: tuple[Actor, ...] = (BLAIR,),
        targets: tuple[Actor, ...] = (), *, published: date | None = date(2005, 3, 1),
        type_: str = "SUPPORT", mode: str | None = None, when: str | None = None,
        place: Place | None = None, modality: str = "asserted", outlet: str | None = None,
        trigger: str | None = None) -> Document:
    """One article with one event whose evidence is its whole text."""
    span = None
    if trigger:
        start = text.index(trigger)
        span = Span(start=start, end=start + len(trigger))
    event = Event(id="e1", type=type_, mode=mode, source=tuple(a.id for a in sources),
                  target=tuple(a.id for a in targets), date=when,  # type: ignore[arg-type]
                  place=place.id if place else None, modality=modality, trigger=span,
                  evidence=Evidence(start=0, end=len(text), text=text))
    return Document(article=Article(id=article_id, text=text, published=published,
                                    source=outlet),
                    actors=tuple(dict.fromkeys((*sources, *targets))), events=(event,),
                    places=(place,) if place else ())


def rep(*args: Any, **kwargs: Any) -> Report:
    (out,) = reports_of(doc(*args, **kwargs).to_dict())
    return out


# --- keys --------------------------------------------------------------------------------------

def test_dedup_normalise_name_drops_case_accents_punctuation() -> None:
    assert normalise_name("The  Élysée Palace.") == "elysee palace"
    assert normalise_name(None) == ""


def test_dedup_actor_keys_are_identities_not_country_and_sector() -> None:
    assert actor_keys(BLAIR.to_dict()) == {"n:tony blair", "s:blair", "g:GBR",
                                           "r:GBR/prime minister", "c:GBR"}
    assert actor_keys(MR_BLAIR.to_dict()) == {"n:blair", "s:blair", "m:blair", "c:GBR"}
    # a title is an office, not a name; a generic group is only its country
    assert actor_keys(PM.to_dict()) == {"r:GBR/prime minister", "g:GBR", "c:GBR", "k:GBR/GOV"}
    assert actor_keys(BRITISH_GOVERNMENT.to_dict()) == {"g:GBR", "c:GBR", "k:GBR/GOV"}
    assert actor_keys(PEOPLE.to_dict()) == {"c:GBR", "k:GBR/CVL"}
    assert actor_keys(TORIES.to_dict()) == {"n:conservative party", "c:GBR"}
    assert actor_keys(FRANCE.to_dict()) == {"g:FRA", "c:FRA"}


def test_dedup_a_person_goes_by_their_actor_key() -> None:
    keyed = replace(MR_BLAIR, actor_key="tony-blair@GBR")
    assert person_name(keyed.to_dict()) == "tony blair"
    assert actor_keys(keyed.to_dict()) == {"n:tony blair", "s:blair", "m:blair", "c:GBR"}
    # without a key, the article's name; an organisation goes by its name either way
    assert person_name(MR_BLAIR.to_dict()) == ""
    lib_dems = Actor(id="ld", name="The Lib Dems", kind="person", country="GBR",
                     actor_key=actor_key("The Lib Dems", "GBR"))
    assert person_name(lib_dems.to_dict()) == "lib dems"
    assert actor_keys(lib_dems.to_dict()) == actor_keys(replace(lib_dems, actor_key=None)
                                                         .to_dict())
    tories = replace(TORIES, actor_key="tories@GBR")
    assert actor_keys(tories.to_dict()) == actor_keys(TORIES.to_dict())
    # a key that only hashes a name without Latin letters says less than the name itself
    putin = Actor(id="p", name="Владимир Путин", kind="person", country="RUS",
                  actor_key=actor_key("Владимир Путин", "RUS"))
    assert putin.actor_key and putin.actor_key.startswith("x")
    assert actor_keys(putin.to_dict()) == {"n:владимир путин", "s:путин", "c:RUS"}


def test_dedup_the_actor_key_is_one_identity_across_articles() -> None:
    president = Actor(id="bush", name="President Bush", kind="person", country="USA",
                      sector="GOV", role="President")
    george = replace(president, id="gwb", name="George W Bush")
    father = replace(president, id="ghwb", name="George H W Bush")
    mr_bush = replace(president, id="mr", name="Mr Bush", role=None, sector=None)
    a_text = "President Bush defended the tax cuts in a speech in Ohio."
    b_text = "George W Bush defended his tax cuts in a speech in Ohio."
    # by the names alone: two full names of one surname, two people
    assert agree(rep("a", a_text, (president,)), rep("b", b_text, (george,))) is None
    # the actor key (the dictionary's entry) says they are one
    gwb = actor_key("George W Bush", "USA")
    a = rep("a", a_text, (replace(president, actor_key=gwb),))
    b = rep("b", b_text, (replace(george, actor_key=gwb),))
    assert agree(a, b) is not None
    # and "Mr Bush" whose key is the son is not the father, which his surname alone allowed
    c_text = "George H W Bush defended the tax cuts in a speech in Ohio."
    assert agree(rep("m", a_text, (mr_bush,)), rep("c", c_text, (father,))) is not None
    keyed = rep("m", a_text, (replace(mr_bush, actor_key=gwb),))
    older = rep("c", c_text, (replace(father, actor_key=actor_key("George H W Bush", "USA")),))
    assert agree(keyed, older) is None
    assert agree(keyed, b) is not None


def test_dedup_the_registry_keys_join_one_person_across_articles() -> None:
    """The real thing beside the hand-set keys: the registry gives each article's actor its
    key, and the store's stories follow it."""
    tony = replace(BLAIR, country_source="text",
                   mentions=(Mention(start=0, end=10, text="Tony Blair"),))
    mr = replace(MR_BLAIR, country=None, mentions=(Mention(start=0, end=8, text="Mr Blair"),))
    docs = [doc("a", "Tony Blair defended the anti-terror bill and its control orders.", (tony,)),
            doc("b", "Mr Blair defended the control orders of his anti-terror bill.", (mr,))]
    registry = Registry()
    completed = [registry.complete(d) for d in docs]
    assert [a.actor_key for d in completed for a in d.actors] == ["tony-blair@GBR"] * 2
    assert person_name(completed[1].actors[0].to_dict()) == "tony blair"
    with Store() as store:
        store.write_batch(completed)
        assert "n:tony blair" in {r["key"] for r in store.query(
            "SELECT key FROM story_keys WHERE article_id = 'b'")}
        assert store.count("stories") == 1


def test_dedup_content_words_leave_out_function_words_actors_and_stem() -> None:
    words = content_words("Mr Blair said he would defend the elections of the Commons.",
                          ["Tony Blair"])
    assert words == {"defend", "electi", "common"}
    assert content_words(None) == frozenset()


def test_dedup_reports_read_periods_of_every_precision() -> None:
    day = rep("a", BILL, when="2005-02-27")
    assert (day.start, day.end) == (date(2005, 2, 27), date(2005, 2, 27))
    week = rep("a", BILL, when="2005-W09")
    assert (week.start, week.end) == (date(2005, 2, 28), date(2005, 3, 6))
    month = rep("a", BILL, when="2005-02")
    assert (month.start, month.end) == (date(2005, 2, 1), date(2005, 2, 28))
    year = rep("a", BILL, when="2004")
    assert (year.start, year.end) == (date(2004, 1, 1), date(2004, 12, 31))
    undated = rep("a", BILL, when=None)  # the publication day
    assert (undated.start, undated.end) == (date(2005, 3, 1), date(2005, 3, 1))
    past = rep("a", BILL, when="PAST_REF")
    assert past.start == date(2005, 3, 1)
    assert rep("a", BILL, published=None).start is None


def test_dedup_report_keys_round_trip() -> None:
    report = rep("a", BILL, targets=(TORIES,), mode="defend", when="2005-W09", place=LONDON,
                 outlet="bbc")
    back = Report.from_keys("a", "e1", report.type, report.modality, report.keys())
    fields = ("mode", "start", "end", "outlet", "source", "target", "places", "words",
              "evidence")
    assert all(getattr(back, f) == getattr(report, f) for f in fields)


# --- agree: one rule at a time, each with its negative -----------------------------------------

def test_dedup_same_person_same_event_agrees() -> None:
    other = rep("b", "Blair again defended his anti-terror bill, with its control orders.",
                (MR_BLAIR,), published=date(2005, 3, 2))
    assert agree(rep("a", BILL), other) is not None


def test_dedup_same_country_and_sector_alone_is_no_identity() -> None:
    """The issue's case: an anti-terror bill and an EU rebate by "the British government"
    are two events; generic groups of one country never match on their own."""
    bill = rep("a", "The British government defended the anti-terror bill in the Commons.",
               (BRITISH_GOVERNMENT,))
    rebate = rep("b", "The British government defended the EU rebate at the summit.",
                 (BRITISH_GOVERNMENT,))
    assert agree(bill, rebate) is None
    people = "British people protested against the anti-terror bill in London."
    a = rep("a", people, (PEOPLE,), type_="PROTEST")
    b = rep("b", people.replace("London", "Leeds"), (PEOPLE,), type_="PROTEST")
    assert agree(a, b) is None  # the same words, but no one identified: not enough
    # the same government acting on the same bill is one event
    again = rep("c", "The government defended its anti-terror bill in the Commons.",
                (GOVERNMENT,))
    assert agree(bill, again) is not None


def test_dedup_a_generic_group_is_one_at_one_site() -> None:
    """Police arresting protesters in one city on one day: the same police, the same event;
    in another city, or with no city named, no identity."""
    police = Actor(id="pol", name="Police", kind="organization", country="CHL", sector="COP")
    santiago = replace(LONDON, name="Santiago", country="CHL", geonames_id=3871336)
    chile = replace(BRITAIN, name="Chile", country="CHL", geonames_id=3895114)
    a = rep("a", "Police arrested 40 protesters in Santiago after clashes near the palace.",
            (police,), type_="COERCE", place=santiago, trigger="arrested")
    b = rep("b", "Chilean police arrested dozens of protesters in Santiago, witnesses said.",
            (police,), type_="COERCE", place=santiago, trigger="arrested",
            published=date(2005, 3, 2))
    assert agree(a, b) is not None
    assert agree(a, replace(b, places=place_keys(chile.to_dict()))) is None
    assert agree(replace(a, places=frozenset()), replace(b, places=frozenset())) is None


def test_dedup_a_generic_target_or_region_is_no_identity() -> None:
    """The victims of two bombings in one city are not one group; nor is an army in a
    region (a strip, a province) one unit."""
    people = Actor(id="ppl", name="people", kind="group", country="IRQ", sector="CVL")
    army = Actor(id="army", name="Israeli Army", kind="organization", country="ISR",
                 sector="MIL")
    baghdad = replace(LONDON, name="Baghdad", country="IRQ", geonames_id=98182)
    gaza = replace(LONDON, name="Gaza Strip", country="PSE", geonames_id=7303868,
                   feature="region")
    a = rep("a", "A car bomb outside the education ministry in Baghdad killed six people.",
            (), (people,), type_="ASSAULT", place=baghdad)
    b = rep("b", "A car bomb near a police patrol on a busy Baghdad street killed people.",
            (), (people,), type_="ASSAULT", place=baghdad)
    assert agree(a, b) is None
    c = rep("c", "The Israeli army killed three gunmen in an air strike in Gaza.", (army,),
            type_="ASSAULT", place=gaza)
    d = rep("d", "The Israeli army killed five gunmen in a raid in Gaza.", (army,),
            type_="ASSAULT", place=gaza)
    assert agree(c, d) is None


def test_dedup_surnames_fold_unless_full_names_differ() -> None:
    a = rep("a", "Gordon Brown defended the budget plans and tax credits.", (BROWN,))
    bare = rep("b", "Brown defended the budget plans and the tax credits.",
               (Actor(id="b", name="Brown", kind="person", country="GBR"),))
    nick = rep("c", "Nick Brown defended the budget plans and tax credits.", (NICK_BROWN,))
    assert agree(a, bare) is not None
    assert agree(a, nick) is None
    mr = rep("d", "Mr Blair defended the budget plans and the tax credits.", (MR_BLAIR,))
    mrs = rep("e", "Mrs Blair defended the budget plans and the tax credits.",
              (replace(MR_BLAIR, name="Mrs Blair"),))
    assert agree(mr, rep("f", "Tony Blair defended the budget plans and tax credits.")) \
        is not None
    assert agree(mr, mrs) is None  # one surname, two people


def test_dedup_offices_match_their_holder_never_another_office() -> None:
    brown = rep("a", "Gordon Brown defended the budget plans and tax credits.", (BROWN,))
    office = rep("b", "The chancellor defended the budget plans and tax credits.", (CHANCELLOR,))
    prime = rep("c", "The prime minister defended the budget plans and tax credits.", (PM,))
    assert agree(brown, office) is not None
    assert agree(brown, prime) is None
    assert agree(office, prime) is None


def test_dedup_a_state_and_its_government_act_as_one() -> None:
    a = rep("a", "France recalled its ambassador over the nuclear tests.", (FRANCE,),
            type_="REDUCE")
    b = rep("b", "France has recalled its ambassador after the nuclear tests.", (FRANCE,),
            type_="REDUCE")
    assert agree(a, b) is not None


def test_dedup_participants_that_contradict_are_another_event() -> None:
    sharon = rep("a", "Blair held talks with Ariel Sharon on the peace process.", (BLAIR,),
                 (SHARON,), type_="CONSULT")
    musharraf = rep("b", "Blair held talks with Pervez Musharraf on the peace process.",
                    (BLAIR,), (MUSHARRAF,), type_="CONSULT")
    assert agree(sharon, musharraf) is None
    alone = rep("c", "Blair held talks on the peace process in London.", (BLAIR,),
                type_="CONSULT")
    assert agree(sharon, alone) is not None  # one names more, none contradicts


@pytest.mark.parametrize("change", ["type", "mode", "modality", "target"])
def test_dedup_another_type_mode_modality_or_target_is_another_event(change: str) -> None:
    first = rep("a", BILL, targets=(TORIES,), mode="defend")
    kwargs: dict[str, Any] = {"targets": (TORIES,), "mode": "defend"}
    kwargs.update({"type": {"type_": "ACCUSE"}, "mode": {"mode": "praise"},
                   "modality": {"modality": "intended"},
                   "target": {"targets": (FRANCE,)}}[change])
    reworded = BILL.replace("Tony", "Mr")  # the same sentence word for word always agrees
    assert agree(first, rep("b", reworded, **kwargs)) is None
    assert agree(first, rep("b", reworded, targets=(TORIES,), mode="defend")) is not None


def test_dedup_dates_compare_at_the_precision_known() -> None:
    first = rep("a", BILL, when="2005-02-27")
    text = BILL.replace("Tony", "Mr")
    assert agree(first, rep("b", text, when="2005-03-02")) is not None  # 3 days
    assert agree(first, rep("b", text, when="2005-03-04")) is None  # 5 days
    assert agree(first, rep("b", text, when="2005-02")) is not None  # in that month
    assert agree(first, rep("b", text, when="2005-W09")) is not None  # the next week
    assert agree(first, rep("b", text, when="2004")) is None  # another year
    assert agree(first, rep("b", text, when="2005-04")) is None
    assert agree(first, rep("b", text, when="2005-03-04"), window=5) is not None
    # two sentences that each name their day, in other words: the same day or two events
    told = "Blair told MPs the anti-terror bill and its control orders would pass."
    assert agree(first, rep("c", told, when="2005-02-27")) is not None
    assert agree(first, rep("c", told, when="2005-02-28")) is None
    assert agree(first, rep("c", told, published=date(2005, 2, 28))) is not None  # undated


def test_dedup_a_copied_sentence_is_a_reprint_at_any_date() -> None:
    first = rep("a", BILL, when="2005-02-27")
    assert agree(first, rep("b", BILL, published=date(2005, 5, 2))) is not None
    short = "Blair defended the bill."  # a stock phrase recurs by chance
    assert agree(rep("a", short), rep("b", short, published=date(2005, 5, 2))) is None
    # the reprint joins the story of the sentence it copies, whoever founded that story
    founder = rep("f", BILL.replace("Tony", "Mr"), when="2005-02-26")
    reprint = rep("r", BILL, published=date(2005, 5, 2))
    out = assign([founder, first, reprint], {})
    assert out[("f", "e1")] == out[("a", "e1")] == out[("r", "e1")]


def test_dedup_undated_reports_agree_only_on_the_same_or_nearly_the_same_sentence() -> None:
    a = rep("a", BILL, published=None)
    assert agree(a, rep("b", BILL.upper(), published=None)) is not None
    edited = BILL.replace("in the Commons", "to MPs")  # five of six content words the same
    assert agree(a, rep("c", edited, published=None)) is not None
    other = "Tony Blair defended the control orders of his home secretary."
    assert agree(a, rep("d", other, published=None)) is None


def test_dedup_a_near_copy_needs_no_identity_but_no_contradiction() -> None:
    strike = "Up to 2.3m nurses could join a national walkout planned for June."
    edited = "Up to 2.3 million nurses could join national walkouts planned for June."
    workers = Actor(id="w", name="workers", kind="group", country="GBR", sector="LAB")
    a = rep("a", strike, (workers,), type_="PROTEST")
    b = rep("b", edited, (workers,), type_="PROTEST", published=date(2005, 4, 20))
    assert agree(a, b) is not None  # no one identified, weeks apart: an edited reprint
    assert agree(a, rep("c", strike.replace("June", "July"), (workers,),
                        type_="PROTEST")) is None  # a strike set for another month
    blair = rep("d", edited, (BLAIR,), type_="PROTEST")
    people = rep("e", strike, (PEOPLE,), type_="PROTEST")
    assert agree(blair, people) is None  # the same words about someone else
    dated = rep("f", edited, (workers,), type_="PROTEST", when="2005-04-20")
    assert agree(rep("g", strike, (workers,), type_="PROTEST", when="2005-03-01"),
                 dated) is None  # each says when: another strike


def test_dedup_places_must_be_compatible() -> None:
    london = rep("a", BILL, place=LONDON)
    text = BILL.replace("Tony", "Mr")
    assert agree(london, rep("b", text, place=LEEDS)) is None  # two cities
    assert agree(london, rep("b", text, place=ROME)) is None
    assert agree(london, rep("b", text, place=BRITAIN)) is not None  # the city is in it
    assert agree(london, rep("b", text)) is not None  # no place named


def test_dedup_evidence_must_share_content_words_beyond_the_actors() -> None:
    bill = rep("a", BILL)
    rebate = rep("b", "Tony Blair defended the EU rebate at the Brussels summit.")
    assert agree(bill, rebate) is None
    # the trigger word says the type (already compared), so it is not evidence either
    a = rep("c", "Tony Blair defended the reforms against his critics.", trigger="defended")
    b = rep("d", "Tony Blair defended the reforms for the rail network.", trigger="defended")
    assert agree(a, b) is None


def test_dedup_unnamed_actors_need_more_shared_words() -> None:
    """Two finance ministers (no name) urging councils: a Welsh and a Scottish story."""
    minister = Actor(id="fm", name="Finance Minister", kind="person", country="GBR",
                     sector="GOV", role="Finance Minister")
    welsh = rep("a", "Welsh councils should keep taxes reasonable after a funding increase.",
                (GOVERNMENT,), type_="REQUEST")
    scottish = rep("b", "Councils in Scotland were urged to limit increases despite funding.",
                   (minister,), type_="REQUEST")
    assert agree(welsh, scottish) is None
    named = rep("b", "Councils in Scotland were urged to limit increases despite funding.",
                (BROWN,), type_="REQUEST")
    again = rep("a", "Welsh councils should keep taxes reasonable after a funding increase.",
                (BROWN,), type_="REQUEST")
    assert agree(again, named) is not None  # a named actor: two shared words suffice


def test_dedup_how_an_actor_is_named_is_no_evidence() -> None:
    """"Lib Dem leader" before the name is part of naming Kennedy, not of what he did."""
    kennedy = Actor(id="ck", name="Charles Kennedy", kind="person", country="GBR",
                    mentions=())
    iraq = "Lib Dem leader Charles Kennedy called for a review of the war."
    pause = "On Friday Lib Dem leader Charles Kennedy called for a delay to the reforms."
    a, b = (replace(doc(i, t, (kennedy,), type_="REQUEST"),
                    actors=(replace(kennedy, mentions=(Mention(
                        start=t.index("Charles"), end=t.index("Charles") + 15,
                        text="Charles Kennedy"),)),)) for i, t in (("a", iraq), ("b", pause)))
    ra, rb = (reports_of(d.to_dict())[0] for d in (a, b))
    assert not {"lib", "dem", "leader"} & ra.words
    assert agree(ra, rb) is None


def test_dedup_a_short_sentence_is_evidence_only_when_both_sides_are_named() -> None:
    one_word = rep("a", "Tony Blair and Geoff Hoon must ratify the decision.", (BLAIR,))
    long = rep("b", "Mr Blair welcomed the decision to overturn a law in Texas.", (MR_BLAIR,))
    assert agree(one_word, long) is None  # one shared word, one side named
    met = rep("a", "Tony Blair met Ariel Sharon.", (BLAIR,), (SHARON,), type_="CONSULT",
              trigger="met")
    talks = rep("b", "Blair held talks with Sharon in London.", (MR_BLAIR,),
                (replace(SHARON, name="Sharon"),), type_="CONSULT", trigger="held talks")
    assert agree(met, talks) is not None  # who met whom is the evidence


# --- fits and assign: how far a story may chain ----------------------------------------------

def test_dedup_a_report_must_agree_with_the_founder_or_a_majority() -> None:
    founder = rep("a", "Blair defended the anti-terror bill's control orders.", (BLAIR,))
    second = rep("b", "Blair defended the control orders and house arrest for suspects.",
                 (BLAIR,))
    third = rep("c", "Blair defended house arrest for suspects and curfews for them.",
                (BLAIR,))
    assert agree(founder, second) and agree(second, third) and agree(founder, third) is None
    story = Story.found(founder)
    story.join(founder)
    story.join(second)
    assert fits(third, story) is None  # one of two is no majority, and not the founder
    stories: dict[str, Story] = {}
    out = assign([founder, second, third], stories)
    assert out[("a", "e1")] == out[("b", "e1")] != out[("c", "e1")]


def test_dedup_a_story_spans_no_more_than_the_window() -> None:
    day = rep("a", BILL, when="2005-03-01")
    later = rep("b", BILL.replace("Tony", "Mr"), when="2005-03-04")
    last = rep("c", BILL.replace("Tony Blair", "Blair"), when="2005-03-06")  # 2 days from b
    out = assign([day, later, last], {})
    assert out[("a", "e1")] == out[("b", "e1")] != out[("c", "e1")]


def test_dedup_one_report_per_article_in_a_story() -> None:
    a = rep("a", BILL)
    same_article = replace(rep("a", BILL), event_id="e2")
    out = assign([a, same_article], {})
    assert out[("a", "e1")] != out[("a", "e2")]


def test_dedup_assign_does_not_depend_on_candidate_order() -> None:
    """Candidates come back from SQL in any order: ties go to the smaller story id."""
    founders = [rep("a", BILL), rep("b", BILL.replace("Commons", "Lords"), (MR_BLAIR,))]
    later = [rep("c", BILL.replace("Tony", "Mr")), rep("d", BILL.replace("in the", "at the"))]
    results = []
    for order in (founders, founders[::-1]):
        stories: dict[str, Story] = {}
        for f in order:
            stories[f.story_id] = Story.found(f)
            stories[f.story_id].join(f)
        results.append(assign(later, stories))
    assert results[0] == results[1]
    assert len(set(results[0].values())) == 1  # both join the same story


# --- the store ---------------------------------------------------------------------------------

def same_event_docs() -> list[Document]:
    """Three wordings of one statement, in three outlets, on two days."""
    return [
        doc("wire-1", "Tony Blair defended the anti-terror bill and its control orders in "
            "the Commons on Monday.", (BLAIR,), (TORIES,), when="2005-02-28", outlet="wire"),
        doc("paper-2", "Mr Blair defended his control orders as the anti-terror bill "
            "reached the Commons.", (MR_BLAIR,), published=date(2005, 3, 1), outlet="paper"),
        doc("blog-3", "The prime minister defended the control orders of the anti-terror "
            "bill.", (PM,), (TORIES,), published=date(2005, 3, 2), outlet="paper"),
    ]


def test_dedup_same_event_written_differently_is_one_story() -> None:
    with Store() as store:
        for d in same_event_docs():
            assert store.write(d)
        stories = store.query("SELECT * FROM stories")
        assert len(stories) == 1
        story = store.story(stories[0]["story_id"])
        assert story is not None
        assert story["n_reports"] == story["num_articles"] == 3
        assert story["num_sources"] == 2
        assert [r["article_id"] for r in story["reports"]] == ["wire-1", "paper-2", "blog-3"]
        assert (story["first_published"], story["last_published"]) == (
            date(2005, 3, 1), date(2005, 3, 2))
        assert story["source_name"] == "Tony Blair"
        assert store.story_of("blog-3", "e1") == story["story_id"]


@pytest.mark.parametrize("change", ["late", "type", "other_bill", "place", "generic"])
def test_dedup_different_event_is_another_story(change: str) -> None:
    first = same_event_docs()[0]
    other = {
        "late": doc("late", BILL, when="2005-03-10"),
        "type": doc("type", BILL, type_="ACCUSE", when="2005-02-28"),
        "other_bill": doc("other", "Tony Blair defended the EU rebate at the Brussels "
                          "summit.", when="2005-02-28"),
        "place": doc("place", BILL, when="2005-02-28", place=ROME),
        "generic": doc("generic", BILL.replace("Tony Blair", "British people"), (PEOPLE,),
                       when="2005-02-28"),
    }[change]
    with Store() as store:
        store.write(replace(first, places=(LONDON,),
                            events=(replace(first.events[0], place="p1"),)))
        store.write(other)
        assert store.count("stories") == 2


def test_dedup_story_ids_do_not_depend_on_batches() -> None:
    docs = same_event_docs() + [doc("late", BILL, when="2005-03-10")]
    with Store() as one, Store() as many:
        one.write_batch(docs)
        for d in docs:
            many.write(d)
        for table in ("stories", "story_reports", "story_keys"):
            sql = f"SELECT * FROM {table} ORDER BY ALL"
            assert one.query(sql) == many.query(sql)


def test_dedup_rebuild_gives_the_stories_of_writing() -> None:
    docs = same_event_docs()
    with Store() as live, Store(dedup=False) as later:
        live.write_batch(docs)
        live.settle()  # stories in article order (date, id), as a rebuild takes them
        later.write_batch(docs)
        assert later.count("stories") == 0
        assert later.dedup_pending() == 3
        sql = "SELECT * FROM stories"
        assert live.query(sql) == later.query(sql)
        assert later.dedup_pending() == 0
        assert later.dedup_pending(rebuild=True) == 3
        assert live.query(sql) == later.query(sql)


# --- the real thing: BBC articles through the pipeline ---------------------------------------

def _bbc(ids: set[str] | None = None, topic: str = "politics", n: int = 0) -> dict[str, Any]:
    import json

    from conftest import require_shared

    root = require_shared("data", "bbc_news")
    out = {}
    with open(root / "articles.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if (ids is not None and record["id"] in ids) or (
                    ids is None and record["topic"] == topic):
                out[record["id"]] = record
    if n:
        chosen = random.Random(15).sample(sorted(out), n)
        out = {k: out[k] for k in chosen}
    return out


@pytest.mark.model
@pytest.mark.shared
def test_dedup_bbc_duplicate_articles_share_their_stories(nlp: object) -> None:
    """The BBC set's byte-identical articles: every event of a copy joins the story of the
    same event in the kept article, and no story mixes in an unrelated article."""
    from conftest import require_shared

    from eventwire.pipeline import extract_many

    root = require_shared("data", "bbc_news")
    groups = [line.split("\t") for line in
              (root / "duplicate_groups.tsv").read_text(encoding="utf-8").splitlines()[1:9]]
    records = _bbc({i.strip() for group in groups for i in group})
    order = [i.strip() for group in groups for i in group]
    articles = [Article(id=i, text=records[i]["text"], title=records[i]["title"])
                for i in order]
    with Store() as store:
        store.write_batch(list(extract_many(articles, nlp=nlp)))  # type: ignore[arg-type]
        assert store.count("events") > 0
        for keep, *copies in groups:
            kept = store.query("SELECT evidence_start, type, story_id FROM events "
                               "WHERE article_id = ? ORDER BY ord", [keep])
            for copy in copies:
                got = store.query("SELECT evidence_start, type, story_id FROM events "
                                  "WHERE article_id = ? ORDER BY ord", [copy.strip()])
                assert got == kept
        mixed = store.query(
            """SELECT story_id FROM story_reports GROUP BY story_id
               HAVING count(DISTINCT (SELECT fingerprint FROM articles WHERE id = article_id)) > 1""")
        assert mixed == []


# Light edits made at test time: a few words changed, paragraphs reordered.
EDITS = ((" also ", " "), (" very ", " really "), ("However, ", "But "), (" but ", " yet "),
         (" said ", " stated "))


def edited(text: str) -> str:
    """The article with its paragraphs rotated by one and a few words changed."""
    paragraphs = text.split("\n\n")
    text = "\n\n".join(paragraphs[1:] + paragraphs[:1])
    for old, new in EDITS:
        text = text.replace(old, new, 1)
    return text


def _words(text: str) -> set[str]:
    return set(normalise_name(text).split())


@pytest.mark.model
@pytest.mark.shared
def test_dedup_copies_and_edited_copies_join_their_story(nlp: object) -> None:
    """Twenty BBC politics articles (a fixed random draw), each with a byte-identical copy and
    a lightly edited copy published the same day: at least 95% of the copies' events whose
    counterpart the extractor found again join the story of the original's event."""
    from eventwire.pipeline import extract_many

    records = _bbc(n=20)
    published = date(2005, 2, 1)
    articles = []
    for n, (aid, record) in enumerate(sorted(records.items())):
        day = published + timedelta(days=2 * n)  # two days apart: each its own news day
        articles += [Article(id=aid, text=record["text"], published=day),
                     Article(id=aid + "-copy", text=record["text"], published=day),
                     Article(id=aid + "-edit", text=edited(record["text"]), published=day)]
    with Store() as store:
        store.write_batch(list(extract_many(articles, nlp=nlp)))  # type: ignore[arg-type]
        rows = store.query("SELECT article_id, type, evidence_text, story_id FROM events")
    by_article: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_article.setdefault(row["article_id"], []).append(row)
    joined = total = 0
    for aid in records:
        originals = by_article.get(aid, [])
        for suffix in ("-copy", "-edit"):
            for event in by_article.get(aid + suffix, []):
                words = _words(event["evidence_text"])
                best = max(((len(words & _words(o["evidence_text"]))
                             / max(1, len(words | _words(o["evidence_text"]))), o)
                            for o in originals if o["type"] == event["type"]),
                           key=lambda pair: pair[0], default=None)
                if best is None or best[0] < 0.7:
                    continue  # the extractor read the edited sentence as another event
                total += 1
                joined += best[1]["story_id"] == event["story_id"]
    assert total > 80
    assert joined / total >= 0.95, (joined, total)


def test_dedup_story_purity_sample_is_judged_and_pure() -> None:
    """The hand-checked sample of eval/stories: every sampled story has a verdict in our own
    words, and at least 90% hold one event (issue 15's target)."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "eval" / "stories"
    for sample, verdicts, size, floor in (
            ("sample.tsv", "verdicts.tsv", 60, 0.9),
            ("before_sample.tsv", "before_verdicts.tsv", 60, 0.0),
            ("ag_sample.tsv", "ag_verdicts.tsv", 11, 0.9)):  # every multi-report story
        sampled = [ln.split("\t")[0] for ln in
                   (root / sample).read_text(encoding="utf-8").splitlines()[1:]]
        judged = {}
        for line in (root / verdicts).read_text(encoding="utf-8").splitlines()[1:]:
            story_id, verdict, reason = line.split("\t")
            assert verdict in ("one_event", "mixed") and 0 < len(reason) <= 120, line
            judged[story_id] = verdict
        assert len(sampled) == len(set(sampled)) == size and set(sampled) == set(judged)
        pure = sum(judged[s] == "one_event" for s in sampled) / len(sampled)
        assert pure >= floor, (sample, pure)

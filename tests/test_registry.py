"""The actor registry: what earlier articles stated completes later, barer ones."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from eventwire.records import Actor, Article, Document, Mention
from eventwire.registry import Registry, name_key


def _doc(aid: str, published: date, *actors: Actor) -> Document:
    return Document(article=Article(id=aid, text="x", published=published), actors=actors)


def _person(name: str, country: str | None, role: str | None, source: str | None) -> Actor:
    return Actor(id=name_key(name), name=name, kind="person", country=country, role=role,
                 sector="GOV" if role else None, country_source=source,
                 cameo=f"{country}GOV" if country else None,
                 mentions=(Mention(start=0, end=len(name), text=f"Chilean President {name}"),))


def test_registry_learns_stated_facts_and_fills_bare_mentions():
    reg = Registry()
    reg.learn(_doc("a1", date(2024, 1, 3), _person("Ana Torres", "CHL", "President", "text")))
    later = reg.enrich(_doc("a2", date(2024, 2, 1), _person("Torres", None, None, None)))
    [actor] = later.actors
    assert actor.country == "CHL" and actor.role == "President"
    assert actor.country_source == "registry"
    assert actor.name == "Ana Torres"


def test_registry_spreads_no_guess_and_text_wins():
    reg = Registry()
    reg.learn(_doc("a1", date(2024, 1, 3), _person("Luis Vega", "PER", None, "context")))
    entry = reg.lookup("Luis Vega")
    assert entry is not None and entry.country is None  # one article's context: no country
    reg.learn(_doc("a2", date(2024, 1, 4), _person("Luis Vega", "ECU", "Senator", "text")))
    assert reg.lookup("Luis Vega").country is None  # a1 placed him elsewhere: no consensus
    stated = _person("Luis Vega", "BOL", None, "text")
    assert reg.enrich(_doc("a3", date(2024, 1, 5), stated)).actors[0].country == "BOL"


def test_registry_roles_change_over_time_and_ambiguous_surnames_stay_bare():
    reg = Registry()
    reg.learn(_doc("a1", date(2020, 1, 1), _person("Mia Park", "KOR", "Foreign Minister", "text")))
    reg.learn(_doc("a2", date(2023, 1, 1), _person("Mia Park", "KOR", "Prime Minister", "text")))
    entry = reg.lookup("Mia Park")
    assert entry is not None and entry.role == "Prime Minister"
    assert entry.role_since == date(2023, 1, 1) and entry.first_seen == date(2020, 1, 1)
    reg.learn(_doc("a3", date(2023, 2, 1), _person("Jun Park", "PRK", "General", "text")))
    assert reg.lookup("Park") is None  # two people called Park: do not guess


def test_registry_is_learned_again_from_a_store(tmp_path):
    from eventwire.store import Store

    db = tmp_path / "r.duckdb"
    with Store(db) as store:
        store.write(_doc("a1", date(2024, 1, 3),
                         _person("Ana Torres", "CHL", "President", "text")))
        store.write(_doc("a2", date(2024, 1, 4), _person("Luis Vega", "PER", None, "context")))
    con = duckdb.connect(str(db), read_only=True)
    again = Registry.from_store(con)
    con.close()
    assert len(again) == 2
    assert again.search("torres")[0].country == "CHL"
    assert again.search("vega")[0].country is None  # placed by one article's context only
    assert again.search("president", country="CHL")[0].name == "Ana Torres"


def _office(name: str, country: str, role: str, mention: str, source: str = "text") -> Actor:
    return Actor(id=name_key(name), name=name, kind="person", country=country, role=role,
                 sector="COP", country_source=source,
                 mentions=(Mention(start=0, end=len(mention), text=mention),))


def test_registry_learns_no_role_nouns_and_spreads_no_single_inferred_country():
    reg = Registry()
    reg.learn(_doc("a1", date(2024, 1, 3),
                   _office("Kenyan Police Officer", "KEN", "Police Officer", "a Kenyan police officer"),
                   _office("Chinese President", "CHN", "President", "his Chinese counterpart"),
                   _office("Omar Haddad", "SDN", "Police Officer", "police officer Omar Haddad",
                           source="context")))
    assert reg.lookup("Kenyan Police Officer") is None and reg.lookup("Officer") is None
    assert reg.lookup("Chinese President") is None
    entry = reg.lookup("Omar Haddad")  # a named person with a stated role ...
    assert entry is not None and entry.role == "Police Officer"
    assert entry.country is None  # ... but the country was only inferred
    later = reg.enrich(_doc("a2", date(2024, 1, 4), _person("Officer", None, None, None)))
    assert later.actors[0].country is None  # another story's officer stays bare
    reg.learn(_doc("a3", date(2024, 1, 5), _person("Rosa Lind", "SWE", None, "text")))
    assert reg.lookup("Rosa Lind").country == "SWE"  # a named person, stated once, nowhere else



# --- storage order: the registry and stories depend on what is stored, not on when ----------

def _story_doc(aid: str, published: date, *actors: Actor) -> Document:
    """A report of one meeting of the first actor with Milei (the second)."""
    from eventwire.records import Event, Evidence

    text = f"{actors[0].name} met Javier Milei in Buenos Aires."
    event = Event(id="e1", type="CONSULT", mode="visit", source=(actors[0].id,),
                  target=(actors[1].id,), date=None, modality="asserted",
                  evidence=Evidence(start=0, end=len(text), text=text))
    return Document(article=Article(id=aid, text=text, published=published), actors=actors,
                    events=(event,))


MILEI = Actor(id="javier milei", name="Javier Milei", kind="person", country="ARG",
              sector="GOV", role="President", country_source="text", cameo="ARGGOV",
              mentions=(Mention(start=0, end=12, text="Argentine President Javier Milei"),))


def _corpus() -> list[Document]:
    """Torres is named bare before the article that says who she is, and after it."""
    return [
        _story_doc("a1", date(2024, 3, 1), _person("Torres", None, None, None), MILEI),
        _story_doc("a2", date(2024, 3, 2), _person("Ana Torres", "CHL", "President", "text"),
                   MILEI),
        _story_doc("a3", date(2024, 3, 3), _person("Torres", None, None, None), MILEI),
        _story_doc("a4", date(2024, 3, 20), _person("Torres", None, None, None), MILEI),
    ]


def _run(store: object, docs: list[Document]) -> None:
    """What ``eventwire extract --db`` does with documents, in the order they arrive."""
    from eventwire.registry import annotate
    from eventwire.store import Store

    assert isinstance(store, Store)
    registry = Registry.from_store(store.con)
    for doc in docs:
        done = registry.enrich(doc)
        registry.learn(done)
        store.write(annotate(doc, done))
    store.settle()


def _tables(store: object) -> dict[str, list[tuple[object, ...]]]:
    from eventwire.store import Store

    assert isinstance(store, Store)
    return {t: store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
            for t in ("actors", "stories", "story_reports", "story_keys", "events")}


def test_registry_and_stories_follow_article_order_not_storage_order():
    from eventwire.store import Store

    docs = _corpus()
    with Store() as whole, Store() as resumed, Store() as shuffled, Store() as cut:
        _run(whole, docs)
        _run(resumed, [docs[1], docs[3]])  # the batch of a1 and a3 failed ...
        _run(resumed, docs)  # ... and is stored last when the run is resumed
        for doc in reversed(docs):  # arrival order is not article order
            _run(shuffled, [doc])
        _run(cut, docs[:2])  # interrupted after two articles
        _run(cut, docs)
        expected = _tables(whole)
        assert _tables(resumed) == expected
        assert _tables(shuffled) == expected
        assert _tables(cut) == expected
        rows = dict(whole.con.execute(
            "SELECT article_id, country FROM actors WHERE actor_id = 'torres'").fetchall())
        # settled from the whole corpus: a1 came before a2 said who Torres is, and still knows
        assert rows == {"a1": "CHL", "a3": "CHL", "a4": "CHL"}
        assert whole.count("stories") == 2  # a1-a3 one meeting, a4 weeks later another


def test_registry_settle_keeps_what_was_extracted():
    import json

    from eventwire.store import Store

    docs = _corpus()
    with Store() as store:
        _run(store, [docs[1], docs[0]])
        country, source, extracted = store.con.execute(
            "SELECT country, country_source, extracted FROM actors "
            "WHERE article_id = 'a1' AND actor_id = 'torres'").fetchone()
        assert (country, source) == ("CHL", "registry")  # from a2, whatever the order
        assert json.loads(extracted)["country"] is None  # what a1 itself said, kept
        keys = {r[0] for r in store.con.execute(
            "SELECT actor_key FROM actors WHERE name = 'Ana Torres'").fetchall()}
        assert keys == {"ana-torres@CHL"}
        assert store.settle() == 0  # settling twice changes nothing
        _run(store, [])  # settled without the registry: back to what was extracted
        assert store.settle(registry=False) > 0
        assert store.con.execute("SELECT country, extracted FROM actors WHERE article_id = 'a1'"
                                 " AND actor_id = 'torres'").fetchone() == (None, None)


@pytest.mark.model
def test_registry_is_a_stage_of_the_library_corpus_path_as_of_the_cli(tmp_path, nlp):
    """extract_many(..., registry=Registry()) completes later articles as `eventwire extract`
    does: the same actors, countries and sources, from the same two texts of our own."""
    import json
    import subprocess
    import sys

    from eventwire.pipeline import extract_many

    texts = ["Chilean Foreign Minister Ana Torres met Peru's president in Lima on Monday.",
             "Minister Torres will visit Brazil next week, officials said."]
    arts = [Article(id=f"r{i}", text=t, published=date(2024, 5, i + 1)) for i, t in enumerate(texts)]
    library = [d for d in extract_many(arts, nlp=nlp, registry=Registry())
               if isinstance(d, Document)]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": a.id, "text": a.text,
                                          "published": a.published.isoformat()}) + "\n"
                              for a in arts), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    subprocess.run([sys.executable, "-m", "eventwire.cli", "-q", "extract", str(source),
                    "--out", str(out)], check=True, timeout=300)
    cli = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]

    def actors(doc: dict) -> list[tuple]:
        return sorted((a["name"], a["country"], a.get("country_source")) for a in doc["actors"])

    assert [actors(d.to_dict()) for d in library] == [actors(d) for d in cli]
    torres = [a for a in library[1].actors if a.name.endswith("Torres")]
    assert torres and torres[0].country == "CHL" and torres[0].country_source == "registry"


def test_registry_evidence_is_the_title_phrase_not_a_longer_extent():
    name = "Ana Torres"
    extent = "Chilean President Ana Torres and Peruvian President Luis Vega"
    actor = Actor(id=name_key(name), name=name, kind="person", country="CHL", role="President",
                  sector="GOV", country_source="text", cameo="CHLGOV",
                  mentions=(Mention(start=0, end=len(extent), text=extent),
                            Mention(start=0, end=27, text="Chilean President Ana Torres")))
    reg = Registry()
    reg.learn(_doc("a1", date(2024, 1, 3), actor))
    entry = reg.lookup(name)
    assert entry is not None and entry.evidence_text == "Chilean President Ana Torres"

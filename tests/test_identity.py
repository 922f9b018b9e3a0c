"""One identity per actor across a corpus (issue 15, part 2): which country the registry
spreads, how short names fold into full ones, the actor key, and the two mis-codings
("Liberal Democrats" as the US Democratic Party, shadow ministers as government)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from eventwire.records import Actor, Article, Document, Mention
from eventwire.registry import Registry, actor_key, person_key, surname_form

DAY = date(2005, 2, 1)


def _doc(aid: str, *actors: Actor, published: date = DAY) -> Document:
    return Document(article=Article(id=aid, text="x", published=published), actors=actors)


def _person(name: str, country: str | None, source: str | None, mention: str | None = None,
            role: str | None = None, also: str | None = None) -> Actor:
    texts = [mention or name] + ([also] if also else [])
    return Actor(id="p_" + name.replace(" ", "_").lower(), name=name, kind="person",
                 country=country, country_source=source, role=role,
                 sector="GOV" if role else None,
                 mentions=tuple(Mention(start=i * 100, end=i * 100 + len(t), text=t)
                                for i, t in enumerate(texts)))


# --- names ------------------------------------------------------------------------------------

def test_identity_names_fold_honorifics_and_key_like_the_api():
    assert person_key("Sir Menzies Campbell") == "menzies campbell"
    assert person_key("Mr Blair") == "blair" and person_key("Tony Blair") == "tony blair"
    assert surname_form("Mr Blair") == "Blair" and surname_form("Blair") == "Blair"
    assert surname_form("Sir Menzies Campbell") == "Campbell"
    assert surname_form("Tony Blair") is None
    assert actor_key("José Manuel Barroso", "prt") == "jose-manuel-barroso@PRT"
    assert actor_key("Liberal Democrats", None) == "liberal-democrats"


def test_identity_key_sql_and_python_agree():
    """``actor_key`` is the key ``store.reads`` computes from a row with no stored key, and
    the stored key wins where there is one."""
    import duckdb

    from eventwire.store.reads import KEY_X, KEY_X_COMPUTED

    con = duckdb.connect()
    con.execute("CREATE TABLE x (name VARCHAR, country VARCHAR, actor_key VARCHAR)")
    rows = [("Tony Blair", "GBR"), ("José Manuel Barroso", "PRT"), ("Mr. O'Neill", None),
            ("Liberal Democrats", None)]
    con.executemany("INSERT INTO x VALUES (?, ?, NULL)", rows)
    got = [r[0] for r in con.execute(f"SELECT {KEY_X_COMPUTED} FROM x").fetchall()]
    assert got == [actor_key(n, c) for n, c in rows]
    con.execute("INSERT INTO x VALUES ('Tony Blair', 'BEL', 'tony-blair@GBR')")
    keys = {r[0] for r in con.execute(f"SELECT {KEY_X} FROM x WHERE name = 'Tony Blair'").fetchall()}
    assert keys == {"tony-blair@GBR"}


# --- which country the registry spreads ---------------------------------------------------------

def test_identity_a_misread_country_in_one_article_is_not_spread():
    """One article reads the prime minister as Belgian; others state British or say nothing."""
    reg = Registry()
    reg.learn(_doc("a1", _person("Tony Blair", "GBR", "text", "British PM Tony Blair")))
    reg.learn(_doc("a2", _person("Tony Blair", "GBR", "text", "British PM Tony Blair")))
    reg.learn(_doc("a3", _person("Tony Blair", "BEL", "text", "a Brussels summit Tony Blair")))
    assert reg.lookup("Tony Blair").country == "GBR"
    [bare] = reg.enrich(_doc("a4", _person("Mr Blair", None, None))).actors
    assert (bare.name, bare.country, bare.country_source) == ("Tony Blair", "GBR", "registry")
    assert bare.actor_key == "tony-blair@GBR"


def test_identity_a_country_one_article_stated_is_not_spread_against_silence():
    reg = Registry()
    reg.learn(_doc("a1", _person("Ana Torres", None, None, "Ana Torres")))
    reg.learn(_doc("a2", _person("Ana Torres", "BEL", "text", "a Brussels summit Ana Torres")))
    assert reg.lookup("Ana Torres").country is None  # a1 said nothing: one article is not enough
    [later] = reg.enrich(_doc("a3", _person("Ana Torres", None, None))).actors
    assert later.country is None and later.actor_key == "ana-torres"
    reg.learn(_doc("a4", _person("Ana Torres", "BEL", "text", "Belgian minister Ana Torres")))
    assert reg.lookup("Ana Torres").country == "BEL"  # two articles state it


def test_identity_a_single_statement_spreads_when_no_other_article_saw_the_person():
    reg = Registry()
    reg.learn(_doc("a1", _person("Ana Torres", "CHL", "text", "Chilean President Ana Torres",
                                 role="President")))
    [later] = reg.enrich(_doc("a2", _person("Torres", None, None))).actors
    assert (later.name, later.country, later.role) == ("Ana Torres", "CHL", "President")


def test_identity_the_dictionary_country_is_never_contradicted():
    reg = Registry()
    reg.learn(_doc("a1", _person("Tony Blair", "GBR", "dictionary", "Tony Blair")))
    for aid in ("a2", "a3", "a4"):
        reg.learn(_doc(aid, _person("Tony Blair", "IRQ", "text", "Tony Blair in Baghdad")))
    assert reg.lookup("Tony Blair").country == "GBR"
    # the text's own country stays in its article, but the key is the dictionary's
    [stated] = reg.enrich(_doc("a5", _person("Tony Blair", "IRQ", "text"))).actors
    assert stated.country == "IRQ" and stated.actor_key == "tony-blair@GBR"


def test_identity_context_placements_spread_only_by_a_clear_majority():
    reg = Registry()
    reg.learn(_doc("a1", _person("Michael Howard", "GBR", "context")))
    reg.learn(_doc("a2", _person("Michael Howard", None, None)))
    assert reg.lookup("Michael Howard").country is None  # one article's context
    reg.learn(_doc("a3", _person("Michael Howard", "IRQ", "context")))
    entry = reg.lookup("Michael Howard")
    assert entry.country is None and entry.contested  # one each way: nothing prevails
    [guess] = reg.enrich(_doc("a4", _person("Michael Howard", "USA", "context"))).actors
    assert guess.country is None and guess.country_source is None  # a contested guess is dropped
    [said] = reg.enrich(_doc("a4", _person("Michael Howard", "USA", "text"))).actors
    assert said.country == "USA"  # what the text states stays
    reg.learn(_doc("a5", _person("Michael Howard", "GBR", "context")))
    assert reg.lookup("Michael Howard").country == "GBR"  # 2 of 3 placements, silence aside
    [placed] = reg.enrich(_doc("a6", _person("Michael Howard", "USA", "context"))).actors
    assert (placed.country, placed.country_source) == ("GBR", "registry")
    assert placed.actor_key == "michael-howard@GBR"
    reg.learn(_doc("a7", _person("Michael Howard", "USA", "context")))
    reg.learn(_doc("a8", _person("Michael Howard", "USA", "context")))
    assert reg.lookup("Michael Howard").country is None  # 2 of 5: no longer two thirds


def test_identity_what_the_registry_supplied_teaches_it_nothing():
    reg = Registry()
    reg.learn(_doc("a1", _person("Ana Torres", "CHL", "text", "Chilean Ana Torres")))
    done = reg.enrich(_doc("a2", _person("Ana Torres", None, None)))
    reg.learn(done)
    assert reg.lookup("Ana Torres").articles == 1


# --- surnames across the corpus ---------------------------------------------------------------

def test_identity_a_surname_folds_into_the_one_full_name_of_its_country_and_gender():
    reg = Registry()
    reg.learn(_doc("a1", _person("Tony Blair", "GBR", "dictionary", "Mr Blair", also="Tony Blair")))
    reg.learn(_doc("a2", _person("Cherie Blair", "GBR", "text", "Mrs Blair", also="Cherie Blair")))
    assert reg.lookup("Blair") is None  # two Blairs
    assert reg.lookup("Mr Blair").key == "tony blair"  # the honorific says which
    assert reg.lookup("Mrs Blair").key == "cherie blair"
    reg.learn(_doc("a3", _person("John Howard", "AUS", "text", "Australian PM John Howard")))
    reg.learn(_doc("a4", _person("John Howard", "AUS", "text", "Australian PM John Howard")))
    reg.learn(_doc("a5", _person("Michael Howard", "GBR", "text", "Tory leader Michael Howard")))
    reg.learn(_doc("a6", _person("Michael Howard", "GBR", "text", "Tory leader Michael Howard")))
    assert reg.lookup("Mr Howard") is None
    assert reg.lookup("Mr Howard", "GBR").key == "michael howard"  # the same country: one
    [bare] = reg.enrich(_doc("a7", _person("Mr Howard", "GBR", "text"))).actors
    assert (bare.name, bare.actor_key) == ("Michael Howard", "michael-howard@GBR")


def test_identity_role_nouns_are_nobody():
    reg = Registry()
    reg.learn(_doc("a1", _person("Prime Minister", "GBR", "text", "the Prime Minister",
                                 role="Prime Minister")))
    assert len(reg) == 0


# --- the two mis-codings, on records and on sentences --------------------------------------

def test_identity_shadow_offices_are_the_opposition():
    from eventwire.actors.phrases import _title_in
    from eventwire.lexicon import lexicon

    lex = lexicon()
    plain, _, _ = _title_in(["home", "secretary"], lex)
    shadow, _, _ = _title_in(["tory", "shadow", "home", "secretary"], lex)
    assert plain is not None and plain.sector == "GOV"
    assert shadow is not None and shadow.sector == "OPP" and shadow.role == "Shadow Home Secretary"
    unlisted, _, _ = _title_in(["conservative", "shadow", "culture", "secretary"], lex)
    assert unlisted is not None and unlisted.sector == "OPP"
    assert unlisted.role == "Shadow Culture Secretary"
    assert _title_in(["culture", "secretary"], lex)[0] is None  # no office the lexicon knows


@dataclass
class _Draft:
    key: str
    name: str
    kind: str = "organization"
    country: str | None = None
    sector: str | None = None
    other_sectors: tuple[str, ...] = ()
    role: str | None = None
    cameo: str | None = None
    mentions: dict[tuple[int, int], str] = field(default_factory=dict)
    inferred: bool = False


def test_identity_a_party_is_not_another_countrys_party_by_a_shared_word():
    from eventwire.actors.dictionary import unmatch_partial_name

    libdems = _Draft(key="org:democratic party", name="Democratic Party", country="USA",
                     sector="PTY", cameo="USAPTY",
                     mentions={(0, 21): "the Liberal Democrats", (30, 34): "they"})
    assert unmatch_partial_name(libdems)
    assert (libdems.name, libdems.country, libdems.cameo) == ("Liberal Democrats", None, None)
    ours = _Draft(key="org:democratic party", name="Democratic Party", country="USA",
                  sector="PTY", mentions={(0, 16): "the US Democrats", (20, 29): "Democrats"})
    assert not unmatch_partial_name(ours)
    assert ours.country == "USA"
    amnesty = _Draft(key="org:amnesty international", name="Amnesty International",
                     country="NGO", sector="SOC",
                     mentions={(0, 47): "Human rights organization Amnesty International"})
    assert not unmatch_partial_name(amnesty)  # a sentence's first word is no part of the name
    for mention, key in (("the UN World Food Program", "org:world food programme"),
                         ("The Congo-based Allied Democratic Forces",
                          "org:allied democratic forces")):
        known = _Draft(key=key, name=key[4:], country="UNO", mentions={(0, len(mention)): mention})
        assert not unmatch_partial_name(known), mention  # another body's name, a description
    maldives = _Draft(key="org:democratic party", name="Democratic Party", country="USA",
                      mentions={(0, 26): "Maldivian Democratic Party"})
    assert unmatch_partial_name(maldives)  # another country's demonym: another party


TEXTS = {
    "libdems": "The Liberal Democrats said the plan would fail. Charles Kennedy, leader of the "
               "Liberal Democrats, spoke in London.",
    "democrats": "The US Democrats criticised President George W Bush in Washington.",
    "shadow": "Shadow home secretary David Davis attacked the bill in the Commons in London. "
              "Tory shadow chancellor Oliver Letwin agreed.",
    "summit": "Prime Minister Tony Blair met French President Jacques Chirac in Brussels. "
              "Leaving a Brussels summit Mr Blair said Britain would keep its rebate.",
    "folding": "Health Secretary Patricia Hewitt visited a hospital in Leeds. Ms Hewitt said "
               "waiting lists had fallen. Hewitt later met nurses.",
}


def _extract(nlp: object, key: str) -> Document:
    from eventwire.pipeline import extract

    return extract(Article(id=key, text=TEXTS[key], published=DAY), nlp=nlp)


@pytest.mark.model
def test_identity_liberal_democrats_are_not_the_us_democratic_party(nlp):
    doc = _extract(nlp, "libdems")
    assert not any(a.country == "USA" for a in doc.actors)
    assert any(a.name == "Liberal Democrats" for a in doc.actors)
    us = _extract(nlp, "democrats")
    assert any(a.name == "Democratic Party" and a.country == "USA" for a in us.actors)


@pytest.mark.model
def test_identity_shadow_ministers_are_opposition_in_text(nlp):
    doc = _extract(nlp, "shadow")
    people = {a.name: a for a in doc.actors if a.kind == "person"}
    assert people["David Davis"].sector == "OPP"
    assert people["Oliver Letwin"].sector == "OPP"
    assert people["Oliver Letwin"].role == "Shadow Chancellor"


@pytest.mark.model
def test_identity_a_summit_city_is_not_the_country_of_mr_x_and_mr_x_folds(nlp):
    doc = _extract(nlp, "summit")
    blairs = [a for a in doc.actors if a.name.endswith("Blair")]
    assert len(blairs) == 1 and blairs[0].country == "GBR"
    assert any(m.text == "Mr Blair" for m in blairs[0].mentions)


@pytest.mark.model
def test_identity_ms_x_and_a_bare_surname_fold_into_the_full_name(nlp):
    doc = _extract(nlp, "folding")
    hewitts = [a for a in doc.actors if a.name.endswith("Hewitt")]
    assert [a.name for a in hewitts] == ["Patricia Hewitt"]
    assert {m.text for m in hewitts[0].mentions} >= {"Ms Hewitt", "Hewitt"}


@pytest.mark.model
def test_identity_one_key_for_one_person_over_a_small_corpus(nlp):
    from eventwire.pipeline import extract_many

    texts = ["Prime Minister Tony Blair spoke in London on Monday.",
             "Leaving a Brussels summit Mr Blair said Britain would keep its rebate.",
             "Mr Blair met Iraqi officials in Baghdad."]
    arts = [Article(id=f"k{i}", text=t, published=date(2005, 2, i + 1))
            for i, t in enumerate(texts)]
    docs = [d for d in extract_many(arts, nlp=nlp, registry=Registry())
            if isinstance(d, Document)]
    keys = {a.actor_key for d in docs for a in d.actors if a.name.endswith("Blair")}
    assert keys == {"tony-blair@GBR"}


# --- through the store and the API's reads ------------------------------------------------------

def _meeting(aid: str, published: date, person: Actor) -> Document:
    from eventwire.records import Event, Evidence

    text = f"{person.mentions[0].text} met Jacques Chirac."
    chirac = Actor(id="chirac", name="Jacques Chirac", kind="person", country="FRA",
                   country_source="text", mentions=(Mention(start=0, end=14, text="Jacques Chirac"),))
    event = Event(id="e1", type="CONSULT", source=(person.id,), target=("chirac",),
                  evidence=Evidence(start=0, end=len(text), text=text))
    return Document(article=Article(id=aid, text=text, published=published),
                    actors=(person, chirac), events=(event,))


def test_identity_one_key_in_the_store_and_the_api_reads():
    """Four articles name one man four ways, one of them misreads his country: the store
    keeps one key for him, and the API's reads find every article by it."""
    from eventwire.registry import annotate
    from eventwire.store import Store, reads
    from eventwire.store.registry_rows import people_keys

    docs = [
        _meeting("a1", date(2005, 1, 3), _person("Mr Blair", None, None)),  # before anyone said
        _meeting("a2", date(2005, 1, 4), _person("Tony Blair", "GBR", "dictionary",
                                                 "Prime Minister Tony Blair")),
        _meeting("a3", date(2005, 1, 5), _person("Tony Blair", "BEL", "text",
                                                 "a Brussels summit Tony Blair")),
        _meeting("a4", date(2005, 1, 6), _person("Blair", "IRQ", "context")),
    ]
    with Store() as store:
        registry = Registry.from_store(store.con)
        for doc in docs:
            store.write(annotate(doc, registry.complete(doc)))
        store.settle()
        people = {(r["article_id"], r["name"], r["country"], r["key"])
                  for r in people_keys(store.con) if "Blair" in r["name"]}
        assert people == {("a1", "Tony Blair", "GBR", "tony-blair@GBR"),
                          ("a2", "Tony Blair", "GBR", "tony-blair@GBR"),
                          ("a3", "Tony Blair", "BEL", "tony-blair@GBR"),  # the text's, kept
                          ("a4", "Tony Blair", "GBR", "tony-blair@GBR")}
        cur = store.con.cursor()
        found = reads.actor(cur, "tony-blair@GBR")
        assert found is not None and found["n_articles"] == 4
        assert reads.count_events(cur, reads.EventFilters(actor="tony-blair@GBR")) == 4
        assert reads.actor(cur, "tony-blair@BEL") is None


def test_identity_the_counting_script_finds_several_keys_and_countries():
    """``scripts/actor_keys.py`` (the issue's measure) on rows written by hand."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / "actor_keys.py"
    spec = importlib.util.spec_from_file_location("actor_keys", path)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)

    def row(aid: str, name: str, country: str | None, source: str | None, key: str) -> dict:
        return {"article_id": aid, "actor_id": "x", "name": name, "country": country,
                "country_source": source, "key": key}

    result = script.count([
        row("a1", "Tony Blair", "GBR", "dictionary", "tony-blair@GBR"),
        row("a2", "Mr Blair", "IRQ", "context", "mr-blair@IRQ"),  # counts for Tony Blair
        row("a3", "Ana Torres", "CHL", "text", "ana-torres@CHL"),
        row("a4", "Ana Torres", "CHL", "registry", "ana-torres@CHL"),
        row("a5", "Prime Minister", "GBR", "context", "prime-minister@GBR"),  # an office
    ])
    assert (result["people"], result["several_keys"], result["several_countries"]) == (2, 1, 1)
    assert result["worst"][0]["person"] == "tony blair"


def test_identity_a_statement_and_the_contexts_that_agree_with_it_spread():
    reg = Registry()
    reg.learn(_doc("a1", _person("Ana Torres", "CHL", "text", "Chilean Ana Torres")))
    reg.learn(_doc("a2", _person("Ana Torres", None, None, "Ana Torres")))  # silent
    assert reg.lookup("Ana Torres").country is None
    reg.learn(_doc("a3", _person("Ana Torres", "CHL", "context")))
    reg.learn(_doc("a4", _person("Ana Torres", "CHL", "context")))
    assert reg.lookup("Ana Torres").country == "CHL"  # two contexts agree with the statement
    reg.learn(_doc("a5", _person("Ana Torres", "PER", "text", "Peruvian Ana Torres")))
    assert reg.lookup("Ana Torres").country is None  # but not against another statement

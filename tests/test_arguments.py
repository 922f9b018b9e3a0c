"""Argument frames of eventwire.events.arguments, on records built by hand where they read
the actor table only, and with the model where they read the parse."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors import ActorTable
from eventwire.events.arguments import own_government
from eventwire.records import Actor

STATE = Actor(id="ken", name="Kenya", kind="country", country="KEN", sector="GOV")
GOVERNMENT = Actor(id="gov", name="Government", kind="organization", country="KEN", sector="GOV")
AUTHORITIES = Actor(id="aut", name="Authorities", kind="group", country="KEN", sector="GOV")
TEACHERS = Actor(id="tea", name="teachers", kind="group", country="KEN", sector="EDU")
MINISTRY = Actor(id="hea", name="Health Ministry", kind="organization", country="KEN", sector="GOV")
POLICE = Actor(id="pol", name="Police", kind="organization", country="KEN", sector="COP")


def _table(*mentions: tuple[Actor, int]) -> ActorTable:
    actors = tuple(dict.fromkeys(a for a, _ in mentions))
    return ActorTable(actors=actors, spans=tuple(sorted((at, at + 5, a.id) for a, at in mentions)))


def test_arguments_a_protest_is_aimed_at_the_government_the_article_names_nearest() -> None:
    table = _table((STATE, 0), (GOVERNMENT, 40), (TEACHERS, 100), (AUTHORITIES, 300))
    assert own_government(["tea"], table, at=120) == ["gov"]
    assert own_government(["tea"], table, at=280) == ["aut"]
    # one ministry is not the government as a whole
    assert own_government(["tea"], _table((GOVERNMENT, 0), (MINISTRY, 90), (TEACHERS, 100)),
                          at=120) == ["gov"]
    # no organ of the state named: the state; a police force is no government organ
    assert own_government(["tea"], _table((STATE, 0), (POLICE, 50), (TEACHERS, 100)), at=120) == ["ken"]
    # a state's own organ protesting is not aimed at itself by this rule
    assert own_government(["gov"], table, at=120) == []


@pytest.mark.model
def test_arguments_a_protest_takes_the_authorities_the_article_names(nlp: object) -> None:
    from eventwire.pipeline import extract
    from eventwire.records import Article

    doc = extract(Article(id="t", published=date(2015, 6, 10), text=(
        "The government of Kenya raised fuel prices in May. Thousands of Kenyan teachers "
        "marched through Nairobi on Monday.")), nlp=nlp)  # type: ignore[arg-type]
    kinds = {a.id: (a.kind, a.country) for a in doc.actors}
    assert [[kinds[t] for t in e.target] for e in doc.events if e.type == "PROTEST"] == [
        [("organization", "KEN")]]  # the government, not the state

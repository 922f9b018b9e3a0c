"""Behavioural test sets built from templates: each sentence's expected result is known by construction.

    countries.tsv        real countries, each with invented people
    event_templates.tsv  phrasings of the 16 PLOVER types  x  actor forms  x  FRAMES  -> EventCase
    negatives.tsv        sports, markets, weather, celebrity sentences        -> NegativeCase
    actor_templates.tsv  leader, forces, counterpart, capital, ... sentences  -> ActorCase

Everything is deterministic: every random choice comes from a ``random.Random`` seeded with the
case's own name, so adding a template never changes the sentences of the others.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "ACTOR_FILLS",
    "FORM_GROUPS",
    "FRAMES",
    "ActorCase",
    "Country",
    "EventCase",
    "Frame",
    "NegativeCase",
    "actor_cases",
    "countries",
    "event_cases",
    "negative_cases",
]

HERE = Path(__file__).resolve().parent
SEED = "eventwire-behaviour-1"

# How many source forms each (phrasing, frame) pair is written with: the forms rotate across the
# frames, so every form of a phrasing still meets several frames without the full product.
FORMS_PER_FRAME = 2
# How many times each negative and each actor template is filled (different countries each time).
NEGATIVE_FILLS = 3
ACTOR_FILLS = 9

# Aliases of the `sources` / `targets` columns of event_templates.tsv.
FORM_GROUPS: dict[str, tuple[str, ...]] = {
    "state": ("country", "person", "government", "possessive", "apposition", "capital"),
    "polity": ("country", "government", "capital"),
    "leader": ("person", "possessive", "apposition"),
    "pair": ("country", "person", "government"),
    "entity": ("country", "government", "person", "possessive"),
    "possessor": ("country", "government", "person", "capital"),
    "armed": ("forces", "country", "government"),
    "commander": ("country", "government", "person"),
    "police": ("police", "country", "government"),
    "civil": ("protesters", "crowd", "students"),
}
PLURAL_FORMS = frozenset({"forces", "police", "protesters", "crowd", "students"})

TITLES = ("President", "Prime Minister", "Foreign Minister", "Defence Minister")
FORCE_NOUNS = ("troops", "forces", "soldiers")
NUMBERS = ("two", "three", "four", "five")
CONDITIONS = ("the talks fail", "the dispute escalates", "the deadline passes")
REPORTERS = ("officials", "diplomats", "local media", "a government statement")
DENIERS = ("Officials", "Diplomats")
TEAMS = ("Riverside Rovers", "Harbour United", "Northgate Athletic", "Eastfield Wanderers",
         "Kingsbridge City", "Lakeshore Albion")
COMPANIES = ("Norvel Foods", "Harbourline Logistics", "Quantrel Systems", "Brightmoor Energy")
PUBLISHED = (2024, 5, 15)  # the publication date every generated article carries


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    name: str
    family: str  # the name a second reference uses ("Wekesa", "Zhou")
    he: bool

    @property
    def pro(self) -> str:
        return "his" if self.he else "her"


@dataclass(frozen=True, slots=True, kw_only=True)
class Country:
    iso3: str
    name: str
    demonym: str
    capital: str
    people: str
    persons: tuple[Person, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Frame:
    """How a modality frame wraps a phrasing, and the modality it expects."""

    name: str
    modality: str
    verb: str  # "{past}", "will {base}", ...: which inflection of the phrasing's verb it needs
    prefix: str = ""
    suffix: str = ""
    promises: frozenset[str] = frozenset()  # act types this frame turns into a promise (AGREE)


COOPERATION = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
CONCESSIONS = frozenset({"RETREAT", "CONCEDE"})

FRAMES: tuple[Frame, ...] = (
    Frame(name="past", modality="asserted", verb="{past}"),
    # PLOVER's codebook: intent its source states is AGREE (CAMEO 03x), a merely scheduled
    # act keeps its type ("will visit"), an announced retreat or concession is AGREE (035)
    Frame(name="will", modality="intended", verb="will {base}", promises=CONCESSIONS),
    Frame(name="plans_to", modality="intended", verb="{plans} to {base}",
          promises=COOPERATION | CONCESSIONS),
    # an act said not to have been done is no event (news_dev's convention: only a claim that
    # is denied is coded, negated); "none" expects no event of the phrasing's type
    Frame(name="did_not", modality="none", verb="did not {base}"),  # see REFUSABLE_TYPES
    Frame(name="denied_had", modality="negated", verb="had {pp}", prefix="{denier} denied that "),
    Frame(name="could_if", modality="hypothetical", verb="could {base}", suffix=" if {condition}"),
    Frame(name="according_to", modality="asserted", verb="{past}",
          suffix=", according to {reporter}"),
)

# the PLOVER codebook's cooperative and conceding acts: not doing one is a refusal, REJECT
REFUSABLE_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT",
                             "CONCEDE"})


@dataclass(frozen=True, slots=True, kw_only=True)
class EventCase:
    id: str
    text: str
    type: str
    template: str
    style: str
    frame: str
    source_form: str
    target_form: str
    modality: str
    sources: frozenset[str]
    targets: frozenset[str]


@dataclass(frozen=True, slots=True, kw_only=True)
class NegativeCase:
    id: str
    text: str
    domain: str
    template: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorCase:
    id: str
    text: str
    form: str
    template: str
    start: int
    end: int
    country: str

    @property
    def span(self) -> str:
        return self.text[self.start:self.end]


def _rows(name: str) -> Iterator[dict[str, str]]:
    with (HERE / name).open(encoding="utf-8") as f:
        yield from csv.DictReader((line for line in f if not line.startswith("#")),
                                  delimiter="\t", quoting=csv.QUOTE_NONE)


def countries() -> tuple[Country, ...]:
    out = []
    for row in _rows("countries.tsv"):
        persons = []
        for entry in row["persons"].split("|"):
            name, gender = entry.split(":")
            words = name.split()
            family = words[0] if row["family_name"] == "first" else words[-1]
            persons.append(Person(name=name, family=family, he=gender == "m"))
        out.append(Country(iso3=row["iso3"], name=row["name"], demonym=row["demonym"],
                           capital=row["capital"], people=row["people"], persons=tuple(persons)))
    return tuple(out)


def _forms(column: str) -> tuple[str, ...]:
    out: list[str] = []
    for part in column.split(","):
        out.extend(FORM_GROUPS.get(part, (part,)))
    return tuple(dict.fromkeys(out))


def _lower_title(title: str) -> str:
    return title.lower()


def _actor(form: str, c: Country, rng: random.Random) -> str:
    """The words for country `c` as an actor of the given form (lower case where a sentence may
    capitalise it)."""
    title = rng.choice(TITLES)
    person = rng.choice(c.persons).name
    match form:
        case "country":
            return c.name
        case "person":
            return f"{c.demonym} {title} {person}"
        case "government":
            return f"the {c.demonym} government"
        case "possessive":
            return f"{c.name}'s {_lower_title(title)}"
        case "apposition":
            return f"{person}, {c.name}'s {_lower_title(title)},"
        case "capital":
            return c.capital
        case "forces":
            return f"{c.demonym} {rng.choice(FORCE_NOUNS)}"
        case "police":
            return f"{c.demonym} police"
        case "protesters":
            return f"{c.demonym} protesters"
        case "crowd":
            return f"thousands of demonstrators in {c.capital}"
        case "students":
            return f"{c.demonym} students"
    raise ValueError(f"unknown actor form: {form}")


def _possessor(form: str, c: Country, rng: random.Random) -> str:
    if form == "country" or form == "capital":
        return f"{_actor(form, c, rng)}'s"
    if form == "government":
        return f"the {c.demonym} government's"
    if form == "person":
        return f"{_actor(form, c, rng)}'s"
    raise ValueError(f"no possessive for actor form: {form}")


def _fixed_target_form(sentence: str) -> str:
    for slot, form in (("{Tname's}", "name_possessive"), ("{Tname}", "name"),
                       ("{Tdem}", "demonym")):
        if slot in sentence:
            return form
    raise ValueError(f"no target slot in: {sentence}")


def _finish(text: str) -> str:
    return text[0].upper() + text[1:] + "."


def _event_case(row: dict[str, str], frame: Frame, form: str, rng: random.Random,
                pool: tuple[Country, ...]) -> EventCase:
    src, tgt = rng.sample(pool, 2)
    sentence = row["sentence"]
    reciprocal = row["style"] == "reciprocal"
    if row["targets"] == "-":
        target_form = _fixed_target_form(sentence)
    else:
        target_form = rng.choice(_forms(row["targets"]))
    subject = _actor(form, src, rng)
    plural = reciprocal or form in PLURAL_FORMS
    verb = frame.verb.format(past=row["past"], base=row["base"], pp=row["pp"],
                             plans="plan" if plural else "plans")
    filled = (sentence.replace("{S}", subject)
              .replace("{V}", verb)
              .replace("{T's}", _possessor(target_form, tgt, rng) if "{T's}" in sentence else "")
              .replace("{T}", _actor(target_form, tgt, rng) if "{T}" in sentence else "")
              .replace("{Tname's}", f"{tgt.name}'s")
              .replace("{Tname}", tgt.name)
              .replace("{Tdem}", tgt.demonym)
              .replace("{N}", rng.choice(NUMBERS)))
    prefix = frame.prefix.format(denier=rng.choice(DENIERS))
    suffix = frame.suffix.format(condition=rng.choice(CONDITIONS), reporter=rng.choice(REPORTERS))
    if prefix:
        filled = prefix + filled
    text = _finish(filled + suffix)
    sources = frozenset({src.iso3, tgt.iso3}) if reciprocal else frozenset({src.iso3})
    targets = frozenset() if reciprocal else frozenset({tgt.iso3})
    event_type, modality = row["type"], frame.modality
    if modality == "none" and event_type in REFUSABLE_TYPES:
        event_type, modality = "REJECT", "asserted"  # "did not accept" refuses: REJECT (CAMEO 12)
    if event_type in frame.promises:
        event_type = "AGREE"  # "plans to send aid", "will withdraw": a promise (PLOVER, CAMEO 03x)
    return EventCase(id=f"{row['id']}/{frame.name}/{form}", text=text, type=event_type,
                     template=row["id"], style=row["style"], frame=frame.name, source_form=form,
                     target_form=target_form, modality=modality, sources=sources,
                     targets=targets)


def event_cases() -> tuple[EventCase, ...]:
    """Every phrasing x every frame x FORMS_PER_FRAME of its source forms: the forms rotate
    through the frames, from a different start for each phrasing, so that over the suite every
    form meets every frame about equally often."""
    pool = countries()
    out = []
    for n, row in enumerate(_rows("event_templates.tsv")):
        forms = _forms(row["sources"])
        for i, frame in enumerate(FRAMES):
            chosen = dict.fromkeys(forms[(n + i * FORMS_PER_FRAME + k) % len(forms)]
                                   for k in range(FORMS_PER_FRAME))
            for form in chosen:
                rng = random.Random(f"{SEED}|{row['id']}|{frame.name}|{form}")
                out.append(_event_case(row, frame, form, rng, pool))
    return tuple(out)


def negative_cases() -> tuple[NegativeCase, ...]:
    pool = countries()
    out = []
    for i, row in enumerate(_rows("negatives.tsv")):
        for k in range(NEGATIVE_FILLS):
            rng = random.Random(f"{SEED}|negative|{i}|{k}")
            c = rng.choice(pool)
            p1, p2 = rng.sample(c.persons, 2)
            team, team2 = rng.sample(TEAMS, 2)
            text = row["sentence"].format(city=c.capital, country=c.name, dem=c.demonym,
                                          team=team, team2=team2, person=p1.name,
                                          person2=p2.name, pro=p1.pro,
                                          company=rng.choice(COMPANIES))
            out.append(NegativeCase(id=f"{row['domain']}{i}/{k}", text=text,
                                    domain=row["domain"], template=f"{row['domain']}{i}"))
    return tuple(out)


def _slots(prefix: str, c: Country, person: Person) -> dict[str, str]:
    return {
        f"{{{prefix}}}": c.name, f"{{{prefix}dem}}": c.demonym, f"{{{prefix}cap}}": c.capital,
        f"{{{prefix}CAP}}": c.capital.upper(), f"{{{prefix}name}}": person.name,
        f"{{{prefix}sur}}": person.family, f"{{{prefix}pro}}": person.pro,
        f"{{{prefix}Pro}}": person.pro.replace("his", "He").replace("her", "She"),
    }


def actor_cases() -> tuple[ActorCase, ...]:
    pool = countries()
    out = []
    for i, row in enumerate(_rows("actor_templates.tsv")):
        template = f"{row['form']}{i}"
        for k in range(ACTOR_FILLS):
            rng = random.Random(f"{SEED}|actor|{i}|{k}")
            c, d = rng.sample(pool, 2)
            slots = _slots("C", c, rng.choice(c.persons)) | _slots("D", d, rng.choice(d.persons))
            slots["{N}"] = rng.choice(NUMBERS)
            text = row["sentence"]
            # the longest slot names first: {CCAP} before {C}
            for slot in sorted(slots, key=len, reverse=True):
                text = text.replace(slot, slots[slot])
            start = text.index("[")
            end = text.index("]") - 1
            text = text.replace("[", "", 1).replace("]", "", 1)
            expected = c if row["country"] == "C" else d
            out.append(ActorCase(id=f"{template}/{k}", text=text, form=row["form"],
                                 template=template, start=start, end=end, country=expected.iso3))
    return tuple(out)

"""A small hand-made event database for the API, browser and fuzz tests.

Four articles, written as ``Document`` records: two report the same meeting (one story),
one has an id with slashes, one carries an intended act. ``build_fixture_db`` writes them
through ``eventwire.store``, whose deduplication joins the two meeting reports in one story.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from eventwire.records import (
    Actor,
    Article,
    Document,
    Event,
    Evidence,
    Mention,
    Place,
    Quote,
    Time,
)
from eventwire.store import Store


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _mention(text: str, needle: str, nth: int = 0) -> Mention:
    start, end = _at(text, needle, nth)
    return Mention(start=start, end=end, text=needle)


def _evidence(text: str, sentence: str) -> Evidence:
    start, end = _at(text, sentence)
    return Evidence(start=start, end=end, text=sentence)


def _place(text: str, pid: str, needle: str, country: str, lat: float, lon: float) -> Place:
    start, end = _at(text, needle)
    return Place(id=pid, start=start, end=end, text=needle, name=needle, country=country,
                 lat=lat, lon=lon, feature="city")


def documents() -> list[Document]:
    t1 = ("Macron meets Scholz in Berlin\n\n"
          "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Tuesday. "
          "Russian forces shelled Kharkiv overnight, Ukrainian officials said. "
          "\"We stand together,\" Macron said.")
    macron1 = Actor(id="a1", name="Emmanuel Macron", kind="person", country="FRA", sector="GOV",
                    role="President", cameo="FRAGOV",
                    mentions=(_mention(t1, "Emmanuel Macron"), _mention(t1, "Macron", 2)))
    scholz1 = Actor(id="a2", name="Olaf Scholz", kind="person", country="DEU", sector="GOV",
                    role="Chancellor", mentions=(_mention(t1, "Olaf Scholz"),))
    russia1 = Actor(id="a3", name="Russian armed forces", kind="organization", country="RUS",
                    sector="MIL", mentions=(_mention(t1, "Russian forces"),))
    ukraine1 = Actor(id="a4", name="Ukraine", kind="country", country="UKR",
                     mentions=(_mention(t1, "Ukrainian officials"),))
    doc1 = Document(
        article=Article(id="wire-001", title="Macron meets Scholz in Berlin", text=t1,
                        published=date(2024, 3, 14), source="Wire", url="https://example.org/1"),
        actors=(macron1, scholz1, russia1, ukraine1),
        events=(
            Event(id="e1", type="CONSULT", mode="visit", source=("a1",), target=("a2",),
                  date=date(2024, 3, 12), date_text="on Tuesday", place="p1",
                  evidence=_evidence(t1, "French President Emmanuel Macron met German Chancellor "
                                         "Olaf Scholz in Berlin on Tuesday."),
                  confidence=0.9, cameo="042"),
            Event(id="e2", type="ASSAULT", mode="heavy-weapons", source=("a3",), target=("a4",),
                  date=date(2024, 3, 13), date_text="overnight", place="p2", attributed_to="a4",
                  evidence=_evidence(t1, "Russian forces shelled Kharkiv overnight, Ukrainian "
                                         "officials said."),
                  confidence=0.8, cameo="195"),
        ),
        quotes=(Quote(id="q1", kind="direct", text="We stand together",
                      start=_at(t1, "We stand together")[0], end=_at(t1, "We stand together")[1],
                      speaker="a1", speaker_text="Macron", cue="said"),),
        times=(Time(start=_at(t1, "on Tuesday")[0], end=_at(t1, "on Tuesday")[1],
                    text="on Tuesday", value="2024-03-12"),),
        places=(_place(t1, "p1", "Berlin", "DEU", 52.52, 13.40),
                _place(t1, "p2", "Kharkiv", "UKR", 49.99, 36.23)),
    )

    t2 = ("Macron and Scholz held talks in Berlin, the Elysee said. "
          "The European Union imposed new sanctions on Russia.")
    doc2 = Document(
        article=Article(id="wire-002", title="Talks in Berlin; new EU sanctions", text=t2,
                        published=date(2024, 3, 15), source="Agency"),
        actors=(Actor(id="a1", name="Emmanuel Macron", kind="person", country="FRA", sector="GOV",
                      mentions=(_mention(t2, "Macron"),)),
                Actor(id="a2", name="Olaf Scholz", kind="person", country="DEU", sector="GOV",
                      mentions=(_mention(t2, "Scholz"),)),
                Actor(id="a3", name="European Union", kind="organization", country="EUR",
                      mentions=(_mention(t2, "The European Union"),)),
                Actor(id="a4", name="Russia", kind="country", country="RUS",
                      mentions=(_mention(t2, "Russia"),))),
        events=(
            Event(id="e1", type="CONSULT", source=("a1",), target=("a2",), place="p1",
                  evidence=_evidence(t2, "Macron and Scholz held talks in Berlin, the Elysee said."),
                  confidence=0.7),
            Event(id="e2", type="SANCTION", source=("a3",), target=("a4",),
                  evidence=_evidence(t2, "The European Union imposed new sanctions on Russia."),
                  confidence=0.85),
        ),
        places=(_place(t2, "p1", "Berlin", "DEU", 52.52, 13.40),),
    )

    t3 = ("Thousands of protesters marched in Paris against the pension reform. "
          "Police arrested 40 demonstrators, the interior ministry said.")
    doc3 = Document(
        article=Article(id="bbc/politics/003", title="Pension protest in Paris", text=t3,
                        published=date(2024, 4, 2), source="BBC"),
        actors=(Actor(id="a1", name="Protesters", kind="group", country="FRA", sector="CVL",
                      mentions=(_mention(t3, "protesters"),)),
                Actor(id="a2", name="French police", kind="organization", country="FRA",
                      sector="COP", mentions=(_mention(t3, "Police"),)),
                Actor(id="a3", name="Interior Ministry", kind="organization", country="FRA",
                      sector="GOV", mentions=(_mention(t3, "the interior ministry"),))),
        events=(
            Event(id="e1", type="PROTEST", mode="demo", source=("a1",), target=(), place="p1",
                  evidence=_evidence(t3, "Thousands of protesters marched in Paris against the "
                                         "pension reform."), confidence=0.9),
            Event(id="e2", type="COERCE", mode="arrest", source=("a2",), target=("a1",),
                  attributed_to="a3",
                  evidence=_evidence(t3, "Police arrested 40 demonstrators, the interior ministry "
                                         "said."), confidence=0.75),
        ),
        quotes=(Quote(id="q1", kind="indirect", text="Police arrested 40 demonstrators",
                      start=0 + _at(t3, "Police arrested 40 demonstrators")[0],
                      end=_at(t3, "Police arrested 40 demonstrators")[1],
                      speaker="a3", speaker_text="the interior ministry", cue="said"),),
        places=(_place(t3, "p1", "Paris", "FRA", 48.85, 2.35),),
    )

    t4 = ("Ukraine asked the United States for more air defence systems. "
          "Washington will send a new aid package next month, officials said.")
    doc4 = Document(
        article=Article(id="wire-004", title="Kyiv asks for air defence", text=t4,
                        published=date(2024, 5, 20), source="Wire"),
        actors=(Actor(id="a1", name="Ukraine", kind="country", country="UKR",
                      mentions=(_mention(t4, "Ukraine"),)),
                Actor(id="a2", name="United States", kind="country", country="USA",
                      mentions=(_mention(t4, "the United States"), _mention(t4, "Washington")))),
        events=(
            Event(id="e1", type="REQUEST", mode="assist", source=("a1",), target=("a2",),
                  evidence=_evidence(t4, "Ukraine asked the United States for more air defence "
                                         "systems."), confidence=0.8),
            Event(id="e2", type="AID", source=("a2",), target=("a1",), modality="intended",
                  date=date(2024, 6, 1), date_text="next month",
                  evidence=_evidence(t4, "Washington will send a new aid package next month, "
                                         "officials said."), confidence=0.6),
        ),
    )
    return [doc1, doc2, doc3, doc4]


def build_fixture_db(path: Path) -> Path:
    """Write the fixture documents through the store (deduplication on) to a new file."""
    with Store(path) as store:
        store.write_batch(documents())
    return path


def test_api_data_fixture_offsets_hold() -> None:
    for doc in documents():
        text = doc.article.text
        for ev in doc.events:
            assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.text
        for actor in doc.actors:
            for m in actor.mentions:
                assert text[m.start:m.end] == m.text

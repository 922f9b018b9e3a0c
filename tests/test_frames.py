"""Data frames: read_events / read_stories over a database, a Parquet export and JSON Lines of
documents, in pandas and polars; typed columns, filters and their errors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import polars as pl
import pytest

import eventwire
from eventwire import read_events, read_stories
from eventwire.ontology import EventType
from eventwire.records import Actor, Article, Document, Event, Evidence, Mention, Place
from eventwire.store import Store

TALKS = "Prime Minister Keir Starmer and France will meet Germany in Paris on Saturday."
PACT = "France agreed on 5 March to cooperate with Keir Starmer."
RALLY = "Protesters rallied against the government of Kenya."


def _actor(aid: str, name: str, kind: str, country: str | None, sector: str | None,
           text: str) -> Actor:
    start = max(text.find(name.split()[-1]), 0)
    return Actor(id=aid, name=name, kind=kind, country=country, sector=sector,
                 mentions=(Mention(start=start, end=start + len(name.split()[-1]),
                                   text=name.split()[-1]),))


def talks(article_id: str, published: date | None) -> Document:
    text = f"{TALKS} {PACT}"
    starmer = _actor("a1", "Keir Starmer", "person", "GBR", "GOV", text)
    france = _actor("a2", "France", "country", "FRA", None, text)
    germany = _actor("a3", "Germany", "country", "DEU", None, text)
    paris = Place(id="p1", start=text.find("Paris"), end=text.find("Paris") + 5, text="Paris",
                  name="Paris", country="FRA", lat=48.85, lon=2.35, geonames_id=2988507,
                  feature="city")
    meet = Event(id="e1", type="CONSULT", cameo="036", source=("a1", "a2"), target=("a3",),
                 date="2024-03-02", date_text="on Saturday", place="p1", modality="intended",
                 confidence=0.8, evidence=Evidence(start=0, end=len(TALKS), text=TALKS))
    pact = Event(id="e2", type="COOPERATE", cameo="030", source=("a2",), target=("a1",),
                 date="2024-03-05", date_text="on 5 March", modality="asserted", confidence=0.6,
                 evidence=Evidence(start=len(TALKS) + 1, end=len(text), text=PACT))
    return Document(article=Article(id=article_id, text=text, title="Talks in Paris",
                                    published=published, source="Wire",
                                    url=f"https://example.org/{article_id}"),
                    actors=(starmer, france, germany), events=(meet, pact), places=(paris,))


def rally(article_id: str = "ke-1") -> Document:
    crowd = _actor("b1", "Protesters", "group", "KEN", "CVL", RALLY)
    kenya = _actor("b2", "Kenya", "country", "KEN", "GOV", RALLY)
    event = Event(id="e1", type="PROTEST", cameo="141", source=("b1",), target=("b2",),
                  evidence=Evidence(start=0, end=len(RALLY), text=RALLY))
    return Document(article=Article(id=article_id, text=RALLY, title=None,
                                    published=date(2024, 4, 10), source="Daily"),
                    actors=(crowd, kenya), events=(event,))


def documents() -> list[Document]:
    return [talks("uk-1", date(2024, 3, 1)), rally(), talks("uk-2", date(2024, 3, 2)),
            talks("uk-3", None)]


@pytest.fixture()
def store():
    with Store() as store:
        store.write_batch(documents())
        yield store


def rows(frame) -> list[dict]:
    """A frame's rows as plain dicts, whichever the engine (NaN and NaT as None)."""
    if isinstance(frame, pl.DataFrame):
        return frame.to_dicts()
    out = []
    for record in frame.astype(object).to_dict("records"):
        out.append({k: (None if not isinstance(v, list) and pd.isna(v) else
                        v.date() if isinstance(v, pd.Timestamp) else v)
                    for k, v in record.items()})
    return out


def test_frames_events_one_row_per_event_with_actors_and_article_joined(store) -> None:
    frame = read_events(store)
    assert isinstance(frame, pd.DataFrame)
    assert [(r["article_id"], r["event_id"]) for r in rows(frame)] == [
        ("uk-1", "e1"), ("uk-1", "e2"), ("ke-1", "e1"), ("uk-2", "e1"), ("uk-2", "e2"),
        ("uk-3", "e1"), ("uk-3", "e2")]
    meet, pact, protest = rows(frame)[:3]
    assert meet["source_name"] == "Keir Starmer" and meet["source_country"] == "GBR"
    assert meet["source_names"] == ["Keir Starmer", "France"]
    assert meet["source_countries"] == ["GBR", "FRA"] and meet["source_ids"] == ["a1", "a2"]
    assert (meet["target_name"], meet["target_countries"]) == ("Germany", ["DEU"])
    assert (meet["title"], meet["published"], meet["url"], meet["outlet"]) == (
        "Talks in Paris", date(2024, 3, 1), "https://example.org/uk-1", "Wire")
    assert (meet["place"], meet["place_country"], meet["lat"], meet["lon"]) == (
        "Paris", "FRA", 48.85, 2.35)
    assert meet["date"] == meet["day"] == date(2024, 3, 2) and meet["story_id"]
    assert pact["date"] == date(2024, 3, 5) and pact["date_value"] == "2024-03-05"
    assert (pact["cameo"], pact["event_root_code"]) == ("030", "03")
    assert protest["date"] is None and protest["day"] == date(2024, 4, 10)
    assert protest["target_names"] == ["Kenya"] and protest["place"] is None
    assert meet["evidence"] == TALKS and meet["quad_class"] == 1


def test_frames_pandas_types(store) -> None:
    frame = read_events(store)
    for column in ("day", "date", "published"):
        assert pd.api.types.is_datetime64_any_dtype(frame[column]), column
    for column in ("cameo", "event_root_code", "article_id", "evidence", "date_value"):
        assert pd.api.types.is_string_dtype(frame[column]), column
    assert frame["cameo"].tolist()[:3] == ["036", "030", "141"]  # never 30
    assert list(frame["type"].cat.categories) == [t.value for t in EventType]
    assert frame["type"].value_counts()["AGREE"] == 0  # every PLOVER type is a category
    for column in ("modality", "source_country", "target_sector", "place_feature"):
        assert isinstance(frame[column].dtype, pd.CategoricalDtype), column
    assert str(frame["quad_class"].dtype) == "Int32"
    assert frame["source_countries"].dtype == object
    assert all(isinstance(v, list) for v in frame["target_names"])
    exploded = frame.explode("source_countries")
    assert sorted(exploded["source_countries"].dropna().unique()) == ["FRA", "GBR", "KEN"]


def test_frames_polars_types_and_the_same_values(store) -> None:
    frame = read_events(store, engine="polars")
    assert isinstance(frame, pl.DataFrame)
    schema = frame.schema
    assert schema["date"] == pl.Date and schema["published"] == pl.Date
    assert schema["cameo"] == pl.String and schema["source_names"] == pl.List(pl.String)
    assert schema["type"] == pl.Enum([t.value for t in EventType])
    assert schema["source_country"] == pl.Categorical()
    assert schema["quad_class"] == pl.Int32
    assert rows(frame) == rows(read_events(store))


def test_frames_event_filters(store) -> None:
    every = rows(read_events(store))

    def expect(keep) -> list[tuple[str, str]]:
        kept = [(r["article_id"], r["event_id"]) for r in every if keep(r)]
        assert 0 < len(kept) < len(every)  # each case keeps some rows and drops some
        return kept

    def got(**filters) -> list[tuple[str, str]]:
        return [(r["article_id"], r["event_id"]) for r in rows(read_events(store, **filters))]

    both = lambda r: r["source_countries"] + r["target_countries"]  # noqa: E731
    assert got(country="deu") == expect(lambda r: "DEU" in both(r))
    assert got(country=["DEU", "KEN"]) == expect(lambda r: {"DEU", "KEN"} & set(both(r)))
    assert got(actor="starmer") == expect(
        lambda r: "Keir Starmer" in r["source_names"] + r["target_names"])
    assert got(actor="keir-starmer@GBR") == got(actor="starmer")
    assert got(type="protest") == expect(lambda r: r["type"] == "PROTEST")
    assert got(type=["CONSULT", "PROTEST"]) == expect(lambda r: r["type"] != "COOPERATE")
    assert got(since="2024-03-03") == expect(lambda r: r["day"] >= date(2024, 3, 3))
    assert got(until="2024-03") == expect(lambda r: r["day"] <= date(2024, 3, 31))
    assert got(since=date(2024, 3, 2), until=date(2024, 3, 2)) == expect(
        lambda r: r["day"] == date(2024, 3, 2))
    assert got(modality="intended") == expect(lambda r: r["modality"] == "intended")
    assert got(article=["uk-2", "ke-1"]) == expect(lambda r: r["article_id"] in ("uk-2", "ke-1"))
    story = every[0]["story_id"]
    assert got(story=story) == expect(lambda r: r["story_id"] == story)
    assert got(country="GBR", type="COOPERATE", since="2024") == expect(
        lambda r: "GBR" in both(r) and r["type"] == "COOPERATE")


def test_frames_columns_pick_and_order(store) -> None:
    frame = read_events(store, columns=["cameo", "type", "source_countries"])
    assert list(frame.columns) == ["cameo", "type", "source_countries"]
    assert read_events(store, engine="polars", columns="cameo").columns == ["cameo"]


@pytest.mark.parametrize("filters,message", [
    ({"type": "PROTESTS"}, "unknown event type 'PROTESTS'; valid: AGREE, CONSULT, SUPPORT"),
    ({"country": "France"}, "country 'France' is not a code"),
    ({"modality": "maybe"}, "valid: asserted, intended, hypothetical, negated"),
    ({"since": "last week"}, "since: not a date"),
    ({"since": "2024-05", "until": "2024-04"}, "since (2024-05-01) is after until (2024-04-30)"),
    ({"engine": "spark"}, "unknown engine 'spark'; valid: pandas, polars"),
    ({"columns": ["cameo", "colour"]}, "unknown column(s) colour; valid: article_id, event_id"),
    ({"actor": ""}, "actor: expected a name"),
    ({"story": [""]}, "story: expected a non-empty string"),
])
def test_frames_bad_filters_are_clear_errors(store, filters, message) -> None:
    with pytest.raises(ValueError) as err:
        read_events(store, **filters)
    assert message in str(err.value)


def test_frames_story_frame(store) -> None:
    events = rows(read_events(store))
    frame = read_stories(store)
    stories = rows(frame)
    assert sorted(s["story_id"] for s in stories) == sorted({e["story_id"] for e in events})
    for story in stories:
        members = [e for e in events if e["story_id"] == story["story_id"]]
        assert story["n_reports"] == len(members)
        assert story["num_articles"] == len({e["article_id"] for e in members})
        assert story["num_sources"] == len({e["outlet"] for e in members})
        assert story["article_ids"] == sorted({e["article_id"] for e in members})
        names = {n for e in members for n in e["source_names"] + e["target_names"]}
        assert story["actors"] == sorted(names)
        assert story["type"] in {e["type"] for e in members}
        assert story["days"] == (story["last_date"] - story["date"]).days
    assert pd.api.types.is_datetime64_any_dtype(frame["date"])
    assert isinstance(frame["type"].dtype, pd.CategoricalDtype)
    kenya = rows(read_stories(store, country="KEN", engine="polars"))
    assert [s["type"] for s in kenya] == ["PROTEST"] and kenya[0]["countries"] == ["KEN"]
    big = rows(read_stories(store, min_reports=2))
    assert big and all(s["n_reports"] >= 2 for s in big) and len(big) < len(stories)
    assert rows(read_stories(store, actor="starmer", type="PROTEST")) == []
    assert list(read_stories(store, columns=["n_reports", "story_id"]).columns) == [
        "n_reports", "story_id"]


def test_frames_parquet_export_reads_the_same(store, tmp_path: Path) -> None:
    store.export_parquet(tmp_path / "export")
    for engine in ("pandas", "polars"):
        from_db = read_events(store, engine=engine)
        from_parquet = read_events(tmp_path / "export", engine=engine)
        if engine == "pandas":
            pd.testing.assert_frame_equal(from_parquet, from_db)
        else:
            assert from_parquet.equals(from_db) and from_parquet.schema == from_db.schema
        assert rows(read_stories(tmp_path / "export", engine=engine)) == rows(
            read_stories(store, engine=engine))
    assert rows(read_events(tmp_path / "export", country="KEN")) == rows(
        read_events(store, country="KEN"))


def test_frames_database_file_and_jsonl_documents(tmp_path: Path) -> None:
    db, docs = tmp_path / "events.duckdb", tmp_path / "docs.jsonl"
    with Store(db) as store:
        store.write_batch(documents())
        store.dedup_pending(rebuild=True)  # stories in article order, as a settled run
    docs.write_text("".join(json.dumps(d.to_dict()) + "\n" for d in documents()),
                    encoding="utf-8")
    for engine in ("pandas", "polars"):
        from_db, from_docs = read_events(db, engine=engine), read_events(docs, engine=engine)
        assert rows(from_docs) == rows(from_db)
        assert len(rows(from_db)) == 7 and all(r["story_id"] for r in rows(from_db))
        assert rows(read_stories(docs, engine=engine)) == rows(read_stories(db, engine=engine))


def test_frames_bad_sources(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no database, Parquet export or JSON Lines"):
        read_events(tmp_path / "missing.duckdb")
    with pytest.raises(ValueError, match="no Parquet export of eventwire"):
        read_events(tmp_path)
    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps({"id": "x", "text": "Talks."}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"articles.jsonl:1: not an eventwire document.*"
                                         r"eventwire extract"):
        read_events(articles)


def test_frames_columns_the_table_has_are_read(store) -> None:
    """A column added to ``events`` shows in the frame (the research columns after the ones
    they belong with); a table without them still reads."""
    every = list(read_events(store).columns)
    store.con.execute("ALTER TABLE events ADD COLUMN IF NOT EXISTS goldstein DOUBLE")
    store.con.execute("ALTER TABLE events ADD COLUMN analyst_note VARCHAR")
    store.con.execute("UPDATE events SET analyst_note = 'checked' WHERE type = 'PROTEST'")
    columns = list(read_events(store).columns)
    assert columns.index("goldstein") == columns.index("quad_class") + 1
    assert columns[-1] == "analyst_note" and len(columns) == len(set(every) | {
        "goldstein", "analyst_note"})
    assert read_events(store, type="PROTEST")["analyst_note"].tolist() == ["checked"]
    # the same store as a first-release database: events.date a DATE, no added columns
    first = {"article_id", "event_id", "type", "mode", "context", "cameo", "source", "target",
             "date_text", "place_id", "modality", "attributed_to", "evidence_start",
             "evidence_end", "evidence_text", "confidence", "quad_class", "story_id",
             "trigger_start", "trigger_end", "ord"}
    kept = [c for c in store.con.execute("DESCRIBE events").fetchall() if c[0] in first]
    day = "date_start" if "date_start" in columns else "TRY_CAST(date AS DATE)"
    store.con.execute(f"""CREATE TABLE old_events AS SELECT {", ".join(f'"{c[0]}"'
                          for c in kept)}, {day} AS date FROM events""")
    store.con.execute("DROP TABLE events")
    store.con.execute("ALTER TABLE old_events RENAME TO events")
    old = read_events(store)
    assert "goldstein" not in old.columns and "date" in old.columns
    assert rows(old)[1]["date"] == date(2024, 3, 5)
    assert rows(old)[1]["date_value"] == "2024-03-05"  # a first-release date is a day


def test_frames_are_exported_from_the_package() -> None:
    assert {"read_events", "read_stories"} <= set(eventwire.__all__)


@pytest.mark.model
def test_frames_real_extract_db_run(tmp_path: Path, nlp) -> None:
    from eventwire.cli import main

    src = tmp_path / "wire.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "w1", "published": "2024-06-10",
         "text": "The Chilean president met the Peruvian president in Lima on Friday."},
        {"id": "w2", "published": "2024-06-11",
         "text": "Thousands of protesters rallied in Nairobi against the government of Kenya."},
    ]), encoding="utf-8")
    db, out = tmp_path / "run.duckdb", tmp_path / "run.jsonl"
    assert main(["extract", str(src), "--db", str(db), "--out", str(out)]) == 0
    frame = read_events(db)
    events = rows(frame)
    assert events and {e["article_id"] for e in events} == {"w1", "w2"}
    assert all(e["type"] in {t.value for t in EventType} for e in events)
    assert all(e["published"] in (date(2024, 6, 10), date(2024, 6, 11)) for e in events)
    assert any(e["source_names"] and e["source_countries"][0] for e in events)
    assert all(e["story_id"] for e in events)
    assert pd.api.types.is_datetime64_any_dtype(frame["published"])
    assert all(c is None or (isinstance(c, str) and c.isdigit()) for c in frame["cameo"])
    polars = read_events(db, engine="polars")
    assert rows(polars) == events
    from_docs = rows(read_events(out))
    key = ("article_id", "event_id", "type", "cameo", "source_names", "target_names")
    assert [tuple(e[k] for k in key) for e in from_docs] == [
        tuple(e[k] for k in key) for e in events]
    stories = rows(read_stories(db))
    assert sum(s["n_reports"] for s in stories) == len(events)


def test_frames_readme_notebook_example_runs(tmp_path: Path, monkeypatch) -> None:
    import re

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    [block] = [b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if "read_events(" in b]
    with Store(tmp_path / "events.duckdb") as store:
        store.write_batch(documents())
        store.export_parquet(tmp_path / "events_parquet")
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    exec(compile(block, "README.md", "exec"), scope)
    assert len(scope["events"]) == 7 and len(scope["protests"]) == 1
    assert scope["stories"]["n_reports"].min() >= 2


def test_frames_an_export_with_empty_tables_reads(tmp_path: Path) -> None:
    with Store() as store:
        store.write(rally())  # no place anywhere
        store.export_parquet(tmp_path / "rally")
        expected = rows(read_events(store))
    with Store() as store:
        store.export_parquet(tmp_path / "empty")
        columns = list(read_events(store).columns)
    assert rows(read_events(tmp_path / "rally")) == expected and expected[0]["place"] is None
    empty = read_events(tmp_path / "empty", engine="polars")
    assert empty.height == 0 and empty.columns == columns
    assert empty.schema["date"] == pl.Date and empty.schema["source_names"] == pl.List(pl.String)
    assert len(read_stories(tmp_path / "empty")) == 0


def test_frames_a_duckdb_file_whose_checksum_opens_with_a_brace_is_no_documents_file(tmp_path: Path) -> None:
    from eventwire.frames import _is_documents

    db = tmp_path / "events.db"
    db.write_bytes(b"{%\xd0\xd5\xf2q\xdeA" + b"DUCK" + b"\x00" * 52)
    jsonl = tmp_path / "docs.txt"
    jsonl.write_text('{"article": {}}\n', encoding="utf-8")
    assert not _is_documents(db) and _is_documents(jsonl)

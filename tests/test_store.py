"""The DuckDB store: round trip, idempotence, resume after SIGKILL, bad input end to end."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import StoreError
from eventwire.records import (
    Actor,
    Article,
    Document,
    Event,
    Evidence,
    Mention,
    Place,
    Quote,
    Span,
    Time,
)
from eventwire.store import ARTICLE_TABLES, TABLES, Store, fingerprint

TEXT = "Defence Minister Ana Lopez said on Monday that Spain would send aid to Valencia."


def full_document(article_id: str = "es-1", published: date | None = date(2024, 11, 5)
                  ) -> Document:
    """A document that uses every field of every record."""
    lopez = Actor(id="a1", name="Ana Lopez", kind="person", country="ESP", sector="GOV",
                  other_sectors=("MIL",), role="Defence Minister", cameo="ESPGOV",
                  mentions=(Mention(start=17, end=26, text="Ana Lopez"),))
    spain = Actor(id="a2", name="Spain", kind="country", country="ESP", cameo="ESP",
                  mentions=(Mention(start=47, end=52, text="Spain"),))
    valencia = Place(id="p1", start=70, end=78, text="Valencia", name="Valencia",
                     country="ESP", lat=39.47, lon=-0.38, geonames_id=2509954, feature="city")
    event = Event(id="e1", type="AID", mode=None, context=("human_security",), cameo="073",
                  source=("a2",), target=(), date="2024-11-04", date_text="on Monday", date_source="clause",
                  place="p1", place_source="sentence", modality="intended", attributed_to="a1",
                  confidence=0.8,
                  trigger=Span(start=59, end=63),
                  evidence=Evidence(start=0, end=len(TEXT), text=TEXT))
    quote = Quote(id="q1", kind="indirect", start=32, end=78, text=TEXT[32:78], speaker="a1",
                  speaker_text="Ana Lopez", speaker_span=Span(start=17, end=26), cue="said",
                  cue_span=Span(start=27, end=31))
    when = Time(start=32, end=41, text="on Monday", value="2024-11-04")
    return Document(article=Article(id=article_id, text=TEXT, title="Aid", published=published,
                                    source="wire", url=f"https://example.org/{article_id}"),
                    actors=(lopez, spain), events=(event,), quotes=(quote,), times=(when,),
                    places=(valencia,))


def dump(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in a canonical order."""
    out = {}
    for table in TABLES:
        cols = ", ".join(f'"{c}"' for c, _ in TABLES[table])
        out[table] = store.con.execute(f"SELECT {cols} FROM {table} ORDER BY ALL").fetchall()
    return out


def test_store_round_trip_gives_back_the_document() -> None:
    doc = full_document()
    with Store() as store:
        assert store.write(doc)
        assert store.has("es-1") and not store.has("nope")
        assert store.document("es-1") == doc.to_dict()
        (art,) = store.query("SELECT fingerprint, n_words, published FROM articles")
        assert art == {"fingerprint": fingerprint(TEXT), "n_words": len(TEXT.split()),
                       "published": date(2024, 11, 5)}
        (ev,) = store.query("SELECT quad_class, story_id, source, context FROM events")
        assert ev["quad_class"] == 2 and ev["story_id"] and ev["source"] == ["a2"]


def test_store_rewriting_adds_nothing() -> None:
    with Store() as store:
        assert store.write_batch([full_document("a"), full_document("b"), full_document("a")]) == 2
        before = dump(store)
        assert not store.write(full_document("a"))
        assert store.write_batch([full_document("b")]) == 0
        assert dump(store) == before
        assert store.counts()["articles"] == 2


def test_store_failed_batch_leaves_nothing(tmp_path: Path) -> None:
    broken = full_document("bad").to_dict()
    del broken["events"][0]["type"]
    with Store(tmp_path / "x.duckdb") as store:
        store.write(full_document("good"))
        before = dump(store)
        with pytest.raises(KeyError):
            store.write_batch([full_document("other"), broken])
        assert dump(store) == before


def test_store_skip_stored_drops_known_articles_in_order() -> None:
    with Store() as store:
        store.write(full_document("b"))
        items = [Article(id=i, text=f"  {TEXT}\n") for i in "abc"]  # the same words
        assert [a.id for a in store.skip_stored(items, chunk=2)] == ["a", "c"]
        assert store.skipped == 1


def test_store_an_id_taken_by_another_text_is_an_error_not_a_skip() -> None:
    other = Document(article=Article(id="b", text="The harbour master resigned on Sunday."))
    with Store() as store:
        store.write(full_document("b"))
        items = [Article(id="a", text="x"), other.article, Article(id="c", text="y")]
        out = list(store.skip_stored(items))
        assert [type(i).__name__ for i in out] == ["Article", "ArticleError", "Article"]
        assert str(out[1]) == "b: id already stored with a different text (give each article its own id)"
        assert store.skipped == 0
        before = dump(store)
        with pytest.raises(StoreError, match="b: id already stored with a different text"):
            store.write(other)
        with pytest.raises(StoreError, match="c: id already stored with a different text"):
            store.write_batch([full_document("c"), full_document("d"),
                               Document(article=Article(id="c", text="Another story."))])
        assert dump(store) == before
        with store.writer(batch_size=10) as writer:
            for doc in (full_document("c"), other, full_document("d")):
                writer.add(doc)
        (err,) = writer.drain()
        assert str(err).startswith("b: id already stored")
        assert [r["id"] for r in store.query("SELECT id FROM articles ORDER BY seq")] == ["b", "c", "d"]


def test_store_export_parquet_by_month_and_flat_csv(tmp_path: Path) -> None:
    import csv

    import pyarrow.dataset as ds

    with Store(tmp_path / "db.duckdb") as store:
        store.write_batch([full_document("nov"), full_document("dec", date(2024, 12, 1)),
                           full_document("undated", None)])
        store.export_parquet(tmp_path / "pq")
        n = store.export_csv(tmp_path / "events.csv")
    months = sorted(p.name for p in (tmp_path / "pq" / "events").iterdir())
    assert months == ["month=2024-11", "month=2024-12", "month=unknown"]
    for table in ("articles", *ARTICLE_TABLES, "events_flat"):
        assert ds.dataset(tmp_path / "pq" / table, partitioning="hive").count_rows() > 0
    assert (tmp_path / "pq" / "stories.parquet").exists()
    with open(tmp_path / "events.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert n == len(rows) == 3
    row = rows[0]
    assert row["Actor1Name"] == "Spain" and row["Actor1CountryCode"] == "ESP"
    assert row["EventType"] == "AID" and row["EventCode"] == "073" and row["QuadClass"] == "2"
    assert row["SQLDATE"] == "20241104" and row["ActionGeo_FullName"] == "Valencia"
    assert row["AttributedTo"] == "Ana Lopez" and row["SOURCEURL"].endswith("/nov")
    assert row["Evidence"] == TEXT


def test_store_export_cli(tmp_path: Path) -> None:
    from eventwire.cli import main

    with Store(tmp_path / "db.duckdb") as store:
        store.write(full_document())
    assert main(["export", "--db", str(tmp_path / "db.duckdb"), "--csv",
                 str(tmp_path / "e.csv"), "--parquet", str(tmp_path / "pq")]) == 0
    assert (tmp_path / "e.csv").read_text(encoding="utf-8").count("\n") == 2
    assert main(["dedup", "--db", str(tmp_path / "db.duckdb"), "--rebuild"]) == 0
    assert main(["export", "--db", str(tmp_path / "missing.duckdb"), "--csv", "x"]) == 2


# -- end to end: resume after SIGKILL, bad input ---------------------------------------------

PEOPLE = ["Ana Lopez", "John Smith", "Maria Rossi", "Kenji Tanaka", "Amina Yusuf"]
COUNTRIES = ["Spain", "Britain", "Italy", "Japan", "Nigeria", "France", "Brazil"]


def write_corpus(root: Path, n: int) -> Path:
    """Made-up articles plus every kind of bad input the reader must report."""
    corpus = root / "corpus"
    corpus.mkdir()
    with open(corpus / "a_wire.jsonl", "w", encoding="utf-8") as handle:
        for i in range(n):
            who, there = PEOPLE[i % 5], COUNTRIES[i % 7]
            text = (f"{who}, the foreign minister, met officials in {there} on Tuesday. "
                    f"The talks covered trade and aid, {who} told reporters. "
                    f"Protesters gathered outside the ministry in the capital, police said. "
                    f"Report number {i}.")
            record = {"id": f"w{i:04d}", "text": text, "published": "2024-03-14",
                      "title": f"Talks {i}"}
            handle.write(json.dumps(record) + "\n")
            if i == 3:
                handle.write('{"id": "broken", "text": \n')
            if i == 5:
                handle.write('{"id": "latin", "text": "caf\xe9"}\n'.replace("\xe9", "\\u00e9"))
    with open(corpus / "a_wire.jsonl", "ab") as handle:
        handle.write(b'{"id": "badutf8", "text": "caf\xe9 \xff"}\n')
    (corpus / "b_binary.txt").write_bytes(bytes(range(256)) * 4)
    (corpus / "c_huge.txt").write_text("word " * 2_100_000, encoding="utf-8")
    (corpus / "d_utf16.txt").write_bytes("Ana Lopez met officials.".encode("utf-16"))
    return corpus


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "eventwire.cli", *args]


def progress(master: int, seen: bytearray, at_least: int, deadline: float) -> int:
    """Read the progress meter from the terminal until it shows ``at_least`` articles."""
    done = 0
    stop = time.monotonic() + deadline
    while time.monotonic() < stop and done < at_least:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                seen += os.read(master, 4096)
            except OSError:  # the process ended
                break
            counts = re.findall(rb"\r(\d+) articles", seen)
            done = int(counts[-1]) if counts else 0
    return done


def written(db: Path) -> int:
    """Bytes in the database and its write-ahead log: they grow at each commit."""
    files = (db, db.with_name(db.name + ".wal"))
    return sum(f.stat().st_size for f in files if f.exists())


def run_and_kill(lines: list[bytes], db: Path) -> None:
    """`extract - --db` in a fresh process fed JSON Lines slowly through standard input, with
    standard error on a terminal (so the progress meter shows); SIGKILLed right after its
    first commit, in the middle of its second batch."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(cli("extract", "-", "--db", str(db)), stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    seen = bytearray()
    assert proc.stdin is not None
    try:
        proc.stdin.write(b"".join(lines[:32]))
        proc.stdin.flush()
        assert progress(master, seen, 1, 120) >= 1, seen.decode(errors="replace")
        time.sleep(2.5)  # the writer commits what it holds at its next document after 2 s
        before = written(db)
        proc.stdin.write(b"".join(lines[32:]))  # not closed: the run cannot finish
        proc.stdin.flush()
        stop = time.monotonic() + 60
        while written(db) == before and time.monotonic() < stop and proc.poll() is None:
            time.sleep(0.05)
        time.sleep(1.0)  # let the commit whose first bytes just appeared finish
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        os.close(master)
        proc.stdin.close()


@pytest.mark.model
def test_store_resume_after_sigkill_equals_uninterrupted_run(
        tmp_path: Path, nlp: object, capsys: pytest.CaptureFixture[str]) -> None:
    from eventwire.cli import main

    corpus = write_corpus(tmp_path, 70)
    whole, resumed = tmp_path / "whole.duckdb", tmp_path / "resumed.duckdb"

    assert main(["extract", str(corpus), "--db", str(whole)]) == 1  # the bad inputs
    err = capsys.readouterr().err
    for bad in ("a_wire.jsonl:5: malformed JSON", "not valid UTF-8", "b_binary.txt",
                "c_huge.txt"):
        assert bad in err, err
    assert "latin" not in err and "d_utf16" not in err  # UTF-16 with its BOM is text

    # a fresh process, killed without warning part of the way through
    lines = (corpus / "a_wire.jsonl").read_bytes().splitlines(keepends=True)
    for _attempt in range(3):  # bounded: a kill that landed before the first commit is retried
        run_and_kill([ln for ln in lines if b"badutf8" not in ln], resumed)
        with Store(resumed) as store:
            stored = store.count("articles")
        if stored:
            break
    assert 0 < stored < 71

    assert main(["extract", str(corpus), "--db", str(resumed)]) == 1
    with Store(whole, read_only=True) as a, Store(resumed, read_only=True) as b:
        assert a.counts()["articles"] == 72
        assert dump(a) == dump(b)

    assert main(["extract", str(corpus), "--db", str(whole)]) == 1  # adds nothing
    capsys.readouterr()
    with Store(whole, read_only=True) as a, Store(resumed, read_only=True) as b:
        assert dump(a) == dump(b)


def test_store_writer_isolates_a_document_that_cannot_be_stored() -> None:
    bad = full_document("bad").to_dict()
    bad["events"].append(dict(bad["events"][0]))  # two events with one id: a stage bug
    with Store() as store:
        with store.writer(batch_size=10) as writer:
            for doc in (full_document("a"), bad, full_document("b")):
                writer.add(doc)
        (err,) = writer.drain()
        assert "bad: cannot store: two events share the id 'e1'" in str(err)
        assert [r["id"] for r in store.query("SELECT id FROM articles ORDER BY seq")] == ["a", "b"]


@pytest.mark.parametrize("failure", [
    OSError(28, "No space left on device"),
    "IOException",
    "TransactionException",  # what DuckDB 1.x raises on a real full disk (tmpfs, 2 MB)
])
def test_store_full_disk_stops_the_writer_with_its_cause(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: object) -> None:
    import duckdb

    from eventwire.store.writer import StoreWriteError

    def full(self: Store, datas: object, stories: object) -> None:
        self.con.rollback()  # as a failed commit: the transaction is already gone
        if isinstance(failure, OSError):
            raise failure
        raise getattr(duckdb, str(failure))("TransactionContext Error: Failed to commit: Could "
                                            'not write file "full.duckdb.wal": No space left '
                                            "on device")

    monkeypatch.setattr(Store, "_insert", full)
    with Store(tmp_path / "full.duckdb") as store:
        writer = store.writer(batch_size=2)
        writer.add(full_document("a"))
        with pytest.raises(StoreWriteError, match="No space left on device") as caught:
            writer.add(full_document("b"))
        assert "rollback" not in str(caught.value)
        assert writer.drain() == [] and writer.written == 0

"""The command line: JSON Lines in input order, bad articles reported, exit codes, Unix manners.

Tests that extract carry the ``model`` marker; argument errors, input errors and ``show`` run
without the model.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from test_store import full_document  # pytest puts tests/ (no __init__.py) on sys.path

from eventwire.cli import build_parser, main

SCHEMA_KEYS = {"article", "actors", "events", "quotes", "times", "places"}


@pytest.mark.model
def test_cli_extract_batch_with_bad_articles(tmp_path, capsys, nlp):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "one", "text": "The Chilean president met the Peruvian president in Lima on Friday."}),
        "{broken",
        json.dumps({"id": "three", "text": "Protesters rallied in Quito against the government."}),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = main(["extract", str(src), "--published", "2024-06-10", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert "in.jsonl:2" in err and "malformed" in err
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["article"]["id"] for d in docs] == ["one", "three"]
    assert set(docs[0]) == SCHEMA_KEYS
    assert docs[0]["article"]["published"] == "2024-06-10"


@pytest.mark.model
def test_cli_extract_all_good_exits_zero(tmp_path, capsys, nlp):
    src = tmp_path / "note.txt"
    src.write_text("Officials said talks would continue.", encoding="utf-8")
    assert main(["extract", str(src)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["article"]["id"] == "note"


def test_cli_bad_arguments_exit_two():
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(["extract", "x.txt", "--published", "not-a-date"])
    assert exc.value.code == 2


@pytest.mark.model
def test_cli_stdin(tmp_path):
    line = json.dumps({"id": "s1", "text": "The minister visited Accra."})
    run = subprocess.run([sys.executable, "-m", "eventwire.cli", "extract", "-"], input=line + "\n",
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["article"]["id"] == "s1"


# -- ids shared by two articles, through a real `extract --db` process ------------------------

def _extract(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "eventwire.cli", "extract", *args],
                          capture_output=True, text=True, timeout=300)


def _stored(db) -> dict[str, str]:
    from eventwire.store import Store

    with Store(db, read_only=True) as store:
        return {r["id"]: r["text"] for r in store.query("SELECT id, text FROM articles")}


@pytest.mark.model
def test_cli_db_files_of_one_name_in_two_folders_are_two_articles(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "events.duckdb"
    (corpus / "north").mkdir(parents=True)
    (corpus / "south").mkdir()
    (corpus / "north" / "001.txt").write_text("The governor of Tromso met fishermen on Monday.\n",
                                              encoding="utf-8")
    (corpus / "south" / "001.txt").write_text("Rebels seized the airport near the border.\n",
                                              encoding="utf-8")
    run = _extract(str(corpus), "--db", str(db))
    assert run.returncode == 0, run.stderr
    assert set(_stored(db)) == {"north/001", "south/001"}

    again = _extract(str(corpus), "--db", str(db))  # a resume: the same texts are skipped
    assert again.returncode == 0, again.stderr
    assert again.stderr == "eventwire: 2 articles: 0 new, 2 already stored, 0 errors\n"
    quiet = _extract(str(corpus), "--db", str(db), "--quiet")
    assert (quiet.returncode, quiet.stderr) == (0, "")

    (corpus / "south" / "001.txt").write_text("Farmers blocked a motorway outside the city.\n",
                                              encoding="utf-8")
    changed = _extract(str(corpus), "--db", str(db))
    assert changed.returncode == 1
    assert changed.stderr.splitlines() == [
        "eventwire: skipped south/001: id already stored with a different text (give each "
        "article its own id)", "eventwire: 2 articles: 0 new, 1 already stored, 1 error"]
    assert _stored(db)["south/001"] == "Rebels seized the airport near the border.\n"


@pytest.mark.model
def test_cli_db_a_repeated_jsonl_id_with_another_text_is_an_error(tmp_path):
    feed, db = tmp_path / "feed.jsonl", tmp_path / "events.duckdb"
    first = "The envoy of Chile visited Oslo on Tuesday."
    feed.write_text("\n".join(json.dumps(r) for r in [
        {"id": "k1", "text": first},
        {"id": "k1", "text": "Police arrested a journalist in the port city."},
        {"id": "k2", "text": "The two ministers signed a fishing treaty."},
        {"id": "k1", "text": first},  # the same article twice: nothing to report
    ]) + "\n", encoding="utf-8")
    run = _extract(str(feed), "--db", str(db))
    assert run.returncode == 1
    assert run.stderr.splitlines()[0] == ("eventwire: skipped k1: id already stored with a "
                                          "different text (give each article its own id)")
    assert run.stderr.splitlines()[1:] == ["eventwire: 4 articles: 2 new, 1 already stored, 1 error"]
    assert _stored(db) == {"k1": first, "k2": "The two ministers signed a fishing treaty."}

    again = _extract(str(feed), "--db", str(db))  # resumed: still reported, still not stored
    assert again.returncode == 1 and again.stderr.count("k1: id already stored") == 1
    assert len(_stored(db)) == 2


@pytest.mark.model
def test_cli_db_number_and_string_ids_are_one_id(tmp_path):
    feed, db = tmp_path / "feed.jsonl", tmp_path / "events.duckdb"
    feed.write_text(json.dumps({"id": 7, "text": "The senate rejected the budget on Friday."})
                    + "\n" + json.dumps({"id": "7", "text": "Troops shelled a village overnight."})
                    + "\n", encoding="utf-8")
    run = _extract(str(feed), "--db", str(db))
    assert run.returncode == 1
    assert "eventwire: skipped 7: id already stored with a different text" in run.stderr
    assert _stored(db) == {"7": "The senate rejected the budget on Friday."}


@pytest.mark.model
def test_cli_out_writes_both_articles_of_one_id(tmp_path, capsys, nlp):
    feed, out = tmp_path / "feed.jsonl", tmp_path / "out.jsonl"
    feed.write_text(json.dumps({"id": 7, "text": "The senate rejected the budget."}) + "\n"
                    + json.dumps({"id": "7", "text": "Troops shelled a village."}) + "\n",
                    encoding="utf-8")
    assert main(["extract", str(feed), "--out", str(out)]) == 0
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(d["article"]["id"], d["article"]["text"][:6]) for d in docs] == [("7", "The se"),
                                                                           ("7", "Troops")]
    assert capsys.readouterr().err == "eventwire: 2 articles: 2 extracted, 0 errors\n"


# -- Unix manners: one-line messages, exit codes, pipes, standard input ------------------------

def _cli(*args: str, stdin: str | bytes | None = None) -> subprocess.CompletedProcess[str]:
    data = stdin.decode() if isinstance(stdin, bytes) else stdin
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], input=data,
                          capture_output=True, text=True, timeout=120)


DOC = {"article": {"id": "d1", "title": "Talks", "published": "2024-03-01", "text": "x"},
       "actors": [{"id": "a1", "name": "Chile", "country": "CHL"}],
       "events": [{"type": "CONSULT", "mode": None, "cameo": "040", "source": ["a1"],
                   "target": [], "date": "2024-03-01", "place": None, "modality": "asserted",
                   "attributed_to": None}],
       "quotes": [], "times": [], "places": []}


def test_cli_version():
    from eventwire import __version__

    run = _cli("--version")
    assert (run.returncode, run.stdout.strip()) == (0, f"eventwire {__version__}")


def test_cli_unusable_arguments_are_one_line_and_exit_two(tmp_path):
    from eventwire.store import Store

    feed, db = tmp_path / "feed.jsonl", tmp_path / "empty.duckdb"
    feed.write_text(json.dumps({"text": "The minister spoke."}) + "\n", encoding="utf-8")
    Store(db).close()
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    cases = [
        (["extract", str(feed), "--out", str(tmp_path / "missing" / "out.jsonl")],
         "eventwire extract: --out: cannot write"),
        (["export", "--db", str(db), "--parquet", str(blocker / "parquet")],
         "eventwire export: cannot create folder"),
        (["serve", "--db", str(db), "--port", "99999"], "not a port number (1-65535): '99999'"),
        (["extract", str(feed), "--scheduler", "nowhere"], "not a scheduler address"),
        (["extract", str(feed), "--published", "2024-01-01garbage"], "not a YYYY-MM-DD date"),
        (["extract", str(feed), "--db", str(tmp_path / "missing" / "x.duckdb")],
         "eventwire extract: --db: no folder for"),
    ]
    for args, message in cases:
        run = _cli(*args)
        assert run.returncode == 2, (args, run.stderr)
        assert message in run.stderr and "Traceback" not in run.stderr, (args, run.stderr)


def test_cli_show_bad_inputs_are_one_line_and_exit_one(tmp_path):
    binary, plain = tmp_path / "blob.jsonl", tmp_path / "notes.jsonl"
    binary.write_bytes(bytes(range(256)) * 8 + b"\n" * 500)
    plain.write_text("just some words\nmore words\n", encoding="utf-8")
    expected = {str(tmp_path / "missing.jsonl"): "cannot read",
                str(binary): "binary content, not JSON Lines",
                str(plain): "notes.jsonl:1: not JSON Lines"}
    for path, message in expected.items():
        run = _cli("show", path)
        assert run.returncode == 1, run.stderr
        assert len(run.stderr.splitlines()) == 1 and message in run.stderr, run.stderr


def test_cli_show_reads_standard_input_and_a_database(tmp_path):
    from eventwire.store import Store

    run = _cli("show", "-", stdin=json.dumps(DOC) + "\n")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("# d1  Talks  (published 2024-03-01)")
    assert "CONSULT" in run.stdout and "Chile (CHL)" in run.stdout

    db = tmp_path / "events.duckdb"
    with Store(db) as store:
        store.write(full_document("es-1"))
    run = _cli("show", "--db", str(db))
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("# es-1  Aid") and "AID" in run.stdout
    assert _cli("show").returncode == 2  # neither a file nor --db


def _first_line_then_close(*args: str) -> tuple[str, int, str]:
    """`eventwire ARGS | head -1`: the first line, the exit code, what it wrote on stderr."""
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline().decode()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    return first, proc.wait(timeout=300), err


def test_cli_show_into_a_closed_pipe_ends_quietly(tmp_path):
    feed = tmp_path / "docs.jsonl"
    feed.write_text((json.dumps(DOC) + "\n") * 5000, encoding="utf-8")
    first, code, err = _first_line_then_close("show", str(feed))
    assert first.startswith("# d1")
    assert (code, err) == (141, "")


def test_cli_input_errors_are_reported_once_each(tmp_path):
    fifo, blob = tmp_path / "pipe.jsonl", tmp_path / "blob.jsonl"
    os.mkfifo(fifo)
    blob.write_bytes(bytes(range(256)) * 64 + b"\n" * 494)
    (tmp_path / "dead.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    run = _cli("extract", str(fifo), str(blob), str(tmp_path / "dead.txt"),
               str(tmp_path / "empty.jsonl"))
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        f"eventwire: skipped {fifo}: not a regular file (a FIFO, socket or device); pipe JSON "
        "Lines into - instead",
        f"eventwire: skipped {blob}: binary content, not JSON Lines",
        f"eventwire: skipped {tmp_path / 'dead.txt'}: broken symbolic link",
        f"eventwire: skipped {tmp_path / 'empty.jsonl'}: empty input (no JSON lines)",
        "eventwire: 4 articles: 0 extracted, 4 errors"]


@pytest.mark.model
def test_cli_db_csv_field_over_the_limit_is_skipped_not_fatal(tmp_path):
    from eventwire.articles import MAX_ARTICLE_CHARS

    feed, later, db = tmp_path / "feed.csv", tmp_path / "later.txt", tmp_path / "events.duckdb"
    huge = "word " * (MAX_ARTICLE_CHARS // 5 + 1)
    feed.write_text('id,text\nc1,"The minister of Peru visited Quito."\n'
                    f'c2,"{huge}"\nc3,"Police arrested two journalists in Lima."\n',
                    encoding="utf-8")
    later.write_text("The senate rejected the budget on Friday.\n", encoding="utf-8")
    run = _extract(str(feed), str(later), "--db", str(db))
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        f"eventwire: skipped {feed}:3: field 'text' too large ({len(huge)} characters > "
        f"{MAX_ARTICLE_CHARS})", "eventwire: 4 articles: 3 new, 0 already stored, 1 error"]
    assert set(_stored(db)) == {"c1", "c3", "later"}


@pytest.mark.model
def test_cli_db_full_disk_is_reported_once_and_stops(tmp_path, capsys, monkeypatch, nlp):
    import duckdb

    from eventwire.store import Store

    def full(self, datas, stories):  # as a failed commit: the transaction is already gone
        self.con.rollback()
        raise duckdb.IOException('IO Error: Could not write file "events.duckdb.wal": '
                                 'No space left on device')

    monkeypatch.setattr(Store, "_insert", full)
    feed, db = tmp_path / "feed.jsonl", tmp_path / "events.duckdb"
    feed.write_text("".join(json.dumps({"id": f"n{i}", "text": "The envoy visited Oslo."}) + "\n"
                            for i in range(3)), encoding="utf-8")
    assert main(["extract", str(feed), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [f"eventwire: cannot write database {db}: IO Error: Could not "
                                'write file "events.duckdb.wal": No space left on device']


@pytest.mark.model
def test_cli_extract_into_a_closed_pipe_ends_quietly(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"p{i}", "text": "Talks resumed in Geneva."}) + "\n"
                            for i in range(200)), encoding="utf-8")
    first, code, err = _first_line_then_close("extract", str(feed))
    assert json.loads(first)["article"]["id"] == "p0"
    assert (code, err) == (141, "")


@pytest.mark.model
def test_cli_publication_dates_at_the_calendar_edges(tmp_path):
    feed, db = tmp_path / "feed.jsonl", tmp_path / "events.duckdb"
    text = "The president met the minister yesterday and will visit Paris next week."
    feed.write_text(json.dumps({"id": "first", "text": text, "published": "0001-01-01"}) + "\n"
                    + json.dumps({"id": "last", "text": text, "published": "9999-12-31"}) + "\n",
                    encoding="utf-8")
    run = _extract(str(feed), "--db", str(db))
    assert run.returncode == 0, run.stderr
    assert run.stderr == "eventwire: 2 articles: 2 new, 0 already stored, 0 errors\n"
    assert set(_stored(db)) == {"first", "last"}


def test_cli_serve_prints_its_url(tmp_path):
    import socket

    from eventwire.store import Store

    db = tmp_path / "events.duckdb"
    Store(db).close()
    with socket.socket() as probe:  # a port nobody holds
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db),
                             "--port", str(port)], stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert line == f"eventwire serve: {db} at http://127.0.0.1:{port}/ (Ctrl-C to stop)\n"


@pytest.mark.model
def test_cli_verbose_reports_each_article(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Officials said talks would continue.", encoding="utf-8")
    run = _cli("-v", "extract", str(note))
    assert run.returncode == 0, run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 2 and re.fullmatch(r"eventwire: note: \d+ events", lines[0])
    assert lines[1] == "eventwire: 1 article: 1 extracted, 0 errors"


def test_cli_bad_databases_and_gold_files_are_one_line_and_exit_one(tmp_path):
    feed, junk = tmp_path / "feed.jsonl", tmp_path / "junk.duckdb"
    feed.write_text(json.dumps({"text": "The minister spoke."}) + "\n", encoding="utf-8")
    junk.write_bytes(bytes(range(256)) * 64)
    cases = [
        (["extract", str(feed), "--db", str(feed)], "a data file DuckDB reads, not a database"),
        (["actors", "--db", str(junk)], "eventwire actors: cannot open database"),
        (["show", "--db", str(junk)], "eventwire: cannot open database"),
        (["evaluate", "--doc", str(junk), "--gold", str(junk)], "eventwire evaluate: --doc/--gold"),
    ]
    for args, message in cases:
        run = _cli(*args)
        assert run.returncode == 1, (args, run.stderr)
        assert len(run.stderr.splitlines()) == 1 and message in run.stderr, (args, run.stderr)
    assert feed.read_text(encoding="utf-8").startswith('{"text"')  # left as it was

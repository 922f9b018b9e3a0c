"""The command line: JSON Lines in input order, bad articles reported, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from eventwire.cli import build_parser, main

pytestmark = pytest.mark.model

SCHEMA_KEYS = {"article", "actors", "events", "quotes", "times", "places"}


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
    assert again.returncode == 0 and "skipped" not in again.stderr, again.stderr

    (corpus / "south" / "001.txt").write_text("Farmers blocked a motorway outside the city.\n",
                                              encoding="utf-8")
    changed = _extract(str(corpus), "--db", str(db))
    assert changed.returncode == 1
    assert changed.stderr.strip() == ("eventwire: skipped south/001: id already stored with a "
                                      "different text (give each article its own id)")
    assert _stored(db)["south/001"] == "Rebels seized the airport near the border.\n"


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
    assert run.stderr.strip() == ("eventwire: skipped k1: id already stored with a different "
                                  "text (give each article its own id)")
    assert _stored(db) == {"k1": first, "k2": "The two ministers signed a fishing treaty."}

    again = _extract(str(feed), "--db", str(db))  # resumed: still reported, still not stored
    assert again.returncode == 1 and again.stderr.count("k1: id already stored") == 1
    assert len(_stored(db)) == 2


def test_cli_db_number_and_string_ids_are_one_id(tmp_path):
    feed, db = tmp_path / "feed.jsonl", tmp_path / "events.duckdb"
    feed.write_text(json.dumps({"id": 7, "text": "The senate rejected the budget on Friday."})
                    + "\n" + json.dumps({"id": "7", "text": "Troops shelled a village overnight."})
                    + "\n", encoding="utf-8")
    run = _extract(str(feed), "--db", str(db))
    assert run.returncode == 1
    assert "eventwire: skipped 7: id already stored with a different text" in run.stderr
    assert _stored(db) == {"7": "The senate rejected the budget on Friday."}


def test_cli_out_writes_both_articles_of_one_id(tmp_path, capsys, nlp):
    feed, out = tmp_path / "feed.jsonl", tmp_path / "out.jsonl"
    feed.write_text(json.dumps({"id": 7, "text": "The senate rejected the budget."}) + "\n"
                    + json.dumps({"id": "7", "text": "Troops shelled a village."}) + "\n",
                    encoding="utf-8")
    assert main(["extract", str(feed), "--out", str(out)]) == 0
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(d["article"]["id"], d["article"]["text"][:6]) for d in docs] == [("7", "The se"),
                                                                           ("7", "Troops")]
    assert capsys.readouterr().err == ""

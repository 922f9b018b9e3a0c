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

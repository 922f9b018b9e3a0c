"""The Dask path against a real `dask scheduler` and two `dask worker` processes."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.errors import ArticleError
from eventwire.records import Article

pytestmark = [
    pytest.mark.model,
    pytest.mark.slow,
]

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def articles() -> list[Article | ArticleError]:
    texts = [
        "Prime Minister Ana Lopez met President John Smith in Madrid on Tuesday.",
        "Police arrested 12 protesters outside parliament in London, officials said.",
        "Japan agreed to send food aid to Nigeria after the floods, the ministry said.",
        "Italy's foreign minister accused Russia of violating the ceasefire.",
        "Brazil threatened sanctions against the company on Friday.",
        "Thousands marched in Paris on Saturday to protest the pension reform.",
        "The United Nations called for an immediate ceasefire in Sudan.",
    ]
    out: list[Article | ArticleError] = []
    for i in range(8):
        out.append(Article(id=f"s{i}", text=f"{texts[i % 7]} Item {i}."))
        if i == 4:
            out.append(ArticleError("input:5", "empty article"))
    return out


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    dask = shutil.which("dask", path=str(BIN)) or shutil.which("dask")
    if dask is None:
        pytest.skip("the dask command is not installed")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        for _ in range(2):
            procs.append(subprocess.Popen(
                [dask, "worker", address, "--host", "127.0.0.1", "--nworkers", "1",
                 "--nthreads", "1", "--no-dashboard", "--memory-limit", "0"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        from distributed import Client

        deadline = time.monotonic() + 60
        while True:  # bounded: the scheduler may take a moment to listen
            try:
                with Client(address, timeout="5s") as client:
                    client.wait_for_workers(2, timeout=max(deadline - time.monotonic(), 1))
                break
            except (OSError, TimeoutError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield address
    finally:
        for proc in reversed(procs):
            proc.kill()
        for proc in procs:
            proc.wait(timeout=30)


def as_dicts(results: list[object]) -> list[object]:
    return [r.to_dict() if hasattr(r, "to_dict") else str(r) for r in results]


def test_scale_two_workers_equal_single_process(scheduler: str, nlp: object) -> None:
    from distributed import Client

    from eventwire.pipeline import extract_many
    from eventwire.scale import extract_distributed, worker_info

    single = as_dicts(list(extract_many(articles(), nlp=nlp)))  # type: ignore[arg-type]
    with Client(scheduler) as client:
        spread = as_dicts(list(extract_distributed(articles(), client, batch_size=3)))
        info = client.run(worker_info)
    assert spread == single
    assert len(info) == 2
    assert [w["model_loads"] for w in info.values()] == [1, 1]
    assert "input:5: empty article" in single


def test_scale_cli_scheduler_writes_the_same_db(scheduler: str, tmp_path: Path) -> None:
    from eventwire.cli import main
    from eventwire.store import Store

    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps({"id": a.id, "text": a.text}) + "\n"
                              for a in articles() if isinstance(a, Article)), encoding="utf-8")
    assert main(["extract", str(corpus), "--db", str(tmp_path / "one.duckdb")]) == 0
    assert main(["extract", str(corpus), "--db", str(tmp_path / "dask.duckdb"),
                 "--scheduler", scheduler, "--out", str(tmp_path / "dask.jsonl")]) == 0
    with Store(tmp_path / "one.duckdb", read_only=True) as one, \
            Store(tmp_path / "dask.duckdb", read_only=True) as spread:
        for table in ("articles", "actors", "events", "quotes", "places", "stories"):
            sql = f"SELECT * FROM {table} ORDER BY ALL"
            assert one.query(sql) == spread.query(sql)
    lines = (tmp_path / "dask.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["article"]["id"] for line in lines] == [f"s{i}" for i in range(8)]


# Short wire items of my own: people named in full once and bare before and after, and
# events several of them report (a meeting, arrests, a march).
STORY_CORPUS = [
    ("a01", "2024-03-01", "Vargas called on Bolivia to reopen the border on Friday."),
    ("a02", "2024-03-02", "Chilean President Ana Torres met Argentine President Javier Milei "
                          "in Buenos Aires on Saturday."),
    ("a03", "2024-03-03", "Torres and Milei signed a trade agreement in Buenos Aires, "
                          "officials said."),
    ("a04", "2024-03-03", "Police arrested 40 protesters in Santiago on Sunday after clashes "
                          "near the presidential palace."),
    ("a05", "2024-03-04", "Chilean police arrested dozens of protesters in Santiago, "
                          "witnesses said."),
    ("a06", "2024-03-05", "Peruvian Foreign Minister Elena Vargas accused Bolivia of "
                          "violating the border agreement."),
    ("a07", "2024-03-06", "Vargas called on Bolivia to withdraw its troops from the border "
                          "on Wednesday."),
    ("a08", "2024-03-06", "Torres criticised Bolivia over the border dispute, her office said."),
    ("a09", "2024-03-07", "Bolivian President Luis Arce rejected the accusations made by Peru."),
    ("a10", "2024-03-08", "Arce met Torres in La Paz on Friday to discuss lithium exports."),
    ("a11", "2024-03-08", "Milei threatened to impose tariffs on Chilean copper."),
    ("a12", "2024-03-09", "Thousands of workers marched in Santiago on Saturday to protest "
                          "against the pension reform."),
    ("a13", "2024-03-10", "Protesters marched through Santiago again on Sunday against the "
                          "pension reform."),
    ("a14", "2024-03-11", "Vargas visited Santiago and met Torres to discuss the border crisis."),
]


def write_jsonl(path: Path, ids: list[str]) -> Path:
    rows = {aid: (pub, text) for aid, pub, text in STORY_CORPUS}
    path.write_text("".join(json.dumps({"id": aid, "published": rows[aid][0],
                                        "text": rows[aid][1]}) + "\n" for aid in ids),
                    encoding="utf-8")
    return path


def settled_tables(db: Path) -> dict[str, list[dict[str, object]]]:
    from eventwire.store import Store

    with Store(db, read_only=True) as store:
        return {t: store.query(f"SELECT * FROM {t} ORDER BY ALL")
                for t in ("actors", "events", "stories", "story_reports")}


def test_scale_resume_after_a_failed_batch_equals_uninterrupted_run(
        scheduler: str, tmp_path: Path) -> None:
    """Defect 8 of issue 16: actors and stories depend on the stored articles only."""
    from eventwire.cli import main

    ids = [aid for aid, _, _ in STORY_CORPUS]
    corpus = write_jsonl(tmp_path / "corpus.jsonl", ids)
    whole = tmp_path / "whole.duckdb"
    assert main(["extract", str(corpus), "--db", str(whole)]) == 0
    expected = settled_tables(whole)
    # a registry was at work: once settled, Vargas is completed from what a06 says of her,
    # in the articles after it and before it (the whole stored corpus)
    vargas = {(r["article_id"], r["country_source"]) for r in expected["actors"]
              if str(r["name"]).endswith("Vargas")}
    assert ("a06", "text") in vargas and {("a01", "registry"), ("a07", "registry")} <= vargas, \
        vargas
    assert len(expected["stories"]) < len(expected["events"])  # some reports share a story

    # the batch holding a01, a03 and a04 failed; the resumed run stores them last
    failed = tmp_path / "failed.duckdb"
    assert main(["extract", str(write_jsonl(tmp_path / "part.jsonl",
                                            [i for i in ids if i not in ("a01", "a03", "a04")])),
                 "--db", str(failed)]) == 0
    assert main(["extract", str(corpus), "--db", str(failed)]) == 0
    # interrupted after six articles, then resumed
    cut = tmp_path / "cut.duckdb"
    assert main(["extract", str(write_jsonl(tmp_path / "first.jsonl", ids[:6])),
                 "--db", str(cut)]) == 0
    assert main(["extract", str(corpus), "--db", str(cut)]) == 0
    # the whole corpus on two Dask workers, arriving in reverse order
    spread = tmp_path / "dask.duckdb"
    assert main(["extract", str(write_jsonl(tmp_path / "reversed.jsonl", ids[::-1])),
                 "--db", str(spread), "--scheduler", scheduler]) == 0
    for db in (failed, cut, spread):
        assert settled_tables(db) == expected, db.name
